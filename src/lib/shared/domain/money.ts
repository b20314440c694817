// Money is exact: decimal.js inside, decimal strings on the wire and at rest, never a JS number.
// Every rounding step is named by the rule it follows, so statutory math can cite its source.
import Decimal from 'decimal.js';
import { minorUnits } from './currency';

/** A private Decimal constructor so Keel's settings never leak into other users of decimal.js. */
export const Dec = Decimal.clone({
	precision: 40,
	rounding: Decimal.ROUND_HALF_UP,
	toExpNeg: -30,
	toExpPos: 40
});
export type Dec = Decimal;

/** A decimal amount as text, e.g. "-1234.50". The only form in which money is stored or sent. */
export type DecimalString = string & { readonly __brand: 'DecimalString' };

const DECIMAL_RE = /^-?\d+(\.\d+)?$/;

export function isDecimalString(text: string): text is DecimalString {
	return DECIMAL_RE.test(text);
}

/** Parses a plain decimal ("12", "-0.5", "1234.50"); returns undefined for anything else. */
export function parseDecimal(text: string): Decimal | undefined {
	const trimmed = text.trim();
	if (!DECIMAL_RE.test(trimmed)) return undefined;
	return new Dec(trimmed);
}

export function dec(value: Decimal.Value): Decimal {
	if (typeof value === 'number' && !Number.isInteger(value)) {
		// Fractional JS numbers are how cents get lost; accept them only as whole units.
		throw new Error(`dec(): refusing fractional number ${value}; pass a decimal string`);
	}
	return new Dec(value);
}

export const ZERO: Decimal = new Dec(0);

/** Serialises without exponent notation and without trailing zeros beyond `places` (if given). */
export function toDecimalString(value: Decimal, places?: number): DecimalString {
	const text = places === undefined ? value.toFixed() : value.toFixed(places);
	// "-0.00" is a real decimal.js output; it is not a useful amount.
	return (/^-0(\.0+)?$/.test(text) ? text.slice(1) : text) as DecimalString;
}

export function sum(values: Iterable<Decimal>): Decimal {
	let total: Decimal = ZERO;
	for (const v of values) total = total.plus(v);
	return total;
}

/** Rounding rules, each named for where it comes from. */
export const round = {
	/** IRS and most ledgers: to the cent, half away from zero. */
	centsHalfUp: (v: Decimal): Decimal => v.toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
	/** HMRC NI: nearest penny, exactly half a penny rounds down. */
	penceHalfDown: (v: Decimal): Decimal => v.toDecimalPlaces(2, Decimal.ROUND_HALF_DOWN),
	/** HMRC PAYE tax: down to the penny. */
	penceDown: (v: Decimal): Decimal => v.toDecimalPlaces(2, Decimal.ROUND_DOWN),
	/** HMRC taxable pay: down to whole pounds. */
	poundsDown: (v: Decimal): Decimal => v.toDecimalPlaces(0, Decimal.ROUND_DOWN),
	/** To `places` decimals, half away from zero (commodities with other precisions). */
	halfUp: (v: Decimal, places: number): Decimal => v.toDecimalPlaces(places, Decimal.ROUND_HALF_UP),
	/** To `places` decimals, half to the even neighbour (banker's rounding: no drift over many sums). */
	halfEven: (v: Decimal, places: number): Decimal => v.toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN),
	/** To `places` decimals, toward zero (a figure cut short, never made larger). */
	down: (v: Decimal, places: number): Decimal => v.toDecimalPlaces(places, Decimal.ROUND_DOWN),
	/** To the currency's smallest unit (USD cents, JPY yen, BHD fils; Intl's ISO 4217 data), half up by default. */
	toMinorUnits: (v: Decimal, currency: string, rule: 'halfUp' | 'halfEven' = 'halfUp'): Decimal =>
		v.toDecimalPlaces(
			minorUnits(currency),
			rule === 'halfUp' ? Decimal.ROUND_HALF_UP : Decimal.ROUND_HALF_EVEN
		)
} as const;

/**
 * Splits `total` into parts proportional to `weights`, each rounded to `places`, so that the parts
 * sum exactly to the total (largest remainder; ties go to the earlier part).
 */
export function allocate(total: Decimal, weights: readonly Decimal[], places = 2): Decimal[] {
	if (weights.length === 0) throw new Error('allocate(): no weights');
	const weightSum = sum(weights);
	if (weightSum.isZero()) throw new Error('allocate(): weights sum to zero');
	const unit = new Dec(1).dividedBy(new Dec(10).pow(places));
	const sign = total.isNegative() ? -1 : 1;
	const abs = total.abs();
	const raw = weights.map((w) => abs.times(w).dividedBy(weightSum));
	const floors = raw.map((r) => r.toDecimalPlaces(places, Decimal.ROUND_DOWN));
	let remainder = abs.minus(sum(floors));
	const order = raw
		.map((r, i) => ({ i, frac: r.minus(floors[i] as Decimal) }))
		.sort((a, b) => b.frac.comparedTo(a.frac) || a.i - b.i);
	const parts = floors.slice();
	for (const { i } of order) {
		if (remainder.lessThan(unit)) break;
		parts[i] = (parts[i] as Decimal).plus(unit);
		remainder = remainder.minus(unit);
	}
	return parts.map((p) => (sign < 0 ? p.negated() : p));
}
