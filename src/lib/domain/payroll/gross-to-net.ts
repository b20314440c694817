// The one entry point for a pay period: dispatches a case to its jurisdiction's rules.
// Invariant: a payslip is produced only from a validated rule file whose dates cover the case.
import { fail, type Result } from '../core';
import type { PayCase, Payslip } from './types';
import { ukGrossToNet } from './uk/gross-to-net';
import { usGrossToNet } from './us/gross-to-net';

export function grossToNet(input: PayCase): Result<Payslip> {
	switch (input.jurisdiction) {
		case 'US':
			return usGrossToNet(input);
		case 'UK':
			return ukGrossToNet(input);
		default:
			return fail('payroll/invalid-input', 'jurisdiction: expected US|UK', { field: 'jurisdiction' });
	}
}
