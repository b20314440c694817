// What the Reports screen decides before and after it asks the worker: which report and dates the URL
// names, the date presets (fiscal year from the workspace profile), the comparison period, and the
// exact arithmetic on figures the page shows (sign, column totals). Plain functions, tested.
// Invariant: a URL written by toQuery() reads back to the same parameters.
import {
	addDays,
	addMonths,
	dateParts,
	daysBetween,
	daysInMonth,
	isoDate,
	parseIsoDate,
	type IsoDate
} from '$lib/shared/domain';
import {
	ExactSum,
	cashFlowGroup,
	compareAccountNames,
	type AccountIndex,
	type DrillQuery,
	type MultiAmount,
	type Period,
	type ReportLine,
	type ReportSection
} from '$lib/books/domain';
import type { DrillResult, ReportRequest } from '$lib/books/worker/api';
import type { CsvReport } from '$lib/books/worker/csv';
import type { BooksState } from './books.svelte';
import type { Result } from '$lib/shared/domain';

export type { DrillResult };
/** A report as the worker answered it, tagged with its kind. */
export type ReportAnswer = CsvReport;

export const REPORTS = {
	tb: { title: 'Trial balance', asOf: false },
	bs: { title: 'Balance sheet', asOf: true },
	pl: { title: 'Profit & loss', asOf: false },
	cf: { title: 'Cash flow', asOf: false },
	sfp: { title: 'Statement of financial position', asOf: true },
	soa: { title: 'Statement of activities', asOf: false }
} as const;
export type ReportKey = keyof typeof REPORTS;

/** The picker's order: the nonprofit statements first for a nonprofit chart, else last. */
export function reportMenu(nonprofit: boolean): ReportKey[] {
	return nonprofit ? ['sfp', 'soa', 'tb', 'bs', 'pl', 'cf'] : ['tb', 'bs', 'pl', 'cf', 'sfp', 'soa'];
}

export type CompareMode = 'none' | 'previous' | 'year';
export type PresetKey = 'this-month' | 'last-month' | 'this-quarter' | 'this-year' | 'last-year';
export const PRESETS: readonly { key: PresetKey; label: string }[] = [
	{ key: 'this-month', label: 'This month' },
	{ key: 'last-month', label: 'Last month' },
	{ key: 'this-quarter', label: 'This quarter' },
	{ key: 'this-year', label: 'This fiscal year' },
	{ key: 'last-year', label: 'Last fiscal year' }
];

export interface ReportParams {
	readonly report: ReportKey;
	readonly from: IsoDate;
	readonly to: IsoDate;
	readonly asOf: IsoDate;
	readonly compare: CompareMode;
}

export interface ReportContext {
	readonly today: IsoDate;
	/** "MM-DD"; anything else means 01-01. */
	readonly fiscalYearStart: string;
	readonly nonprofit: boolean;
}

const lastOfMonth = (d: IsoDate): IsoDate => {
	const { year, month } = dateParts(d);
	return isoDate(year, month, daysInMonth(year, month));
};
const firstOfMonth = (d: IsoDate): IsoDate => {
	const { year, month } = dateParts(d);
	return isoDate(year, month, 1);
};

/** The fiscal year that contains `day`. */
export function fiscalYear(day: IsoDate, fiscalYearStart: string): Required<Period> {
	const m = /^(\d\d)-(\d\d)$/.exec(fiscalYearStart);
	const month = m ? Number(m[1]) : 1;
	const dom = m ? Number(m[2]) : 1;
	const { year } = dateParts(day);
	const startIn = (y: number) => isoDate(y, month, Math.min(dom, daysInMonth(y, month)));
	const from = day >= startIn(year) ? startIn(year) : startIn(year - 1);
	const next = startIn(dateParts(from).year + 1);
	return { from, to: addDays(next, -1) };
}

export function presetPeriod(
	preset: PresetKey,
	ctx: Pick<ReportContext, 'today' | 'fiscalYearStart'>
): Required<Period> {
	const { today, fiscalYearStart } = ctx;
	switch (preset) {
		case 'this-month':
			return { from: firstOfMonth(today), to: lastOfMonth(today) };
		case 'last-month': {
			const d = addMonths(firstOfMonth(today), -1);
			return { from: d, to: lastOfMonth(d) };
		}
		case 'this-quarter': {
			// Quarters of the fiscal year: three-month steps from its start.
			const fy = fiscalYear(today, fiscalYearStart);
			let from = fy.from;
			while (addMonths(from, 3) <= today) from = addMonths(from, 3);
			return { from, to: addDays(addMonths(from, 3), -1) };
		}
		case 'this-year':
			return fiscalYear(today, fiscalYearStart);
		case 'last-year':
			return fiscalYear(addDays(fiscalYear(today, fiscalYearStart).from, -1), fiscalYearStart);
	}
}

