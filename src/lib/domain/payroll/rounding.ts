// Rounding rules that payroll needs beyond core's `round`, each named for the rule it follows.
// Invariant: no payroll figure is rounded except through `round` (core) or these.
import type Decimal from 'decimal.js';
import { Dec } from '../core';

export const payrollRound = {
	/** HMRC PAYE spec 4.3.1: the period-1 pay adjustment is rounded up to the next penny. */
	penceUp: (v: Decimal): Decimal => v.toDecimalPlaces(2, Dec.ROUND_CEIL),
	/** HMRC PAYE spec 4.4: the income-test values v(i) are thresholds rounded up to whole pounds. */
	poundsUp: (v: Decimal): Decimal => v.toDecimalPlaces(0, Dec.ROUND_CEIL),
	/** HMRC PAYE spec: intermediate thresholds c(i) and k(i) are carried to four places, truncated. */
	fourPlacesDown: (v: Decimal): Decimal => v.toDecimalPlaces(4, Dec.ROUND_FLOOR),
	/**
	 * HMRC Class 1 NI (SS(C)R 2001 reg 12(1); HMRC's NICs guidance for software developers): to the
	 * nearest penny judged on the third decimal place alone, 5 or less down, 6 or more up; so 0.56p
	 * is a halfpenny "or less" and goes (0.0056 -> 0.00), while 0.6p rounds up. Non-negative amounts.
	 */
	niPence: (v: Decimal): Decimal => v.toDecimalPlaces(3, Dec.ROUND_DOWN).toDecimalPlaces(2, Dec.ROUND_HALF_DOWN),
	/** Whole dollars, half up (Step 2 checkbox table bounds in Pub 15-T). */
	dollarsHalfUp: (v: Decimal): Decimal => v.toDecimalPlaces(0, Dec.ROUND_HALF_UP),
	/** HMRC CSLM17065: a student/postgraduate loan pay-period threshold is rounded down to the penny. */
	loanThresholdPenceDown: (v: Decimal): Decimal => v.toDecimalPlaces(2, Dec.ROUND_DOWN),
	/** HMRC CSLM17065 step 5, CSLM18025: a student/postgraduate loan deduction is rounded down to the pound. */
	loanPoundsDown: (v: Decimal): Decimal => v.toDecimalPlaces(0, Dec.ROUND_DOWN)
} as const;
