// Writes whole shard states into fresh y-indexeddb stores (restore). Each store gets one update and
// is flushed before the next begins, so a restore either writes every shard or fails loudly.
import * as Y from 'yjs';
import { IndexeddbPersistence, storeState } from 'y-indexeddb';
import type { ShardName } from '$lib/shared/domain/workspace';
import { shardDbName } from './shard-names';
import { newShardDoc } from './facts';

export async function writeShardUpdates(
	workspaceId: string,
	updates: Partial<Record<ShardName, Uint8Array>>,
	generation?: string
): Promise<void> {
	for (const [shard, update] of Object.entries(updates) as [ShardName, Uint8Array][]) {
		const doc = newShardDoc(shard);
		Y.applyUpdate(doc, update);
		const persistence = new IndexeddbPersistence(shardDbName(workspaceId, shard, generation), doc);
		await persistence.whenSynced;
		await storeState(persistence, true);
		await persistence.destroy();
		doc.destroy();
	}
}
