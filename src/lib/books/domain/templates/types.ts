// A chart-of-accounts template is data: a versioned list of accounts by full path, validated when
// loaded (see ./index.ts). Figures and names carry their source in `source`.
import type { AccountSubtype, AccountType } from '../types';

export interface TemplateAccount {
	readonly code: string;
	/** Full name, "Assets:Current Assets:Checking"; every parent path is listed too. */
	readonly path: string;
	readonly type: AccountType;
	readonly subtype?: AccountSubtype;
}

export interface ChartTemplate {
	readonly id: string;
	readonly version: number;
	readonly name: string;
	/** Where the structure comes from (a standard, a practice), for the person choosing it. */
	readonly source: string;
	readonly effectiveFrom: string;
	readonly accounts: readonly TemplateAccount[];
	/** Nonprofit: the funds (line dimension `fund`) and functional expense classes (dimension `class`). */
	readonly funds?: readonly { readonly id: string; readonly label: string; readonly netAssetsCode: string }[];
	readonly functionalClasses?: readonly { readonly id: string; readonly label: string }[];
	/** Code of the retained earnings account, for the year-end close. */
	readonly retainedEarningsCode?: string;
}
