// BankingState without a browser: the verbs the Banking screens call, over a books shard persisted to
// fake-indexeddb, with the banking worker's functions called in-process (no Worker in Node). Covers bank
// account creation, linked import of a several-account CSV (all or nothing), rules, "Create entry" with
// dimensions, and the catch-up logic that only shows proposals and rule counts computed on current books.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { parseStatementFile, checkBalance, type Statement } from '$lib/banking/domain';
import { fixtureBytes } from '$lib/banking/domain/fixtures.helper';
import { unwrap, type DecimalString, type IsoDate, type Result } from '$lib/shared/domain';
import { openPersistedBooks } from '$lib/books/testing/persisted-books';
import { bankingApi } from '$lib/banking/worker/api';
import { BankingState } from './banking.svelte';
import { BooksState } from '../../books/state/books.svelte';
import { suggestLinks } from './view';
import { refused } from '$lib/shared/testing/refused';

vi.mock('$lib/banking/rpc/client', () => ({ bankingWorker: () => bankingApi }));
vi.mock('$lib/books/rpc/client', () => ({
	booksWorker: () => ({ summary: async () => ({ ok: false, error: { code: 'test', message: 'no worker' } }) })
}));

/** The value of a verb that must succeed here. */
function must<T>(v: Result<T>): T {
	if (!v.ok) throw new Error(v.error.message);
	return v.value;
}

let n = 0;
async function open() {
	const ws = `ws-state-${++n}`;
	const shard = await openPersistedBooks(ws);
	const booksReplica = shard.books;
	unwrap(booksReplica.applyChartTemplate('nonprofit'));
	const books = new BooksState(ws);
	books.attach(booksReplica);
	const banking = new BankingState(ws, 'member-1');
	banking.attach(shard.banking, booksReplica, books);
	const byName = (name: string) => {
		const a = books.accounts.find((x) => x.name === name);
		if (!a) throw new Error(`no account ${name}`);
		return a.id;
	};
	const close = async () => {
		banking.destroy();
		books.destroy();
		await shard.close();
	};
	return { ws, books, banking, byName, close };
}

/** A USD bank account "Checking" linked to the chart's Operating Bank. */
const checking = (banking: BankingState, byName: (name: string) => string) =>
	must(
		banking.createBankAccount({
			name: 'Checking',
			institution: '',
			currency: 'USD',
			identifier: '',
			ledger: { existing: byName('Operating Bank') }
		})
	);

const parsed = (file: string) => {
	const statements = unwrap(
		parseStatementFile({ bytes: fixtureBytes(file), fileName: file.split('/').pop() as string })
	);
	return { statements, checks: statements.map((s) => checkBalance(s)) };
};

function oneLine(payee: string, amount: string, id = 'l1'): Statement {
	return {
		format: 'ofx',
		fileName: 'march.ofx',
		account: {},
		lines: [
			{
				id,
				date: '2026-03-02' as IsoDate,
				amount: amount as DecimalString,
				payee,
				memo: 'CARD 1234',
				sourceLine: 1
			}
		],
		warnings: []
	};
}

