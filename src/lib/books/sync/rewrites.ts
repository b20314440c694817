// Posted entries (and imported batches of them) that someone wrote over or removed after they were
// posted: none of it is applied — each entry counts as first posted (see shared/sync/facts.ts) — and
// Books → Needs review lists what was tried.
import type * as Y from 'yjs';
import type { JournalEntry } from '$lib/books/domain';
import { factRewrites, type FactRewrite } from '$lib/shared/sync/facts';
import { batchIndex, entryBatchesMap } from './batches';
import { entriesMap } from './doc';
import { readPostedEntry } from './shape';

/** A posted entry (or an imported batch of them) written over or removed after it was posted. */
export interface PostedRewrite {
	readonly key: string;
	readonly kind: FactRewrite['kind'];
	/** The entry as posted (what still counts), when it reads as one; null for a batch. */
	readonly entry: JournalEntry | null;
	/** How many entries a rewritten batch holds as imported (0 for a single entry). */
	readonly batchEntries: number;
}

/**
 * Every posted entry and imported batch that someone wrote over or removed. None of it is applied:
 * the entries count as first posted (see shared/sync/facts.ts); this lists what was tried, for review.
 */
export function postedRewrites(doc: Y.Doc): PostedRewrite[] {
	const out: PostedRewrite[] = [];
	for (const r of factRewrites(entriesMap(doc))) {
		const read = readPostedEntry(r.first, r.key);
		out.push({ key: r.key, kind: r.kind, entry: read.ok ? read.value : null, batchEntries: 0 });
	}
	const idx = batchIndex(doc);
	for (const r of factRewrites(entryBatchesMap(doc)))
		out.push({ key: r.key, kind: r.kind, entry: null, batchEntries: idx.entriesOf.get(r.key)?.length ?? 0 });
	return out;
}

/** One string naming a list of rewrites, to tell whether the list changed. */
export const rewritesKey = (list: readonly PostedRewrite[]) =>
	list.map((r) => `${r.kind}:${r.key}`).join('\n');
