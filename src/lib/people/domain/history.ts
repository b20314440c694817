// Effective-dated history is a set of immutable facts, each a partial change with the date it takes
// effect and the instant it was recorded. What was true on a date is the fold of the facts effective by
// then, in (effectiveDate, recordedAt) order. What a pay run knew is the set of fact ids it records
// (`changesNotKnown`), never a comparison of two devices' clocks. A back-dated change is a new fact,
// so no earlier view is ever rewritten.
import { ok, parseIsoDate, type IsoDate, type Result } from '../../shared/domain';
import { problem, problemsError, type FieldProblem } from './errors';

/** An ISO instant in UTC, `YYYY-MM-DDTHH:MM:SS(.sss)Z`. */
export type Instant = string;

export interface Fact<T> {
	readonly id: string;
	readonly effectiveDate: IsoDate;
	readonly recordedAt: Instant;
	readonly recordedBy: string;
	/** The recorder's name as it was when recorded (absent on facts recorded before names were kept). */
	readonly recordedByName?: string;
	/** Only the fields that change; `null` clears a field (e.g. managerId, endDate). */
	readonly changes: Partial<T>;
	readonly reason?: string;
}

export type History<T> = readonly Fact<T>[];

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export function parseInstant(text: string): number | undefined {
	if (!INSTANT_RE.test(text) || !parseIsoDate(text.slice(0, 10))) return undefined;
	const ms = Date.parse(text);
	return Number.isNaN(ms) ? undefined : ms;
}

/** Compares instants by time, not by text ("…00Z" and "…00.000Z" are the same instant). */
export function compareInstants(a: Instant, b: Instant): number {
	return (parseInstant(a) ?? Number.NaN) - (parseInstant(b) ?? Number.NaN) || 0;
}

/** The one order in which facts apply: effective date, then recorded instant, then id (merge ties). */
export function compareFacts<T>(a: Fact<T>, b: Fact<T>): number {
	if (a.effectiveDate !== b.effectiveDate) return a.effectiveDate < b.effectiveDate ? -1 : 1;
	const byRecorded = compareInstants(a.recordedAt, b.recordedAt);
	if (byRecorded !== 0) return byRecorded;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortFacts<T>(history: History<T>): Fact<T>[] {
	return [...history].sort(compareFacts);
}

/** Applies facts in order; undefined keys in a change are ignored, null keys clear. */
export function foldFacts<T>(facts: readonly Fact<T>[]): Partial<T> {
	const state: Record<string, unknown> = {};
	for (const fact of [...facts].sort(compareFacts)) {
		for (const [key, value] of Object.entries(fact.changes)) {
			if (value !== undefined) state[key] = value;
		}
	}
	return state as Partial<T>;
}

/** What was true on `date`, as known now. Undefined before the first fact takes effect. */
export function asOf<T>(history: History<T>, date: IsoDate): Partial<T> | undefined {
	const effective = history.filter((f) => f.effectiveDate <= date);
	return effective.length === 0 ? undefined : foldFacts(effective);
}

/** What was true on `date` as it was known at `knownAt` (e.g. when a pay run was finalised). */
export function asOfKnownAt<T>(history: History<T>, date: IsoDate, knownAt: Instant): Partial<T> | undefined {
	return asOf(
		history.filter((f) => compareInstants(f.recordedAt, knownAt) <= 0),
		date
	);
}

/**
 * Facts recorded after `knownAt` that take effect on or before `throughDate`. Only meaningful when
 * both instants come from one clock: never use it to decide what another device's record knew.
 */
export function changesKnownAfter<T>(history: History<T>, knownAt: Instant, throughDate: IsoDate): Fact<T>[] {
	return sortFacts(
		history.filter((f) => compareInstants(f.recordedAt, knownAt) > 0 && f.effectiveDate <= throughDate)
	);
}

/**
 * Facts whose id is not among `knownIds` that take effect on or before `throughDate`: the changes a
 * record computed from `knownIds` (e.g. a finalized pay run) did not see. Decided from ids alone, so
 * a teammate's clock being wrong changes nothing.
 */
export function changesNotKnown<T>(
	history: History<T>,
	knownIds: ReadonlySet<string>,
	throughDate: IsoDate
): Fact<T>[] {
	return sortFacts(history.filter((f) => !knownIds.has(f.id) && f.effectiveDate <= throughDate));
}

export interface HistoryRules<T> {
	/** Used in messages, e.g. 'employment'. */
	readonly name: string;
	/** Keys every state must have once the history has begun. */
	readonly required: readonly (keyof T & string)[];
	/** Business rules on a complete state (end after start, FTE in range, …). */
	readonly check: (value: T, field: string) => FieldProblem[];
}

/**
 * A history is valid when every fact has a real date and instant and a unique id, no two facts share
 * both effective date and recorded instant, and the state on every effective date is complete and
 * passes the business rules.
 */
export function validateHistory<T>(history: History<T>, rules: HistoryRules<T>): Result<History<T>> {
	const problems: FieldProblem[] = [];
	const ids = new Set<string>();
	const slots = new Map<string, string>();
	history.forEach((f, i) => {
		const field = `${rules.name}[${i}]`;
		if (ids.has(f.id))
			problems.push(problem(`${field}.id`, 'hr/history-duplicate-id', `${field}.id ${f.id} appears twice`));
		ids.add(f.id);
		if (!parseIsoDate(f.effectiveDate)) {
			problems.push(
				problem(`${field}.effectiveDate`, 'hr/date-format', `${field}.effectiveDate must be YYYY-MM-DD`)
			);
		}
		const ms = parseInstant(f.recordedAt);
		if (ms === undefined) {
			problems.push(
				problem(`${field}.recordedAt`, 'hr/instant-format', `${field}.recordedAt must be a UTC instant …Z`)
			);
			return;
		}
		const slot = `${f.effectiveDate}|${ms}`;
		const other = slots.get(slot);
		if (other !== undefined) {
			problems.push(
				problem(
					`${field}`,
					'hr/history-conflict',
					`${field} (${f.id}) and ${other} share effective date ${f.effectiveDate} and recordedAt`
				)
			);
		}
		slots.set(slot, f.id);
	});
	if (problems.length > 0) return problemsError('hr/invalid-history', `History of ${rules.name}`, problems);
	const dates = [...new Set(history.map((f) => f.effectiveDate))].sort();
	for (const date of dates) {
		const state = asOf(history, date) ?? {};
		const field = `${rules.name}@${date}`;
		const missing = rules.required.filter((k) => (state as Record<string, unknown>)[k] === undefined);
		if (missing.length > 0) {
			problems.push(problem(field, 'hr/history-incomplete', `${field} is missing ${missing.join(', ')}`));
			continue;
		}
		problems.push(...rules.check(state as T, field));
	}
	return problems.length === 0
		? ok(history)
		: problemsError('hr/invalid-history', `History of ${rules.name}`, problems);
}

/** The complete state on `date`, or undefined when the history has not begun or is incomplete. */
export function completeAsOf<T>(
	history: History<T>,
	date: IsoDate,
	required: readonly (keyof T & string)[]
): T | undefined {
	const state = asOf(history, date);
	if (!state) return undefined;
	return required.every((k) => (state as Record<string, unknown>)[k] !== undefined)
		? (state as T)
		: undefined;
}
