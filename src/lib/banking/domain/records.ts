// The banking records kept in the shared books shard. Bank accounts are mutable (renamed, mapping saved);
// statements, statement lines, match decisions and reconciliations are immutable facts written once.
// A ledger line is referred to by its entry and position, never copied or edited.
import type { DecimalString, IsoDate } from '../../shared/domain';
import type { BankRule } from './rules';
import type { StatementFormat } from './types';

export const BANKING_SCHEMA_VERSION = 1 as const;

export interface BankAccountRecord {
	readonly schemaVersion: typeof BANKING_SCHEMA_VERSION;
	readonly id: string;
	readonly name: string;
	readonly institution: string;
	readonly currency: string;
	/** IBAN or account number as the bank writes it (shown masked). */
	readonly identifier: string;
	/** The ledger account (asset or liability: bank, cash, credit card) this bank account posts into. */
	readonly ledgerAccountId: string;
	/** The CSV mapping last confirmed for this account's files (JSON, checked by validateCsvMapping when used). */
	readonly csvMapping?: unknown;
}

export interface StatementRecord {
	readonly schemaVersion: typeof BANKING_SCHEMA_VERSION;
	/** Derived from the account and the file's content: two peers importing one file write one statement. */
	readonly id: string;
	readonly bankAccountId: string;
	readonly fileName: string;
	readonly format: StatementFormat;
	readonly from?: IsoDate;
	readonly to?: IsoDate;
	readonly opening?: DecimalString;
	readonly closing?: DecimalString;
	readonly balanceCheck: 'ok' | 'mismatch' | 'n/a';
	/** closing - (opening + lines), when the check is a mismatch. */
	readonly difference?: DecimalString;
	/** The person chose to import a statement that does not add up. */
	readonly acceptedMismatch: boolean;
	/** Every line of the file (by stored line id), including lines an earlier import already held. */
	readonly lineIds: readonly string[];
	readonly importedAt: string;
	readonly importedBy: string;
}

export interface BankLineRecord {
	readonly schemaVersion: typeof BANKING_SCHEMA_VERSION;
	/** `<bankAccountId>.<dedup key>`: the same bank line imported twice, by anyone, is one record. */
	readonly id: string;
	readonly bankAccountId: string;
	readonly date: IsoDate;
	/** Money in positive. */
	readonly amount: DecimalString;
	readonly payee: string;
	readonly memo: string;
	readonly bankRef?: string;
	readonly valueDate?: IsoDate;
}

export interface LedgerLineRef {
	readonly entryId: string;
	readonly lineIndex: number;
}

export type DecisionKind = 'accept' | 'reject' | 'unmatch';

export interface MatchDecision {
	readonly schemaVersion: typeof BANKING_SCHEMA_VERSION;
	readonly id: string;
	readonly kind: DecisionKind;
	readonly bankAccountId: string;
	readonly bankLineIds: readonly string[];
	readonly ledgerLines: readonly LedgerLineRef[];
	/** Lamport clock: one more than the highest clock the writer had seen. Orders concurrent claims. */
	readonly clock: number;
	/** For 'unmatch': the accept it withdraws. */
	readonly revokes?: string;
	readonly score?: number;
	readonly reasons?: readonly string[];
	readonly by: string;
	readonly at: string;
}

export interface ReconciliationRecord {
	readonly schemaVersion: typeof BANKING_SCHEMA_VERSION;
	/** One per statement: the statement's id. */
	readonly id: string;
	readonly bankAccountId: string;
	readonly statementBalance: DecimalString;
	readonly clearedBalance: DecimalString;
	/** Lines locked by finishing, and the accepts that cleared them (locked too). */
	readonly lineIds: readonly string[];
	readonly decisionIds: readonly string[];
	readonly finishedAt: string;
	readonly by: string;
}

/** A bank rule, shared by everyone with Books access (a mutable record: one field per key). */
export type BankRuleRecord = BankRule & { readonly schemaVersion: typeof BANKING_SCHEMA_VERSION };

export const refKey = (r: LedgerLineRef): string => `${r.entryId}#${r.lineIndex}`;
