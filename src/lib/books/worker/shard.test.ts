// The worker's copy of the books shard follows a restore over the workspace: once the registry
// switches to a new generation of databases, the next load reads that one afresh, and nothing of
// the old copy lingers in the worker. Runs on fake-indexeddb.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WorkspaceEntry } from '$lib/shared/domain/workspace';
import { putWorkspace, switchStoreGeneration } from '$lib/shared/storage/registry';
import { writeShardUpdates } from '$lib/shared/sync/shard-writer';
import { loadShard } from './shard';

function update(fields: Record<string, string>): Uint8Array {
	const doc = new Y.Doc();
	for (const [k, v] of Object.entries(fields)) doc.getMap('probe').set(k, v);
	return Y.encodeStateAsUpdate(doc);
}

describe('books shard in the worker across a restore', () => {
	it('reads the live generation, and reloads when a restore switches it', async () => {
		const entry: WorkspaceEntry = {
			id: 'WSGEN1',
			name: 'Harbour Trust',
			createdAt: '2026-01-01T00:00:00.000Z',
			lastOpenedAt: '2026-01-01T00:00:00.000Z',
			shards: { meta: { room: 'r', secret: 's' }, books: { room: 'r2', secret: 's2' } },
			memberId: 'm',
			memberName: 'Bea',
			signaling: [],
			online: true,
			schemaVersion: 1
		};
		await putWorkspace(entry);
		await writeShardUpdates(entry.id, { books: update({ onlyOld: 'yes', which: 'old' }) });
		const first = await loadShard(entry.id);
		expect(first.doc.getMap('probe').get('which')).toBe('old');

		await writeShardUpdates(entry.id, { books: update({ which: 'restored' }) }, 'gen1');
		await switchStoreGeneration({ ...entry, storeGeneration: 'gen1' });
		const after = await loadShard(entry.id);
		expect(after.doc.getMap('probe').get('which')).toBe('restored');
		expect(after.doc.getMap('probe').has('onlyOld')).toBe(false);
		expect(after.store).toBe('keel-WSGEN1.ggen1-books');
	});
});