/**
 * The period to compare with: the one just before (whole months stay whole months: March compares
 * with February, a quarter with the quarter before), or the same dates a year earlier.
 */
export function comparePeriod(period: Required<Period>, mode: CompareMode): Required<Period> | undefined {
	if (mode === 'none') return undefined;
	const { from, to } = period;
	const wholeMonths = dateParts(from).day === 1 && to === lastOfMonth(to);
	if (mode === 'year') {
		const back = (d: IsoDate) =>
			d === lastOfMonth(d) ? lastOfMonth(addMonths(firstOfMonth(d), -12)) : addMonths(d, -12);
		return { from: addMonths(from, -12), to: back(to) };
	}
	if (wholeMonths) {
		const a = dateParts(from);
		const b = dateParts(to);
		const months = (b.year - a.year) * 12 + (b.month - a.month) + 1;
		const start = addMonths(from, -months);
		return { from: start, to: addDays(from, -1) };
	}
	const days = daysBetween(from, to) + 1;
	return { from: addDays(from, -days), to: addDays(from, -1) };
}

export function defaultParams(ctx: ReportContext): ReportParams {
	const year = fiscalYear(ctx.today, ctx.fiscalYearStart);
	return {
		report: ctx.nonprofit ? 'sfp' : 'bs',
		from: year.from,
		to: year.to,
		asOf: ctx.today,
		compare: 'none'
	};
}

/** Reads `?r=pl&from=…&to=…&asof=…&cmp=previous`; anything missing or malformed takes its default. */
export function readParams(search: URLSearchParams, ctx: ReportContext): ReportParams {
	const d = defaultParams(ctx);
	const r = search.get('r');
	const date = (key: string, fallback: IsoDate) => parseIsoDate(search.get(key) ?? '') ?? fallback;
	const cmp = search.get('cmp');
	let from = date('from', d.from);
	let to = date('to', d.to);
	if (from > to) [from, to] = [to, from];
	return {
		report: r !== null && r in REPORTS ? (r as ReportKey) : d.report,
		from,
		to,
		asOf: date('asof', d.asOf),
		compare: cmp === 'previous' || cmp === 'year' ? cmp : 'none'
	};
}

/** The query string for these parameters (all dates, so switching reports keeps them). */
export function toQuery(p: ReportParams): string {
	const q = new URLSearchParams({ r: p.report, from: p.from, to: p.to, asof: p.asOf });
	if (p.compare !== 'none') q.set('cmp', p.compare);
	return `?${q.toString()}`;
}

/** What to ask the worker (the same request drives the CSV export). */
export function reportRequest(p: ReportParams): ReportRequest {
	const period = { from: p.from, to: p.to };
	switch (p.report) {
		case 'tb':
			return { kind: 'trialBalance', period };
		case 'bs':
			return { kind: 'balanceSheet', asOf: p.asOf };
		case 'pl': {
			const prior = comparePeriod(period, p.compare);
			return { kind: 'incomeStatement', period, ...(prior ? { comparePeriod: prior } : {}) };
		}
		case 'cf':
			return { kind: 'cashFlow', period };
		case 'sfp':
			return { kind: 'financialPosition', asOf: p.asOf };
		case 'soa':
			return { kind: 'activities', period };
	}
}

/** Runs one report in the books worker. */
export async function askReport(
	books: Pick<BooksState, 'ask'>,
	r: ReportRequest
): Promise<Result<ReportAnswer>> {
	// Each report kind is the worker method of the same name, taking the request's other fields.
	const { kind, ...args } = r;
	const ask = books.ask as (method: ReportRequest['kind'], args: unknown) => Promise<Result<unknown>>;
	const res = await ask.call(books, kind, args);
	return res.ok ? { ok: true, value: { kind, report: res.value } as ReportAnswer } : res;
}

/** "profit-loss_2026-01-01_2026-03-31.csv" */
export function csvFileName(p: ReportParams): string {
	const slug = REPORTS[p.report].title
		.toLowerCase()
		.replace(/&/g, '')
		.replace(/[^a-z0-9]+/g, '-');
	return `${slug}_${REPORTS[p.report].asOf ? p.asOf : `${p.from}_${p.to}`}.csv`;
}

