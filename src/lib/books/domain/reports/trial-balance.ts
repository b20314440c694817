// Trial balance: every account's balance per commodity, debit positive. Invariant: the rows of each
// commodity sum to exactly zero (a posted book always balances); `totals` shows it.
import { indexAccounts, type AccountIndex } from '../accounts';
import type { Account, AccountId, Commodity, JournalEntry, MultiAmount } from '../types';
import type { DrillQuery } from './drill-down';
import { sumByAccount, toMulti, type EntryFilter, type Sums } from './sums';
import { ExactSum } from '../../../shared/domain';
import type { DecimalString } from '../../../shared/domain/money';

export interface TrialBalanceRow {
	readonly account: AccountId;
	/** "Assets:Bank:Checking" (the id when the account is not in the chart given). */
	readonly fullName: string;
	readonly commodity: Commodity;
	readonly amount: DecimalString;
	readonly drill: DrillQuery;
}

export interface TrialBalance {
	readonly rows: TrialBalanceRow[];
	/** Sum of the rows per commodity: always empty (all zero) for a book of balanced entries. */
	readonly totals: MultiAmount;
}

export interface TrialBalanceOptions extends EntryFilter {
	readonly entries: readonly JournalEntry[];
	/** The chart, for full names and ordering; without it rows are named by account id. */
	readonly accounts?: readonly Account[] | AccountIndex;
	/** Keep accounts whose balance is zero (default: leave them out, as hledger does). */
	readonly showZero?: boolean;
}

/** Compares full names part by part ("A:B" before "A B"), as an account tree is ordered. */
export function compareAccountNames(a: string, b: string): number {
	const pa = a.split(':');
	const pb = b.split(':');
	for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
		const x = pa[i] as string;
		const y = pb[i] as string;
		if (x !== y) return x < y ? -1 : 1;
	}
	return pa.length - pb.length;
}

export function trialBalance(options: TrialBalanceOptions): TrialBalance {
	const index =
		options.accounts === undefined
			? undefined
			: Array.isArray(options.accounts)
				? indexAccounts(options.accounts)
				: (options.accounts as AccountIndex);
	const table = sumByAccount(options.entries, options);
	const named = [...table.keys()].map((id) => ({
		id,
		fullName: index?.byId.has(id) ? index.fullName(id) : id
	}));
	if (options.showZero && index)
		for (const id of index.byId.keys()) if (!table.has(id)) named.push({ id, fullName: index.fullName(id) });
	named.sort((a, b) => compareAccountNames(a.fullName, b.fullName));
	const rows: TrialBalanceRow[] = [];
	const totals: Sums = new Map();
	const filter: EntryFilter = {
		...(options.period ? { period: options.period } : {}),
		...(options.includeDrafts ? { includeDrafts: true } : {}),
		...(options.clearedOnly ? { clearedOnly: true } : {}),
		...(options.excludeClosing ? { excludeClosing: true } : {})
	};
	for (const { id, fullName } of named) {
		const sums = table.get(id);
		const multi = toMulti(sums);
		const amounts = Object.entries(multi);
		if (amounts.length === 0 && options.showZero)
			rows.push({
				account: id,
				fullName,
				commodity: '',
				amount: new ExactSum().toDecimal(),
				drill: { ...filter, accounts: [id] }
			});
		for (const [commodity, amount] of amounts) {
			rows.push({
				account: id,
				fullName,
				commodity,
				amount,
				drill: { ...filter, accounts: [id], commodity }
			});
			let t = totals.get(commodity);
			if (!t) totals.set(commodity, (t = new ExactSum()));
			t.addDecimal(amount);
		}
	}
	return { rows, totals: toMulti(totals) };
}
