// A person's timeline is derived, never stored: one event per field a fact changed, with who recorded
// it, when, the date it took effect, and the value it replaced as known just before it was recorded.
// Facts that change nothing produce no event; the same facts in any order give the same timeline.
import type { IsoDate } from '../../shared/domain';
import type { EmployeeId } from './employee-types';
import { asOf, compareInstants, type Fact, type History, type Instant } from './history';

export interface TimelineEvent {
	readonly personId: EmployeeId;
	readonly area: string;
	readonly factId: string;
	readonly field: string;
	readonly from: unknown;
	readonly to: unknown;
	readonly effectiveDate: IsoDate;
	readonly recordedAt: Instant;
	readonly recordedBy: string;
	/** The recorder's name as stored with the fact (absent on older facts). */
	readonly recordedByName?: string;
	/** Recorded on a later day than it took effect. */
	readonly backdated: boolean;
	readonly reason?: string;
}

/** JSON with sorted keys, so equal values compare equal whatever order their keys were written in. */
export function stableJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

function knownBefore<T>(g: Fact<T>, f: Fact<T>): boolean {
	const c = compareInstants(g.recordedAt, f.recordedAt);
	return c < 0 || (c === 0 && g.id < f.id);
}

export function historyEvents<T>(personId: EmployeeId, area: string, history: History<T>): TimelineEvent[] {
	const events: TimelineEvent[] = [];
	for (const fact of history) {
		const before = asOf(
			history.filter((g) => knownBefore(g, fact)),
			fact.effectiveDate
		) as Record<string, unknown> | undefined;
		for (const [field, to] of Object.entries(fact.changes as Record<string, unknown>)) {
			if (to === undefined) continue;
			const from = before?.[field] ?? null;
			if (stableJson(from) === stableJson(to)) continue;
			events.push({
				personId,
				area,
				factId: fact.id,
				field,
				from,
				to,
				effectiveDate: fact.effectiveDate,
				recordedAt: fact.recordedAt,
				recordedBy: fact.recordedBy,
				...(fact.recordedByName === undefined ? {} : { recordedByName: fact.recordedByName }),
				backdated: fact.recordedAt.slice(0, 10) > fact.effectiveDate,
				...(fact.reason === undefined ? {} : { reason: fact.reason })
			});
		}
	}
	return events;
}

function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
	return (
		compareInstants(a.recordedAt, b.recordedAt) ||
		(a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0) ||
		(a.area + a.factId + a.field < b.area + b.factId + b.field
			? -1
			: a.area + a.factId + a.field > b.area + b.factId + b.field
				? 1
				: 0)
	);
}

/** All changes across the person's histories, in the order they were recorded. */
export function personTimeline({
	personId,
	histories
}: {
	personId: EmployeeId;
	histories: Readonly<Record<string, History<unknown>>>;
}): TimelineEvent[] {
	return Object.entries(histories)
		.flatMap(([area, history]) => historyEvents(personId, area, history))
		.sort(compareEvents);
}
