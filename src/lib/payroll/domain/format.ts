// Figures inside payslip basis text ("3,000.00 × 9%"), through core's money display. Basis text is part of
// the computed payslip, so it is always en-US whatever the viewer's locale, and a negative figure carries
// a true minus sign ("−12.00"). Invariant: formatting never changes a value, it only prints it.
import { type Dec, formatDecimal, rescaleUnits, roundDecimal, signOfDecimal } from '../../shared/domain';

export function fmt(value: Dec, places = 2): string {
	const fixed = value.toFixed(places);
	const negative = fixed.startsWith('-');
	return `${negative ? '−' : ''}${formatDecimal(negative ? fixed.slice(1) : fixed, { locale: 'en-US' })}`;
}

/** Same text as `fmt` for an exact decimal string, without a decimal.js value: "-1234.5" → "−1,234.50". */
export function fmtExact(text: string, places = 2): string {
	const fixed = roundDecimal(text, places, 'halfUp');
	const negative = signOfDecimal(text) < 0;
	return `${negative ? '−' : ''}${formatDecimal(negative ? fixed.replace('-', '') : fixed, { locale: 'en-US' })}`;
}

/** A rate as a percentage without trailing zeros: 0.0185 → "1.85%". */
export function pct(rate: Dec): string {
	return `${rate.times(100).toFixed()}%`;
}

/** en-US thousands grouping of a digit string ("1234567" -> "1,234,567"), the grouping fmt's Intl output has. */
function group(whole: string): string {
	if (whole.length <= 3) return whole;
	const head = whole.length % 3 || 3;
	let out = whole.slice(0, head);
	for (let i = head; i < whole.length; i += 3) out += `,${whole.slice(i, i + 3)}`;
	return out;
}

/**
 * Same text as `fmt(value, places)` for the core's units n at `scale`, without building a decimal.js value or
 * asking Intl per figure (the engine prints several per payslip). The sign is the unrounded figure's,
 * as `toFixed` gives it: -0.001 prints "−0.00".
 */
export function fmtFx(n: number, scale: number, places = 2): string {
	const r = places >= scale ? n : rescaleUnits(n, scale, places, 'halfUp');
	const shown = places > scale ? scale : places;
	const digits = String(r < 0 ? -r : r).padStart(shown + 1, '0');
	const whole = digits.slice(0, digits.length - shown);
	const frac = digits.slice(digits.length - shown).padEnd(places, '0');
	return `${n < 0 ? '−' : ''}${group(whole)}${places > 0 ? `.${frac}` : ''}`;
}
