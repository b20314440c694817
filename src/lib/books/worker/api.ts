// What the books worker does, as plain async functions so tests can call them without a Worker:
// ledger reports over the persisted books shard, CSV export, and journal parsing for import.
// Invariant: reports count exactly what BooksReplica counts (the same checks run here on the same
// shard), so a quarantined entry never reaches a figure. Errors cross as values { code, message }.
// The shard is the worker's one copy (shard.ts), shared with the banking matcher hosted in the same
// worker; reload() drops it.
import {
	balanceSheet as balanceSheetReport,
	cashFlowStatement,
	drillDown as drillDownEntries,
	incomeStatement as incomeStatementReport,
	accountRegister,
	ExactSum,
	indexAccounts,
	readJournalForImport,
	statementOfActivities,
	statementOfFinancialPosition,
	trialBalance as trialBalanceReport,
	type AccountIndex,
	type BalanceSheet,
	type CashFlowStatement,
	type FinancialPosition,
	type IncomeStatement,
	type JournalEntry,
	type MultiAmount,
	type Period,
	type Register,
	type StatementOfActivities,
	type TrialBalance
} from '$lib/books/domain';
import type { BooksReplica } from '$lib/books/sync/replica';
import { beginShard, dropShard, loadShard } from './shard';
import { reportToCsv, type CsvReport } from './csv';
import { WorkerError, guard, type WorkerResult } from '../../shared/worker/result';

export type { WorkerResult };
export type { BooksApi, BooksSummary, DrillResult, LoadTimes, ParsedJournal, ReportRequest } from './types';
import type { BooksApi, ReportRequest } from './types';

/** Counted entries and the chart index (built once per chart version). */
async function books(
	workspaceId: string
): Promise<{ entries: JournalEntry[]; accounts: AccountIndex; replica: BooksReplica }> {
	const loaded = await loadShard(workspaceId);
	const chart = loaded.replica.accounts();
	if (loaded.index?.chart !== chart) loaded.index = { chart, index: indexAccounts(chart) };
	return { entries: loaded.replica.entries(), accounts: loaded.index.index, replica: loaded.replica };
}

