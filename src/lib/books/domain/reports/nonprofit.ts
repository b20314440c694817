// Nonprofit statements: financial position (net assets by fund) and activities (revenue and
// expenses by fund, expenses by functional class). Lines without a fund count as unrestricted.
// Invariants: assets - liabilities = total net assets = the sum over funds; each fund's change in
// net assets = its revenue - its expenses.
import type { IsoDate } from '../../../shared/domain/dates';
import type { AccountId, EntryLine, MultiAmount, Period } from '../types';
import type { DrillQuery } from './drill-down';
import { buildSection, type ReportSection } from './sections';
import { chartIndex, type ReportInput } from './statements';
import { rollUp, sumByAccount, sumMulti, toMulti, type EntryFilter } from './sums';

export const UNRESTRICTED = 'unrestricted';
export const RESTRICTED = 'restricted';
export const FUND_LABELS: Readonly<Record<string, string>> = {
	[UNRESTRICTED]: 'Without donor restrictions',
	[RESTRICTED]: 'With donor restrictions'
};
export const FUNCTIONAL_CLASSES = ['program', 'management-general', 'fundraising'] as const;

const fundOf = (line: EntryLine) => line.dimensions?.fund ?? UNRESTRICTED;

function fundsIn(input: ReportInput): string[] {
	const funds = new Set<string>([UNRESTRICTED, RESTRICTED]);
	for (const e of input.entries)
		for (const l of e.lines) if (l.dimensions?.fund) funds.add(l.dimensions.fund);
	return [...funds];
}

export interface FundAmount {
	readonly fund: string;
	readonly label: string;
	readonly amount: MultiAmount;
	readonly drill: DrillQuery;
}

export interface FinancialPosition {
	readonly asOf: IsoDate;
	readonly assets: ReportSection;
	readonly liabilities: ReportSection;
	/** Equity (net assets) accounts plus the unclosed change in net assets, per fund; credit positive. */
	readonly netAssets: FundAmount[];
	readonly totalNetAssets: MultiAmount;
	/** assets - liabilities - total net assets: empty when the books balance. */
	readonly difference: MultiAmount;
}

export function statementOfFinancialPosition(
	input: ReportInput & { readonly asOf: IsoDate }
): FinancialPosition {
	const index = chartIndex(input.accounts);
	const filter: EntryFilter = { period: { to: input.asOf } };
	const rolled = rollUp(sumByAccount(input.entries, filter), index);
	const assets = buildSection(
		{ title: 'Assets', types: ['asset'], creditPositive: false },
		index,
		rolled,
		filter
	);
	const liabilities = buildSection(
		{ title: 'Liabilities', types: ['liability'], creditPositive: true },
		index,
		rolled,
		filter
	);
	const netAssetAccounts: AccountId[] = [...index.byId.values()]
		.filter((a) => a.type === 'equity' || a.type === 'income' || a.type === 'expense')
		.map((a) => a.id);
	const netAssets = fundsIn(input).map((fund) => {
		const byFund = rollUp(
			sumByAccount(input.entries, filter, (l) => fundOf(l) === fund),
			index
		);
		const section = buildSection(
			{ title: fund, types: ['equity', 'income', 'expense'], creditPositive: true },
			index,
			byFund,
			filter
		);
		return {
			fund,
			label: FUND_LABELS[fund] ?? fund,
			amount: section.total,
			drill: { ...filter, accounts: netAssetAccounts, fund, defaultFund: UNRESTRICTED }
		};
	});
	const totalNetAssets = sumMulti(netAssets.map((n) => n.amount));
	return {
		asOf: input.asOf,
		assets,
		liabilities,
		netAssets,
		totalNetAssets,
		difference: sumMulti([assets.total, sumMulti([liabilities.total, totalNetAssets], true)])
	};
}

export interface ActivitiesColumn {
	readonly fund: string;
	readonly label: string;
	readonly revenue: ReportSection;
	readonly expenses: ReportSection;
	/** revenue - expenses. */
	readonly changeInNetAssets: MultiAmount;
}

export interface StatementOfActivities {
	readonly period: Period;
	readonly byFund: ActivitiesColumn[];
	/** Expenses per functional class (program, management & general, fundraising, and 'unassigned'). */
	readonly expensesByClass: {
		readonly class: string;
		readonly amount: MultiAmount;
		readonly drill: DrillQuery;
	}[];
	readonly totalChangeInNetAssets: MultiAmount;
}

export function statementOfActivities(
	input: ReportInput & { readonly period: Period }
): StatementOfActivities {
	const index = chartIndex(input.accounts);
	const filter: EntryFilter = { period: input.period, excludeClosing: true };
	const byFund = fundsIn(input).map((fund) => {
		const rolled = rollUp(
			sumByAccount(input.entries, filter, (l) => fundOf(l) === fund),
			index
		);
		const f: EntryFilter & { fund: string; defaultFund: string } = {
			...filter,
			fund,
			defaultFund: UNRESTRICTED
		};
		const revenue = buildSection(
			{ title: 'Revenue', types: ['income'], creditPositive: true },
			index,
			rolled,
			f
		);
		const expenses = buildSection(
			{ title: 'Expenses', types: ['expense'], creditPositive: false },
			index,
			rolled,
			f
		);
		return {
			fund,
			label: FUND_LABELS[fund] ?? fund,
			revenue,
			expenses,
			changeInNetAssets: sumMulti([revenue.total, sumMulti([expenses.total], true)])
		};
	});
	const expenseAccounts = [...index.byId.values()].filter((a) => a.type === 'expense').map((a) => a.id);
	const classes = [...FUNCTIONAL_CLASSES, 'unassigned'];
	const expensesByClass = classes.map((cls) => {
		const table = sumByAccount(input.entries, filter, (l) => (l.dimensions?.class ?? 'unassigned') === cls);
		const amount = sumMulti(expenseAccounts.map((id) => toMulti(table.get(id))));
		return {
			class: cls,
			amount,
			drill: {
				...filter,
				accounts: expenseAccounts,
				functionalClass: cls
			}
		};
	});
	return {
		period: input.period,
		byFund,
		expensesByClass,
		totalChangeInNetAssets: sumMulti(byFund.map((f) => f.changeInNetAssets))
	};
}