describe('BankingState', () => {
	it('creates bank accounts: names the problem, links an existing bank account or makes one', async () => {
		const { banking, byName, close } = await open();
		const noName = banking.createBankAccount({
			name: ' ',
			institution: '',
			currency: 'USD',
			identifier: '',
			ledger: { existing: byName('Operating Bank') }
		});
		expect(noName).toEqual(refused('Name: required.'));
		const wrong = banking.createBankAccount({
			name: 'X',
			institution: '',
			currency: 'USD',
			identifier: '',
			ledger: { existing: byName('Occupancy') }
		});
		expect(wrong.ok ? '' : wrong.error.message).toMatch(/^Ledger account:/);
		const made = banking.createBankAccount({
			name: 'Card',
			institution: 'Bank',
			currency: 'usd',
			identifier: '',
			ledger: { create: { name: 'Visa', subtype: 'credit-card' } }
		});
		expect(made.ok && made.value.currency).toBe('USD');
		expect(banking.linkable().map((a) => a.name)).toContain('Visa');
		expect(banking.bankAccounts.map((a) => a.name)).toEqual(['Card']);
		await close();
	});

	it('imports a several-account CSV into the linked bank accounts in one go, skipping one; refuses all-skipped', async () => {
		const { banking, byName, close } = await open();
		const account = checking(banking, byName);
		const file = parsed('csv/csv2ofx/default.csv');
		const links = suggestLinks(file.statements, banking.bankAccounts, account.id);
		expect(links).toEqual([account.id, null]);
		expect(banking.importLinked(file, [null, null], false)).toEqual(
			refused('default.csv: every statement is skipped; link one to a bank account.', 'banking/unlinked')
		);
		expect(banking.importLinked(file, [account.id], false).ok).toBe(false);
		const done = must(banking.importLinked(file, links, false));
		expect(done.map((o) => o.added)).toEqual([6]);
		expect(banking.statements.map((s) => [s.bankAccountId, s.lineIds.length])).toEqual([[account.id, 6]]);
		expect(banking.alreadyHeldLinked(file, links)).toBe(6);
		const savings = must(
			banking.createBankAccount({
				name: 'Petty cash',
				institution: '',
				currency: 'USD',
				identifier: 'Cash',
				ledger: { existing: byName('Savings') }
			})
		);
		expect(suggestLinks(file.statements, banking.bankAccounts, account.id)).toEqual([account.id, savings.id]);
		const again = must(banking.importLinked(file, [account.id, savings.id], false));
		expect(again.map((o) => [o.added, o.duplicates])).toEqual([
			[0, 6],
			[2, 0]
		]);
		await close();
	});

	it('refuses a mismatched statement unless accepted, writing nothing', async () => {
		const { banking, byName, close } = await open();
		const ba = checking(banking, byName);
		const s: Statement = {
			...oneLine('Cafe', '-3.00'),
			openingBalance: { amount: '10.00' as DecimalString },
			closingBalance: { amount: '9.00' as DecimalString }
		};
		const file = { statements: [s], checks: [checkBalance(s)] };
		expect(banking.importParsed(ba.id, file, false).ok).toBe(false);
		expect(banking.statements).toEqual([]);
		expect(banking.importParsed(ba.id, file, true).ok).toBe(true);
		expect(banking.statements[0]?.balanceCheck).toBe('mismatch');
		await close();
	});

	it('manages rules: checks the account, adds at the end, moves, disables and deletes', async () => {
		const { banking, byName, close } = await open();
		const coffee = {
			name: 'Coffee',
			conditions: { payee: { test: 'contains' as const, text: 'coffee' } },
			outcome: { account: byName('Occupancy') }
		};
		expect(banking.createRule({ ...coffee, outcome: { account: 'nope' } })).toEqual(
			refused('Account: choose an open account of the chart.', 'banking/closed-account')
		);
		const a = must(banking.createRule(coffee));
		const b = must(
			banking.createRule({ ...coffee, name: 'Tea', conditions: { payee: { test: 'words', text: 'tea' } } })
		);
		expect(banking.rules.map((r) => r.name)).toEqual(['Coffee', 'Tea']);
		must(banking.moveRule(b.id, 0));
		expect(banking.rules.map((r) => r.name)).toEqual(['Tea', 'Coffee']);
		must(banking.updateRule(a.id, { enabled: false }));
		expect(banking.rules.find((r) => r.id === a.id)?.enabled).toBe(false);
		expect(banking.updateRule(a.id, { name: ' ' })).toEqual(refused('Name: required.'));
		must(banking.deleteRule(b.id));
		expect(banking.rules.map((r) => r.name)).toEqual(['Coffee']);
		await close();
	});

	it('proposes from a rule with its dimensions (computed on current books), posts the entry with them, and counts', async () => {
		const { banking, books, byName, close } = await open();
		const ba = checking(banking, byName);
		const s = oneLine('Blue Bottle Coffee', '-4.50');
		must(banking.importParsed(ba.id, { statements: [s], checks: [checkBalance(s)] }, false));
		const rule = must(
			banking.createRule({
				name: 'Coffee',
				conditions: { payee: { test: 'words', text: 'coffee' }, direction: 'out' },
				outcome: {
					account: byName('Occupancy'),
					memo: 'Coffee: {payee}',
					dimensions: { fund: 'restricted', class: 'program' }
				}
			})
		);
		const counts = must(await banking.ruleCounts());
		expect(counts.counts).toEqual({ [rule.id]: 1 });
		const proposals = must(await banking.proposals(ba.id, 0.9));
		const p = proposals.ruleProposals[0];
		expect(p).toMatchObject({
			ruleId: rule.id,
			memo: 'Coffee: Blue Bottle Coffee',
			dimensions: { fund: 'restricted', class: 'program' }
		});
		const lineId = `${ba.id}.l1`;
		const bad = banking.createEntryFrom(ba.id, lineId, {
			account: p!.account,
			memo: p!.memo,
			dimensions: { tag: 'a;b' }
		});
		expect(bad).toEqual(
			refused('Tag: may not hold commas, semicolons or line breaks.', 'banking/bad-dimension')
		);
		expect(books.entries).toEqual([]);
		const posted = must(
			banking.createEntryFrom(ba.id, lineId, {
				account: p!.account,
				memo: p!.memo,
				dimensions: p!.dimensions
			})
		);
		expect(posted.lines[1]).toMatchObject({
			account: byName('Occupancy'),
			amount: '4.50',
			dimensions: { fund: 'restricted', class: 'program' }
		});
		expect(posted.lines[0]?.dimensions).toBeUndefined();
		expect(banking.claims?.bankLine.has(lineId)).toBe(true);
		expect(must(await banking.ruleCounts()).counts).toEqual({ [rule.id]: 0 });
		expect((await banking.proposals(ba.id, 0.9)).ok && true).toBe(true);
		await close();
	});

	it("posts a rule's split: parts with their own dimensions, summing to the line; a split that does not add up is refused", async () => {
		const { banking, books, byName, close } = await open();
		const ba = checking(banking, byName);
		const s = oneLine('Harbour Properties', '-1000.01');
		must(banking.importParsed(ba.id, { statements: [s], checks: [checkBalance(s)] }, false));
		const occupancy = byName('Occupancy');
		const fees = byName('Professional Fees');
		expect(
			banking.createRule({
				name: 'Rent',
				conditions: { payee: { test: 'contains', text: 'harbour' } },
				outcome: {
					account: occupancy,
					splits: [
						{ account: occupancy, percent: '75' as DecimalString },
						{ account: 'gone', percent: '25' as DecimalString }
					]
				}
			})
		).toEqual(refused('Split part 2: choose an open account of the chart.', 'banking/closed-account'));
		must(
			banking.createRule({
				name: 'Rent',
				conditions: { payee: { test: 'contains', text: 'harbour' } },
				outcome: {
					account: occupancy,
					splits: [
						{ account: occupancy, percent: '75' as DecimalString, dimensions: { class: 'program' } },
						{ account: fees, percent: '25' as DecimalString, dimensions: { class: 'management-general' } }
					]
				}
			})
		);
		const p = must(await banking.proposals(ba.id, 0.9)).ruleProposals[0]!;
		expect(p.lines.map((l) => [l.account, l.amount, l.dimensions])).toEqual([
			[occupancy, '750.01', { class: 'program' }],
			[fees, '250.00', { class: 'management-general' }]
		]);
		const lineId = `${ba.id}.l1`;
		const wrong = banking.createEntryFrom(ba.id, lineId, {
			account: '',
			memo: 'Rent',
			split: [{ ...p.lines[0]!, amount: '750.00' as DecimalString }, p.lines[1]!]
		});
		expect(wrong).toEqual(refused("The split adds up to -1000.00, not the line's -1000.01."));
		const posted = must(
			banking.createEntryFrom(ba.id, lineId, { account: '', memo: 'Rent', split: p.lines, remember: true })
		);
		expect(posted.lines.map((l) => [l.account, l.amount, l.dimensions?.class])).toEqual([
			[byName('Operating Bank'), '-1000.01', undefined],
			[occupancy, '750.01', 'program'],
			[fees, '250.00', 'management-general']
		]);
		expect(books.entries).toHaveLength(1);
		expect(banking.rules).toHaveLength(1);
		await close();
	});

	it('"Add a rule" on Create entry remembers payee → account with the dimensions', async () => {
		const { banking, byName, close } = await open();
		const ba = checking(banking, byName);
		const s = oneLine('City Power', '-80.00');
		must(banking.importParsed(ba.id, { statements: [s], checks: [checkBalance(s)] }, false));
		must(
			banking.createEntryFrom(ba.id, `${ba.id}.l1`, {
				account: byName('Occupancy'),
				memo: 'City Power',
				dimensions: { department: 'ops' },
				remember: true
			})
		);
		expect(banking.rules).toEqual([
			expect.objectContaining({
				name: 'Payee City Power',
				conditions: { payee: { test: 'equals', text: 'City Power' } },
				outcome: { account: byName('Occupancy'), dimensions: { department: 'ops' } }
			})
		]);
		await close();
	});
});
