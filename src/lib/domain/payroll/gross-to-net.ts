// The one entry point for a pay period: dispatches a case to its jurisdiction's rules.
// Invariant: a payslip is produced only from a validated rule file whose dates cover the case.
// Speed: each case first tries the integer fast path (us/fast.ts, uk/fast.ts), which returns the
// reference payslip exactly or declines; declined cases (refusals, unusual figures) run the
// reference decimal.js path below, so every answer, and every refusal, is the reference answer.
import { fail, type Result } from '../core';
import type { PayCase, Payslip } from './types';
import { fastUkGrossToNet } from './uk/fast';
import { ukGrossToNet } from './uk/gross-to-net';
import { fastUsGrossToNet } from './us/fast';
import { usGrossToNet } from './us/gross-to-net';
import { Unsafe } from './fixed';

/** The reference calculation (decimal.js throughout); kept for cases the fast path declines, and for tests. */
export function grossToNetReference(input: PayCase): Result<Payslip> {
	switch (input.jurisdiction) {
		case 'US':
			return usGrossToNet(input);
		case 'UK':
			return ukGrossToNet(input);
		default:
			return fail('payroll/invalid-input', 'jurisdiction: expected US|UK', { field: 'jurisdiction' });
	}
}

/** The fast path alone: the reference result, or undefined when it declines the case. */
export function grossToNetFast(input: PayCase): Result<Payslip> | undefined {
	try {
		if (input.jurisdiction === 'US') return fastUsGrossToNet(input);
		if (input.jurisdiction === 'UK') return fastUkGrossToNet(input);
		return undefined;
	} catch (e) {
		if (e instanceof Unsafe) return undefined;
		throw e;
	}
}

export function grossToNet(input: PayCase): Result<Payslip> {
	return grossToNetFast(input) ?? grossToNetReference(input);
}

/** Gross-to-net for a whole pay run, in order: result i is grossToNet(cases[i]). */
export function grossToNetBatch(cases: readonly PayCase[]): Result<Payslip>[] {
	const out: Result<Payslip>[] = new Array<Result<Payslip>>(cases.length);
	for (let i = 0; i < cases.length; i++) out[i] = grossToNet(cases[i] as PayCase);
	return out;
}
