// The shapes the Payroll verbs answer with (a value, or a message in plain words) and the names
// of a run's one-off inputs. Shared by PayrollState and its helper modules.
import type { PayslipYtd } from '$lib/payroll/domain/run';

export type PayrollVerb<T = null> = { ok: true; value: T } | { ok: false; message: string };
export const no = (message: string): PayrollVerb<never> => ({ ok: false, message });

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
