// The verbs on a person's record and histories: adding a person (the record and its first
// employment and pay facts checked together, so every problem shows at once: the forms' parse
// failures and the HR engine's judgement of whatever parsed), editing the record, and recording a
// change as of a date. Every check runs before anything is written; plain functions that write
// through the replica PeopleState passes in.
import type { IsoDate, Result } from '$lib/shared/domain';
import {
	validateCompensationHistory,
	validateEmployee,
	validateEmploymentHistory,
	type Compensation,
	type CustomFieldDefinition,
	type Employee,
	type Employment,
	type Fact
} from '$lib/people/domain';
import type { HistoryArea, PeopleReplica } from '$lib/people/sync/replica';
import { failed, problemsOf, refuse, type FormProblem } from './data';
import { ok } from '$lib/shared/domain';
import { newId, nowIso } from '../../shared/state/ids';
import { authorNameAs } from '../../shared/state/author';

export interface HireFacts {
	employment: Fact<Employment>;
	compensation?: Fact<Compensation>;
}

/** The first facts of a new person's histories, and every problem with the record and them. */
export function hireFacts(p: {
	person: Result<Employee>;
	employment: Result<Employment>;
	compensation: Result<Compensation> | null;
	today: IsoDate;
	customFields: CustomFieldDefinition[];
	me: string;
}): { facts?: HireFacts; problems: FormProblem[] } {
	const problems: FormProblem[] = [];
	for (const parsed of [p.person, p.employment, p.compensation])
		if (parsed && !parsed.ok) problems.push(...problemsOf(parsed.error));
	if (p.person.ok) {
		const checked = validateEmployee(p.person.value, {
			today: p.today,
			customFieldDefinitions: p.customFields
		});
		if (!checked.ok) problems.push(...problemsOf(checked.error));
	}
	if (!p.employment.ok || (p.compensation && !p.compensation.ok)) return { problems };
	const employment = p.employment.value;
	const compensation = p.compensation?.value ?? null;
	const at = nowIso();
	const fact = <T>(changes: T): Fact<T> => ({
		id: newId(),
		effectiveDate: employment.startDate,
		recordedAt: at,
		recordedBy: p.me,
		...authorNameAs('recordedByName'),
		changes,
		reason: 'Hired'
	});
	const facts = {
		employment: fact(employment),
		...(compensation ? { compensation: fact(compensation) } : {})
	};
	const e = validateEmploymentHistory([facts.employment]);
	if (!e.ok) problems.push(...problemsOf(e.error));
	const c = facts.compensation && validateCompensationHistory([facts.compensation]);
	if (c && !c.ok) problems.push(...problemsOf(c.error));
	return { facts, problems };
}

export interface RecordContext {
	/** The replica (throws while People are still loading). */
	live: () => PeopleReplica;
	today: IsoDate;
	customFields: CustomFieldDefinition[];
	me: string;
}

/** Checks the record and its first employment and pay facts together, then adds the person. */
export function addPerson(
	ctx: RecordContext,
	person: Result<Employee>,
	employment: Result<Employment>,
	compensation: Result<Compensation> | null
): Result<string> {
	const { facts, problems } = hireFacts({ person, employment, compensation, ...ctx });
	if (problems.length || !facts || !person.ok)
		return refuse('hr/invalid-employee', `${problems.length} problem(s) to fix`, problems);
	const added = ctx.live().addPerson(person.value, facts);
	return added.ok ? ok(person.value.id) : failed(added.error);
}

/** Checks the edited record, then writes what changed. */
export function updatePerson(ctx: RecordContext, before: Employee, after: Employee): Result<undefined> {
	// Values for fields this device has no definition of yet (a newer peer's) are kept, not judged.
	const known = new Set(ctx.customFields.map((d) => d.id));
	const judged = {
		...after,
		customFields: Object.fromEntries(Object.entries(after.customFields).filter(([k]) => known.has(k)))
	};
	const checked = validateEmployee(judged, { today: ctx.today, customFieldDefinitions: ctx.customFields });
	if (!checked.ok) return failed(checked.error);
	const done = ctx.live().updatePerson(before, after);
	return done.ok ? ok(undefined) : failed(done.error);
}

/** Records a change "effective as of" a date as a new fact of the history. */
export function recordChange(
	ctx: RecordContext,
	p: {
		personId: string;
		area: HistoryArea;
		effectiveDate: IsoDate;
		changes: Partial<Employment> | Partial<Compensation>;
		reason: string;
	}
): Result<undefined> {
	if (Object.keys(p.changes).length === 0)
		return refuse('hr/nothing-changed', 'Nothing changed.', [
			{ field: '', message: 'Change at least one field.' }
		]);
	const fact: Fact<unknown> = {
		id: newId(),
		effectiveDate: p.effectiveDate,
		recordedAt: nowIso(),
		recordedBy: ctx.me,
		...authorNameAs('recordedByName'),
		changes: p.changes,
		...(p.reason.trim() ? { reason: p.reason.trim() } : {})
	};
	const done = ctx.live().recordChange(p.personId, p.area, fact);
	return done.ok ? ok(undefined) : failed(done.error);
}
