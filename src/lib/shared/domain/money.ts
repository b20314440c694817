// Money is exact: decimal strings on the wire and at rest, never a JS number. The arithmetic is the
// core in exact.ts (integer units at a scale); this file is its bridge to decimal.js, which stays only
// for figures that need division to 40 significant digits before a named rounding (statutory tables
// divided by pay periods, proportional splits). Every rounding step is named by the rule it follows,
// so statutory math can cite its source, and every one is done by the core's integer rounding.
import Decimal from 'decimal.js';
import { minorUnits } from './currency';
import {
	divRound,
	divRoundBig,
	formatUnits,
	pow10,
	SAFE_DIGITS,
	scanDecimal,
	scanned,
	scannedBig,
	type RoundingMode
} from './exact';

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

/**
 * `v` rounded to `places` decimals by the core's integer rounding. decimal.js semantics are kept to
 * the letter (the property tests hold them equal): a value already that short comes back unchanged,
 * non-finite values pass through, and a negative value that rounds to nothing stays a negative zero.
 */
export function roundDec(v: Decimal, places: number, mode: RoundingMode): Decimal {
	if (!v.isFinite() || v.decimalPlaces() <= places) return v;
	if (!scanDecimal(v.toFixed())) throw new Error(`roundDec(): not a plain decimal: ${v.toFixed()}`);
	const k = scanned.scale - places;
	const units =
		scanned.big === null && k <= SAFE_DIGITS
			? divRound(scanned.units, pow10(k), mode)
			: divRoundBig(scannedBig(), 10n ** BigInt(k), mode);
	const out = new Dec(formatUnits(units, places));
	return out.isZero() && v.isNegative() ? out.negated() : out;
}

/** Rounding rules, each named for where it comes from. */
export const round = {
	/** IRS and most ledgers: to the cent, half away from zero. */
	centsHalfUp: (v: Decimal): Decimal => roundDec(v, 2, 'halfUp'),
	/** HMRC NI: nearest penny, exactly half a penny rounds down. */
	penceHalfDown: (v: Decimal): Decimal => roundDec(v, 2, 'halfDown'),
	/** HMRC PAYE tax: down to the penny. */
	penceDown: (v: Decimal): Decimal => roundDec(v, 2, 'down'),
	/** HMRC taxable pay: down to whole pounds. */
	poundsDown: (v: Decimal): Decimal => roundDec(v, 0, 'down'),
	/** To `places` decimals, half away from zero (commodities with other precisions). */
	halfUp: (v: Decimal, places: number): Decimal => roundDec(v, places, 'halfUp'),
	/** To `places` decimals, half to the even neighbour (banker's rounding: no drift over many sums). */
	halfEven: (v: Decimal, places: number): Decimal => roundDec(v, places, 'halfEven'),
	/** To `places` decimals, toward zero (a figure cut short, never made larger). */
	down: (v: Decimal, places: number): Decimal => roundDec(v, places, 'down'),
	/** To the currency's smallest unit (USD cents, JPY yen, BHD fils; Intl's ISO 4217 data), half up by default. */
	toMinorUnits: (v: Decimal, currency: string, rule: 'halfUp' | 'halfEven' = 'halfUp'): Decimal =>
		roundDec(v, minorUnits(currency), rule)
} as const;

/** A decimal.js value as safe-integer units at `scale` (the core's form), or undefined when it is not exact there. */
export function decToUnits(v: Decimal, scale: number): number | undefined {
	if (!v.isFinite() || v.decimalPlaces() > scale) return undefined;
	if (!scanDecimal(v.toFixed())) return undefined;
	// Past 15 digits Number() of the units is either still exact (below 2^53) or not a safe integer.
	const units = scanned.big === null ? scanned.units : Number(scanned.big);
	const n = units * pow10(scale - scanned.scale);
	return Number.isSafeInteger(n) ? n : undefined;
}

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
