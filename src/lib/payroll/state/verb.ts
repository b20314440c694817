// How the Payroll verbs refuse (the one Result, its code worded by the map in payroll/domain) and
// the names of a run's one-off inputs. Shared by PayrollState and its helper modules.
import type { PayslipYtd } from '$lib/payroll/domain/run';
import type { PayrollCode } from '$lib/payroll/domain';
import { err, problem, type DomainError, type Result } from '$lib/shared/domain';

/** A refusal: the map's words for `code`, or `sentence` when it names the figures or the person. */
export function no(
	code: PayrollCode,
	sentence?: string,
	details?: Readonly<Record<string, unknown>>
): Result<never> {
	if (sentence === undefined) return err(problem(code, details));
	const error: DomainError =
		details === undefined ? { code, message: sentence } : { code, message: sentence, details };
	return err(error);
}

/** A run's one-off inputs per person, by draft field, with the words a message uses. */
export const RUN_INPUTS = {
	overtimeHours: 'Overtime hours',
	bonuses: 'Bonus',
	reimbursements: 'Reimbursement',
	oneOffDeductions: 'One-off deduction'
} as const;
export type RunInput = keyof typeof RUN_INPUTS;

export type PostingState = 'posted' | 'not-posted' | 'no-books';

export interface PayslipExtras {
	employee: { address: string[]; taxId: { label: string; masked: string } | null };
	ytd: PayslipYtd;
}
