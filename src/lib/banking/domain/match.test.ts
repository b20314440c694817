import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecimalString, IsoDate } from '../../shared/domain';
import { FIXTURES } from './fixtures.helper';
import { matchStatementLines } from './match';
import type { BankLineInput, LedgerLineInput } from './match-types';
import { evaluateMatches, generateReconCases } from './recon-cases';
import { payeeSimilarity } from './similarity';

const d = (s: string) => s as IsoDate;
const a = (s: string) => s as DecimalString;
const bankLine = (
	id: string,
	date: string,
	amount: string,
	payee = '',
	extra: Partial<BankLineInput> = {}
): BankLineInput => ({ id, date: d(date), amount: a(amount), payee, memo: '', ...extra });
const ledgerLine = (
	id: string,
	date: string,
	amount: string,
	payee = '',
	extra: Partial<LedgerLineInput> = {}
): LedgerLineInput => ({
	id,
	entryId: 'e' + id,
	date: d(date),
	amount: a(amount),
	payee,
	memo: '',
	...extra
});

describe('payee similarity', () => {
	it('scores bank spellings of the same payee high and different payees low', () => {
		expect(payeeSimilarity('AMZN MKTP US*2K3', 'Amazon')).toBeGreaterThanOrEqual(0.8);
		expect(payeeSimilarity('STARBUCKS STORE 07604', 'Starbucks')).toBe(1);
		expect(payeeSimilarity('The Home Depot #0612', 'Home Depot')).toBe(1);
		expect(payeeSimilarity('AMZN MKTP US*2K3', 'Starbucks')).toBeLessThan(0.3);
		expect(payeeSimilarity('', 'Amazon')).toBe(0);
	});
});

describe('matchStatementLines', () => {
	it('a sure match beats a doubtful one: reference first, then closest date, each ledger line claimed once', () => {
		const r = matchStatementLines({
			bankLines: [
				bankLine('b1', '2024-04-08', '-12.39', 'Acme'),
				bankLine('b2', '2024-04-12', '-12.39', 'Acme'),
				bankLine('b3', '2024-04-12', '-5.00', 'X', { bankRef: 'R9' })
			],
			ledgerLines: [
				ledgerLine('l1', '2024-04-12', '-12.39', 'Acme Inc.'),
				ledgerLine('l2', '2024-04-12', '-5.00', 'Other', { bankRef: 'R9' })
			]
		});
		expect(r.matches.map((m) => [m.kind, m.bankLineIds, m.ledgerLineIds])).toEqual([
			['reference', ['b3'], ['l2']],
			['amount-date', ['b2'], ['l1']]
		]);
		expect(r.matches[0]).toMatchObject({ score: 1, autoAccept: true });
		expect(r.matches[1]?.reasons).toEqual(expect.arrayContaining(['amount exact', 'same day']));
		expect(r.unmatchedBankLineIds).toEqual(['b1']);
	});
	it('a deposit covering three invoices, and two card payments for one bill', () => {
		const r = matchStatementLines({
			bankLines: [
				bankLine('dep', '2024-05-10', '1234.50', 'ACME CORP PAYMENT'),
				bankLine('p1', '2024-05-02', '-40.00', 'SHELL OIL'),
				bankLine('p2', '2024-05-03', '-60.00', 'SHELL OIL')
			],
			ledgerLines: [
				ledgerLine('i1', '2024-05-08', '1000.00', 'Acme Corp'),
				ledgerLine('i2', '2024-05-07', '200.00', 'Acme Corp'),
				ledgerLine('i3', '2024-05-09', '34.50', 'Acme Corp'),
				ledgerLine('bill', '2024-05-01', '-100.00', 'Shell')
			]
		});
		const byKind = Object.fromEntries(r.matches.map((m) => [m.kind, m]));
		expect([...(byKind['one-bank-many-ledger']?.ledgerLineIds ?? [])].sort()).toEqual(['i1', 'i2', 'i3']);
		expect(byKind['one-bank-many-ledger']?.reasons[0]).toBe('3 lines add up to 1234.50');
		expect([...(byKind['many-bank-one-ledger']?.bankLineIds ?? [])].sort()).toEqual(['p1', 'p2']);
	});
	it('rules propose entries only for lines nothing matched; autoAccept follows the threshold', () => {
		const r = matchStatementLines({
			bankLines: [
				bankLine('fee', '2024-01-31', '-12.00', 'MONTHLY SERVICE FEE'),
				bankLine('x', '2024-01-05', '-9.99', 'NETFLIX.COM')
			],
			ledgerLines: [ledgerLine('n', '2024-01-03', '-9.99', 'Netflix')],
			options: {
				autoAcceptThreshold: 0.99,
				rules: [
					{
						id: 'fees',
						name: 'Fees',
						enabled: true,
						order: 'a0',
						conditions: { payee: { test: 'contains', text: 'service fee' }, direction: 'out' },
						outcome: { account: 'Expenses:Bank Fees', dimensions: { class: 'management-general' } }
					}
				]
			}
		});
		expect(r.ruleProposals).toEqual([
			expect.objectContaining({
				bankLineId: 'fee',
				account: 'Expenses:Bank Fees',
				dimensions: { class: 'management-general' }
			})
		]);
		expect(r.matches[0]?.autoAccept).toBe(false);
	});
});

