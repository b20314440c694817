// The ledger's records. Every record is a plain JSON value (strings, numbers, booleans, arrays,
// objects) carrying `schemaVersion`, so it can be stored as one immutable fact and read by peers.
import type { DecimalString } from '../../shared/domain/money';
import type { IsoDate } from '../../shared/domain/dates';

export const LEDGER_SCHEMA_VERSION = 1 as const;

/** Ids are strings supplied by the caller (ULIDs in the app; full account names for imported journals). */
export type AccountId = string;
export type EntryId = string;
/** A commodity or currency symbol as written: "USD", "$", "EUR", "AAA"; "" is the bare number. */
export type Commodity = string;

export const ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'income', 'expense'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/** What an account is for; reports (cash flow, balance sheet grouping) read it. */
export const ACCOUNT_SUBTYPES = [
	// assets
	'cash',
	'bank',
	'receivable',
	'inventory',
	'prepaid',
	'current-asset',
	'fixed-asset',
	'accumulated-depreciation',
	'long-term-asset',
	// liabilities
	'payable',
	'credit-card',
	'tax-liability',
	'payroll-liability',
	'deferred-revenue',
	'current-liability',
	'long-term-liability',
	// equity
	'owner-equity',
	'opening-balance',
	'retained-earnings',
	'net-assets',
	// income
	'operating-income',
	'other-income',
	'contribution',
	// expenses
	'cost-of-sales',
	'operating-expense',
	'payroll-expense',
	'depreciation',
	'tax-expense',
	'other-expense'
] as const;
export type AccountSubtype = (typeof ACCOUNT_SUBTYPES)[number];

/** The subtypes that make sense under each account type (what a chart editor offers). */
export const SUBTYPES_BY_TYPE: Readonly<Record<AccountType, readonly AccountSubtype[]>> = {
	asset: [
		'cash',
		'bank',
		'receivable',
		'inventory',
		'prepaid',
		'current-asset',
		'fixed-asset',
		'accumulated-depreciation',
		'long-term-asset'
	],
	liability: [
		'payable',
		'credit-card',
		'tax-liability',
		'payroll-liability',
		'deferred-revenue',
		'current-liability',
		'long-term-liability'
	],
	equity: ['owner-equity', 'opening-balance', 'retained-earnings', 'net-assets'],
	income: ['operating-income', 'other-income', 'contribution'],
	expense: [
		'cost-of-sales',
		'operating-expense',
		'payroll-expense',
		'depreciation',
		'tax-expense',
		'other-expense'
	]
};

export interface Account {
	readonly schemaVersion: typeof LEDGER_SCHEMA_VERSION;
	readonly id: AccountId;
	/** Leaf name, without ':' ("Checking"); the full name comes from the parent chain. */
	readonly name: string;
	readonly type: AccountType;
	readonly subtype?: AccountSubtype;
	/** Chart code, e.g. "1010". */
	readonly code?: string;
	readonly parentId?: AccountId;
	/** The one commodity this account is kept in, when it has one. */
	readonly currency?: Commodity;
	/** Archived accounts keep their history but take no new lines. */
	readonly archived?: boolean;
}

/** Optional analysis dimensions on a line. Values never contain ',', ';' or line breaks. */
export interface LineDimensions {
	/** Nonprofit fund: 'unrestricted' (without donor restrictions) or 'restricted' (with). */
	readonly fund?: string;
	/** Class, e.g. a functional expense class: 'program', 'management-general', 'fundraising'. */
	readonly class?: string;
	readonly department?: string;
	readonly tag?: string;
}
export const DIMENSION_KEYS = [
	'fund',
	'class',
	'department',
	'tag'
] as const satisfies readonly (keyof LineDimensions)[];

export interface EntryLine {
	readonly account: AccountId;
	/** Signed: debit positive, credit negative. */
	readonly amount: DecimalString;
	readonly commodity: Commodity;
	/**
	 * Total cost in another commodity, signed like `amount` (a purchase of 2 AAA for 1.80 GBP has
	 * amount "2" AAA and cost "1.80" GBP). When present, the line balances in the cost's commodity.
	 */
	readonly cost?: { readonly amount: DecimalString; readonly commodity: Commodity };
	readonly memo?: string;
	readonly dimensions?: LineDimensions;
}

export type EntryStatus = 'draft' | 'posted';
/** Bank-reconciliation state as the journal format marks it: `!` pending, `*` cleared. */
export type Clearing = 'pending' | 'cleared';

export interface JournalEntry {
	readonly schemaVersion: typeof LEDGER_SCHEMA_VERSION;
	readonly id: EntryId;
	readonly date: IsoDate;
	/** Document or cheque number, e.g. "101". */
	readonly number?: string;
	/** What happened, one line ("Rent for March"). */
	readonly memo: string;
	readonly status: EntryStatus;
	readonly clearing?: Clearing;
	readonly lines: readonly EntryLine[];
	/** References (ids or URLs) of attached documents; the files live elsewhere. */
	readonly attachments?: readonly string[];
	/** The entry this one reverses, when it is a reversal. */
	readonly reverses?: EntryId;
	/** A year-end closing entry (income statement and cash flow leave it out). */
	readonly closing?: boolean;
	/** Free text kept with the entry (journal comments), line breaks allowed. */
	readonly comment?: string;
}

/** A multi-commodity amount: commodity -> decimal. Zero commodities are left out. */
export type MultiAmount = Readonly<Record<Commodity, DecimalString>>;

/** Inclusive date bounds; either may be open. */
export interface Period {
	readonly from?: IsoDate;
	readonly to?: IsoDate;
}
