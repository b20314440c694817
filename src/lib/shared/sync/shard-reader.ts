// Reads a shard's stored updates and snapshots straight from its database (format: shard-store.ts),
// read-only, so a worker can build or refresh a doc without opening a second persistence that might
// write or compact. Values sit under increasing keys (compaction writes its snapshot at a new, higher
// key), so reading after a key gives exactly what was stored since, and re-applying content a doc
// already has changes nothing.
import * as Y from 'yjs';
import { applyStored, isStoredValue, storedBytes, type StoredValue } from './shard-store';
import { newShardDoc } from './facts';
import type { ShardName } from '$lib/shared/domain/workspace';
import { getWorkspace } from '$lib/shared/storage/registry';
import { shardDbName } from './shard-names';

export interface ShardTail {
	/** v1 updates and v2 snapshots, in stored order: apply them with applyStored (shard-store.ts). */
	readonly updates: StoredValue[];
	/** The highest key read, or the one given when nothing new was stored. */
	readonly lastKey: number;
	/** The database read: a restore switches it, and keys in one say nothing about another. */
	readonly store: string;
}

/** The live generation of a workspace's shard databases, as the registry says (none if unreadable). */
async function liveGeneration(workspaceId: string): Promise<string | undefined> {
	try {
		return (await getWorkspace(workspaceId))?.storeGeneration;
	} catch {
		return undefined;
	}
}

/**
 * The updates stored after `afterKey` (all of them for null), from the workspace's live generation of
 * databases (looked up in the registry unless given). A shard never created reads as empty.
 */
export async function readShardTail(
	workspaceId: string,
	shard: ShardName,
	afterKey: number | null,
	idb: IDBFactory = indexedDB,
	generation?: string | null
): Promise<ShardTail> {
	const gen = generation === undefined ? await liveGeneration(workspaceId) : (generation ?? undefined);
	const store = shardDbName(workspaceId, shard, gen);
	const empty = { updates: [], lastKey: afterKey ?? -1, store };
	const db = await new Promise<IDBDatabase | null>((resolve, reject) => {
		const req = idb.open(store);
		// A database that did not exist is created empty by open(); abort that: an empty shard.
		req.onupgradeneeded = () => req.transaction?.abort();
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => (req.error?.name === 'AbortError' ? resolve(null) : reject(req.error));
	});
	if (!db) return empty;
	try {
		if (!db.objectStoreNames.contains('updates')) return empty;
		return await new Promise<ShardTail>((resolve, reject) => {
			const tx = db.transaction('updates', 'readonly');
			const updates = tx.objectStore('updates');
			const range = afterKey === null ? undefined : IDBKeyRange.lowerBound(afterKey, true);
			const values = updates.getAll(range);
			const keys = updates.getAllKeys(range);
			tx.oncomplete = () => {
				const last = (keys.result as number[]).at(-1);
				const updates = (values.result as unknown[]).filter(isStoredValue);
				resolve({ updates, lastKey: last ?? empty.lastKey, store });
			};
			tx.onerror = () => reject(tx.error);
		});
	} finally {
		db.close();
	}
}

/** The whole shard as a fresh doc. */
export async function readShardDoc(
	workspaceId: string,
	shard: ShardName,
	idb: IDBFactory = indexedDB
): Promise<Y.Doc> {
	const doc = newShardDoc(shard);
	const { updates } = await readShardTail(workspaceId, shard, null, idb);
	applyStored(doc, updates);
	return doc;
}

/** The stored size of a tail, in bytes. */
export const tailBytes = (tail: ShardTail): number => tail.updates.reduce((n, u) => n + storedBytes(u), 0);
