// Report sections: accounts of some types as a tree with subtotals, each figure in the report's
// sign and carrying its drill-down query. Invariant: a section's total is the sum of its root lines.
import type { AccountIndex } from '../accounts';
import type { AccountId, AccountType, MultiAmount } from '../types';
import type { DrillQuery } from './drill-down';
import { mergeInto, toMulti, type EntryFilter, type SumTable, type Sums } from './sums';

export interface ReportLine {
	readonly account: AccountId;
	readonly fullName: string;
	readonly name: string;
	/** 0 for a top-level account. */
	readonly depth: number;
	/** The account's balance including its subaccounts, in the report's sign. */
	readonly amount: MultiAmount;
	readonly drill: DrillQuery;
}

export interface ReportSection {
	readonly title: string;
	readonly lines: ReportLine[];
	readonly total: MultiAmount;
	readonly drill: DrillQuery;
}

export interface SectionSpec {
	readonly title: string;
	readonly types: readonly AccountType[];
	/** Show credits as positive (liabilities, equity, income). */
	readonly creditPositive: boolean;
	readonly showZero?: boolean;
}

/** Builds a section from rolled-up sums (see rollUp). */
export function buildSection(
	spec: SectionSpec,
	index: AccountIndex,
	rolled: SumTable,
	filter: EntryFilter
): ReportSection {
	const lines: ReportLine[] = [];
	const total: Sums = new Map();
	const all: AccountId[] = [];
	const byName = (ids: readonly AccountId[]) =>
		[...ids].sort((a, b) => {
			const x = index.byId.get(a)?.name ?? a;
			const y = index.byId.get(b)?.name ?? b;
			return x < y ? -1 : x > y ? 1 : 0;
		});
	const visit = (id: AccountId, depth: number) => {
		const account = index.byId.get(id);
		if (!account || !spec.types.includes(account.type)) return;
		const amount = toMulti(rolled.get(id), spec.creditPositive);
		const subtree = index.subtree(id);
		if (depth === 0) {
			mergeInto(total, rolled.get(id), spec.creditPositive);
			all.push(...subtree);
		}
		if (Object.keys(amount).length === 0 && !spec.showZero) return;
		lines.push({
			account: id,
			fullName: index.fullName(id),
			name: account.name,
			depth,
			amount,
			drill: { ...filter, accounts: subtree }
		});
		for (const child of byName(index.children.get(id) ?? [])) visit(child, depth + 1);
	};
	const roots = [...index.byId.values()]
		.filter((a) => a.parentId === undefined || !index.byId.has(a.parentId))
		.map((a) => a.id);
	for (const root of byName(roots)) visit(root, 0);
	return { title: spec.title, lines, total: toMulti(total), drill: { ...filter, accounts: all } };
}
