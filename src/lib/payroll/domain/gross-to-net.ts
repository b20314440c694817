// The one entry point of the payroll engine for a pay period: dispatches a case to its jurisdiction
// (us/gross-to-net.ts, uk/gross-to-net.ts). Money is worked in integer cents/pence with rates at 4
// places (fixed.ts), every rounding and printed figure being the statutory one; figures the rule
// files give by a division are worked once per rule file in decimal.js (uk/paye.ts, uk/ni.ts,
// us/figures.ts). Invariant: a payslip is produced only from a validated rule file whose dates cover
// the case, and a case is either answered exactly or refused in words, never approximated.
import { ExactRangeError, fail, type Result } from '../../shared/domain';
import type { PayCase, Payslip } from './types';
import { ukGrossToNet } from './uk/gross-to-net';
import { usGrossToNet } from './us/gross-to-net';

export function grossToNet(input: PayCase): Result<Payslip> {
	try {
		switch (input.jurisdiction) {
			case 'US':
				return usGrossToNet(input);
			case 'UK':
				return ukGrossToNet(input);
			default:
				return fail('payroll/invalid-input', 'jurisdiction: expected US|UK', { field: 'jurisdiction' });
		}
	} catch (e) {
		// A figure left the exact integer range (amounts in the hundreds of billions): say so, never round.
		if (e instanceof ExactRangeError)
			return fail('payroll/invalid-input', 'amounts: too large to work out exactly; check the figures', {
				field: 'amounts'
			});
		throw e;
	}
}

/** Gross-to-net for a whole pay run, in order: result i is grossToNet(cases[i]). */
export function grossToNetBatch(cases: readonly PayCase[]): Result<Payslip>[] {
	const out: Result<Payslip>[] = new Array<Result<Payslip>>(cases.length);
	for (let i = 0; i < cases.length; i++) out[i] = grossToNet(cases[i] as PayCase);
	return out;
}
