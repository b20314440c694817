// Social Security (to its annual wage base), Medicare, Additional Medicare (employee only, on wages
// over the threshold paid this year) and FUTA (employer, to its wage base). Invariant: each tax is
// worked from year-to-date wages given by the caller, so a crossing is taxed exactly once.
import type Decimal from 'decimal.js';
import { dec, round } from '../../core';
import { fmt, pct } from '../format';
import type { UsRules } from '../rules/us-rules';

export interface CappedTax {
	readonly taxable: Decimal;
	readonly amount: Decimal;
	readonly basis: string;
}

const max0 = (v: Decimal) => (v.isNegative() ? dec(0) : v);
const min = (a: Decimal, b: Decimal) => (a.lessThan(b) ? a : b);

/** Tax on the part of this period's wages that falls under an annual wage base. */
export function underWageBase(wages: Decimal, ytd: Decimal, base: Decimal, rate: Decimal, name: string): CappedTax {
	const room = max0(base.minus(ytd));
	const taxable = min(wages, room);
	const amount = round.centsHalfUp(taxable.times(rate));
	const capNote = taxable.lessThan(wages) ? ` (wage base ${fmt(base, 0)}: ${fmt(ytd)} already taxed, room ${fmt(room)})` : '';
	return { taxable, amount, basis: `${name} wages ${fmt(wages)}, taxable ${fmt(taxable)}${capNote} × ${pct(rate)} = ${fmt(amount)}` };
}

export function medicare(rules: UsRules, wages: Decimal): CappedTax {
	const amount = round.centsHalfUp(wages.times(rules.medicare.rate));
	return { taxable: wages, amount, basis: `Medicare wages ${fmt(wages)} × ${pct(rules.medicare.rate)} = ${fmt(amount)}` };
}

/** Additional Medicare: only the part of year-to-date Medicare wages above the threshold first reached this period. */
export function additionalMedicare(rules: UsRules, wages: Decimal, ytd: Decimal): CappedTax {
	const { threshold, rate } = rules.additionalMedicare;
	const taxable = max0(ytd.plus(wages).minus(threshold)).minus(max0(ytd.minus(threshold)));
	const amount = round.centsHalfUp(taxable.times(rate));
	return {
		taxable,
		amount,
		basis: `year-to-date Medicare wages ${fmt(ytd)} + ${fmt(wages)}; ${fmt(taxable)} above ${fmt(threshold, 0)} × ${pct(rate)} = ${fmt(amount)}`
	};
}
