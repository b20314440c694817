// One open workspace: a Y.Doc per shard this browser holds, each persisted in IndexedDB and, when
// shared, synced peer-to-peer. A shard this browser was not invited to is never opened, so its data
// never reaches this device. Closing the session releases every provider and persistence handle.
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebrtcProvider } from 'y-webrtc';
import type { Awareness } from 'y-protocols/awareness';
import type { ShardName, WorkspaceEntry } from '$lib/shared/domain/workspace';
import { peopleFilesDbName, shardDbName } from './shard-names';
import { installPeerChunking } from './peer-chunking';
import { peopleFilesKey } from './files';
import { newShardDoc } from './facts';

export interface PresenceState {
	user: { id: string; name: string; color: string };
	/** Where this member is: a section and, when editing one, a record id. Never record contents. */
	at: { section: string; recordId: string | null };
}

export interface PeerPresence extends PresenceState {
	clientId: number;
	self: boolean;
}

export { shardDbName };

export class WorkspaceSession {
	readonly docs = new Map<ShardName, Y.Doc>();
	/** People document files (sync/people-files.ts): opened only with the people shard, never backed up as a shard. */
	filesDoc: Y.Doc | null = null;
	#filesPersistence: IndexeddbPersistence | null = null;
	#filesProvider: WebrtcProvider | null = null;
	readonly #persistence = new Map<ShardName, IndexeddbPersistence>();
	readonly #providers = new Map<ShardName, WebrtcProvider>();
	#entry: WorkspaceEntry;
	#closed = false;

	private constructor(entry: WorkspaceEntry) {
		this.#entry = entry;
	}

	get entry(): WorkspaceEntry {
		return this.#entry;
	}

	/** Opens every shard the entry holds and resolves once each has loaded from IndexedDB. */
	static async open(entry: WorkspaceEntry): Promise<WorkspaceSession> {
		const session = new WorkspaceSession(entry);
		const loads: Promise<unknown>[] = [];
		for (const shard of Object.keys(entry.shards) as ShardName[]) {
			const doc = newShardDoc(shard, { guid: `${entry.id}:${shard}` });
			session.docs.set(shard, doc);
			const persistence = new IndexeddbPersistence(shardDbName(entry.id, shard, entry.storeGeneration), doc);
			session.#persistence.set(shard, persistence);
			loads.push(persistence.whenSynced);
		}
		if (entry.shards.people) {
			const doc = new Y.Doc({ guid: `${entry.id}:people-files`, gc: true });
			session.filesDoc = doc;
			session.#filesPersistence = new IndexeddbPersistence(
				peopleFilesDbName(entry.id, entry.storeGeneration),
				doc
			);
			loads.push(session.#filesPersistence.whenSynced);
		}
		await Promise.all(loads);
		session.connect(entry);
		return session;
	}

	doc(shard: ShardName): Y.Doc | undefined {
		return this.docs.get(shard);
	}

	/** (Re)starts sync with the entry's keys and signaling servers. Tabs of one browser sync even with none. */
	connect(entry: WorkspaceEntry = this.#entry): void {
		if (this.#closed) return;
		installPeerChunking();
		const prevPresence = this.#providers.get('meta')?.awareness.getLocalState() ?? null;
		this.disconnect();
		this.#entry = entry;
		for (const [shard, doc] of this.docs) {
			const key = entry.shards[shard];
			if (!key) continue;
			const provider = new WebrtcProvider(`keel-${key.room}`, doc, {
				signaling: entry.signaling,
				password: key.secret,
				maxConns: 20,
				filterBcConns: true,
				peerOpts: { config: { iceServers: [] } }
			});
			this.#providers.set(shard, provider);
			if (!entry.online) provider.disconnect();
		}
		const people = entry.shards.people;
		if (this.filesDoc && people) {
			const key = peopleFilesKey(people);
			this.#filesProvider = new WebrtcProvider(`keel-${key.room}`, this.filesDoc, {
				signaling: entry.signaling,
				password: key.secret,
				maxConns: 20,
				filterBcConns: true,
				peerOpts: { config: { iceServers: [] } }
			});
			if (!entry.online) this.#filesProvider.disconnect();
		}
		if (prevPresence) this.awareness?.setLocalState(prevPresence);
	}

	disconnect(): void {
		for (const p of this.#providers.values()) p.destroy();
		this.#providers.clear();
		this.#filesProvider?.destroy();
		this.#filesProvider = null;
	}

	/** Pauses or resumes sync without closing: edits keep landing in IndexedDB and merge on resume. */
	setOnline(online: boolean): void {
		for (const p of [...this.#providers.values(), ...(this.#filesProvider ? [this.#filesProvider] : [])]) {
			if (online && !p.connected) p.connect();
			else if (!online && p.connected) p.disconnect();
		}
	}

	get awareness(): Awareness | undefined {
		return this.#providers.get('meta')?.awareness;
	}

	setPresence(state: PresenceState): void {
		this.awareness?.setLocalState(state);
	}

	presence(): PeerPresence[] {
		const aw = this.awareness;
		if (!aw) return [];
		const out: PeerPresence[] = [];
		for (const [clientId, raw] of aw.getStates()) {
			const s = raw as Partial<PresenceState>;
			if (!s.user || !s.at) continue;
			out.push({ clientId, self: clientId === aw.clientID, user: s.user, at: s.at });
		}
		return out;
	}

	onPresence(cb: () => void): () => void {
		const aw = this.awareness;
		if (!aw) return () => {};
		aw.on('change', cb);
		return () => aw.off('change', cb);
	}

	/** Number of WebRTC peers connected per shard, for the status bar and the tests. */
	peerCounts(): Record<string, { webrtc: number; bc: number }> {
		const out: Record<string, { webrtc: number; bc: number }> = {};
		for (const [shard, p] of this.#providers) {
			const room = p.room;
			out[shard] = { webrtc: room ? room.webrtcConns.size : 0, bc: room ? room.bcConns.size : 0 };
		}
		const room = this.#filesProvider?.room;
		if (room) out['people-files'] = { webrtc: room.webrtcConns.size, bc: room.bcConns.size };
		return out;
	}

	async close(): Promise<void> {
		if (this.#closed) return;
		this.#closed = true;
		this.disconnect();
		for (const p of this.#persistence.values()) await p.destroy();
		await this.#filesPersistence?.destroy();
		for (const d of this.docs.values()) d.destroy();
		this.filesDoc?.destroy();
	}
}

/**
 * Deletes one generation of a workspace's shard databases (and shared files) from this browser (not
 * from peers); the first generation when none is given.
 */
export async function deleteShardStores(
	workspaceId: string,
	shards: readonly ShardName[],
	generation?: string
): Promise<void> {
	const names = shards.map((shard) => shardDbName(workspaceId, shard, generation));
	if (shards.includes('people')) names.push(peopleFilesDbName(workspaceId, generation));
	await Promise.all(
		names.map(
			(name) =>
				new Promise<void>((resolve) => {
					const req = indexedDB.deleteDatabase(name);
					req.onsuccess = req.onerror = req.onblocked = () => resolve();
				})
		)
	);
}
