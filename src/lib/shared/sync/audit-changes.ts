// What a local transaction changed in a shard, as the audit log states it: which kind of record
// (in the shard's words), its name, the field, and the value before (now, at the first change) and
// a way to read it after (at flush). Record ids never become field names. The recorder
// (audit-log.ts) turns these into entries.
import * as Y from 'yjs';
import { shortValue } from '$lib/shared/domain/audit';
import { fieldWords } from '$lib/shared/domain/schema';

export const AUDIT_ARRAY = 'audit';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its nodes' events as any
export type AnyType = Y.AbstractType<any>;

/** How a shard's top-level maps are named for people: 'tasks' → "Task". Unknown names read "Other data". */
export type AuditWords = Readonly<Record<string, string>>;

export interface AuditAuthor {
	readonly id: string;
	readonly name: string;
}

export const auditArray = (doc: Y.Doc): Y.Array<unknown> => doc.getArray(AUDIT_ARRAY);

/** Keys that are record ids (ULIDs and the like), never shown as field names. */
const looksLikeId = (key: string) => /^[0-9A-Za-z_-]{16,}$/.test(key) && /\d/.test(key);

/** A record's name, if it has one a person would recognise. */
export function labelOf(record: unknown): string {
	const get = (k: string): unknown =>
		record instanceof Y.Map
			? record.get(k)
			: record !== null && typeof record === 'object'
				? (record as Record<string, unknown>)[k]
				: undefined;
	for (const k of ['title', 'name', 'displayName', 'memo', 'label']) {
		const x = get(k);
		if (x instanceof Y.Text) return shortValue(x.toString());
		if (typeof x === 'string' && x.trim() !== '') return shortValue(x.trim());
	}
	return '';
}

/** A value as the log shows it: nested records as their name, text as text. */
export function valueText(x: unknown): string {
	if (x instanceof Y.Text) return shortValue(x.toString());
	if (x instanceof Y.AbstractType) return labelOf(x);
	return shortValue(x);
}

/** The text or list a Y.Text/Y.Array held before this transaction (deleted items are still linked until GC). */
function sequenceBefore(type: AnyType, event: Y.YEvent<AnyType>): string {
	let out = '';
	const parts: unknown[] = [];
	for (let item = type._start; item !== null; item = item.right) {
		if ((item.deleted && !event.deletes(item)) || event.adds(item)) continue;
		if (!item.countable) continue;
		for (const c of item.content.getContent()) {
			if (typeof c === 'string') out += c;
			else parts.push(c);
		}
	}
	return type instanceof Y.Text ? shortValue(out) : shortValue(parts);
}

export interface Pending {
	what: string;
	label: string;
	field: string;
	before: string;
	hadBefore: boolean;
	/** Reads the value now, at flush. */
	now: () => { text: string; present: boolean; label: string };
}

/** Top-level name, then the keys down to `type` (record id, field, …). */
function pathOf(type: AnyType): string[] {
	const keys: string[] = [];
	let t: AnyType = type;
	while (t._item !== null) {
		const item: Y.Item = t._item;
		keys.unshift(item.parentSub ?? '');
		if (!(item.parent instanceof Y.AbstractType)) break;
		t = item.parent;
	}
	keys.unshift(Y.findRootTypeKey(t));
	return keys;
}

function recordOf(doc: Y.Doc, top: string, key: string): unknown {
	const root = doc.share.get(top);
	return root instanceof Y.Map ? root.get(key) : undefined;
}

/**
 * Notes each change `tr` made to the shard (a record added, replaced or removed; a field; text or a
 * list inside a record) through `note`, keyed so a second change to the same place keeps the first
 * value before. True when any change is not typing (a field, a record): written without waiting.
 */
export function collectChanges(
	doc: Y.Doc,
	tr: Y.Transaction,
	words: AuditWords,
	note: (key: string, p: Pending) => void
): boolean {
	let now = false;
	for (const [type, keys] of tr.changed) {
		if (type === (auditArray(doc) as unknown)) continue;
		const path = pathOf(type);
		const top = path[0];
		if (top === undefined || top === AUDIT_ARRAY) continue;
		const what = words[top] ?? 'Other data';
		const event = (tr.changedParentTypes.get(type) ?? []).find((e) => e.target === type);
		if (!event) continue;
		if (type instanceof Y.Map) now = true;
		if (type instanceof Y.Map && path.length === 1) {
			// A record added, replaced or removed as a whole.
			for (const key of keys) {
				if (key === null) continue;
				const change = event.changes.keys.get(key);
				// Settings maps are keyed by the setting's name; record maps by the record's id.
				const setting = !looksLikeId(key);
				note(`${top}/${key}`, {
					what,
					label: setting ? '' : labelOf(type.get(key) ?? change?.oldValue),
					field: setting ? fieldWords(key) : '',
					before: change?.action === 'add' ? '' : valueText(change?.oldValue),
					hadBefore: change?.action !== 'add',
					now: () => ({
						text: valueText(type.get(key)),
						present: type.has(key),
						label: setting ? '' : labelOf(type.get(key))
					})
				});
			}
			continue;
		}
		const recordKey = path[1] ?? '';
		const record = recordOf(doc, top, recordKey);
		const inner = path.slice(2).filter((k) => !looksLikeId(k));
		if (type instanceof Y.Map) {
			for (const key of keys) {
				if (key === null) continue;
				const change = event.changes.keys.get(key);
				const field = [...inner, ...(looksLikeId(key) ? [] : [key])].map(fieldWords).join(' ');
				note(`${path.join('/')}/${key}`, {
					what,
					label: labelOf(record),
					field,
					before: change?.action === 'add' ? '' : valueText(change?.oldValue),
					hadBefore: change?.action !== 'add',
					now: () => ({ text: valueText(type.get(key)), present: type.has(key), label: labelOf(record) })
				});
			}
		} else {
			// Text or a list inside a record: the whole value before and after.
			note(path.join('/'), {
				what,
				label: labelOf(record),
				field: inner.map(fieldWords).join(' '),
				before: sequenceBefore(type, event),
				hadBefore: true,
				now: () => ({
					text: type instanceof Y.Text ? shortValue(type.toString()) : shortValue(type.toJSON()),
					present: true,
					label: labelOf(record)
				})
			});
		}
	}
	return now;
}
