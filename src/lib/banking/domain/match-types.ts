// The matcher's input and output records. Plain data only, so they cross a worker boundary unchanged.
import type { DecimalString, IsoDate } from '../../shared/domain';
import type { BankRule, ProposedLine } from './rules';

export interface BankLineInput {
	readonly id: string;
	readonly date: IsoDate;
	/** Money in positive. */
	readonly amount: DecimalString;
	readonly payee: string;
	readonly memo: string;
	readonly bankRef?: string;
	/** Locked by a finished reconciliation: never matched again. */
	readonly reconciled?: boolean;
}

export interface LedgerLineInput {
	readonly id: string;
	readonly entryId: string;
	readonly date: IsoDate;
	/** Signed from the bank account's view: a debit to the bank account (money in) is positive. */
	readonly amount: DecimalString;
	readonly payee: string;
	readonly memo: string;
	/** Document reference (invoice or cheque number). */
	readonly reference?: string;
	/** The bank id this line was matched to before, if any. */
	readonly bankRef?: string;
	/** Already ticked against a bank line; fuzzy passes prefer other candidates. */
	readonly cleared?: boolean;
	/** Locked by a finished reconciliation: never matched again. */
	readonly reconciled?: boolean;
}

/** A bank rule (rules.ts); the matcher uses the enabled ones, in their order. */
export type MatchRule = BankRule;

export interface MatchOptions {
	/** Days either side for amount matches (default 7). */
	readonly dateWindowDays?: number;
	/** Proposals with a score at or above this are marked autoAccept (default 0.9). */
	readonly autoAcceptThreshold?: number;
	/** Strict bank ids: a bank line with an id never fuzzy-matches a ledger line holding a different bank id (default true). */
	readonly strictBankRefs?: boolean;
	/** Most lines on the "several" side of a split match (default 4). */
	readonly maxSplitParts?: number;
	/** Candidates considered per split search (default 16). */
	readonly splitCandidateCap?: number;
	/** Total search steps for all split searches together (default 2,000,000). */
	readonly splitStepBudget?: number;
	readonly rules?: readonly MatchRule[];
}

export type MatchKind = 'reference' | 'amount-date' | 'one-bank-many-ledger' | 'many-bank-one-ledger';

export interface MatchProposal {
	readonly kind: MatchKind;
	readonly bankLineIds: readonly string[];
	readonly ledgerLineIds: readonly string[];
	readonly score: number;
	readonly reasons: readonly string[];
	readonly autoAccept: boolean;
}

export interface RuleProposal {
	readonly bankLineId: string;
	readonly ruleId: string;
	readonly account: string;
	readonly memo: string;
	readonly dimensions: Readonly<Record<string, string>>;
	/** The entry's offset lines (one, or the split's parts), summing exactly to the bank line negated. */
	readonly lines: readonly ProposedLine[];
	/** The rule's name, for people. */
	readonly ruleName: string;
	readonly score: number;
	readonly reasons: readonly string[];
}

export interface MatchResult {
	readonly matches: readonly MatchProposal[];
	readonly ruleProposals: readonly RuleProposal[];
	readonly unmatchedBankLineIds: readonly string[];
	readonly unmatchedLedgerLineIds: readonly string[];
	/** True when the split search ran out of its step budget (some split matches may be missing). */
	readonly budgetExhausted: boolean;
}
