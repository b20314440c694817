// Keel's one exact number core. An amount is an integer count of units at a scale
// (value = units / 10^scale): "1234.50" is 123450 units at scale 2. Units live in a JS number while
// they are safe integers; the ledger's accumulator moves to BigInt past that, the payroll engine
// refuses (ExactRangeError). Every rounding is one of the named RoundingModes, done on the integer,
// so no float ever touches money. Reading, rescaling, rounding and printing all live here.
import type { DecimalString } from './money';

/** How to drop digits. The names match decimal.js's ROUND_* constants (HALF_UP, HALF_DOWN, ...). */
export type RoundingMode = 'halfUp' | 'halfDown' | 'halfEven' | 'down' | 'up' | 'floor' | 'ceil';

/** A figure left the exact integer range; callers turn this into a refusal in words, never a rounding. */
export class ExactRangeError extends Error {}

/** Most digits a JS number holds exactly whatever they are (10^15 < 2^53). */
export const SAFE_DIGITS = 15;

const POW10: readonly number[] = Array.from({ length: SAFE_DIGITS + 1 }, (_, i) => 10 ** i);
const BIG_POW10: bigint[] = [];

/** 10^k as a number; throws ExactRangeError past 10^15 (not every integer above is exact). */
export function pow10(k: number): number {
	const p = POW10[k];
	if (p === undefined) throw new ExactRangeError('scale');
	return p;
}

export function bigPow10(k: number): bigint {
	let p = BIG_POW10[k];
	if (p === undefined) {
		p = 10n ** BigInt(k);
		BIG_POW10[k] = p;
	}
	return p;
}

/** Checks an intermediate is a safe integer, so the figure it stands for is exact. */
export function safe(n: number): number {
	if (!Number.isSafeInteger(n)) throw new ExactRangeError('range');
	return n;
}

/** Units arithmetic for numbers that must stay exact: a result outside the safe range throws. */
export const addUnits = (a: number, b: number): number => safe(a + b);
export const subUnits = (a: number, b: number): number => safe(a - b);
export const mulUnits = (a: number, b: number): number => safe(a * b);

/** n / d rounded to an integer by `mode`, for safe integers n and d > 0 (no float division on the value). */
export function divRound(n: number, d: number, mode: RoundingMode): number {
	const neg = n < 0;
	const a = neg ? -n : n;
	let q = Math.floor(a / d);
	// Math.floor(a / d) can be one off for large a; correct it exactly.
	while (q * d > a) q--;
	while ((q + 1) * d <= a) q++;
	const r = a - q * d;
	let away: boolean;
	switch (mode) {
		case 'halfUp':
			away = 2 * r >= d;
			break;
		case 'halfDown':
			away = 2 * r > d;
			break;
		case 'halfEven':
			away = 2 * r > d || (2 * r === d && q % 2 === 1);
			break;
		case 'down':
			away = false;
			break;
		case 'up':
			away = r > 0;
			break;
		case 'floor':
			away = neg && r > 0;
			break;
		case 'ceil':
			away = !neg && r > 0;
			break;
	}
	const m = away ? q + 1 : q;
	return neg ? -m : m;
}

/** n / d rounded to an integer by `mode`, for any integers (d > 0). */
export function divRoundBig(n: bigint, d: bigint, mode: RoundingMode): bigint {
	const neg = n < 0n;
	const a = neg ? -n : n;
	const q = a / d;
	const r = a - q * d;
	const twice = 2n * r;
	let away: boolean;
	switch (mode) {
		case 'halfUp':
			away = twice >= d;
			break;
		case 'halfDown':
			away = twice > d;
			break;
		case 'halfEven':
			away = twice > d || (twice === d && q % 2n === 1n);
			break;
		case 'down':
			away = false;
			break;
		case 'up':
			away = r > 0n;
			break;
		case 'floor':
			away = neg && r > 0n;
			break;
		case 'ceil':
			away = !neg && r > 0n;
			break;
	}
	const m = away ? q + 1n : q;
	return neg ? -m : m;
}

/** Safe-integer `n` at `from` places as units at `to` places: exact when widening, rounded by `mode` when narrowing. */
export function rescaleUnits(n: number, from: number, to: number, mode: RoundingMode): number {
	if (to >= from) return mulUnits(n, pow10(to - from));
	return divRound(n, pow10(from - to), mode);
}

/** The same for BigInt units (any size). */
export function rescaleBig(n: bigint, from: number, to: number, mode: RoundingMode): bigint {
	if (to >= from) return n * bigPow10(to - from);
	return divRoundBig(n, bigPow10(from - to), mode);
}

