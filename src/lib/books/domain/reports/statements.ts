// Balance sheet, income statement and account register over posted entries. Invariants: on the
// balance sheet assets = liabilities + equity + current earnings at every date (reported in
// `difference`, always empty for balanced entries); net income = income - expenses.
import type { IsoDate } from '../../../shared/domain/dates';
import type { DecimalString } from '../../../shared/domain/money';
import { indexAccounts, type AccountIndex } from '../accounts';
import { ExactSum } from '../../../shared/domain';
import type { Account, AccountId, Commodity, JournalEntry, MultiAmount, Period } from '../types';
import type { DrillQuery } from './drill-down';
import { buildSection, type ReportSection } from './sections';
import { entryMatches, rollUp, sumByAccount, sumMulti, type EntryFilter } from './sums';

export interface ReportInput {
	readonly entries: readonly JournalEntry[];
	readonly accounts: readonly Account[] | AccountIndex;
	readonly showZero?: boolean;
}

export function chartIndex(accounts: readonly Account[] | AccountIndex): AccountIndex {
	return Array.isArray(accounts) ? indexAccounts(accounts as readonly Account[]) : (accounts as AccountIndex);
}

export interface BalanceSheet {
	readonly asOf: IsoDate;
	readonly assets: ReportSection;
	readonly liabilities: ReportSection;
	readonly equity: ReportSection;
	/** Income less expenses not yet closed to equity, up to the date (credit positive). */
	readonly currentEarnings: MultiAmount;
	readonly currentEarningsDrill: DrillQuery;
	/** liabilities + equity + current earnings. */
	readonly liabilitiesAndEquity: MultiAmount;
	/** assets - (liabilities + equity + current earnings): empty when the books balance. */
	readonly difference: MultiAmount;
}

export function balanceSheet(input: ReportInput & { readonly asOf: IsoDate }): BalanceSheet {
	const index = chartIndex(input.accounts);
	const filter: EntryFilter = { period: { to: input.asOf } };
	const rolled = rollUp(sumByAccount(input.entries, filter), index);
	const opts = { showZero: input.showZero ?? false };
	const assets = buildSection(
		{ title: 'Assets', types: ['asset'], creditPositive: false, ...opts },
		index,
		rolled,
		filter
	);
	const liabilities = buildSection(
		{ title: 'Liabilities', types: ['liability'], creditPositive: true, ...opts },
		index,
		rolled,
		filter
	);
	const equity = buildSection(
		{ title: 'Equity', types: ['equity'], creditPositive: true, ...opts },
		index,
		rolled,
		filter
	);
	const pl = buildSection(
		{ title: 'Earnings', types: ['income', 'expense'], creditPositive: true },
		index,
		rolled,
		filter
	);
	const liabilitiesAndEquity = sumMulti([liabilities.total, equity.total, pl.total]);
	return {
		asOf: input.asOf,
		assets,
		liabilities,
		equity,
		currentEarnings: pl.total,
		currentEarningsDrill: pl.drill,
		liabilitiesAndEquity,
		difference: sumMulti([assets.total, sumMulti([liabilitiesAndEquity], true)])
	};
}

export interface IncomeStatementColumn {
	readonly period: Period;
	/** Credit positive. */
	readonly income: ReportSection;
	/** Debit positive. */
	readonly expenses: ReportSection;
	readonly netIncome: MultiAmount;
}

export interface IncomeStatement {
	readonly current: IncomeStatementColumn;
	readonly prior?: IncomeStatementColumn;
	/** current net income - prior net income, when there is a prior period. */
	readonly netIncomeChange?: MultiAmount;
}

function incomeColumn(input: ReportInput, index: AccountIndex, period: Period): IncomeStatementColumn {
	const filter: EntryFilter = { period, excludeClosing: true };
	const rolled = rollUp(sumByAccount(input.entries, filter), index);
	const showZero = input.showZero ?? false;
	const income = buildSection(
		{ title: 'Income', types: ['income'], creditPositive: true, showZero },
		index,
		rolled,
		filter
	);
	const expenses = buildSection(
		{ title: 'Expenses', types: ['expense'], creditPositive: false, showZero },
		index,
		rolled,
		filter
	);
	return { period, income, expenses, netIncome: sumMulti([income.total, sumMulti([expenses.total], true)]) };
}

/** Income and expenses for a period (closing entries left out), optionally beside a prior period. */
export function incomeStatement(
	input: ReportInput & { readonly period: Period; readonly comparePeriod?: Period }
): IncomeStatement {
	const index = chartIndex(input.accounts);
	const current = incomeColumn(input, index, input.period);
	if (!input.comparePeriod) return { current };
	const prior = incomeColumn(input, index, input.comparePeriod);
	return {
		current,
		prior,
		netIncomeChange: sumMulti([current.netIncome, sumMulti([prior.netIncome], true)])
	};
}

export interface RegisterRow {
	readonly entryId: string;
	readonly date: IsoDate;
	readonly number?: string;
	readonly memo: string;
	readonly account: AccountId;
	readonly commodity: Commodity;
	readonly amount: DecimalString;
	/** Running balance in this row's commodity after the row. */
	readonly balance: DecimalString;
}

export interface Register {
	readonly opening: MultiAmount;
	readonly rows: RegisterRow[];
	readonly closing: MultiAmount;
}

/** General ledger for one account (and by default its subaccounts): lines in date order with a running balance. */
export function accountRegister(
	input: ReportInput & {
		readonly account: AccountId;
		readonly period?: Period;
		readonly includeSubaccounts?: boolean;
	}
): Register {
	const index = chartIndex(input.accounts);
	const accounts = new Set(
		input.includeSubaccounts === false ? [input.account] : index.subtree(input.account)
	);
	const running = new Map<Commodity, ExactSum>();
	const from = input.period?.from;
	const sorted = input.entries
		.map((e, i) => ({ e, i }))
		.filter(({ e }) => entryMatches(e, { period: { ...(input.period?.to ? { to: input.period.to } : {}) } }))
		.sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i));
	const rows: RegisterRow[] = [];
	let opening: MultiAmount | undefined;
	const snapshot = () => {
		const out: Record<string, string> = {};
		for (const [c, s] of [...running].sort(([a], [b]) => (a < b ? -1 : 1)))
			if (!s.isZero()) out[c] = s.toDecimal();
		return out as MultiAmount;
	};
	for (const { e } of sorted) {
		if (from !== undefined && e.date >= from && opening === undefined) opening = snapshot();
		for (const line of e.lines) {
			if (!accounts.has(line.account)) continue;
			let s = running.get(line.commodity);
			if (!s) running.set(line.commodity, (s = new ExactSum()));
			s.addDecimal(line.amount);
			if (from !== undefined && e.date < from) continue;
			rows.push({
				entryId: e.id,
				date: e.date,
				...(e.number !== undefined ? { number: e.number } : {}),
				memo: line.memo ?? e.memo,
				account: line.account,
				commodity: line.commodity,
				amount: line.amount,
				balance: s.toDecimal()
			});
		}
	}
	return { opening: opening ?? (from === undefined ? {} : snapshot()), rows, closing: snapshot() };
}
