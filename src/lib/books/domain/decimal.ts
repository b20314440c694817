// Exact decimal arithmetic for the ledger's hot paths. An amount is an integer count of units at a
// scale (value = units / 10^scale). Units stay in a JS number while they are safe integers and move
// to BigInt the moment they would not be, so no sum, however long or large, ever loses a cent.
import type { DecimalString } from '../../shared/domain/money';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);
const BIG_POW10: bigint[] = [];

export function bigPow10(k: number): bigint {
	let p = BIG_POW10[k];
	if (p === undefined) {
		p = 10n ** BigInt(k);
		BIG_POW10[k] = p;
	}
	return p;
}

/** Most digits a JS number holds exactly whatever they are (10^15 < 2^53). */
export const SAFE_DIGITS = 15;

/**
 * Result of the last successful `scanDecimal` call. Module-level scratch values rather than a
 * returned object, so the scanner allocates nothing per amount.
 */
export const scanned = { units: 0, big: null as bigint | null, scale: 0 };

/**
 * Reads a plain decimal ("-1234.50", "7", "0.001") into `scanned`. Returns false for anything
 * else (signs other than a leading '-', exponents, grouping marks, empty text).
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

/** Units of a safe integer at a larger scale, or undefined when that would not be exact. */
function scaleUp(n: number, k: number): number | undefined {
	if (k === 0) return n;
	if (k >= POW10.length) return undefined;
	const r = n * (POW10[k] as number);
	return r <= MAX_SAFE && r >= -MAX_SAFE ? r : undefined;
}

/** Formats units at a scale as a plain decimal string, never with an exponent or "-0". */
export function formatUnits(units: number | bigint, scale: number): DecimalString {
	let neg = units < 0;
	let s = typeof units === 'bigint' ? (neg ? -units : units).toString() : String(neg ? -units : units);
	if (units === 0 || units === 0n) neg = false;
	if (scale > 0) {
		if (s.length <= scale) s = '0'.repeat(scale - s.length + 1) + s;
		s = s.slice(0, s.length - scale) + '.' + s.slice(s.length - scale);
	}
	return (neg ? '-' + s : s) as DecimalString;
}

/** A running exact sum. Mutable on purpose: it is the accumulator inside report loops. */
export class ExactSum {
	scale = 0;
	n = 0;
	big: bigint | null = null;

	/** Adds `units / 10^scale` where units is a safe integer. */
	add(units: number, scale: number): this {
		if (scale > this.scale) this.#rescale(scale);
		if (this.big !== null) {
			this.big += BigInt(units) * bigPow10(this.scale - scale);
			return this;
		}
		let u: number | undefined = units;
		if (scale < this.scale) u = scaleUp(units, this.scale - scale);
		if (u === undefined) {
			this.big = BigInt(this.n) + BigInt(units) * bigPow10(this.scale - scale);
			return this;
		}
		const r = this.n + u;
		if (r > MAX_SAFE || r < -MAX_SAFE) this.big = BigInt(this.n) + BigInt(u);
		else this.n = r;
		return this;
	}

	addBig(units: bigint, scale: number): this {
		if (scale > this.scale) this.#rescale(scale);
		if (this.big === null) this.big = BigInt(this.n);
		this.big += units * bigPow10(this.scale - scale);
		return this;
	}

	/** Adds the value last read by `scanDecimal`. */
	addScanned(): this {
		return scanned.big === null
			? this.add(scanned.units, scanned.scale)
			: this.addBig(scanned.big, scanned.scale);
	}

	/** Adds a plain decimal string; throws on anything else (callers pass validated amounts). */
	addDecimal(text: string): this {
		if (!scanDecimal(text)) throw new Error(`ExactSum.addDecimal(): not a decimal: ${JSON.stringify(text)}`);
		return this.addScanned();
	}

	addSum(other: ExactSum): this {
		return other.big === null ? this.add(other.n, other.scale) : this.addBig(other.big, other.scale);
	}

