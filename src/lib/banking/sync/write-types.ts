// The shapes BankingReplica's writes take and answer with, and what it needs of the ledger side.
// Types only.
import type { JournalEntry } from '$lib/books/domain';
import type { LedgerLineRef, Statement } from '$lib/banking/domain';

/** What the ledger side offers: counted entries, and a signal when they change (BooksReplica fits). */
export interface LedgerView {
	entry(id: string): JournalEntry | undefined;
	onChange(
		listener: (change: {
			readonly counted: readonly unknown[];
			readonly uncounted: readonly unknown[];
		}) => void
	): () => void;
}

export interface ImportOutcome {
	readonly statementId: string;
	readonly added: number;
	readonly duplicates: number;
	/** The very same statement was imported before (by anyone). */
	readonly alreadyImported: boolean;
}

export interface Stamp {
	readonly by: string;
	readonly at: string;
}

/** A parsed statement to store for a bank account. */
export type StatementInput = { bankAccountId: string; statement: Statement; acceptMismatch: boolean } & Stamp;

/** One match to accept: bank lines and ledger lines (`entryId#index`) claimed together. */
export type AcceptInput = {
	id: string;
	bankAccountId: string;
	bankLineIds: string[];
	ledgerLines: LedgerLineRef[];
	score?: number;
	reasons?: readonly string[];
} & Stamp;
