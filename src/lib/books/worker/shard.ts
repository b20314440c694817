// The one copy of a workspace's persisted books shard in the worker: loaded once per workspace from
// IndexedDB (read-only, see shared/sync/shard-reader.ts), its entries checked once by BooksReplica,
// and kept current by applying only the updates stored since the last call. The books reports and the
// banking matcher both run in the books worker and both read this copy, so the shard is never loaded
// or checked twice. dropShard() forgets it (and destroys whatever was built on it, see onDrop).
import * as Y from 'yjs';
import type { Account, AccountIndex } from '$lib/books/domain';
import { BooksReplica } from '$lib/books/sync/replica';
import { readShardTail, tailBytes } from '$lib/shared/sync/shard-reader';
import { applyStored } from '$lib/shared/sync/shard-store';
import { newShardDoc } from '$lib/shared/sync/facts';
import type { LoadTimes } from './types';
import { workerAuthority, type WorkerAuthority } from './authority';
import { checkAllSeals } from '$lib/books/sync/authority';

export interface BooksShard {
	readonly doc: Y.Doc;
	readonly replica: BooksReplica;
	lastKey: number;
	/** The database it was read from; a restore over the workspace switches to another (read afresh). */
	readonly store: string;
	/** The chart index, rebuilt when the chart changes (books reports use it). */
	index: { chart: readonly Account[]; index: AccountIndex } | null;
	readonly loadMs: LoadTimes;
	/** Called when the shard is dropped, so what was built on its doc (the banking replica) is destroyed too. */
	readonly onDrop: (() => void)[];
	/** Who may write Books facts (null: a workspace without member keys). */
	readonly signed: WorkerAuthority | null;
}

/** A workspace's shard being (or done) loading: `read` settles once IndexedDB has been read. */
interface Loading {
	readonly read: Promise<unknown>;
	readonly loaded: Promise<BooksShard>;
}
const cache = new Map<string, Loading>();

/** The workspace's load, begun now if none is under way or done. */
export function beginShard(workspaceId: string): Loading {
	const existing = cache.get(workspaceId);
	if (existing) return existing;
	const started = performance.now();
	const read = readShardTail(workspaceId, 'books', null, indexedDB);
	const loaded = (async (): Promise<BooksShard> => {
		const tail = await read;
		const readAt = performance.now();
		// Let start()'s answer leave before the long apply-and-check below holds this thread.
		await new Promise((r) => setTimeout(r, 0));
		const doc = newShardDoc('books');
		applyStored(doc, tail.updates);
		const applied = performance.now();
		const signed = await workerAuthority(workspaceId, doc);
		if (signed) await checkAllSeals(doc, signed.authority);
		const replica = new BooksReplica(doc, signed ? { authority: signed.authority } : {});
		// Seals are checked once each, off the read path; the first answer waits for them.
		await signed?.authority.checker.settled();
		const done = performance.now();
		const loadMs = {
			startedAt: Math.round(performance.timeOrigin + started),
			total: Math.round(done - started),
			read: Math.round(readAt - started),
			apply: Math.round(applied - readAt),
			check: Math.round(done - applied),
			updates: tail.updates.length,
			bytes: tailBytes(tail)
		};
		return {
			doc,
			replica,
			lastKey: tail.lastKey,
			store: tail.store,
			index: null,
			loadMs,
			onDrop: [],
			signed
		};
	})();
	const loading = { read, loaded };
	cache.set(workspaceId, loading);
	loaded.catch(() => {
		if (cache.get(workspaceId) === loading) cache.delete(workspaceId);
	});
	return loading;
}

/** The loaded shard, with whatever was stored since the last call applied. */
export async function loadShard(workspaceId: string): Promise<BooksShard> {
	const fresh = !cache.has(workspaceId);
	const loaded = await beginShard(workspaceId).loaded;
	if (fresh) return loaded;
	const tail = await readShardTail(workspaceId, 'books', loaded.lastKey, indexedDB);
	if (tail.store !== loaded.store) {
		// Restored over since it was loaded: the old copy is gone; load the live one afresh.
		await dropShard(workspaceId);
		return beginShard(workspaceId).loaded;
	}
	if (tail.updates.length > 0) {
		// Two callers may read the same tail at once; applying an update twice changes nothing.
		applyStored(loaded.doc, tail.updates);
		loaded.lastKey = Math.max(loaded.lastKey, tail.lastKey);
	}
	if (loaded.signed && (await loaded.signed.refresh())) loaded.replica.rejudge();
	await loaded.signed?.authority.checker.settled();
	return loaded;
}

/** Forgets the workspace's shard (the next call loads it afresh) and destroys what was built on it. */
export async function dropShard(workspaceId: string): Promise<void> {
	const old = cache.get(workspaceId);
	cache.delete(workspaceId);
	const loaded = old ? await old.loaded.catch(() => null) : null;
	if (!loaded) return;
	for (const drop of loaded.onDrop.splice(0)) drop();
	loaded.replica.destroy();
	loaded.doc.destroy();
}
