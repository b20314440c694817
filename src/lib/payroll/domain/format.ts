// Figures inside payslip basis text ("3,000.00 × 9%"), through core's money display. Basis text is part of
// the computed payslip, so it is always en-US whatever the viewer's locale, and a negative figure carries
// a true minus sign ("−12.00"). Invariant: formatting never changes a value, it only prints it.
import type Decimal from 'decimal.js';
import { formatDecimal } from '../../shared/domain';

export function fmt(value: Decimal, places = 2): string {
	const fixed = value.toFixed(places);
	const negative = fixed.startsWith('-');
	return `${negative ? '−' : ''}${formatDecimal(negative ? fixed.slice(1) : fixed, { locale: 'en-US' })}`;
}

/** A rate as a percentage without trailing zeros: 0.0185 → "1.85%". */
export function pct(rate: Decimal): string {
	return `${rate.times(100).toFixed()}%`;
}
