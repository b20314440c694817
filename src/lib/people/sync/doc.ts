// The people shard binding. A person is a mutable record: one Y.Map per person with one key per leaf
// field (legalName.given, contact.phone, nationalIds.usSsn, …), so concurrent edits to different
// fields both survive. Histories, leave events, leave decisions, document metadata and checklist runs
// are immutable facts: one plain JSON value per id, written once (writing an existing id is a no-op).
// Leave policies are mutable records, one key per top-level field. Nothing here leaks a Y type.
import * as Y from 'yjs';
import { v } from '$lib/shared/domain';
import {
	addressSchema,
	bankSchema,
	emergencyContactsSchema,
	employeeKind,
	noteSchema,
	type Employee,
	type EmployeeNote,
	type LeavePolicy
} from '$lib/people/domain';
import type { StoredFact, StoredLeaveEvent, LeaveDecision, ChecklistRun, DocumentMeta } from './shape';

export const FACT_MAPS = [
	'history',
	'leave',
	'decisions',
	'documents',
	'documentRemovals',
	'checklists'
] as const;
export type FactMap = (typeof FACT_MAPS)[number];

export function peopleMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap('people');
}
export function policiesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap('policies');
}
export function factMap(doc: Y.Doc, name: FactMap): Y.Map<unknown> {
	return doc.getMap(name);
}
/** Location id → public holiday calendar id; person id → workspace member id. Last writer wins. */
export function settingsMap(doc: Y.Doc, name: 'calendars' | 'members'): Y.Map<string> {
	return doc.getMap(name);
}

// ---- people (mutable records) -----------------------------------------------------------------

/** The leaf fields of a person, each one Y.Map key. Objects that only make sense whole stay whole. */
export const PERSON_FIELDS = [
	'legalName.given',
	'legalName.family',
	'legalName.middle',
	'preferredName',
	'contact.workEmail',
	'contact.personalEmail',
	'contact.phone',
	'address',
	'dateOfBirth',
	'emergencyContacts',
	'nationalIds.usSsn',
	'nationalIds.ukNiNumber',
	'bank'
] as const;
const CUSTOM = 'customFields.';

/** A person as flat keys → JSON values; absent optional fields are absent keys. */
export function flattenPerson(e: Employee): Record<string, unknown> {
	const out: Record<string, unknown> = {
		'legalName.given': e.legalName.given,
		'legalName.family': e.legalName.family,
		'legalName.middle': e.legalName.middle,
		preferredName: e.preferredName,
		'contact.workEmail': e.contact.workEmail,
		'contact.personalEmail': e.contact.personalEmail,
		'contact.phone': e.contact.phone,
		address: e.address,
		dateOfBirth: e.dateOfBirth,
		emergencyContacts: e.emergencyContacts.length ? e.emergencyContacts : undefined,
		'nationalIds.usSsn': e.nationalIds.usSsn,
		'nationalIds.ukNiNumber': e.nationalIds.ukNiNumber,
		bank: e.bank
	};
	for (const [k, v] of Object.entries(e.customFields)) out[CUSTOM + k] = v;
	for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
	return out;
}

/** The flat keys whose values differ between two versions of a person: what one edit changed. */
export function personChanges(before: Employee, after: Employee): Record<string, unknown> {
	const a = flattenPerson(before);
	const b = flattenPerson(after);
	const out: Record<string, unknown> = {};
	for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
		if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out[k] = b[k];
	}
	return out;
}

const plain = (v: unknown) =>
	typeof v === 'object' && v !== null ? (JSON.parse(JSON.stringify(v)) as unknown) : v;

/** Writes a new person; false (nothing written) when the id is taken. */
export function insertPerson(doc: Y.Doc, e: Employee): boolean {
	const map = peopleMap(doc);
	if (map.has(e.id)) return false;
	doc.transact(() => {
		const m = new Y.Map<unknown>();
		m.set('schemaVersion', e.schemaVersion);
		m.set('id', e.id);
		for (const [k, v] of Object.entries(flattenPerson(e))) m.set(k, plain(v));
		const notes = new Y.Map<unknown>();
		for (const n of e.notes) notes.set(n.id, plain(n));
		m.set('notes', notes);
		map.set(e.id, m);
	});
	return true;
}

