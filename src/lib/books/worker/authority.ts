// The books worker's own judge of who wrote each posted entry, so its reports count exactly what the
// page counts: it reads the workspace's root from the registry and the trust statements from the
// stored meta shard (verifying their signatures itself, as the page does), and checks seals with its
// own checker. A workspace without a root (no member keys yet) gets no authority, as on the page.
import * as Y from 'yjs';
import { computeTrust, signerName, type TrustState } from '$lib/shared/domain/identity';
import { createSealChecker } from '$lib/shared/sync/fact-seal';
import { readStatements } from '$lib/shared/sync/trust-doc';
import { readMembers } from '$lib/shared/sync/meta-doc';
import { readShardTail } from '$lib/shared/sync/shard-reader';
import { applyStored } from '$lib/shared/sync/shard-store';
import { getWorkspace } from '$lib/shared/storage/registry';
import { booksAuthority } from '$lib/books/sync/adoption';

export interface WorkerAuthority {
	readonly authority: ReturnType<typeof booksAuthority>;
	/** Reads what the meta shard stored since the last call; true when the roles may have changed. */
	refresh(): Promise<boolean>;
}

export async function workerAuthority(workspaceId: string, books: Y.Doc): Promise<WorkerAuthority | null> {
	const entry = await getWorkspace(workspaceId).catch(() => undefined);
	const root = entry?.root;
	if (!root) return null;
	let meta = new Y.Doc();
	let lastKey: number | null = null;
	let store = '';
	let trust: TrustState | null = null;
	let names = new Map<string, string>();

	async function refresh(): Promise<boolean> {
		const tail = await readShardTail(workspaceId, 'meta', store === '' ? null : lastKey);
		if (store !== '' && tail.store !== store) {
			meta.destroy();
			meta = new Y.Doc();
			lastKey = null;
			store = '';
			return refresh();
		}
		store = tail.store;
		lastKey = tail.lastKey;
		if (tail.updates.length === 0 && trust) return false;
		applyStored(meta, tail.updates);
		const { verified } = await readStatements(meta, workspaceId);
		trust = computeTrust(root as string, verified);
		names = new Map(readMembers(meta).map((m) => [m.id, m.name]));
		return true;
	}
	await refresh();

	const authority = booksAuthority(books, {
		workspaceId,
		checker: createSealChecker(),
		trust: () => trust,
		nameOf: (key) => signerName(trust, key, (id) => names.get(id))
	});
	return { authority, refresh };
}
