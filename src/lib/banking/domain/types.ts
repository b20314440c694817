// The one shape every statement format is normalised into: amounts are decimal strings with money
// coming IN positive, dates are ISO dates, and every line carries a stable id and the file line it came from.
import type { DecimalString, IsoDate } from '../../shared/domain';

export type StatementFormat = 'csv' | 'ofx' | 'qfx' | 'qif' | 'camt.053' | 'camt.052' | 'mt940';

export interface AccountIdentifiers {
	readonly iban?: string;
	readonly accountNumber?: string;
	/** Routing number, BIC, bank code, BANKID: whatever identifies the bank in this format. */
	readonly bankId?: string;
	readonly name?: string;
	readonly type?: string;
}

export interface StatementBalance {
	readonly amount: DecimalString;
	readonly date?: IsoDate;
}

export interface StatementSplit {
	readonly amount: DecimalString;
	readonly category: string;
	readonly memo: string;
}

export interface StatementLine {
	/** Stable id: a hash of the line's dedup key, so re-parsing the same file gives the same ids. */
	readonly id: string;
	/** Booking (posting) date: the date the balance moved. */
	readonly date: IsoDate;
	readonly valueDate?: IsoDate;
	/** Money in positive, money out negative, from the account holder's view. */
	readonly amount: DecimalString;
	readonly payee: string;
	readonly memo: string;
	/** The bank's own id for the line (OFX FITID, CAMT AcctSvcrRef, MT940 bank reference, CSV reference column). */
	readonly bankRef?: string;
	readonly checkNumber?: string;
	/** QIF category (`L`), when the file carries one. */
	readonly category?: string;
	readonly splits?: readonly StatementSplit[];
	/** 1-based line of the source file where this line starts. */
	readonly sourceLine: number;
}

export interface Statement {
	readonly format: StatementFormat;
	readonly fileName: string;
	readonly account: AccountIdentifiers;
	readonly currency?: string;
	readonly openingBalance?: StatementBalance;
	readonly closingBalance?: StatementBalance;
	readonly lines: readonly StatementLine[];
	/** Things a person should know that did not stop the import (clamped dates, empty tags, fallback encodings). */
	readonly warnings: readonly string[];
}

/** A line before ids are assigned (parsers build these; `finishStatement` adds ids). */
export type DraftLine = Omit<StatementLine, 'id'>;

export type BalanceCheck =
	| {
			readonly status: 'ok';
			readonly opening: DecimalString;
			readonly closing: DecimalString;
			readonly linesTotal: DecimalString;
	  }
	| {
			readonly status: 'mismatch';
			readonly opening: DecimalString;
			readonly closing: DecimalString;
			readonly linesTotal: DecimalString;
			/** closing - (opening + lines) */
			readonly difference: DecimalString;
	  }
	| { readonly status: 'n/a'; readonly reason: string };
