// The shapes the journal reader returns (entries and accounts read, or balances summed), and the
// problem sink its parts report to. Types only.
import type { Account, Commodity, JournalEntry } from '../types';
import type { LineProblem } from '../errors';
import type { ExactSum } from '../../../shared/domain';

export interface CommodityInfo {
	/** Most decimals any amount of it was written with (or the declared format's, if more). */
	readonly precision: number;
	/** Declared by a `commodity` or `D` directive. */
	readonly declared: boolean;
}

export interface JournalData {
	readonly accounts: Account[];
	readonly entries: JournalEntry[];
	readonly commodities: Record<Commodity, CommodityInfo>;
	/** Things skipped on purpose, each with its line. */
	readonly warnings: LineProblem[];
}

export interface ReadJournalOptions {
	/** Names the source in messages ("books.journal"). */
	readonly fileName?: string;
	/** Id for an entry read at a line when the journal gives none in an `id:` tag. Default `L<line>`. */
	readonly entryId?: (line: number) => string;
	/** Stop after this many problems (default 50). */
	readonly maxProblems?: number;
}

/** Balances per account (full name) and commodity, as `readJournalBalances` sums them. */
export type BalanceTable = Map<string, Map<Commodity, ExactSum>>;

export interface JournalBalances {
	readonly accounts: Account[];
	readonly balances: BalanceTable;
	readonly commodities: Record<Commodity, CommodityInfo>;
	readonly warnings: LineProblem[];
}

/** Where the reader's parts report a problem (the read fails) or a warning (something skipped). */
export interface ProblemSink {
	problem(line: number, message: string): void;
	warn(line: number, message: string): void;
}

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
