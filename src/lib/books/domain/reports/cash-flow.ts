// Cash flow statement, indirect method. Invariant: for every commodity, net income + operating
// adjustments + investing + financing = the change in cash and bank balances over the period
// (`difference` is empty), because every non-cash balance-sheet account falls in exactly one group.
import type { AccountIndex } from '../accounts';
import type { Account, AccountId, AccountSubtype, MultiAmount, Period } from '../types';
import type { DrillQuery } from './drill-down';
import { chartIndex, type ReportInput } from './statements';
import { sumByAccount, sumMulti, toMulti, type EntryFilter } from './sums';

export type CashFlowGroup = 'cash' | 'operating' | 'investing' | 'financing' | 'earnings';

const GROUP_OF_SUBTYPE: Partial<Record<AccountSubtype, CashFlowGroup>> = {
	cash: 'cash',
	bank: 'cash',
	'fixed-asset': 'investing',
	'long-term-asset': 'investing',
	'long-term-liability': 'financing'
};

/** Where an account's movements go in the cash flow: its own subtype, else its nearest ancestor's, else its type's. */
export function cashFlowGroup(account: Account, index: AccountIndex): CashFlowGroup {
	if (account.type === 'income' || account.type === 'expense') return 'earnings';
	for (const id of [account.id, ...index.ancestors(account.id).reverse()]) {
		const subtype = index.byId.get(id)?.subtype;
		if (subtype === undefined) continue;
		const group = GROUP_OF_SUBTYPE[subtype];
		if (group) return group;
		break;
	}
	return account.type === 'equity' ? 'financing' : 'operating';
}

export interface CashFlowLine {
	readonly account: AccountId;
	readonly fullName: string;
	/** Cash effect: positive is cash in. */
	readonly amount: MultiAmount;
	readonly drill: DrillQuery;
}

export interface CashFlowStatement {
	readonly period: Period;
	readonly netIncome: MultiAmount;
	/** Changes in working capital and other non-cash operating accounts (depreciation adds back here). */
	readonly operatingAdjustments: CashFlowLine[];
	readonly operating: MultiAmount;
	readonly investingLines: CashFlowLine[];
	readonly investing: MultiAmount;
	readonly financingLines: CashFlowLine[];
	readonly financing: MultiAmount;
	/** operating + investing + financing. */
	readonly netChange: MultiAmount;
	/** Change in cash and bank accounts, from their own lines. */
	readonly cashChange: MultiAmount;
	/** netChange - cashChange: empty for balanced books. */
	readonly difference: MultiAmount;
}

export function cashFlowStatement(input: ReportInput & { readonly period: Period }): CashFlowStatement {
	const index = chartIndex(input.accounts);
	const filter: EntryFilter = { period: input.period, excludeClosing: true };
	const table = sumByAccount(input.entries, filter);
	const groups: Record<CashFlowGroup, CashFlowLine[]> = {
		cash: [],
		operating: [],
		investing: [],
		financing: [],
		earnings: []
	};
	const ids = [...table.keys()].sort((a, b) => (index.fullName(a) < index.fullName(b) ? -1 : 1));
	for (const id of ids) {
		const account = index.byId.get(id);
		const group = account ? cashFlowGroup(account, index) : 'operating';
		// Cash accounts show their own change; every other account's change is the opposite cash effect.
		const amount = toMulti(table.get(id), group !== 'cash');
		if (Object.keys(amount).length === 0) continue;
		groups[group].push({
			account: id,
			fullName: index.fullName(id),
			amount,
			drill: { ...filter, accounts: [id] }
		});
	}
	const total = (lines: readonly CashFlowLine[]) => sumMulti(lines.map((l) => l.amount));
	const netIncome = total(groups.earnings);
	const operating = sumMulti([netIncome, total(groups.operating)]);
	const investing = total(groups.investing);
	const financing = total(groups.financing);
	const netChange = sumMulti([operating, investing, financing]);
	const cashChange = total(groups.cash);
	return {
		period: input.period,
		netIncome,
		operatingAdjustments: groups.operating,
		operating,
		investingLines: groups.investing,
		investing,
		financingLines: groups.financing,
		financing,
		netChange,
		cashChange,
		difference: sumMulti([netChange, sumMulti([cashChange], true)])
	};
}
