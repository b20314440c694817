// The records the Payroll run verbs write or send: a new draft run, a one-off input checked as an
// amount, the people a run pays (with their history and opening figures), and the finalized run.
// Plain functions; PayrollState validates with them and writes through its replica. Also the
// bench-only gross-to-net timing call.
import { err, fail, ok, type DecimalString, type Result } from '$lib/shared/domain';
import { displayName, type Employee, type Employment } from '$lib/people/domain';
import {
	taxYearOf,
	type ComputedRun,
	type FinalizedRun,
	type PayRunDraft,
	type PaySchedule,
	type RunPerson
} from '$lib/payroll/domain/run';
import type { OpeningYtd } from '$lib/payroll/domain/opening';
import { packText, type LoadedPack } from '$lib/payroll/domain/rules';
import type { PayCase } from '$lib/payroll/domain';
import { payrollWorker } from '$lib/payroll/rpc/client';
import type { PeopleState } from '../../people/state/people.svelte';
import { newId, nowIso } from '../../shared/state/ids';
import { authorNameAs } from '../../shared/state/author';
import { RUN_INPUTS, type RunInput } from './verb';
import { check, decimalSchema, v } from '$lib/shared/domain/schema';
import { draftKind, finalKind, perPerson } from '$lib/payroll/sync/records';

export type NewRun = Pick<PayRunDraft, 'scheduleId' | 'kind' | 'period' | 'personIds'> & {
	/** Off-cycle runs: the amount per person, as typed. */
	amounts?: Readonly<Record<string, string>>;
};

/** A one-off input or hours: 0 or more, at most 2 decimals. */
const runInputSchema = v.pipe(
	decimalSchema,
	v.regex(/^\d+(\.\d{1,2})?$/, 'is not 0 or more with at most 2 decimals')
);

/**
 * A new draft run, or the message refusing an amount that is not one, or one finer than a cent
 * (refused, never rounded), naming the person by `nameOf`.
 */
export function newDraft(
	p: NewRun,
	me: string,
	nameOf: (personId: string) => string = () => 'this person'
): Result<PayRunDraft> {
	const amounts = check(perPerson, p.amounts ?? {});
	if (!amounts.ok) return fail('payroll/run', 'Each amount must be a number, like 250.00.');
	for (const [personId, amount] of Object.entries(amounts.value))
		if (!check(runInputSchema, amount).ok)
			return err({
				code: 'payroll/bad-amount',
				message: `${p.kind === 'bonus' ? 'Bonus' : 'Correction'} for ${nameOf(personId)} must be a number of 0 or more with at most 2 decimals, like 250.00; Keel does not round pay.`,
				details: { field: 'amounts', personId }
			});
	return ok({
		schemaVersion: draftKind.version,
		id: newId(),
		hours: {},
		overtimeHours: {},
		bonuses: {},
		reimbursements: {},
		oneOffDeductions: {},
		status: 'draft',
		createdAt: nowIso(),
		createdBy: me,
		...p,
		amounts: amounts.value
	});
}

/**
 * A draft's per-person input map with one person's value set (or, when blank, cleared); or the
 * message refusing anything but an amount of 0 or more with at most 2 decimals.
 */
export function withRunInput(
	d: PayRunDraft,
	field: RunInput | 'hours',
	personId: string,
	text: string,
	person: Employee | undefined
): Result<Record<string, DecimalString>> {
	const value = text.trim().replace(/,/g, '');
	const what = field === 'hours' ? 'Hours' : RUN_INPUTS[field];
	const who = person ? displayName(person) : 'this person';
	const next: Record<string, DecimalString> = { ...(d[field] ?? {}) };
	if (value === '') {
		delete next[personId];
		return ok(next);
	}
	const amount = check(runInputSchema, value);
	if (!amount.ok)
		return err({
			code: 'payroll/bad-amount',
			message: `${what} for ${who} must be a number of 0 or more with at most 2 decimals, like 7.5 or 250.00.`,
			details: { field, personId }
		});
	next[personId] = amount.value;
	return ok(next);
}

/** The people a draft pays, as the payroll worker reads them. */
export function runPeople(d: PayRunDraft, people: PeopleState, openings: readonly OpeningYtd[]): RunPerson[] {
	return d.personIds.map((personId) => {
		const person = people.person(personId);
		return {
			personId,
			name: person ? displayName(person) : 'Unknown person',
			employment: people.history<Employment>(personId, 'employment'),
			compensation: people.compensation(personId),
			openings: openings.filter((e) => e.personId === personId)
		};
	});
}

/** The fact finalizing writes: the run's figures as computed, stamped with who and when. */
export function finalizedRun(
	id: string,
	d: PayRunDraft,
	schedule: PaySchedule,
	computed: ComputedRun,
	me: string
): FinalizedRun {
	return {
		schemaVersion: finalKind.version,
		runId: id,
		scheduleId: schedule.id,
		kind: d.kind,
		jurisdiction: schedule.jurisdiction,
		currency: schedule.currency,
		taxYear: taxYearOf(schedule.jurisdiction, d.period.payDate),
		period: d.period,
		finalizedAt: nowIso(),
		finalizedBy: me,
		...authorNameAs('finalizedByName'),
		payslips: computed.payslips
	};
}

/** For `npm run bench`: one gross-to-net batch in the worker; round trip and in-worker times. */
export async function grossToNetTimed(
	cases: readonly PayCase[]
): Promise<{ ok: number; roundTripMs: number; workerMs: number }> {
	const t0 = performance.now();
	const got = await payrollWorker().grossToNetBatch({ cases });
	const roundTripMs = performance.now() - t0;
	if (!got.ok) throw new Error(got.error.message);
	return { ok: got.value.results.filter((r) => r.ok).length, roundTripMs, workerMs: got.value.ms };
}

/** Computes a draft run in the payroll worker from the People records and finalized runs given. */
export async function computeInWorker(p: {
	schedule: PaySchedule;
	draft: PayRunDraft;
	people: PeopleState;
	openings: readonly OpeningYtd[];
	finals: FinalizedRun[];
	rulePacks: readonly LoadedPack[];
}): Promise<Result<ComputedRun>> {
	const got = await payrollWorker().computeRun({
		schedule: p.schedule,
		run: p.draft,
		people: runPeople(p.draft, p.people, p.openings),
		finalized: p.finals,
		rulePacks: p.rulePacks.map(packText)
	});
	if (!got.ok) return got;
	const { ms: _ms, ...computed } = got.value;
	return ok(computed);
}
