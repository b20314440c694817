// The books worker reports over what the shard store persisted must equal the same reports over the
// page's live replica, leave quarantined entries out, follow new updates without a reload, and keep
// the ledger's invariants on a 100k-entry book. Runs on fake-indexeddb.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ShardPersistence } from '$lib/shared/sync/shard-store';
import type { DecimalString, IsoDate } from '$lib/shared/domain';
import {
	balanceSheet,
	ExactSum,
	generateBook,
	incomeStatement,
	trialBalance,
	type Account,
	type EntryLine,
	type JournalEntry
} from '$lib/books/domain';
import { BooksReplica } from '$lib/books/sync/replica';
import * as docs from '$lib/books/sync/doc';
import { shardDbName } from '$lib/shared/sync/shard-names';
import { booksApi, type ReportRequest, type WorkerResult } from './api';

const CHART: Account[] = [
	{ schemaVersion: 1, id: 'assets', name: 'Assets', type: 'asset' },
	{ schemaVersion: 1, id: 'bank', name: 'Bank', type: 'asset', subtype: 'bank', parentId: 'assets' },
	{
		schemaVersion: 1,
		id: 'equipment',
		name: 'Equipment',
		type: 'asset',
		subtype: 'fixed-asset',
		parentId: 'assets'
	},
	{ schemaVersion: 1, id: 'loan', name: 'Loan', type: 'liability', subtype: 'long-term-liability' },
	{ schemaVersion: 1, id: 'net', name: 'Net Assets', type: 'equity', subtype: 'net-assets' },
	{ schemaVersion: 1, id: 'gifts', name: 'Gifts', type: 'income', subtype: 'contribution' },
	{ schemaVersion: 1, id: 'wages', name: 'Wages', type: 'expense' }
];
const usd = (account: string, amount: string, fund?: string): EntryLine => ({
	account,
	amount: amount as DecimalString,
	commodity: 'USD',
	...(fund ? { dimensions: { fund } } : {})
});
const entry = (id: string, date: string, lines: EntryLine[], number?: string): JournalEntry => ({
	schemaVersion: 1,
	id,
	date: date as IsoDate,
	memo: `Entry ${id}`,
	status: 'posted',
	lines,
	...(number ? { number } : {})
});
const settle = () => new Promise((r) => setTimeout(r, 50));

function value<T>(r: WorkerResult<T>): T {
	if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
	return r.value;
}

async function openBooks(workspaceId: string) {
	const doc = new Y.Doc();
	const persistence = new ShardPersistence(shardDbName(workspaceId, 'books'), doc);
	await persistence.whenLoaded;
	return { doc, persistence, replica: new BooksReplica(doc) };
}

