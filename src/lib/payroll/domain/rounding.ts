// Rounding rules that payroll needs beyond core's `round`, each named for the rule it follows.
// Invariant: no payroll figure is rounded except through `round` (core) or these.
import type Decimal from 'decimal.js';
import { Dec } from '../../shared/domain';

export const payrollRound = {
	/** HMRC PAYE spec 4.3.1: the period-1 pay adjustment is rounded up to the next penny. */
	penceUp: (v: Decimal): Decimal => v.toDecimalPlaces(2, Dec.ROUND_CEIL),
	/** HMRC PAYE spec 4.4: the income-test values v(i) are thresholds rounded up to whole pounds. */
	poundsUp: (v: Decimal): Decimal => v.toDecimalPlaces(0, Dec.ROUND_CEIL),
	/** HMRC PAYE spec: intermediate thresholds c(i) and k(i) are carried to four places, truncated. */
	fourPlacesDown: (v: Decimal): Decimal => v.toDecimalPlaces(4, Dec.ROUND_FLOOR),
	/** Whole dollars, half up (Step 2 checkbox table bounds in Pub 15-T). */
	dollarsHalfUp: (v: Decimal): Decimal => v.toDecimalPlaces(0, Dec.ROUND_HALF_UP),
	/** HMRC CSLM17065: a student/postgraduate loan pay-period threshold is rounded down to the penny. */
	loanThresholdPenceDown: (v: Decimal): Decimal => v.toDecimalPlaces(2, Dec.ROUND_DOWN),
	/** HMRC CSLM17065 step 5, CSLM18025: a student/postgraduate loan deduction is rounded down to the pound. */
	loanPoundsDown: (v: Decimal): Decimal => v.toDecimalPlaces(0, Dec.ROUND_DOWN)
} as const;
