// Decimal strings worked exactly through the core in exact.ts: a running sum (the accumulator inside
// the ledger's report loops) and the one-shot helpers built on it (add, compare, multiply, round,
// rescale). Units stay in a JS number while they are safe integers and move to BigInt the moment
// they would not be, so no sum, however long or large, ever loses a cent.
import {
	bigPow10,
	divRound,
	divRoundBig,
	formatUnits,
	formatUnitsTrimmed,
	pow10,
	scaleOf,
	scanDecimal,
	scanned,
	scannedBig,
	SAFE_DIGITS,
	type RoundingMode
} from './exact';
import type { DecimalString } from './money';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const POW10: readonly number[] = Array.from({ length: SAFE_DIGITS + 1 }, (_, i) => 10 ** i);

/** Units of a safe integer at a larger scale, or undefined when that would not be exact. */
function scaleUp(n: number, k: number): number | undefined {
	if (k === 0) return n;
	if (k >= POW10.length) return undefined;
	const r = n * (POW10[k] as number);
	return r <= MAX_SAFE && r >= -MAX_SAFE ? r : undefined;
}

function notDecimal(fn: string, text: string): Error {
	return new Error(`${fn}(): not a decimal: ${JSON.stringify(text)}`);
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
		if (!scanDecimal(text)) throw notDecimal('ExactSum.addDecimal', text);
		return this.addScanned();
	}

	/** Subtracts a plain decimal string (adds it to the negated sum, then negates back: exact either way). */
	subDecimal(text: string): this {
		return this.negate().addDecimal(text).negate();
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
	if (!scanDecimal(text)) throw notDecimal('negateDecimal', text);
	return new ExactSum().addScanned().negate().toDecimal();
}

/** a - b, exactly, at the larger of the two scales. */
export function subtractDecimals(a: string, b: string): DecimalString {
	return new ExactSum().addDecimal(a).addDecimal(negateDecimal(b)).toDecimal();
}

export function isZeroDecimal(text: string): boolean {
	if (!scanDecimal(text)) throw notDecimal('isZeroDecimal', text);
	return scanned.big === null ? scanned.units === 0 : scanned.big === 0n;
}

export function signOfDecimal(text: string): -1 | 0 | 1 {
	return new ExactSum().addDecimal(text).sign();
}

/** Compares two decimals by value: -1, 0 or 1. */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
	return new ExactSum().addDecimal(a).addDecimal(negateDecimal(b)).sign();
}

/** Exact product of two decimals (quantity x price, amount x rate), at the sum of their scales. */
export function multiplyDecimals(a: string, b: string): DecimalString {
	if (!scanDecimal(a)) throw notDecimal('multiplyDecimals', a);
	const ua = scannedBig();
	const sa = scanned.scale;
	if (!scanDecimal(b)) throw notDecimal('multiplyDecimals', b);
	return formatUnits(ua * scannedBig(), sa + scanned.scale);
}

/**
 * `text` rounded to exactly `places` decimals by `mode` ("2.345", 2, 'halfUp' -> "2.35"); widening
 * pads with zeros. Never prints "-0": a negative figure that rounds to nothing is "0.00".
 */
export function roundDecimal(text: string, places: number, mode: RoundingMode): DecimalString {
	if (!scanDecimal(text)) throw notDecimal('roundDecimal', text);
	const scale = scanned.scale;
	if (places >= scale) {
		const k = places - scale;
		if (scanned.big === null) {
			const r = scaleUp(scanned.units, k);
			if (r !== undefined) return formatUnits(r, places);
		}
		return formatUnits(scannedBig() * bigPow10(k), places);
	}
	const k = scale - places;
	if (scanned.big === null && k <= SAFE_DIGITS)
		return formatUnits(divRound(scanned.units, pow10(k), mode), places);
	return formatUnits(divRoundBig(scannedBig(), bigPow10(k), mode), places);
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

/** The same value without trailing zeros or "-0" ("12.50" -> "12.5", "-0.00" -> "0"), as decimal.js toString() writes it. */
export function trimDecimal(text: string): DecimalString {
	if (!scanDecimal(text)) throw notDecimal('trimDecimal', text);
	return formatUnitsTrimmed(scanned.big ?? scanned.units, scanned.scale);
}
