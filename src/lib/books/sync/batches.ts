// Bulk-imported entries in the books shard: `entryBatches` maps a batch id to one JSON string of up
// to ENTRY_BATCH_SIZE entries, written once (Yjs decodes one long string far faster than thousands
// of nested values). This module keeps, per Y.Doc, an index from entry id to the batches holding it,
// parsing each batch once; books-doc reads entries through it.
import type * as Y from 'yjs';
import type { JournalEntry } from '$lib/books/domain';
import { firstFact } from '$lib/shared/sync/facts';

export function entryBatchesMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap('entryBatches');
}

/** Ids standing for unreadable batches in entryIds() (never a real entry id: those cannot start so). */
export const BAD_BATCH_PREFIX = 'batch:';

/**
 * (client, clock) of the first write under a key — a fact counts as first written, whatever was
 * written over it later (shared/sync/facts.ts): the same on every replica.
 */
export function itemOrigin(map: Y.Map<unknown>, key: string): { client: number; clock: number } | undefined {
	return firstFact(map, key)?.origin;
}

/** Most entries one batch holds; an import writes ceil(n / this) batch values. */
export const ENTRY_BATCH_SIZE = 1000;

/** The stored text of a batch of entries (what a batch's seal signs). */
export function batchText(entries: readonly JournalEntry[]): string {
	return JSON.stringify({ v: 1, entries });
}

/**
 * Writes imported entries as one batch value (its seal, when given, beside it in `entryBatchSeals`);
 * false (nothing written) when the batch id exists. `text` is batchText(entries), when already made.
 */
export function insertEntryBatch(
	doc: Y.Doc,
	batchId: string,
	entries: readonly JournalEntry[],
	sealed?: { readonly text: string; readonly seal: unknown }
): boolean {
	const map = entryBatchesMap(doc);
	if (map._map.has(batchId)) return false; // never written over, even once removed
	doc.transact(() => {
		map.set(batchId, sealed?.text ?? batchText(entries));
		if (sealed) doc.getMap('entryBatchSeals').set(batchId, { seal: sealed.seal });
	});
	return true;
}

export interface BatchIndex {
	/** Batch id -> the Y item (client:clock) indexed for it. Batches are only ever added. */
	readonly seen: Map<string, string>;
	/** Entry id -> its values in batches, by batch id. */
	readonly byEntry: Map<string, { batch: string; value: unknown }[]>;
	readonly entriesOf: Map<string, string[]>;
	/** Batches (or parts) that are not readable: batch id -> why. */
	readonly bad: Map<string, string>;
}
const batchIndexes = new WeakMap<Y.Doc, BatchIndex>();

function unindexBatch(idx: BatchIndex, batchId: string): void {
	for (const id of idx.entriesOf.get(batchId) ?? []) {
		const left = (idx.byEntry.get(id) ?? []).filter((at) => at.batch !== batchId);
		if (left.length) idx.byEntry.set(id, left);
		else idx.byEntry.delete(id);
	}
	idx.entriesOf.delete(batchId);
	idx.bad.delete(batchId);
}

function indexBatch(idx: BatchIndex, batchId: string, raw: unknown, itemKey: string): void {
	if (idx.seen.has(batchId)) unindexBatch(idx, batchId);
	idx.seen.set(batchId, itemKey);
	const ids: string[] = [];
	idx.entriesOf.set(batchId, ids);
	let parsed: unknown;
	try {
		parsed = typeof raw === 'string' ? JSON.parse(raw) : undefined;
	} catch {
		parsed = undefined;
	}
	const list = (parsed as { entries?: unknown } | undefined)?.entries;
	if (!Array.isArray(list)) {
		idx.bad.set(batchId, `Imported batch '${batchId}' is not readable (not a list of entries)`);
		return;
	}
	let skipped = 0;
	for (const value of list) {
		const id = (value as { id?: unknown } | null)?.id;
		if (typeof id !== 'string' || id === '' || id.startsWith(BAD_BATCH_PREFIX)) {
			skipped++;
			continue;
		}
		ids.push(id);
		const at = idx.byEntry.get(id);
		if (at) at.push({ batch: batchId, value });
		else idx.byEntry.set(id, [{ batch: batchId, value }]);
	}
	if (skipped > 0)
		idx.bad.set(batchId, `Imported batch '${batchId}' holds ${skipped} values that are not entries`);
}

const itemKeyOf = (map: Y.Map<unknown>, key: string) => {
	const first = firstFact(map, key);
	return first ? `${first.origin.client}:${first.origin.clock}` : '';
};
/** A batch as first written; a batch whose content this replica lost reads as unreadable. */
const batchValue = (map: Y.Map<unknown>, key: string) => firstFact(map, key)?.value;

/**
 * The batches as indexed now: each batch is parsed once, when first seen. (Y.Map#size walks the
 * whole map, so the cheap check is the internal key count; a key rewritten by a concurrent write
 * of the same batch id is re-indexed through `refreshBatches` from the change observer.)
 */
export function batchIndex(doc: Y.Doc): BatchIndex {
	let idx = batchIndexes.get(doc);
	if (!idx)
		batchIndexes.set(
			doc,
			(idx = { seen: new Map(), byEntry: new Map(), entriesOf: new Map(), bad: new Map() })
		);
	const map = entryBatchesMap(doc);
	if (map._map.size !== idx.seen.size)
		for (const batchId of map._map.keys()) {
			if (idx.seen.has(batchId)) continue;
			const itemKey = itemKeyOf(map, batchId);
			if (itemKey === '') idx.seen.set(batchId, '');
			else indexBatch(idx, batchId, batchValue(map, batchId), itemKey);
		}
	return idx;
}

/**
 * Re-indexes batches whose stored item changed (a concurrent write of one batch id that Yjs
 * orders first) and returns the ids to judge again: the entries (and unreadable-batch ids) of the batches
 * touched, before and after.
 */
export function refreshBatches(doc: Y.Doc, keys: Iterable<string>): Set<string> {
	const idx = batchIndex(doc);
	const map = entryBatchesMap(doc);
	const touched = new Set<string>();
	const note = (k: string) => {
		for (const id of idx.entriesOf.get(k) ?? []) touched.add(id);
		if (idx.bad.has(k)) touched.add(BAD_BATCH_PREFIX + k);
	};
	for (const k of keys) {
		note(k);
		const itemKey = itemKeyOf(map, k);
		if (idx.seen.get(k) !== itemKey) {
			if (itemKey === '') {
				unindexBatch(idx, k);
				idx.seen.set(k, '');
			} else indexBatch(idx, k, batchValue(map, k), itemKey);
			note(k);
		}
	}
	return touched;
}
