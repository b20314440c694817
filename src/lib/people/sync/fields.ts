// People settings kept in the people shard, so only People members receive them. Custom field
// definitions are mutable records: one Y.Map per definition with one key per field (label, type,
// options, required, archived), so a concurrent relabel and archive both survive. HR approvers are
// keys of one map (member id → instant added): concurrent additions of different members both stay.
// Every value is shape-checked on read; a bad definition is reported, never handed out.
import * as Y from 'yjs';
import type { CustomFieldDefinition } from '$lib/people/domain';
import { isObj } from './shape';

export function fieldDefsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap('customFields');
}
export function approversMap(doc: Y.Doc): Y.Map<string> {
	return doc.getMap('approvers');
}

const DEF_FIELDS = ['name', 'type', 'options', 'required', 'archived'] as const;
const TYPES = ['text', 'number', 'date', 'select'];
const plain = (v: unknown) =>
	typeof v === 'object' && v !== null ? (JSON.parse(JSON.stringify(v)) as unknown) : v;

/** Creates or updates a definition, writing only the keys that differ. */
export function saveFieldDef(doc: Y.Doc, def: CustomFieldDefinition, at: string): void {
	const map = fieldDefsMap(doc);
	doc.transact(() => {
		let m = map.get(def.id);
		if (!(m instanceof Y.Map)) {
			m = new Y.Map<unknown>();
			m.set('schemaVersion', 1);
			m.set('id', def.id);
			m.set('createdAt', at);
			map.set(def.id, m);
		}
		for (const f of DEF_FIELDS) {
			const v = def[f];
			if (v === undefined || v === false) {
				if (m.has(f)) m.delete(f);
			} else if (JSON.stringify(m.get(f)) !== JSON.stringify(v)) m.set(f, plain(v));
		}
	});
}

function checkDef(v: Record<string, unknown>): string | null {
	if (typeof v.name !== 'string') return 'name is not text';
	if (!TYPES.includes(v.type as string)) return 'type is unknown';
	if (v.options !== undefined && !(Array.isArray(v.options) && v.options.every((o) => typeof o === 'string')))
		return 'options is not a list of text';
	if (v.required !== undefined && typeof v.required !== 'boolean') return 'required is not true or false';
	if (v.archived !== undefined && typeof v.archived !== 'boolean') return 'archived is not true or false';
	return null;
}

/** Definitions in the order they were created (then id), and any stored with a wrong shape. */
export function readFieldDefs(doc: Y.Doc): {
	defs: CustomFieldDefinition[];
	bad: { id: string; reason: string }[];
} {
	const rows: { at: string; def: CustomFieldDefinition }[] = [];
	const bad: { id: string; reason: string }[] = [];
	for (const [id, m] of fieldDefsMap(doc)) {
		const v = m instanceof Y.Map ? Object.fromEntries(m.entries()) : null;
		const problem = !isObj(v) ? 'not a record' : checkDef(v);
		if (problem || !v) {
			bad.push({ id, reason: problem ?? 'not a record' });
			continue;
		}
		const def: CustomFieldDefinition = {
			id,
			name: v.name as string,
			type: v.type as CustomFieldDefinition['type'],
			...(v.options !== undefined ? { options: v.options as string[] } : {}),
			...(v.required ? { required: true } : {}),
			...(v.archived ? { archived: true } : {})
		};
		rows.push({ at: typeof v.createdAt === 'string' ? v.createdAt : '', def });
	}
	rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.def.id < b.def.id ? -1 : 1));
	return { defs: rows.map((r) => r.def), bad };
}

export function readApprovers(doc: Y.Doc): string[] {
	return [...approversMap(doc).keys()].sort();
}

export function setApprover(doc: Y.Doc, memberId: string, approver: boolean, at: string): void {
	const m = approversMap(doc);
	if (approver && !m.has(memberId)) m.set(memberId, at);
	else if (!approver && m.has(memberId)) m.delete(memberId);
}
