// Formats figures for payslip basis text: thousands separators, fixed places, never a JS number.
// Invariant: formatting never changes a value, it only prints it.
import type Decimal from 'decimal.js';

export function fmt(value: Decimal, places = 2): string {
	const fixed = value.toFixed(places);
	const negative = fixed.startsWith('-');
	const [whole = '0', frac] = (negative ? fixed.slice(1) : fixed).split('.');
	const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return `${negative ? '−' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/** A rate as a percentage without trailing zeros: 0.0185 → "1.85%". */
export function pct(rate: Decimal): string {
	return `${rate.times(100).toFixed()}%`;
}