/**
 * Result of the last successful `scanDecimal` call: `big` is set (and `units` 0) when the text has
 * more than SAFE_DIGITS digits. Module-level scratch values rather than a returned object, so the
 * scanner allocates nothing per amount (the ledger reads millions).
 */
export const scanned = { units: 0, big: null as bigint | null, scale: 0 };

/**
 * Reads a plain decimal ("-1234.50", "7", "0.001") into `scanned`. Returns false for anything
 * else (signs other than a leading '-', exponents, grouping marks, spaces, empty text, "1.").
 */
export function scanDecimal(text: string): boolean {
	const len = text.length;
	let i = 0;
	let neg = false;
	if (len > 0 && text.charCodeAt(0) === 45) {
		neg = true;
		i = 1;
	}
	let n = 0;
	let digits = 0;
	let scale = 0;
	let point = false;
	for (; i < len; i++) {
		const c = text.charCodeAt(i);
		if (c >= 48 && c <= 57) {
			n = n * 10 + (c - 48);
			digits++;
			if (point) scale++;
		} else if (c === 46 && !point) point = true;
		else return false;
	}
	if (digits === 0) return false;
	if (point && scale === 0) return false;
	if (digits > SAFE_DIGITS) {
		const body = point ? text.replace('.', '') : text;
		scanned.big = BigInt(body);
		scanned.units = 0;
	} else {
		scanned.big = null;
		scanned.units = neg && n !== 0 ? -n : n;
	}
	scanned.scale = scale;
	return true;
}

/** The units last scanned, as a BigInt whatever their size. */
export function scannedBig(): bigint {
	return scanned.big ?? BigInt(scanned.units);
}

/** Why readDecimal refused a text: not a plain decimal, more places than allowed, or too large to work exactly. */
export type ReadFailure = 'bad' | 'places' | 'large';

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * A plain decimal string (surrounding spaces allowed only when `trim`) as a safe integer `n` of units
 * at the scale written, refusing more than `places` decimals or more than 13 whole digits. `negative`
 * is true for a leading minus, "-0" included (decimal.js calls -0 negative too).
 */
export function readDecimal(
	text: unknown,
	opts: { trim: boolean; places: number }
): { n: number; scale: number; negative: boolean } | ReadFailure {
	if (typeof text !== 'string') return 'bad';
	const m = PLAIN.exec(opts.trim ? text.trim() : text);
	if (!m) return 'bad';
	const whole = m[2] ?? '';
	const frac = m[3] ?? '';
	if (frac.length > opts.places) return 'places';
	if (whole.length > 13) return 'large';
	const abs = Number(whole + frac);
	if (!Number.isSafeInteger(abs)) return 'large';
	const negative = m[1] === '-';
	return { n: negative && abs !== 0 ? -abs : abs, scale: frac.length, negative };
}

/** A plain non-negative decimal string as safe-integer units at `scale`, or undefined (more places, a sign, spaces, too large). */
export function parseUnits(text: unknown, scale: number): number | undefined {
	const r = readDecimal(text, { trim: false, places: scale });
	if (typeof r !== 'object' || r.negative) return undefined;
	return mulUnits(r.n, pow10(scale - r.scale));
}

/** Units at a scale as a plain decimal string with exactly `scale` decimals, never an exponent or "-0". */
export function formatUnits(units: number | bigint, scale: number): DecimalString {
	let neg = units < 0;
	let s = typeof units === 'bigint' ? (neg ? -units : units).toString() : String(neg ? -units : units);
	if (units === 0 || units === 0n) neg = false;
	if (scale > 0) {
		if (s.length <= scale) s = '0'.repeat(scale - s.length + 1) + s;
		s = s.slice(0, s.length - scale) + '.' + s.slice(s.length - scale);
	}
	// A checked construction: the text above is digits with at most one point.
	return (neg ? '-' + s : s) as DecimalString;
}

/** Units at a scale printed exactly with no trailing zeros ("1.50" -> "1.5", "2.00" -> "2"), like decimal.js toFixed(). */
export function formatUnitsTrimmed(units: number | bigint, scale: number): DecimalString {
	const s = formatUnits(units, scale);
	if (scale === 0) return s;
	let end = s.length;
	while (s.charCodeAt(end - 1) === 48) end--;
	if (s.charCodeAt(end - 1) === 46) end--;
	return (end === s.length ? s : s.slice(0, end)) as DecimalString;
}

/** Number of decimals as written ("1.50" -> 2). */
export function scaleOf(text: string): number {
	const p = text.indexOf('.');
	return p < 0 ? 0 : text.length - p - 1;
}
