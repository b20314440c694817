// The checks of payroll values read from the people shard, made with the record schemas
// (`records.ts`). A peer may run other code, so a schedule, draft run, finalized run or payment is
// handed on only when it passes its schema, and a finalized run only when its payslips also add up
// (each payslip's lines give its net, so its journal balances). Each check gives the typed value or
// why it is kept aside (code 'record/newer' when a newer Keel wrote it), naming the field in words,
// never a value.
import { buildPayrollJournal } from '$lib/payroll/domain';
import type { FinalizedRun, PayRunDraft, PaySchedule } from '$lib/payroll/domain/run';
import { fail, type Result } from '$lib/shared/domain';
import { check } from '$lib/shared/domain/schema';
import { draftKind, finalKind, paymentSchema, readStored, scheduleKind, type Payment } from './records';

export const checkSchedule = (v: unknown): Result<PaySchedule> => readStored(scheduleKind, v);

export const checkDraft = (v: unknown): Result<PayRunDraft> => readStored(draftKind, v);

/** A finalized run stored under `id`: its shape, its key, and its payslips adding up. */
export function checkFinal(v: unknown, id: string): Result<FinalizedRun> {
	const r = readStored(finalKind, v);
	if (!r.ok) return r;
	if (r.value.runId !== id)
		return fail('record/invalid', 'One finalized pay run has a run id that differs from its key.');
	const j = buildPayrollJournal(
		r.value.payslips.map((s) => s.payslip),
		{
			wagesExpense: 'w',
			employerTaxesExpense: 't',
			netPayPayable: 'n',
			liabilities: {},
			defaultLiability: 'l'
		}
	);
	return j.ok
		? r
		: fail('record/invalid', `One finalized pay run's payslips do not add up: ${j.error.message}`);
}

export function checkPayment(v: unknown): Result<Payment> {
	const r = check(paymentSchema, v, 'record/invalid');
	return r.ok ? r : fail('record/invalid', `One payment was not read: ${r.error.message}.`);
}

export type { FinalizedRun, PayRunDraft, PaySchedule };
