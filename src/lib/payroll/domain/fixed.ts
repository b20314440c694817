// Exact fixed-point arithmetic for the payroll engine: a figure is a JS integer counting units of
// 10^-scale (cents are scale 2, rates scale 4). Invariant: every helper is exact or says it cannot be
// (returns a failure / throws Unsafe, which the engine turns into a refusal), and each rounding and
// print is the decimal.js one it is named after (Dec: ROUND_HALF_UP, toFixed, core `round`, `payrollRound`).
import type Decimal from 'decimal.js';
import type { DecimalString } from '../../shared/domain';

/** Thrown when a figure leaves the exact integer range; grossToNet refuses the case in words. */
export class Unsafe extends Error {}

const POW10 = [
	1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000
];

export function pow10(n: number): number {
	const p = POW10[n];
	if (p === undefined) throw new Unsafe('scale');
	return p;
}

/** Checks an intermediate is a safe integer (so the decimal.js figure it mirrors is exact too). */
export function safe(n: number): number {
	if (!Number.isSafeInteger(n)) throw new Unsafe('range');
	return n;
}

export const mul = (a: number, b: number): number => safe(a * b);
export const add = (a: number, b: number): number => safe(a + b);
export const sub = (a: number, b: number): number => safe(a - b);

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Why readDecimal refused a text: not a plain decimal, more places than allowed, or too large to work exactly. */
export type ReadFailure = 'bad' | 'places' | 'large';

/**
 * A plain decimal string ("12", "-0.5", "1234.50", as core parseDecimal reads them; surrounding spaces
 * only when `trim`) as an integer `n` counting units of 10^-scale, where scale is the number of places
 * written. `negative` is true for a leading minus, "-0" included (decimal.js calls -0 negative too).
 */
export function readDecimal(
	text: unknown,
	opts: { trim: boolean; places: number }
): { n: number; scale: number; negative: boolean } | ReadFailure {
	if (typeof text !== 'string') return 'bad';
	const m = PLAIN.exec(opts.trim ? text.trim() : text);
	if (!m) return 'bad';
	const whole = m[2] as string;
	const frac = m[3] ?? '';
	if (frac.length > opts.places) return 'places';
	if (whole.length > 13) return 'large';
	const abs = Number(whole + frac);
	if (!Number.isSafeInteger(abs)) return 'large';
	const negative = m[1] === '-';
	return { n: negative && abs !== 0 ? -abs : abs, scale: frac.length, negative };
}

/** A plain non-negative decimal string at `scale` places, or undefined (more places, a sign, spaces, too large). */
export function parseUnsigned(text: unknown, scale: number): number | undefined {
	const r = readDecimal(text, { trim: false, places: scale });
	if (typeof r !== 'object' || r.negative) return undefined;
	return safe(r.n * pow10(scale - r.scale));
}

/** A decimal.js value as an integer at `scale`, or undefined when it is not exact there. */
export function fromDecimal(v: Decimal, scale: number): number | undefined {
	const scaled = v.times(pow10(scale));
	if (!scaled.isInteger()) return undefined;
	const n = scaled.toNumber();
	return Number.isSafeInteger(n) ? n : undefined;
}

/** Rescales down with a rounding rule, on the exact integer (no float division on the value). */
function divRound(n: number, d: number, mode: 'halfUp' | 'halfDown' | 'down' | 'floor' | 'ceil'): number {
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
		case 'down':
			away = false;
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

/** `n` at `from` places rounded to `to` places (to <= from) by the decimal.js rounding `mode`. */
export function rescale(
	n: number,
	from: number,
	to: number,
	mode: 'halfUp' | 'halfDown' | 'down' | 'floor' | 'ceil'
): number {
	if (to >= from) return mul(n, pow10(to - from));
	return divRound(n, pow10(from - to), mode);
}

function digits(abs: number, places: number): { whole: string; frac: string } {
	const s = String(abs).padStart(places + 1, '0');
	return { whole: s.slice(0, s.length - places), frac: s.slice(s.length - places) };
}

function group(whole: string): string {
	if (whole.length <= 3) return whole;
	const head = whole.length % 3 || 3;
	let out = whole.slice(0, head);
	for (let i = head; i < whole.length; i += 3) out += `,${whole.slice(i, i + 3)}`;
	return out;
}

/** Same text as format.ts `fmt(value, places)` for the value n x 10^-scale. */
export function fmtFx(n: number, scale: number, places = 2): string {
	const r = places >= scale ? n : rescale(n, scale, places, 'halfUp');
	const extra = places > scale ? places - scale : 0;
	const abs = r < 0 ? -r : r;
	const { whole, frac } = digits(abs, places - extra);
	const fracText = frac + '0'.repeat(extra);
	return `${n < 0 ? '−' : ''}${group(whole)}${places > 0 ? `.${fracText}` : ''}`;
}

/** Same text as core `toDecimalString(value, 2)` for cents. */
export function centsText(n: number): DecimalString {
	const abs = n < 0 ? -n : n;
	const { whole, frac } = digits(abs, 2);
	return `${n < 0 ? '-' : ''}${whole}.${frac}` as DecimalString;
}

/** Same text as decimal.js `toFixed()` (no argument: exact, no trailing zeros) for n x 10^-scale. */
export function exactText(n: number, scale: number): string {
	const abs = n < 0 ? -n : n;
	const { whole, frac } = digits(abs, scale);
	const trimmed = frac.replace(/0+$/, '');
	return `${n < 0 ? '-' : ''}${whole}${trimmed ? `.${trimmed}` : ''}`;
}
