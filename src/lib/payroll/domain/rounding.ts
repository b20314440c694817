// Rounding rules that payroll needs beyond core's `round`, each named for the rule it follows.
// Invariant: no payroll figure is rounded except through `round` (core) or these; all of them are
// the shared exact core's integer rounding (`roundDec`), so no rule rounds in a way of its own.
import { type Dec, roundDec } from '../../shared/domain';

export const payrollRound = {
	/** HMRC PAYE spec 4.3.1: the period-1 pay adjustment is rounded up to the next penny. */
	penceUp: (v: Dec): Dec => roundDec(v, 2, 'ceil'),
	/** HMRC PAYE spec 4.4: the income-test values v(i) are thresholds rounded up to whole pounds. */
	poundsUp: (v: Dec): Dec => roundDec(v, 0, 'ceil'),
	/** HMRC PAYE spec: intermediate thresholds c(i) and k(i) are carried to four places, truncated. */
	fourPlacesDown: (v: Dec): Dec => roundDec(v, 4, 'floor'),
	/** Whole dollars, half up (Step 2 checkbox table bounds in Pub 15-T). */
	dollarsHalfUp: (v: Dec): Dec => roundDec(v, 0, 'halfUp'),
	/** HMRC CSLM17065: a student/postgraduate loan pay-period threshold is rounded down to the penny. */
	loanThresholdPenceDown: (v: Dec): Dec => roundDec(v, 2, 'down'),
	/** HMRC CSLM17065 step 5, CSLM18025: a student/postgraduate loan deduction is rounded down to the pound. */
	loanPoundsDown: (v: Dec): Dec => roundDec(v, 0, 'down')
} as const;
