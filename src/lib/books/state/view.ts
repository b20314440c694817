// Figures the Books screens derive from worker answers: plain functions, so the pages stay free of
// arithmetic and mutable collections.
import { ExactSum, type AccountIndex, type MultiAmount, type TrialBalanceRow } from '$lib/books/domain';
import { addDays, isoDate, parseIsoDate, type DecimalString, type IsoDate } from '$lib/shared/domain';

/**
 * Each account's balance including its subaccounts, from trial-balance rows (own balances, debit
 * positive), shown in the account's natural sign: credits positive for liabilities, equity, income.
 */
export function rolledBalances(
	rows: readonly TrialBalanceRow[],
	index: AccountIndex
): Map<string, MultiAmount> {
	const sums = new Map<string, Map<string, ExactSum>>();
	for (const row of rows) {
		const chain = index.byId.has(row.account)
			? [...index.ancestors(row.account), row.account]
			: [row.account];
		for (const id of chain) {
			let m = sums.get(id);
			if (!m) sums.set(id, (m = new Map()));
			let s = m.get(row.commodity);
			if (!s) m.set(row.commodity, (s = new ExactSum()));
			s.addDecimal(row.amount);
		}
	}
	const out = new Map<string, MultiAmount>();
	for (const [id, m] of sums) {
		const type = index.byId.get(id)?.type;
		const credit = type === 'liability' || type === 'equity' || type === 'income';
		const amount: Record<string, DecimalString> = {};
		for (const [c, s] of m) if (!s.isZero()) amount[c] = (credit ? s.negate() : s).toDecimal();
		out.set(id, amount);
	}
	return out;
}

/** The last day of the most recent fiscal year that has ended by `today` (fiscal year start "MM-DD"). */
export function lastFiscalYearEnd(today: IsoDate, fiscalYearStart: string): IsoDate {
	const [mm = '01', dd = '01'] = /^\d{2}-\d{2}$/.test(fiscalYearStart) ? fiscalYearStart.split('-') : [];
	const year = Number(today.slice(0, 4));
	// A fiscal year start that is not a day of the year ("02-30") reads as 1 January.
	const startOf = (y: number) => parseIsoDate(`${y}-${mm}-${dd}`) ?? isoDate(y, 1, 1);
	const startThisYear = startOf(year);
	const start = startThisYear <= today ? startThisYear : startOf(year - 1);
	return addDays(start, -1);
}

/** Money in bank and cash accounts (subtypes bank, cash), per commodity, from trial-balance rows. */
export function cashOnHand(rows: readonly TrialBalanceRow[], index: AccountIndex): MultiAmount {
	const sums = new Map<string, ExactSum>();
	for (const row of rows) {
		const subtype = index.byId.get(row.account)?.subtype;
		if (subtype !== 'bank' && subtype !== 'cash') continue;
		let s = sums.get(row.commodity);
		if (!s) sums.set(row.commodity, (s = new ExactSum()));
		s.addDecimal(row.amount);
	}
	const out: Record<string, DecimalString> = {};
	for (const [c, s] of sums) if (!s.isZero()) out[c] = s.toDecimal();
	return out;
}