describe('books worker', () => {
	it('reports what the page counts, from the persisted shard, and follows new updates', async () => {
		const workspaceId = 'ws-books-1';
		const { doc, persistence, replica } = await openBooks(workspaceId);
		for (const a of CHART) expect(replica.createAccount(a).ok).toBe(true);
		expect(
			replica.postEntry(entry('e1', '2026-01-05', [usd('bank', '1000.00'), usd('net', '-1000.00')])).ok
		).toBe(true);
		expect(
			replica.postEntry(
				entry(
					'e2',
					'2026-02-10',
					[usd('bank', '250.50', 'restricted'), usd('gifts', '-250.50', 'restricted')],
					'7'
				)
			).ok
		).toBe(true);
		expect(
			replica.postEntry(entry('e3', '2026-03-01', [usd('wages', '120.25'), usd('bank', '-120.25')], '7')).ok
		).toBe(true);
		expect(
			replica.postEntry(entry('e4', '2026-03-15', [usd('equipment', '400.00'), usd('loan', '-400.00')])).ok
		).toBe(true);
		// A peer's unbalanced entry, written straight into the shard: quarantined, never counted.
		docs.insertEntry(doc, entry('forged', '2026-03-20', [usd('bank', '1000000.00'), usd('gifts', '-1.00')]));
		await settle();

		const summary = value(await booksApi.summary({ workspaceId }));
		expect(summary).toMatchObject({
			accounts: 7,
			entries: 4,
			duplicateNumbers: [{ number: '7', entryIds: ['e2', 'e3'] }]
		});
		expect(summary.quarantined.map((q) => [q.id, q.code])).toEqual([['forged', 'ledger/unbalanced']]);

		const tb = value(await booksApi.trialBalance({ workspaceId }));
		expect(tb).toEqual(trialBalance({ entries: replica.entries(), accounts: replica.accounts() }));
		expect(tb.totals).toEqual({});
		expect(tb.rows.find((r) => r.account === 'bank')?.amount).toBe('1130.25');

		const bs = value(await booksApi.balanceSheet({ workspaceId, asOf: '2026-12-31' as IsoDate }));
		expect(bs).toEqual(
			balanceSheet({
				entries: replica.entries(),
				accounts: replica.accounts(),
				asOf: '2026-12-31' as IsoDate
			})
		);
		expect(bs.difference).toEqual({});
		expect(bs.assets.total).toEqual({ USD: '1530.25' });

		const pl = value(
			await booksApi.incomeStatement({
				workspaceId,
				period: { from: '2026-03-01' as IsoDate, to: '2026-03-31' as IsoDate },
				comparePeriod: { from: '2026-02-01' as IsoDate, to: '2026-02-28' as IsoDate }
			})
		);
		expect(pl.current.netIncome).toEqual({ USD: '-120.25' });
		expect(pl.prior?.netIncome).toEqual({ USD: '250.50' });
		expect(pl.netIncomeChange).toEqual({ USD: '-370.75' });

		const reg = value(await booksApi.register({ workspaceId, accountId: 'bank', limit: 2 }));
		expect(reg.totalRows).toBe(3);
		expect(reg.rows.map((r) => r.balance)).toEqual(['1250.50', '1130.25']);
		expect(await booksApi.register({ workspaceId, accountId: 'nope' })).toMatchObject({
			ok: false,
			error: { code: 'ledger/unknown-account' }
		});

		const cf = value(
			await booksApi.cashFlow({
				workspaceId,
				period: { from: '2026-01-01' as IsoDate, to: '2026-12-31' as IsoDate }
			})
		);
		expect(cf.difference).toEqual({});
		expect(cf.cashChange).toEqual({ USD: '1130.25' });
		const fp = value(await booksApi.financialPosition({ workspaceId, asOf: '2026-12-31' as IsoDate }));
		expect(fp.difference).toEqual({});
		const act = value(
			await booksApi.activities({
				workspaceId,
				period: { from: '2026-01-01' as IsoDate, to: '2026-12-31' as IsoDate }
			})
		);
		expect(act.totalChangeInNetAssets).toEqual({ USD: '130.25' });

		// Drill-down: the lines behind the bank figure sum to it.
		const bankRow = tb.rows.find((r) => r.account === 'bank');
		const drill = value(await booksApi.drillDown({ workspaceId, query: bankRow?.drill ?? { accounts: [] } }));
		const sum = new ExactSum();
		for (const row of drill.rows) for (const l of row.lines) sum.addDecimal(l.amount);
		expect(sum.toDecimal()).toBe(bankRow?.amount);
		expect(drill.total).toBe(3);
		expect(drill.lineCount).toBe(3);
		expect(drill.sum).toEqual({ USD: bankRow?.amount });
		// With a limit, fewer rows cross but the count and sum still cover every entry.
		const firstOnly = value(
			await booksApi.drillDown({ workspaceId, query: bankRow?.drill ?? { accounts: [] }, limit: 1 })
		);
		expect(firstOnly.rows).toHaveLength(1);
		expect(firstOnly).toMatchObject({ total: 3, lineCount: 3, sum: { USD: '1130.25' } });

		// A new entry on the page reaches the worker's cached doc with no reload.
		expect(
			replica.postEntry(entry('e5', '2026-04-01', [usd('bank', '9.75'), usd('gifts', '-9.75')])).ok
		).toBe(true);
		await settle();
		const after = value(await booksApi.trialBalance({ workspaceId }));
		expect(after.rows.find((r) => r.account === 'bank')?.amount).toBe('1140.00');
		expect(value(await booksApi.summary({ workspaceId })).stateVector).toBe(replica.stateVector());
		await persistence.destroy();
	});

	it('start() answers once the shard is read, and the load it began then serves the reports', async () => {
		const workspaceId = 'ws-books-start';
		const { persistence, replica } = await openBooks(workspaceId);
		for (const a of CHART) replica.createAccount(a);
		replica.postEntry(entry('e1', '2026-01-05', [usd('bank', '5.00'), usd('net', '-5.00')]));
		await settle();
		await booksApi.reload({ workspaceId });
		expect(await booksApi.start({ workspaceId })).toEqual({ ok: true, value: null });
		const summary = value(await booksApi.summary({ workspaceId }));
		expect(summary).toMatchObject({ accounts: 7, entries: 1 });
		expect(summary.loadMs.updates).toBeGreaterThan(0);
		expect(summary.loadMs.total).toBeGreaterThanOrEqual(summary.loadMs.read);
		// Asked again once loaded, it answers at once and loads nothing twice.
		expect(await booksApi.start({ workspaceId })).toEqual({ ok: true, value: null });
		expect(value(await booksApi.summary({ workspaceId })).loadMs).toEqual(summary.loadMs);
		await persistence.destroy();
	});

	it('exports every report as CSV with exact amounts and safe text', async () => {
		const workspaceId = 'ws-books-csv';
		const { replica, persistence } = await openBooks(workspaceId);
		for (const a of CHART) replica.createAccount(a);
		replica.postEntry({
			...entry('e1', '2026-01-05', [usd('bank', '0.10'), usd('net', '-0.10')]),
			memo: '=HYPERLINK("x")'
		});
		replica.postEntry(entry('e2', '2026-01-06', [usd('wages', '0.20'), usd('bank', '-0.20')]));
		await settle();
		const year = { from: '2026-01-01' as IsoDate, to: '2026-12-31' as IsoDate };
		const requests: ReportRequest[] = [
			{ kind: 'trialBalance' },
			{ kind: 'balanceSheet', asOf: '2026-12-31' as IsoDate },
			{
				kind: 'incomeStatement',
				period: year,
				comparePeriod: { from: '2025-01-01' as IsoDate, to: '2025-12-31' as IsoDate }
			},
			{ kind: 'register', accountId: 'bank' },
			{ kind: 'cashFlow', period: year },
			{ kind: 'financialPosition', asOf: '2026-12-31' as IsoDate },
			{ kind: 'activities', period: year }
		];
		for (const report of requests) {
			const csv = value(await booksApi.exportCsv({ workspaceId, report }));
			expect(csv.split('\r\n').length, report.kind).toBeGreaterThan(2);
			expect(csv, report.kind).not.toMatch(/\d\.\d{5,}/); // no float noise
		}
		const tb = value(await booksApi.exportCsv({ workspaceId, report: { kind: 'trialBalance' } }));
		expect(tb).toContain('Bank,USD,-0.10');
		expect(tb).toContain('Total,,0');
		const reg = value(
			await booksApi.exportCsv({ workspaceId, report: { kind: 'register', accountId: 'bank' } })
		);
		expect(reg).toContain(`'=HYPERLINK(""x"")`);
		await persistence.destroy();
	});

	it('parses a journal for import, with line-numbered errors, and the page writes it in one go', async () => {
		const workspaceId = 'ws-books-import';
		const { replica, persistence } = await openBooks(workspaceId);
		const text =
			'2026-01-05 Donation\n    Assets:Bank  $50.00\n    Income:Gifts\n\n2026-01-06 Rent\n    Expenses:Rent  $20.00\n    Assets:Bank\n';
		const parsed = value(await booksApi.importJournal({ workspaceId, text, fileName: 'jan.journal' }));
		expect(parsed.entries).toHaveLength(2);
		expect(Object.values(parsed.lines).sort()).toEqual([1, 5]);
		const written = await replica.importRecords(parsed, 'jan.journal');
		expect(written).toMatchObject({ ok: true, value: { entries: 2 } });
		const bad = await booksApi.importJournal({
			workspaceId,
			text: text + '\n2026-01-07 Oops\n    Assets:Bank  $1\n    Income:Gifts  $-2\n',
			fileName: 'feb.journal'
		});
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.error.message).toMatch(/feb\.journal.*9/);
		await settle();
		expect(value(await booksApi.summary({ workspaceId })).entries).toBe(2);
		await persistence.destroy();
	});

	it('keeps the invariants on a 100k-entry book and reports its timings', async () => {
		const workspaceId = 'ws-books-100k';
		const size = Number(process.env.KEEL_BOOKS_ENTRIES ?? 100_000);
		const { doc, persistence, replica } = await openBooks(workspaceId);
		const book = generateBook({ seed: 11, entries: size, commodities: ['$', 'EUR'] });
		const imported = await replica.importRecords(book, 'generated');
		expect(imported).toMatchObject({ ok: true, value: { entries: size } });
		await settle();
		await persistence.destroy().catch(() => undefined);
		doc.destroy();
		await booksApi.reload({ workspaceId });

		const time = async <T>(work: () => Promise<WorkerResult<T>>): Promise<[T, number]> => {
			const started = performance.now();
			const result = value(await work());
			return [result, Math.round(performance.now() - started)];
		};
		const [summary, firstMs] = await time(() => booksApi.summary({ workspaceId }));
		expect(summary.entries).toBe(size);
		expect(summary.quarantined).toEqual([]);
		const [tb, tbMs] = await time(() => booksApi.trialBalance({ workspaceId }));
		expect(tb.totals).toEqual({});
		const [bs, bsMs] = await time(() =>
			booksApi.balanceSheet({ workspaceId, asOf: '2024-12-31' as IsoDate })
		);
		expect(bs.difference).toEqual({});
		const [pl, plMs] = await time(() =>
			booksApi.incomeStatement({
				workspaceId,
				period: { from: '2024-01-01' as IsoDate, to: '2024-12-31' as IsoDate },
				comparePeriod: { from: '2023-01-01' as IsoDate, to: '2023-12-31' as IsoDate }
			})
		);
		// The worker cuts the scan to the report's dates; the figures must equal a full scan's.
		const chart = [...book.accounts].sort((a, b) => (a.id < b.id ? -1 : 1)); // the replica's chart order
		const full = { entries: book.entries, accounts: chart };
		expect(pl).toEqual(
			incomeStatement({
				...full,
				period: { from: '2024-01-01' as IsoDate, to: '2024-12-31' as IsoDate },
				comparePeriod: { from: '2023-01-01' as IsoDate, to: '2023-12-31' as IsoDate }
			})
		);
		expect(bs).toEqual(balanceSheet({ ...full, asOf: '2024-12-31' as IsoDate }));
		expect(tb).toEqual(trialBalance(full));
		console.log(
			`books worker, ${size} entries: load ${summary.loadMs.total} ms (first call ${firstMs} ms); trial balance ${tbMs} ms; balance sheet ${bsMs} ms; income statement with comparison ${plMs} ms`
		);
	});
});