describe('matching properties', () => {
	const line = fc.record({
		day: fc.integer({ min: 0, max: 40 }),
		cents: fc.integer({ min: -3000, max: 3000 }).filter((c) => c !== 0),
		payee: fc.constantFrom('Acme', 'ACME CORP', 'Shell', 'SHELL OIL 123', 'Amazon', 'AMZN MKTP', ''),
		ref: fc.option(fc.constantFrom('R1', 'R2', 'R3'), { nil: undefined }),
		locked: fc.boolean()
	});
	const date = (day: number) => d(`2024-03-${String(1 + (day % 28)).padStart(2, '0')}`);
	const money = (c: number) =>
		a(`${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`);
	it('no line is ever claimed twice and locked lines are never matched', () => {
		fc.assert(
			fc.property(fc.array(line, { maxLength: 25 }), fc.array(line, { maxLength: 40 }), (bs, ls) => {
				const bankLines = bs.map((x, i) =>
					bankLine(`b${i}`, date(x.day), money(x.cents), x.payee, {
						...(x.ref ? { bankRef: x.ref } : {}),
						reconciled: x.locked
					})
				);
				const ledgerLines = ls.map((x, i) =>
					ledgerLine(`l${i}`, date(x.day), money(x.cents), x.payee, {
						...(x.ref ? { bankRef: x.ref } : {}),
						reconciled: x.locked
					})
				);
				const r = matchStatementLines({ bankLines, ledgerLines });
				const seenB = r.matches
					.flatMap((m) => m.bankLineIds)
					.concat(r.ruleProposals.map((p) => p.bankLineId));
				const seenL = r.matches.flatMap((m) => m.ledgerLineIds);
				expect(new Set(seenB).size).toBe(seenB.length);
				expect(new Set(seenL).size).toBe(seenL.length);
				const locked = new Set([...bankLines, ...ledgerLines].filter((x) => x.reconciled).map((x) => x.id));
				for (const id of [...seenB, ...seenL, ...r.unmatchedBankLineIds, ...r.unmatchedLedgerLineIds])
					expect(locked.has(id)).toBe(false);
				for (const m of r.matches) {
					expect(m.score).toBeGreaterThanOrEqual(0);
					expect(m.score).toBeLessThanOrEqual(1);
					const sum = (ids: readonly string[], xs: readonly { id: string; amount: string }[]) =>
						ids.reduce((t, id) => t + Math.round(Number(xs.find((x) => x.id === id)?.amount) * 100), 0);
					expect(sum(m.bankLineIds, bankLines)).toBe(sum(m.ledgerLineIds, ledgerLines));
				}
			}),
			{ numRuns: 300 }
		);
	});
});