/** Sets only the flat keys given (undefined deletes one); a peer's edits to other keys survive. */
export function patchPerson(doc: Y.Doc, id: string, changes: Record<string, unknown>): boolean {
	const m = peopleMap(doc).get(id);
	if (!(m instanceof Y.Map)) return false;
	doc.transact(() => {
		for (const [k, v] of Object.entries(changes)) {
			if (k === 'id' || k === 'schemaVersion' || k === 'notes' || k === 'erasedAt') continue;
			if (v === undefined) {
				if (m.has(k)) m.delete(k);
			} else if (JSON.stringify(m.get(k)) !== JSON.stringify(v)) m.set(k, plain(v));
		}
	});
	return true;
}

export function addNote(doc: Y.Doc, personId: string, note: EmployeeNote): boolean {
	const notes = peopleMap(doc).get(personId)?.get('notes');
	if (!(notes instanceof Y.Map) || notes.has(note.id)) return false;
	notes.set(note.id, plain(note));
	return true;
}

/**
 * Erasure removes every personal key and note, and marks the record. Readers honour the mark even if
 * a peer's concurrent edit re-sets a field, so an erased person never reappears.
 */
export function erasePerson(doc: Y.Doc, id: string, at: string, keepTaxIdentifiers: boolean): boolean {
	const m = peopleMap(doc).get(id);
	if (!(m instanceof Y.Map)) return false;
	doc.transact(() => {
		for (const k of [...m.keys()]) {
			if (k === 'id' || k === 'schemaVersion' || k === 'notes') continue;
			if (keepTaxIdentifiers && k.startsWith('nationalIds.')) continue;
			m.delete(k);
		}
		const notes = m.get('notes');
		if (notes instanceof Y.Map) for (const k of [...notes.keys()]) notes.delete(k);
		m.set('erasedAt', at);
	});
	return true;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const setIf = <T extends object>(o: T, key: string, v: unknown): T =>
	v === undefined ? o : { ...o, [key]: v };

/** A type guard from a schema: the stored value has the part's shape. */
const shaped =
	<S extends v.GenericSchema>(schema: S) =>
	(value: unknown): value is v.InferOutput<S> =>
		v.is(schema, value);
const isAddress = shaped(addressSchema);
const isContacts = shaped(emergencyContactsSchema);
const isBank = shaped(bankSchema);
const isNote = shaped(noteSchema);

/**
 * One person as a plain Employee, plus the keys whose stored values had the wrong shape (ignored, not
 * deleted: a newer peer may know better). Null when the record has no id yet.
 */
export function readPerson(m: Y.Map<unknown>): { person: Employee; malformed: string[] } | null {
	const id = m.get('id');
	if (typeof id !== 'string' || id === '') return null;
	const malformed: string[] = [];
	const get = <T>(key: string, ok: (v: unknown) => v is T): T | undefined => {
		const v = m.get(key);
		if (v === undefined) return undefined;
		if (ok(v)) return v;
		malformed.push(key);
		return undefined;
	};
	const isString = (v: unknown): v is string => typeof v === 'string';
	let contact: Employee['contact'] = {};
	contact = setIf(contact, 'workEmail', get('contact.workEmail', isString));
	contact = setIf(contact, 'personalEmail', get('contact.personalEmail', isString));
	contact = setIf(contact, 'phone', get('contact.phone', isString));
	let nationalIds: Employee['nationalIds'] = {};
	nationalIds = setIf(nationalIds, 'usSsn', get('nationalIds.usSsn', isString));
	nationalIds = setIf(nationalIds, 'ukNiNumber', get('nationalIds.ukNiNumber', isString));
	const customFields: Record<string, string> = {};
	for (const [k, v] of m.entries()) {
		if (!k.startsWith(CUSTOM)) continue;
		if (typeof v === 'string') customFields[k.slice(CUSTOM.length)] = v;
		else malformed.push(k);
	}
	const notesMap = m.get('notes');
	const notes: EmployeeNote[] = [];
	if (notesMap instanceof Y.Map) for (const n of notesMap.values()) if (isNote(n)) notes.push(n);
	notes.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
	const erasedAt = str(m.get('erasedAt'));
	let person: Employee = {
		schemaVersion: employeeKind.version,
		id,
		legalName: setIf(
			{ given: str(m.get('legalName.given')) ?? '', family: str(m.get('legalName.family')) ?? '' },
			'middle',
			get('legalName.middle', isString)
		),
		contact,
		emergencyContacts: get('emergencyContacts', isContacts) ?? [],
		nationalIds,
		customFields,
		notes
	};
	person = setIf(person, 'preferredName', get('preferredName', isString));
	person = setIf(person, 'address', get('address', isAddress));
	person = setIf(person, 'dateOfBirth', get('dateOfBirth', isString));
	person = setIf(person, 'bank', get('bank', isBank));
	if (erasedAt !== undefined) {
		// Erasure wins over any concurrent edit: only the id and (retained) tax identifiers show.
		person = {
			schemaVersion: employeeKind.version,
			id,
			legalName: { given: '', family: '' },
			contact: {},
			emergencyContacts: [],
			nationalIds,
			customFields: {},
			notes: [],
			erasedAt
		};
	}
	return { person, malformed };
}

// ---- immutable facts ---------------------------------------------------------------------------

/** Writes a fact once; false (nothing written) when the id already exists. */
export function insertFact(doc: Y.Doc, map: FactMap, id: string, value: unknown): boolean {
	const m = factMap(doc, map);
	if (m.has(id)) return false;
	m.set(id, plain(value));
	return true;
}

export type { StoredFact, StoredLeaveEvent, LeaveDecision, ChecklistRun, DocumentMeta };

// ---- leave policies (mutable records) ------------------------------------------------------------

const POLICY_FIELDS = [
	'name',
	'accrual',
	'leaveYearStart',
	'waitingPeriodDays',
	'capDays',
	'carryOver',
	'negativeBalance',
	'prorateByFte',
	'prorateMidYear',
	'hoursPerDay',
	'places',
	'source'
] as const;

/** Creates or updates a policy, writing only fields that differ so a peer's other edits survive. */
export function savePolicy(doc: Y.Doc, p: LeavePolicy): void {
	const map = policiesMap(doc);
	doc.transact(() => {
		let m = map.get(p.id);
		if (!(m instanceof Y.Map)) {
			m = new Y.Map<unknown>();
			m.set('schemaVersion', p.schemaVersion);
			m.set('id', p.id);
			map.set(p.id, m);
		}
		for (const f of POLICY_FIELDS) {
			const v = p[f];
			if (v === undefined) {
				if (m.has(f)) m.delete(f);
			} else if (JSON.stringify(m.get(f)) !== JSON.stringify(v)) m.set(f, plain(v));
		}
	});
}

/** A policy's stored fields as a plain object (untrusted until checked). */
export function readPolicyValue(m: Y.Map<unknown>): Record<string, unknown> {
	return Object.fromEntries(m.entries());
}

// ---- change notification ----------------------------------------------------------------------

export interface PeopleDocChange {
	/** Person ids whose record (or notes) changed. */
	readonly people: string[];
	/** Fact ids changed per fact map. */
	readonly facts: Partial<Record<FactMap, string[]>>;
	readonly policies: boolean;
	readonly settings: boolean;
	readonly local: boolean;
}

/** Calls `onChange` after every transaction that touched the shard, local or remote. */
export function observePeople(doc: Y.Doc, onChange: (c: PeopleDocChange) => void): () => void {
	const pMap = peopleMap(doc);
	const polMap = policiesMap(doc);
	const facts = new Map<Y.AbstractType<unknown>, FactMap>(
		FACT_MAPS.map((n) => [factMap(doc, n) as Y.AbstractType<unknown>, n])
	);
	// Custom field definitions and HR approvers are settings too (sync/people-fields.ts).
	const settings = new Set<Y.AbstractType<unknown>>([
		settingsMap(doc, 'calendars'),
		settingsMap(doc, 'members'),
		doc.getMap('customFields'),
		doc.getMap('approvers')
	] as Y.AbstractType<unknown>[]);
	const handler = (tr: Y.Transaction) => {
		const people = new Set<string>();
		const changedFacts: Partial<Record<FactMap, string[]>> = {};
		let policies = false;
		let settingsChanged = false;
		for (const [type, keys] of tr.changed) {
			// Walk up to the root map; `sub` is the key directly under it (a person or policy id).
			let t = type as Y.AbstractType<unknown>;
			let sub: string | null = null;
			while (t._item) {
				sub = t._item.parentSub;
				t = t._item.parent as Y.AbstractType<unknown>;
			}
			const direct = [...keys].filter((k): k is string => k !== null);
			if (t === pMap) {
				if (sub === null) for (const k of direct) people.add(k);
				else people.add(sub);
			} else if (t === polMap) policies = true;
			else if (settings.has(t)) settingsChanged = true;
			else {
				const name = facts.get(t);
				if (name && sub === null) changedFacts[name] = [...(changedFacts[name] ?? []), ...direct];
			}
		}
		if (people.size || Object.keys(changedFacts).length || policies || settingsChanged)
			onChange({
				people: [...people],
				facts: changedFacts,
				policies,
				settings: settingsChanged,
				local: tr.local
			});
	};
	doc.on('afterTransaction', handler);
	return () => doc.off('afterTransaction', handler);
}