/** First index whose date is >= `date` (entries are sorted by date). */
function firstOnOrAfter(entries: readonly JournalEntry[], date: string): number {
	let lo = 0;
	let hi = entries.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if ((entries[mid] as JournalEntry).date < date) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/**
 * The date-sorted entries a report over these bounds can touch: the reports filter by date
 * themselves, so cutting the scan to the bounds changes no figure, only the time it takes.
 */
function within(
	entries: readonly JournalEntry[],
	...periods: (Period | undefined)[]
): readonly JournalEntry[] {
	if (periods.some((p) => p === undefined)) return entries;
	const froms = periods.map((p) => p?.from);
	const tos = periods.map((p) => p?.to);
	const from = froms.some((d) => d === undefined) ? undefined : (froms as string[]).sort()[0];
	const to = tos.some((d) => d === undefined) ? undefined : (tos as string[]).sort().at(-1);
	const start = from === undefined ? 0 : firstOnOrAfter(entries, from);
	const end = to === undefined ? entries.length : firstOnOrAfter(entries, `${to}\uffff`);
	return start === 0 && end === entries.length ? entries : entries.slice(start, end);
}

function compute(b: Awaited<ReturnType<typeof books>>, r: ReportRequest): CsvReport {
	const slice = (...periods: (Period | undefined)[]) => ({
		entries: within(b.entries, ...periods),
		accounts: b.accounts
	});
	const input = { entries: b.entries, accounts: b.accounts };
	switch (r.kind) {
		case 'trialBalance':
			return {
				kind: r.kind,
				report: trialBalanceReport({
					...slice(r.period),
					...(r.period ? { period: r.period } : {}),
					showZero: r.showZero ?? false
				})
			};
		case 'balanceSheet':
			return {
				kind: r.kind,
				report: balanceSheetReport({ ...slice({ to: r.asOf }), asOf: r.asOf, showZero: r.showZero ?? false })
			};
		case 'incomeStatement':
			return {
				kind: r.kind,
				report: incomeStatementReport({
					...slice(r.period, r.comparePeriod ?? r.period),
					period: r.period,
					...(r.comparePeriod ? { comparePeriod: r.comparePeriod } : {}),
					showZero: r.showZero ?? false
				})
			};
		case 'register':
			if (!b.accounts.byId.has(r.accountId))
				throw new WorkerError('ledger/unknown-account', `Account '${r.accountId}' is not in the chart`);
			return {
				kind: r.kind,
				report: accountRegister({
					...input,
					account: r.accountId,
					...(r.period ? { period: r.period } : {}),
					...(r.includeSubaccounts !== undefined ? { includeSubaccounts: r.includeSubaccounts } : {})
				})
			};
		case 'cashFlow':
			return { kind: r.kind, report: cashFlowStatement({ ...slice(r.period), period: r.period }) };
		case 'financialPosition':
			// Not cut: the nonprofit statements list every fund any entry names, in or out of the period.
			return { kind: r.kind, report: statementOfFinancialPosition({ ...input, asOf: r.asOf }) };
		case 'activities':
			return { kind: r.kind, report: statementOfActivities({ ...input, period: r.period }) };
	}
}

interface ReportOf {
	trialBalance: TrialBalance;
	balanceSheet: BalanceSheet;
	incomeStatement: IncomeStatement;
	register: Register;
	cashFlow: CashFlowStatement;
	financialPosition: FinancialPosition;
	activities: StatementOfActivities;
}

async function report<K extends keyof ReportOf>(
	workspaceId: string,
	request: Extract<ReportRequest, { kind: K }>
): Promise<ReportOf[K]> {
	return compute(await books(workspaceId), request).report as ReportOf[K];
}

export const booksApi = {
	async start({ workspaceId }) {
		return guard('books/load-failed', async () => {
			await beginShard(workspaceId).read;
			return null;
		});
	},

	async summary({ workspaceId }) {
		return guard('books/load-failed', async () => {
			const loaded = await loadShard(workspaceId);
			const r = loaded.replica;
			return {
				accounts: r.accounts().length,
				entries: r.entries().length,
				quarantined: r.quarantined(),
				duplicateNumbers: r.duplicateNumbers(),
				chartProblems: r.chartProblems(),
				lockDate: r.lockDate(),
				stateVector: r.stateVector(),
				loadMs: loaded.loadMs
			};
		});
	},

	async trialBalance({ workspaceId, period, showZero }) {
		return guard('books/report-failed', () =>
			report<'trialBalance'>(workspaceId, {
				kind: 'trialBalance',
				...(period ? { period } : {}),
				...(showZero ? { showZero } : {})
			})
		);
	},

	async balanceSheet({ workspaceId, asOf, showZero }) {
		return guard('books/report-failed', () =>
			report<'balanceSheet'>(workspaceId, { kind: 'balanceSheet', asOf, ...(showZero ? { showZero } : {}) })
		);
	},

	async incomeStatement({ workspaceId, period, comparePeriod, showZero }) {
		return guard('books/report-failed', () =>
			report<'incomeStatement'>(workspaceId, {
				kind: 'incomeStatement',
				period,
				...(comparePeriod ? { comparePeriod } : {}),
				...(showZero ? { showZero } : {})
			})
		);
	},

	async register({ workspaceId, accountId, period, includeSubaccounts, limit }) {
		return guard('books/report-failed', async () => {
			const full = await report(workspaceId, {
				kind: 'register',
				accountId,
				...(period ? { period } : {}),
				...(includeSubaccounts !== undefined ? { includeSubaccounts } : {})
			});
			// Keep the message small: the latest `limit` rows (the running balances stay exact).
			const rows =
				limit !== undefined && full.rows.length > limit
					? full.rows.slice(full.rows.length - limit)
					: full.rows;
			return { ...full, rows, totalRows: full.rows.length };
		});
	},

	async cashFlow({ workspaceId, period }) {
		return guard('books/report-failed', () => report<'cashFlow'>(workspaceId, { kind: 'cashFlow', period }));
	},

	async financialPosition({ workspaceId, asOf }) {
		return guard('books/report-failed', () =>
			report<'financialPosition'>(workspaceId, { kind: 'financialPosition', asOf })
		);
	},

	async activities({ workspaceId, period }) {
		return guard('books/report-failed', () =>
			report<'activities'>(workspaceId, { kind: 'activities', period })
		);
	},

	async drillDown({ workspaceId, query, limit }) {
		return guard('books/report-failed', async () => {
			const found = drillDownEntries((await books(workspaceId)).entries, query);
			const sums = new Map<string, ExactSum>();
			let lineCount = 0;
			for (const { lines } of found)
				for (const l of lines) {
					lineCount++;
					let s = sums.get(l.commodity);
					if (!s) sums.set(l.commodity, (s = new ExactSum()));
					s.addDecimal(l.amount);
				}
			const sum: Record<string, string> = {};
			for (const c of [...sums.keys()].sort()) {
				const s = sums.get(c) as ExactSum;
				if (!s.isZero()) sum[c] = s.toDecimal();
			}
			return {
				total: found.length,
				lineCount,
				sum: sum as MultiAmount,
				rows: limit !== undefined ? found.slice(0, limit) : found
			};
		});
	},

	async exportCsv({ workspaceId, report: request }) {
		return guard('books/export-failed', async () => reportToCsv(compute(await books(workspaceId), request)));
	},

	async importJournal({ workspaceId, text, fileName }) {
		return guard('books/import-failed', () => {
			const read = readJournalForImport(text, fileName, `${workspaceId.slice(0, 8)}-${crypto.randomUUID()}`);
			if (!read.ok) throw new WorkerError(read.error.code, read.error.message);
			return read.value;
		});
	},

	async reload({ workspaceId }) {
		return guard('books/load-failed', async () => {
			await dropShard(workspaceId);
			return null;
		});
	}
} satisfies BooksApi;