	#rescale(scale: number): void {
		const k = scale - this.scale;
		if (this.big !== null) this.big *= bigPow10(k);
		else {
			const r = scaleUp(this.n, k);
			if (r === undefined) this.big = BigInt(this.n) * bigPow10(k);
			else this.n = r;
		}
		this.scale = scale;
	}

	isZero(): boolean {
		return this.big === null ? this.n === 0 : this.big === 0n;
	}

	sign(): -1 | 0 | 1 {
		const v = this.big === null ? this.n : this.big;
		return v > 0 ? 1 : v < 0 ? -1 : 0;
	}

	negate(): this {
		if (this.big !== null) this.big = -this.big;
		else this.n = this.n === 0 ? 0 : -this.n;
		return this;
	}

	clone(): ExactSum {
		const c = new ExactSum();
		c.scale = this.scale;
		c.n = this.n;
		c.big = this.big;
		return c;
	}

	/** The sum as a decimal string with at least `minScale` decimals (never fewer than it holds). */
	toDecimal(minScale = 0): DecimalString {
		if (minScale > this.scale) this.#rescale(minScale);
		return formatUnits(this.big === null ? this.n : this.big, this.scale);
	}
}

/** Exact sum of decimal strings. */
export function sumDecimals(values: Iterable<string>): DecimalString {
	const s = new ExactSum();
	for (const v of values) s.addDecimal(v);
	return s.toDecimal();
}

export function addDecimals(a: string, b: string): DecimalString {
	return new ExactSum().addDecimal(a).addDecimal(b).toDecimal();
}

/** -x, keeping the scale as written ("10.00" -> "-10.00", "0" -> "0"). */
export function negateDecimal(text: string): DecimalString {
	if (!scanDecimal(text)) throw new Error(`negateDecimal(): not a decimal: ${JSON.stringify(text)}`);
	return new ExactSum().addScanned().negate().toDecimal();
}

export function isZeroDecimal(text: string): boolean {
	if (!scanDecimal(text)) throw new Error(`isZeroDecimal(): not a decimal: ${JSON.stringify(text)}`);
	return scanned.big === null ? scanned.units === 0 : scanned.big === 0n;
}

export function signOfDecimal(text: string): -1 | 0 | 1 {
	return new ExactSum().addDecimal(text).sign();
}

/** Compares two decimals by value: -1, 0 or 1. */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
	return new ExactSum().addDecimal(a).addDecimal(negateDecimal(b)).sign();
}

/** Exact product of two decimals (for unit prices: quantity x price). */
export function multiplyDecimals(a: string, b: string): DecimalString {
	if (!scanDecimal(a)) throw new Error(`multiplyDecimals(): not a decimal: ${JSON.stringify(a)}`);
	const ua = scanned.big ?? BigInt(scanned.units);
	const sa = scanned.scale;
	if (!scanDecimal(b)) throw new Error(`multiplyDecimals(): not a decimal: ${JSON.stringify(b)}`);
	const ub = scanned.big ?? BigInt(scanned.units);
	return formatUnits(ua * ub, sa + scanned.scale);
}

/** Number of decimals as written ("1.50" -> 2). */
export function scaleOf(text: string): number {
	const p = text.indexOf('.');
	return p < 0 ? 0 : text.length - p - 1;
}

/** Same value, written with exactly `scale` decimals; undefined if that would drop non-zero digits. */
export function rescaleDecimal(text: string, scale: number): DecimalString | undefined {
	const have = scaleOf(text);
	if (have === scale) return text as DecimalString;
	if (have < scale) return ((have === 0 ? text + '.' : text) + '0'.repeat(scale - have)) as DecimalString;
	const cut = text.slice(text.length - (have - scale));
	if (!/^0*$/.test(cut)) return undefined;
	let s = text.slice(0, text.length - (have - scale));
	if (s.endsWith('.')) s = s.slice(0, -1);
	return (/^-0(\.0*)?$/.test(s) ? s.slice(1) : s) as DecimalString;
}
