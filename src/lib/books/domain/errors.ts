// The ledger's failure codes and the one place that says what each means to a person.
import { err, type DomainError } from '../../shared/domain/result';
import { defineMessages, problem } from '../../shared/domain/messages';

export const LEDGER_ERRORS = defineMessages({
	'ledger/unbalanced': 'The entry does not balance: debits and credits differ in some commodity.',
	'ledger/too-few-lines': 'An entry needs at least two lines.',
	'ledger/unknown-account': 'A line names an account that is not in the chart.',
	'ledger/archived-account': 'A line names an archived account.',
	'ledger/locked-period': 'The entry is dated on or before the lock date.',
	'ledger/bad-amount': 'An amount is not a plain decimal.',
	'ledger/bad-date': 'A date is not a calendar date (YYYY-MM-DD).',
	'ledger/bad-entry': 'The entry record is malformed.',
	'ledger/unsigned-entry':
		'The entry carries no signature of whoever posted it, and was not among the entries held when signatures began.',
	'ledger/bad-signature': 'The entry’s signature does not match its content.',
	'ledger/no-books-role': 'The entry was signed by someone who may not post to the books.',
	'ledger/newer-entry': 'The entry was saved by a newer version of Keel; update Keel to use it.',
	'ledger/not-posted': 'Only posted entries can be reversed or reported.',
	'ledger/bad-chart': 'The chart of accounts is inconsistent.',
	'ledger/bad-template': 'The chart-of-accounts template is invalid.',
	'ledger/nothing-to-close': 'There is no income or expense to close.',
	'ledger/parse': 'The journal file could not be read.',
	'ledger/unwritable': 'The records cannot be written as a journal without changing their meaning.'
});

export type LedgerErrorCode = keyof typeof LEDGER_ERRORS;

/** What the Books screens and the books worker can fail with besides the ledger's own codes. */
export const BOOKS_MESSAGES = defineMessages({
	'books/loading': 'The books are still loading.',
	'books/name-required': 'Name: required.',
	'books/entry-form': 'The entry is not filled in correctly.',
	'books/year-closed': (d) => `The year ending ${String(d.yearEnd ?? '')} is already closed.`,
	'books/no-close-target': 'The chart has no account to close the year into.',
	'books/load-failed': 'The books could not be read.',
	'books/report-failed': 'The report could not be made.',
	'books/export-failed': 'The export could not be made.',
	'books/import-failed': 'The journal file could not be imported.'
});

export type BooksCode = keyof typeof BOOKS_MESSAGES;

/** A Books failure worded by the map. */
export function booksProblem(code: BooksCode, details?: Record<string, unknown>): DomainError {
	return problem(code, details);
}

export interface LedgerError extends DomainError {
	readonly code: LedgerErrorCode;
}

export function ledgerError(code: LedgerErrorCode, message: string, details?: Record<string, unknown>) {
	return err<LedgerError>(details === undefined ? { code, message } : { code, message, details });
}

/** A journal problem at a line (1-based). */
export interface LineProblem {
	readonly line: number;
	readonly message: string;
}
