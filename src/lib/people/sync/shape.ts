// Reading values from the people shard. A peer may run older, newer or broken code, so every stored
// value is untrusted: each map's record kind (people/domain/records) checks it, upgrades an older
// version, and keeps one from a newer Keel aside as 'newer' rather than guessing at it. Only a value
// that passes is handed to the HR engine (which then judges meaning: dates in order, FTE, balances).
// Reasons name the field in words and never quote its value, so no name or id reaches a log or screen.
import { check, err, type RecordError, type RecordKind, type Result } from '$lib/shared/domain';
import {
	checklistRunKind,
	decisionKind,
	documentKind,
	documentRemovalKind,
	historyFactKind,
	leaveEventKind,
	type ChecklistRun,
	type DocumentMeta,
	type HistoryArea,
	type LeaveDecision,
	type LeaveEvent,
	type LeaveRequest,
	type StoredFact,
	type StoredLeaveEvent
} from '$lib/people/domain';
import type { FactMap } from './doc';

/** A plain JSON object (not an array). Payroll's shard readers use it too. */
export const isObj = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads one stored value of a kind. The current version (or none: facts written before records
 * carried one are version 1) is checked as it is, the reason naming the field; an older version is
 * upgraded through the kind's migrations; a newer one is kept aside with code 'record/newer'.
 */
export function readStored<T>(kind: RecordKind<T>, value: unknown): Result<T, RecordError> {
	const stored = isObj(value) ? value.schemaVersion : undefined;
	if (stored !== undefined && stored !== kind.version) return kind.read(value);
	const checked = check(kind.schema, value);
	if (checked.ok) return checked;
	return err({ code: 'record/invalid', message: checked.error.message, details: checked.error.details });
}

const invalid = (message: string, field: string): Result<never, RecordError> =>
	err({ code: 'record/invalid', message, details: { field } });

/** Reads a fact stored under `id`, which must be the id it carries. */
function keyed<T extends { readonly id: string }>(kind: RecordKind<T>) {
	return (value: unknown, id: string): Result<T, RecordError> => {
		const read = readStored(kind, value);
		if (read.ok && read.value.id !== id) return invalid('id does not match its key', 'id');
		return read;
	};
}

/** A history fact: its own id must be its key. */
export function readStoredFact(value: unknown, id: string): Result<StoredFact, RecordError> {
	const read = readStored(historyFactKind, value);
	if (read.ok && read.value.fact.id !== id)
		return invalid('id of the fact does not match its key', 'fact.id');
	return read;
}

/** A leave event as stored: requests are written once as 'requested'; a grant never takes days away. */
const readKeyedLeaveEvent = keyed(leaveEventKind);

export function readLeaveEvent(value: unknown, id: string): Result<StoredLeaveEvent, RecordError> {
	const read = readKeyedLeaveEvent(value, id);
	if (read.ok && read.value.kind === 'grant' && read.value.days.startsWith('-'))
		return invalid('days of a grant are negative', 'days');
	return read;
}

export const readDecision = keyed<LeaveDecision>(decisionKind);
export const readDocumentMeta = keyed<DocumentMeta>(documentKind);
export const readChecklistRun = keyed<ChecklistRun>(checklistRunKind);

export type { ChecklistRun, DocumentMeta, HistoryArea, LeaveDecision, StoredFact, StoredLeaveEvent };

/** A document's removal: when, and by whom. */
export type DocumentRemoval = typeof documentRemovalKind extends RecordKind<infer T> ? T : never;

/** What each fact map holds once read. */
export interface FactTypes {
	history: StoredFact;
	leave: StoredLeaveEvent;
	decisions: LeaveDecision;
	documents: DocumentMeta;
	documentRemovals: DocumentRemoval;
	checklists: ChecklistRun;
}

/** The reader of each fact map's values. */
export const FACT_READERS: {
	readonly [K in FactMap]: (value: unknown, id: string) => Result<FactTypes[K], RecordError>;
} = {
	history: readStoredFact,
	leave: readLeaveEvent,
	decisions: readDecision,
	documents: readDocumentMeta,
	documentRemovals: (value) => readStored(documentRemovalKind, value),
	checklists: readChecklistRun
};

export interface Quarantined {
	readonly map: string;
	readonly id: string;
	/** What is wrong, naming the field in words; never the value. */
	readonly reason: string;
	/** 'record/newer' when a newer Keel wrote it (update to use it); else 'record/invalid'. */
	readonly code: RecordError['code'];
}

/** The quarantine entry for a value a reader refused. */
export function quarantined(map: string, id: string, error: RecordError): Quarantined {
	return { map, id, reason: error.message, code: error.code };
}

export interface PeopleChange {
	readonly people: readonly string[];
	readonly facts: Partial<Record<FactMap, readonly string[]>>;
	readonly policies: boolean;
	readonly settings: boolean;
	readonly local: boolean;
}

/** What one person's leave looks like to the engine, with any decision that was not applied. */
export interface PersonLeave {
	readonly events: LeaveEvent[];
	readonly requests: LeaveRequest[];
	readonly refused: { decision: LeaveDecision; message: string }[];
}
