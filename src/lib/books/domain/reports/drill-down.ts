// Drill-down: every report figure carries the query that produced it, and this turns the query back
// into the entries behind the figure. Invariant: the lines it returns sum to the figure.
import type { AccountId, Commodity, EntryLine, JournalEntry, Period } from '../types';
import { entryMatches, type EntryFilter } from './sums';

export interface DrillQuery extends EntryFilter {
	/** The accounts whose lines make up the figure (an account and its descendants). */
	readonly accounts: readonly AccountId[];
	readonly commodity?: Commodity;
	readonly period?: Period;
	readonly fund?: string;
	/** Lines with no fund count as this fund (nonprofit reports: 'unrestricted'). */
	readonly defaultFund?: string;
	/** Lines of this functional class; 'unassigned' matches lines with no class. */
	readonly functionalClass?: string;
}

export function lineMatches(line: EntryLine, q: DrillQuery, accounts: ReadonlySet<AccountId>): boolean {
	if (!accounts.has(line.account)) return false;
	if (q.commodity !== undefined && line.commodity !== q.commodity) return false;
	if (q.fund !== undefined && (line.dimensions?.fund ?? q.defaultFund) !== q.fund) return false;
	if (q.functionalClass !== undefined && (line.dimensions?.class ?? 'unassigned') !== q.functionalClass)
		return false;
	return true;
}

/** The entries (with the matching lines) behind a figure. */
export function drillDown(
	entries: readonly JournalEntry[],
	query: DrillQuery
): { entry: JournalEntry; lines: EntryLine[] }[] {
	const accounts = new Set(query.accounts);
	const out: { entry: JournalEntry; lines: EntryLine[] }[] = [];
	for (const entry of entries) {
		if (!entryMatches(entry, query)) continue;
		const lines = entry.lines.filter((l) => lineMatches(l, query, accounts));
		if (lines.length > 0) out.push({ entry, lines });
	}
	return out;
}

/** Just the ids of the entries behind a figure. */
export function drillDownIds(entries: readonly JournalEntry[], query: DrillQuery): string[] {
	return drillDown(entries, query).map((d) => d.entry.id);
}
