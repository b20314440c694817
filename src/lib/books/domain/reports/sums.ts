// The one loop every report stands on: exact sums of posted lines per account and commodity over a
// period. Invariant: sums are exact (see decimal.ts) and only posted entries count.
import type { DecimalString } from '../../../shared/domain/money';
import { ExactSum, scanDecimal } from '../../../shared/domain';
import type { AccountIndex } from '../accounts';
import type { AccountId, Commodity, EntryLine, JournalEntry, MultiAmount, Period } from '../types';

export type Sums = Map<Commodity, ExactSum>;
export type SumTable = Map<AccountId, Sums>;

export interface EntryFilter {
	readonly period?: Period;
	/** Count drafts too (default: posted only). */
	readonly includeDrafts?: boolean;
	/** Only entries marked cleared (`*`), as Ledger's `cleared` report shows. */
	readonly clearedOnly?: boolean;
	/** Leave out year-end closing entries (income statement, cash flow). */
	readonly excludeClosing?: boolean;
}

export function entryMatches(e: JournalEntry, f: EntryFilter): boolean {
	if (e.status !== 'posted' && !f.includeDrafts) return false;
	const p = f.period;
	if (p?.from !== undefined && e.date < p.from) return false;
	if (p?.to !== undefined && e.date > p.to) return false;
	if (f.clearedOnly && e.clearing !== 'cleared') return false;
	if (f.excludeClosing && e.closing === true) return false;
	return true;
}

export function addTo(sums: Sums, commodity: Commodity, amount: string): void {
	let s = sums.get(commodity);
	if (!s) sums.set(commodity, (s = new ExactSum()));
	if (!scanDecimal(amount))
		throw new Error(`report: amount '${amount}' is not a decimal (validate entries before reporting)`);
	s.addScanned();
}

/** Sums lines per account and commodity. `lineFilter` narrows to some lines (a fund, a class). */
export function sumByAccount(
	entries: readonly JournalEntry[],
	filter: EntryFilter = {},
	lineFilter?: (line: EntryLine) => boolean
): SumTable {
	const table: SumTable = new Map();
	let lastAccount: AccountId | undefined;
	let lastSums: Sums | undefined;
	for (const e of entries) {
		if (!entryMatches(e, filter)) continue;
		for (const line of e.lines) {
			if (lineFilter && !lineFilter(line)) continue;
			let sums: Sums | undefined;
			if (line.account === lastAccount) sums = lastSums;
			else {
				sums = table.get(line.account);
				if (!sums) table.set(line.account, (sums = new Map()));
				lastAccount = line.account;
				lastSums = sums;
			}
			addTo(sums as Sums, line.commodity, line.amount);
		}
	}
	return table;
}

/** Adds each account's sums into all its ancestors: the subtree total per account. */
export function rollUp(table: SumTable, index: AccountIndex): SumTable {
	const out: SumTable = new Map();
	for (const [account, sums] of table) {
		for (const target of [...index.ancestors(account), account]) {
			let t = out.get(target);
			if (!t) out.set(target, (t = new Map()));
			for (const [c, s] of sums) {
				let acc = t.get(c);
				if (!acc) t.set(c, (acc = new ExactSum()));
				acc.addSum(s);
			}
		}
	}
	return out;
}

export function mergeInto(target: Sums, source: Sums | undefined, negate = false): Sums {
	if (!source) return target;
	for (const [c, s] of source) {
		let t = target.get(c);
		if (!t) target.set(c, (t = new ExactSum()));
		t.addSum(negate ? s.clone().negate() : s);
	}
	return target;
}

/** Non-zero sums as a plain record, commodities in sorted order. */
export function toMulti(sums: Sums | undefined, negate = false): MultiAmount {
	const out: Record<Commodity, DecimalString> = {};
	if (!sums) return out;
	for (const c of [...sums.keys()].sort()) {
		const s = sums.get(c) as ExactSum;
		if (!s.isZero()) out[c] = (negate ? s.clone().negate() : s).toDecimal();
	}
	return out;
}

export function isZeroMulti(m: MultiAmount): boolean {
	return Object.keys(m).length === 0;
}

export function sumMulti(parts: readonly MultiAmount[], negate = false): MultiAmount {
	const sums: Sums = new Map();
	for (const p of parts) for (const [c, v] of Object.entries(p)) addTo(sums, c, v);
	return toMulti(sums, negate);
}

export function negateMulti(m: MultiAmount): MultiAmount {
	return sumMulti([m], true);
}
