// Reads a shard's persisted Yjs updates straight from its y-indexeddb database, read-only, so a
// worker can rebuild projections without opening a second persistence that might write or trim.
import * as Y from 'yjs';
import type { ShardName } from '$lib/domain/workspace';
import { shardDbName } from './shard-names';

export async function readShardDoc(
	workspaceId: string,
	shard: ShardName,
	idb: IDBFactory = indexedDB
): Promise<Y.Doc> {
	const doc = new Y.Doc();
	const db = await new Promise<IDBDatabase | null>((resolve, reject) => {
		const req = idb.open(shardDbName(workspaceId, shard));
		// A database that did not exist is created empty by open(); treat it as an empty shard.
		req.onupgradeneeded = () => {
			req.transaction?.abort();
		};
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => {
			if (req.error?.name === 'AbortError') resolve(null);
			else reject(req.error);
		};
	});
	if (!db) return doc;
	try {
		if (!db.objectStoreNames.contains('updates')) return doc;
		const updates = await new Promise<Uint8Array[]>((resolve, reject) => {
			const tx = db.transaction('updates', 'readonly');
			const req = tx.objectStore('updates').getAll();
			req.onsuccess = () => resolve(req.result as Uint8Array[]);
			req.onerror = () => reject(req.error);
		});
		Y.transact(doc, () => {
			for (const u of updates) Y.applyUpdate(doc, u);
		});
		return doc;
	} finally {
		db.close();
	}
}
