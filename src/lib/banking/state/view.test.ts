// The reconcile screen's layout helpers: which row is matched, locked, proposed or in conflict; what
// "accept all above the threshold" takes; which ledger lines a person can pick by hand.
import { describe, expect, it } from 'vitest';
import type { DecimalString, IsoDate } from '$lib/shared/domain';
import {
	resolveClaims,
	type BankLineRecord,
	type MatchDecision,
	type MatchResult,
	type StatementRecord
} from '$lib/banking/domain';
import type { JournalEntry } from '$lib/books/domain';
import {
	describeCheck,
	maskIdentifier,
	openLedgerLines,
	reconcileRows,
	statementSummary,
	sureProposals
} from './view';

const line = (id: string, date: string, amount: string): BankLineRecord => ({
	schemaVersion: 1,
	id,
	bankAccountId: 'ba',
	date: date as IsoDate,
	amount: amount as DecimalString,
	payee: `P ${id}`,
	memo: ''
});
const LINES = [
	line('l1', '2026-01-03', '-10.00'),
	line('l2', '2026-01-01', '5.00'),
	line('l3', '2026-01-02', '-7.50'),
	line('l4', '2026-01-04', '1.00')
];
const statement: StatementRecord = {
	schemaVersion: 1,
	id: 's',
	bankAccountId: 'ba',
	fileName: 'a.ofx',
	format: 'ofx',
	balanceCheck: 'n/a',
	acceptedMismatch: false,
	lineIds: LINES.map((l) => l.id),
	importedAt: '',
	importedBy: 'm'
};
const decision = (id: string, bank: string, entryId: string, clock: number): MatchDecision => ({
	schemaVersion: 1,
	id,
	kind: 'accept',
	bankAccountId: 'ba',
	bankLineIds: [bank],
	ledgerLines: [{ entryId, lineIndex: 0 }],
	clock,
	by: 'm',
	at: ''
});

describe('reconcileRows', () => {
	it('orders by date and marks matched, locked, proposed and conflicting lines', () => {
		const claims = resolveClaims({
			decisions: [
				decision('d1', 'l1', 'e1', 1),
				decision('d2', 'l2', 'e2', 1),
				decision('d3', 'l3', 'e1', 2)
			],
			reconciliations: [
				{
					schemaVersion: 1,
					id: 'old',
					bankAccountId: 'ba',
					statementBalance: '0' as DecimalString,
					clearedBalance: '0' as DecimalString,
					lineIds: ['l2'],
					decisionIds: ['d2'],
					finishedAt: '',
					by: 'm'
				}
			]
		});
		const proposals: MatchResult = {
			matches: [
				{
					kind: 'amount-date',
					bankLineIds: ['l4'],
					ledgerLineIds: ['e9#0'],
					score: 0.95,
					reasons: ['amount exact'],
					autoAccept: true
				}
			],
			ruleProposals: [
				{
					bankLineId: 'l3',
					ruleName: 'Rule',
					lines: [],
					ruleId: 'r',
					account: 'fees',
					memo: '',
					dimensions: {},
					score: 0.6,
					reasons: ['payee rule']
				}
			],
			unmatchedBankLineIds: ['l3'],
			unmatchedLedgerLineIds: [],
			budgetExhausted: false
		};
		const rows = reconcileRows({
			statement,
			line: (id) => LINES.find((l) => l.id === id),
			claims,
			proposals
		});
		expect(rows.map((r) => [r.line.id, r.state])).toEqual([
			['l2', 'locked'],
			['l3', 'unmatched'],
			['l1', 'matched'],
			['l4', 'proposed']
		]);
		const l3 = rows[1];
		expect(l3?.conflicts.map((c) => c.against)).toEqual(['d1']);
		expect(l3?.rule?.account).toBe('fees');
		expect(sureProposals(rows, 0.9)).toHaveLength(1);
		expect(sureProposals(rows, 0.96)).toHaveLength(0);
	});
});

describe('openLedgerLines', () => {
	it('offers unclaimed lines of the linked account with the same sign, nearest date first', () => {
		const entry = (id: string, date: string, amount: string, account = 'bank'): JournalEntry => ({
			schemaVersion: 1,
			id,
			date: date as IsoDate,
			memo: id,
			status: 'posted',
			lines: [
				{ account, amount: amount as DecimalString, commodity: 'USD' },
				{
					account: 'other',
					amount: (amount.startsWith('-') ? amount.slice(1) : `-${amount}`) as DecimalString,
					commodity: 'USD'
				}
			]
		});
		const entries = [
			entry('e1', '2026-01-10', '-4.00'),
			entry('e2', '2026-01-02', '-6.00'),
			entry('e3', '2026-01-03', '3.00'),
			entry('e4', '2026-01-03', '-1.00', 'cash')
		];
		const claims = resolveClaims({ decisions: [decision('d', 'lx', 'e2', 1)], reconciliations: [] });
		expect(
			openLedgerLines({ entries, ledgerAccountId: 'bank', claims, date: '2026-01-04', amount: '-10.00' }).map(
				(l) => l.id
			)
		).toEqual(['e1#0']);
		const none = resolveClaims({ decisions: [], reconciliations: [] });
		expect(
			openLedgerLines({
				entries,
				ledgerAccountId: 'bank',
				claims: none,
				date: '2026-01-04',
				amount: '-10.00'
			}).map((l) => l.id)
		).toEqual(['e2#0', 'e1#0']);
	});
});

describe('labels', () => {
	it('masks identifiers and words balance checks with their figures', () => {
		expect(maskIdentifier('DE14 7406 1813 0000 0336 26')).toBe('•••• 3626');
		expect(maskIdentifier('123')).toBe('123');
		expect(
			describeCheck({
				status: 'mismatch',
				opening: '24.16' as DecimalString,
				closing: '27.61' as DecimalString,
				linesTotal: '-164.10' as DecimalString,
				difference: '167.55' as DecimalString
			})
		).toBe('Does not add up: opening 24.16 + lines -164.10 ≠ closing 27.61 (off by 167.55)');
		expect(
			statementSummary({
				format: 'camt.053',
				currency: 'EUR',
				lines: [{ date: '2024-03-12' }, { date: '2013-12-30' }] as never
			})
		).toBe('CAMT.053 · 2 lines · 2013-12-30 to 2024-03-12 · EUR');
	});
});
