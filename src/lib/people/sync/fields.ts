// People settings kept in the people shard, so only People members receive them. Custom field
// definitions are mutable records: one Y.Map per definition with one key per field (label, type,
// options, required, archived), so a concurrent relabel and archive both survive. HR approvers are
// keys of one map (member id → entry), read and written by sealed-settings.ts.
// Every value is shape-checked on read; a bad definition is reported, never handed out.
import * as Y from 'yjs';
import type { RecordError } from '$lib/shared/domain';
import { customFieldKind, type CustomFieldDefinition } from '$lib/people/domain';
import { quarantined, readStored, type Quarantined } from './shape';

export function fieldDefsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap('customFields');
}
export function approversMap(doc: Y.Doc): Y.Map<string> {
	return doc.getMap('approvers');
}

const DEF_FIELDS = ['name', 'type', 'options', 'required', 'archived'] as const;
const plain = (v: unknown) =>
	typeof v === 'object' && v !== null ? (JSON.parse(JSON.stringify(v)) as unknown) : v;

/** Creates or updates a definition, writing only the keys that differ. */
export function saveFieldDef(doc: Y.Doc, def: CustomFieldDefinition, at: string): void {
	const map = fieldDefsMap(doc);
	doc.transact(() => {
		let m = map.get(def.id);
		if (!(m instanceof Y.Map)) {
			m = new Y.Map<unknown>();
			m.set('schemaVersion', customFieldKind.version);
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

/** Definitions in the order they were created (then id), and any stored with a wrong shape. */
export function readFieldDefs(doc: Y.Doc): {
	defs: CustomFieldDefinition[];
	bad: { id: string; error: RecordError }[];
} {
	const rows: { at: string; def: CustomFieldDefinition }[] = [];
	const bad: { id: string; error: RecordError }[] = [];
	for (const [id, m] of fieldDefsMap(doc)) {
		// The key is the definition's id (older peers did not always store it in the record).
		const read = readStored(
			customFieldKind,
			m instanceof Y.Map ? { ...Object.fromEntries(m.entries()), id } : m
		);
		if (!read.ok) {
			bad.push({ id, error: read.error });
			continue;
		}
		const v = read.value;
		const def: CustomFieldDefinition = {
			id,
			name: v.name,
			type: v.type,
			...(v.options !== undefined ? { options: v.options } : {}),
			...(v.required ? { required: true } : {}),
			...(v.archived ? { archived: true } : {})
		};
		rows.push({ at: v.createdAt ?? '', def });
	}
	rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.def.id < b.def.id ? -1 : 1));
	return { defs: rows.map((r) => r.def), bad };
}

/** The well-formed definitions; the malformed ones replace the earlier ones kept aside in `quarantine`. */
export function readFieldDefsInto(doc: Y.Doc, quarantine: Map<string, Quarantined>): CustomFieldDefinition[] {
	const read = readFieldDefs(doc);
	for (const [key, q] of quarantine) if (q.map === 'customFields') quarantine.delete(key);
	for (const b of read.bad)
		quarantine.set(`customFields:${b.id}`, quarantined('customFields', b.id, b.error));
	return read.defs;
}
