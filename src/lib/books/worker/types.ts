// The books worker's API as types: what the page may ask (BooksApi) and what comes back. The
// functions themselves are in api.ts; rpc/client.ts wraps them for the page.
import type { IsoDate } from '$lib/shared/domain';
import type {
	BalanceSheet,
	CashFlowStatement,
	DrillQuery,
	EntryLine,
	FinancialPosition,
	IncomeStatement,
	JournalEntry,
	JournalForImport,
	MultiAmount,
	Period,
	Register,
	StatementOfActivities,
	TrialBalance
} from '$lib/books/domain';
import type { DuplicateNumber, QuarantinedEntry } from '$lib/books/sync/replica';
import type { WorkerResult } from '../../shared/worker/result';

/** Where the first load of a workspace's shard went, in ms: reading IndexedDB, applying, checking entries. */
export interface LoadTimes {
	/** When the load started (ms since the epoch, to line it up with the page's timeline). */
	readonly startedAt: number;
	readonly total: number;
	readonly read: number;
	readonly apply: number;
	readonly check: number;
	/** How many stored updates were read, and their bytes. */
	readonly updates: number;
	readonly bytes: number;
}

export interface BooksSummary {
	readonly accounts: number;
	readonly entries: number;
	readonly quarantined: QuarantinedEntry[];
	readonly duplicateNumbers: DuplicateNumber[];
	readonly chartProblems: string[];
	readonly lockDate: IsoDate | null;
	readonly stateVector: string;
	/** How long the first load of this workspace took in this worker, and where the time went. */
	readonly loadMs: LoadTimes;
}

/** A journal read for import (see readJournalForImport). */
export type ParsedJournal = JournalForImport;

/** The entries behind a figure: the first `limit` of them, and the count and sum of all of them. */
export interface DrillResult {
	/** How many entries match (all of them, not just the rows sent). */
	readonly total: number;
	/** How many lines match, over all entries. */
	readonly lineCount: number;
	/** The matching lines' sum per commodity, debit positive, over all entries. */
	readonly sum: MultiAmount;
	readonly rows: { entry: JournalEntry; lines: EntryLine[] }[];
}

export type ReportRequest =
	| { kind: 'trialBalance'; period?: Period; showZero?: boolean }
	| { kind: 'balanceSheet'; asOf: IsoDate; showZero?: boolean }
	| { kind: 'incomeStatement'; period: Period; comparePeriod?: Period; showZero?: boolean }
	| { kind: 'register'; accountId: string; period?: Period; includeSubaccounts?: boolean }
	| { kind: 'cashFlow'; period: Period }
	| { kind: 'financialPosition'; asOf: IsoDate }
	| { kind: 'activities'; period: Period };

export type Ws = { workspaceId: string };

export interface BooksApi {
	summary(args: Ws): Promise<WorkerResult<BooksSummary>>;
	trialBalance(args: Ws & { period?: Period; showZero?: boolean }): Promise<WorkerResult<TrialBalance>>;
	balanceSheet(args: Ws & { asOf: IsoDate; showZero?: boolean }): Promise<WorkerResult<BalanceSheet>>;
	incomeStatement(
		args: Ws & { period: Period; comparePeriod?: Period; showZero?: boolean }
	): Promise<WorkerResult<IncomeStatement>>;
	register(
		args: Ws & { accountId: string; period?: Period; includeSubaccounts?: boolean; limit?: number }
	): Promise<WorkerResult<Register & { totalRows: number }>>;
	cashFlow(args: Ws & { period: Period }): Promise<WorkerResult<CashFlowStatement>>;
	financialPosition(args: Ws & { asOf: IsoDate }): Promise<WorkerResult<FinancialPosition>>;
	activities(args: Ws & { period: Period }): Promise<WorkerResult<StatementOfActivities>>;
	drillDown(args: Ws & { query: DrillQuery; limit?: number }): Promise<WorkerResult<DrillResult>>;
	exportCsv(args: Ws & { report: ReportRequest }): Promise<WorkerResult<string>>;
	importJournal(args: Ws & { text: string; fileName: string }): Promise<WorkerResult<ParsedJournal>>;
	reload(args: Ws): Promise<WorkerResult<null>>;
	/**
	 * Starts loading the shard and answers once it has been read from IndexedDB (checking the
	 * entries goes on after). The page opening a workspace waits for this before it reads its own
	 * copy, so the two big reads do not fight over IndexedDB and the main thread.
	 */
	start(args: Ws): Promise<WorkerResult<null>>;
}
