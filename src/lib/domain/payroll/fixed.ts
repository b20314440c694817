// Exact fixed-point helpers for the fast gross-to-net path: a figure is a JS integer counting units
// of 10^-scale (cents are scale 2). Invariant: every helper is exact or says it cannot be (returns
// undefined / throws Unsafe), and each rounding and print matches the decimal.js step it replaces
// (Dec: ROUND_HALF_UP default, toFixed, the named rules in core `round` and `payrollRound`).
import type Decimal from 'decimal.js';
import type { DecimalString } from '../core';

/** Thrown inside the fast path when a figure leaves the exact integer range; the caller falls back. */
export class Unsafe extends Error {}

const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000];

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

const UNSIGNED = /^(\d+)(?:\.(\d+))?$/;

/**
 * A plain non-negative decimal string ("12", "1234.5") at `scale` places, or undefined when it has
 * more places, a sign, spaces or is too large. Mirrors parseDecimal for the strings it accepts.
 */
export function parseUnsigned(text: unknown, scale: number): number | undefined {
	if (typeof text !== 'string') return undefined;
	const m = UNSIGNED.exec(text);
	if (!m) return undefined;
	const whole = m[1] as string;
	const frac = m[2] ?? '';
	if (frac.length > scale || whole.length > 13) return undefined;
	const n = Number(whole) * pow10(scale) + (frac === '' ? 0 : Number(frac) * pow10(scale - frac.length));
	return Number.isSafeInteger(n) ? n : undefined;
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
export function rescale(n: number, from: number, to: number, mode: 'halfUp' | 'halfDown' | 'down' | 'floor' | 'ceil'): number {
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
