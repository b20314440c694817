// Drafts in the books shard: mutable records, one Y.Map each with a key per field, so a peer's
// edit to another field survives; saving writes only the fields that differ. Readers get plain
// records with status 'draft' (see doc.ts, which re-exports these).
import * as Y from 'yjs';
import { draftKind, type DraftRecord, type JournalEntry } from '$lib/books/domain';
import { readDraftValue } from './shape';

/** Draft fields stored one key each; `lines` is one value (a draft's lines are edited as a whole). */
const DRAFT_FIELDS = [
	'date',
	'number',
	'memo',
	'clearing',
	'lines',
	'attachments',
	'reverses',
	'comment'
] as const;

export function draftsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap('drafts');
}

/** Creates or updates a draft, writing only fields that differ so a peer's other edits survive. */
export function saveDraft(doc: Y.Doc, draft: JournalEntry): void {
	const map = draftsMap(doc);
	doc.transact(() => {
		let m = map.get(draft.id);
		if (!(m instanceof Y.Map)) {
			m = new Y.Map<unknown>();
			m.set('schemaVersion', draft.schemaVersion);
			m.set('id', draft.id);
			for (const f of DRAFT_FIELDS) if (draft[f] !== undefined) m.set(f, plain(draft[f]));
			map.set(draft.id, m);
			return;
		}
		for (const f of DRAFT_FIELDS) {
			const v = draft[f];
			if (v === undefined) {
				if (m.has(f)) m.delete(f);
			} else if (JSON.stringify(m.get(f)) !== JSON.stringify(v)) m.set(f, plain(v));
		}
	});
}

function plain(v: unknown): unknown {
	return typeof v === 'object' && v !== null ? (JSON.parse(JSON.stringify(v)) as unknown) : v;
}

export function deleteDraft(doc: Y.Doc, id: string): boolean {
	const map = draftsMap(doc);
	if (!map.has(id)) return false;
	map.delete(id);
	return true;
}

/** A draft as a plain record with status 'draft'; fields a peer left half-written read as empty. */
export function readDraft(m: Y.Map<unknown>): DraftRecord | null {
	const id = m.get('id');
	if (typeof id !== 'string') return null;
	const lines = m.get('lines');
	const candidate: Record<string, unknown> = {
		schemaVersion: m.get('schemaVersion') ?? draftKind.version,
		id,
		date: typeof m.get('date') === 'string' ? m.get('date') : '',
		memo: typeof m.get('memo') === 'string' ? m.get('memo') : '',
		status: 'draft',
		lines: Array.isArray(lines) ? lines : []
	};
	for (const f of ['number', 'clearing', 'attachments', 'reverses', 'comment'] as const)
		if (m.get(f) !== undefined) candidate[f] = m.get(f);
	return readDraftValue(candidate);
}

export function readAllDrafts(doc: Y.Doc): DraftRecord[] {
	const out: DraftRecord[] = [];
	for (const m of draftsMap(doc).values()) {
		const d = m instanceof Y.Map ? readDraft(m) : null;
		if (d) out.push(d);
	}
	return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}