/** "1 Jan 2026 – 31 Mar 2026" or "as of 31 Mar 2026", for titles and the printout. */
export function describeDates(p: ReportParams): string {
	const fmt = (d: IsoDate) => {
		const { year, month, day } = dateParts(d);
		return `${day} ${'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')[month - 1]} ${year}`;
	};
	return REPORTS[p.report].asOf ? `as of ${fmt(p.asOf)}` : `${fmt(p.from)} – ${fmt(p.to)}`;
}

// ---- figures ------------------------------------------------------------------------------------

/** +1 when a figure shows debits positive (assets, expenses), -1 when credits show positive. */
export type Sign = 1 | -1;

/** Exact sum of multi-commodity amounts, each times `sign`; zero commodities left out. */
export function addMulti(parts: readonly (MultiAmount | undefined)[], sign: Sign = 1): MultiAmount {
	const sums = new Map<string, ExactSum>();
	for (const m of parts)
		for (const [c, v] of Object.entries(m ?? {})) {
			let s = sums.get(c);
			if (!s) sums.set(c, (s = new ExactSum()));
			s.addDecimal(v);
		}
	const out: Record<string, string> = {};
	for (const c of [...sums.keys()].sort()) {
		const s = sums.get(c) as ExactSum;
		if (!s.isZero()) out[c] = (sign === -1 ? s.negate() : s).toDecimal();
	}
	return out as MultiAmount;
}

export const signed = (m: MultiAmount, sign: Sign): MultiAmount => addMulti([m], sign);
export const isZero = (m: MultiAmount | undefined): boolean => Object.keys(m ?? {}).length === 0;

/** One row of a report with several columns (this period and the prior one; one fund each). */
export interface ColumnRow {
	readonly account: string;
	readonly name: string;
	readonly depth: number;
	/** A line per column, undefined where the account has nothing in that column. */
	readonly cells: readonly (ReportLine | undefined)[];
}

/** Lines of the same section over several columns, in account-tree order. */
export function mergeColumns(sections: readonly (ReportSection | undefined)[]): ColumnRow[] {
	const rows = new Map<string, { line: ReportLine; cells: (ReportLine | undefined)[] }>();
	sections.forEach((s, i) => {
		for (const line of s?.lines ?? []) {
			let row = rows.get(line.account);
			if (!row) rows.set(line.account, (row = { line, cells: sections.map(() => undefined) }));
			row.cells[i] = line;
		}
	});
	return [...rows.values()]
		.sort((a, b) => compareAccountNames(a.line.fullName, b.line.fullName))
		.map(({ line, cells }) => ({ account: line.account, name: line.name, depth: line.depth, cells }));
}

/** A figure's query without the fund (a "total over all funds" column). */
export function withoutFund(q: DrillQuery): DrillQuery {
	const { fund: _fund, defaultFund: _defaultFund, ...rest } = q;
	return rest;
}

/** Drill queries for the cash flow totals, which the statement itself does not carry. */
export function cashFlowDrills(
	index: AccountIndex,
	period: Period
): { netIncome: DrillQuery; cash: DrillQuery } {
	const earnings: string[] = [];
	const cash: string[] = [];
	for (const a of index.byId.values()) {
		const group = cashFlowGroup(a, index);
		if (group === 'earnings') earnings.push(a.id);
		else if (group === 'cash') cash.push(a.id);
	}
	const filter = { period, excludeClosing: true };
	return { netIncome: { ...filter, accounts: earnings }, cash: { ...filter, accounts: cash } };
}

/** A query over the union of several figures' accounts (same dates and filters as the first). */
export function unionDrill(queries: readonly DrillQuery[], fallback: DrillQuery): DrillQuery {
	const first = queries[0] ?? fallback;
	return { ...first, accounts: [...new Set(queries.flatMap((q) => q.accounts))] };
}

/** A figure the person clicked: what to drill into, and how to show the lines' sum in its sign. */
export interface FigureRef {
	readonly label: string;
	readonly amount: MultiAmount;
	readonly drill: DrillQuery;
	readonly sign: Sign;
}

/** An "all funds" column: each row the sum of its cells, drilled without the fund. */
export function combinedSection(sections: readonly ReportSection[]): ReportSection | undefined {
	const first = sections[0];
	if (!first) return undefined;
	const lines: ReportLine[] = [];
	for (const row of mergeColumns(sections)) {
		const cell = row.cells.find((c) => c !== undefined) as ReportLine;
		const amount = addMulti(row.cells.map((c) => c?.amount));
		if (!isZero(amount)) lines.push({ ...cell, amount, drill: withoutFund(cell.drill) });
	}
	return {
		title: first.title,
		lines,
		total: addMulti(sections.map((s) => s.total)),
		drill: withoutFund(first.drill)
	};
}