describe('labelled cases', () => {
	it('generated cases: auto-accept precision >= 99.5% and suggestion recall >= 90%', () => {
		for (const seed of [11, 12, 13]) {
			const c = generateReconCases(seed, 2000);
			const q = evaluateMatches(
				c,
				matchStatementLines({ bankLines: c.bankLines, ledgerLines: c.ledgerLines })
			);
			expect(q.autoAccepted).toBeGreaterThan(500);
			expect(q.precision).toBeGreaterThanOrEqual(0.995);
			expect(q.recall).toBeGreaterThanOrEqual(0.9);
		}
	});
	it('the generator is deterministic per seed', () => {
		expect(generateReconCases(5, 50)).toEqual(generateReconCases(5, 50));
		expect(generateReconCases(5, 50)).not.toEqual(generateReconCases(6, 50));
	});
});

describe("Actual's reconcile cases (recon/actual-reconcile-cases.json)", () => {
	interface Tx {
		date: string;
		amount?: string;
		payee?: string;
		imported_id?: string | null;
		ref?: string;
		cleared?: boolean;
		is_parent?: boolean;
		parent?: string;
	}
	const data = JSON.parse(readFileSync(`${FIXTURES}/recon/actual-reconcile-cases.json`, 'utf8')) as {
		cases: { id: string; existing?: Tx[]; incoming?: Tx[]; options?: { strictIdChecking?: unknown } }[];
	};
	const byId = (id: string) =>
		data.cases.find((c) => c.id === id) as {
			existing: Tx[];
			incoming: Tx[];
			options?: { strictIdChecking?: unknown };
		};
	const run = (id: string, keep: (t: Tx) => boolean = () => true) => {
		const c = byId(id);
		const amount = (t: Tx) => (t.amount === undefined || t.amount === '(same)' ? '-12.39' : t.amount);
		return matchStatementLines({
			bankLines: c.incoming
				.filter((t) => t.amount !== undefined || id !== 'actual-09-missing-fields')
				.map((t, i) =>
					bankLine(
						`in${i}`,
						t.date,
						amount(t),
						t.payee ?? '',
						t.imported_id ? { bankRef: t.imported_id } : {}
					)
				),
			ledgerLines: c.existing.filter(keep).map((t, i) =>
				ledgerLine(t.ref ?? `ex${i}`, t.date, amount(t), t.payee ?? '', {
					...(t.imported_id ? { bankRef: t.imported_id } : {}),
					...(t.cleared ? { cleared: false } : {})
				})
			),
			options: { strictBankRefs: c.options?.strictIdChecking !== false }
		});
	};
	const pairs = (r: ReturnType<typeof matchStatementLines>) =>
		r.matches.map((m) => [...m.bankLineIds, ...m.ledgerLineIds]);
	it('01 fuzzy match by amount within 7 days; 02 strict ids keep different bank ids apart; 03 not strict merges them', () => {
		expect(pairs(run('actual-01-fuzzy-match-no-id'))).toEqual([['in0', 'ex0']]);
		expect(pairs(run('actual-02-different-ids-not-merged'))).toEqual([]);
		expect(pairs(run('actual-03-different-ids-merged-when-not-strict'))).toEqual([['in0', 'ex0']]);
	});
	it('04 tie goes to the unlinked candidate; 05 closer date beats unlinked; 06 closest date wins across the batch', () => {
		expect(pairs(run('actual-04-tie-prefers-unlinked-candidate'))).toEqual([['in0', 'not-yet-imported']]);
		const c5 = run('actual-05-closer-date-beats-unlinked');
		expect(pairs(c5)).toEqual([['in0', 'alreadyImported']]);
		expect(pairs(run('actual-06-batch-closest-date-wins'))).toEqual([['in1', 'existing']]);
	});
	it('07 parent matched by bank id, child stays new; 08 a bank-side split line can match; 09 missing amount is no match', () => {
		// Keel's ledger lines are the bank account's lines: a split's category children are not among them (07),
		// while a split recorded as two bank-account lines is (08).
		const r7 = run(
			'actual-07-split-children-of-matched-parent-not-fuzzy-matched',
			(t) => t.parent === undefined
		);
		expect(pairs(r7)).toEqual([['in1', 'split-parent']]);
		expect(r7.unmatchedBankLineIds).toEqual(['in0']);
		expect(
			pairs(run('actual-08-split-child-of-unmatched-parent-can-match', (t) => t.is_parent !== true))
		).toEqual([['in0', 'split-child-1']]);
		expect(pairs(run('actual-09-missing-fields'))).toEqual([['in0', 'one']]);
	});
});
