// Writes whole shard states into fresh shard databases (restore), each as one snapshot in the format
// of shard-store.ts. Each store is committed before the next begins, so a restore either writes every
// shard or fails loudly.
import * as Y from 'yjs';
import type { ShardName } from '$lib/shared/domain/workspace';
import { shardDbName } from './shard-names';
import { newShardDoc } from './facts';
import { committed, openShardDb, type StoredSnapshot } from './shard-store';

export async function writeShardUpdates(
	workspaceId: string,
	updates: Partial<Record<ShardName, Uint8Array>>,
	generation?: string
): Promise<void> {
	for (const [shard, update] of Object.entries(updates) as [ShardName, Uint8Array][]) {
		const doc = newShardDoc(shard);
		Y.applyUpdate(doc, update);
		const snapshot: StoredSnapshot = { f: 2, u: Y.encodeStateAsUpdateV2(doc) };
		doc.destroy();
		const db = await openShardDb(shardDbName(workspaceId, shard, generation));
		try {
			const tx = db.transaction('updates', 'readwrite');
			const done = committed(tx);
			tx.objectStore('updates').add(snapshot);
			await done;
		} finally {
			db.close();
		}
	}
}
