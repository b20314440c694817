// One open workspace: a Y.Doc per shard this browser holds, each kept in IndexedDB (shard-store.ts) and, when
// shared, synced peer-to-peer. A shard this browser was not invited to is never opened, so its data
// never reaches this device. Closing the session releases every provider and persistence handle.
import * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';
import type { ShardName, WorkspaceEntry } from '$lib/shared/domain/workspace';
import { peopleFilesDbName, shardDbName } from './shard-names';
import { installPeerChunking } from './peer-chunking';
import { peopleFilesKey } from './files';
import { newShardDoc } from './facts';
import { ShardPersistence, type WriteErrorListener } from './shard-store';
import { roomPlan, topicOf } from './rooms';
import { mergePresence, presenceByShard, type PeerPresence, type PresenceState } from './presence';

export type { PresenceState, PeerPresence } from './presence';

export { shardDbName };

export class WorkspaceSession {
	readonly docs = new Map<ShardName, Y.Doc>();
	/** People document files (sync/people-files.ts): opened only with the people shard, never backed up as a shard. */
	filesDoc: Y.Doc | null = null;
	#filesPersistence: ShardPersistence | null = null;
	#filesProvider: WebrtcProvider | null = null;
	/** Decoy rooms holding empty documents (rooms.ts): never written, never read. */
	readonly #decoys: WebrtcProvider[] = [];
	readonly #persistence = new Map<ShardName, ShardPersistence>();
	readonly #providers = new Map<ShardName, WebrtcProvider>();
	#entry: WorkspaceEntry;
	#closed = false;
	/** This tab's presence, republished on every shard's awareness after a reconnect. */
	#presence: PresenceState | null = null;
	readonly #tab = crypto.randomUUID();
	readonly #presenceListeners = new Set<() => void>();

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
			const persistence = new ShardPersistence(shardDbName(entry.id, shard, entry.storeGeneration), doc);
			session.#persistence.set(shard, persistence);
			loads.push(persistence.whenLoaded);
		}
		if (entry.shards.people) {
			const doc = new Y.Doc({ guid: `${entry.id}:people-files`, gc: true });
			session.filesDoc = doc;
			session.#filesPersistence = new ShardPersistence(
				peopleFilesDbName(entry.id, entry.storeGeneration),
				doc
			);
			loads.push(session.#filesPersistence.whenLoaded);
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
		this.disconnect();
		this.#entry = entry;
		for (const [shard, doc] of this.docs) {
			const key = entry.shards[shard];
			if (!key) continue;
			const provider = new WebrtcProvider(topicOf(key.room), doc, {
				signaling: entry.signaling,
				password: key.secret,
				maxConns: 20,
				filterBcConns: true,
				peerOpts: { config: { iceServers: [] } }
			});
			this.#providers.set(shard, provider);
			provider.awareness.on('change', this.#presenceChanged);
			if (!entry.online) provider.disconnect();
		}
		const people = entry.shards.people;
		if (this.filesDoc && people) {
			const key = peopleFilesKey(people);
			this.#filesProvider = new WebrtcProvider(topicOf(key.room), this.filesDoc, {
				signaling: entry.signaling,
				password: key.secret,
				maxConns: 20,
				filterBcConns: true,
				peerOpts: { config: { iceServers: [] } }
			});
			if (!entry.online) this.#filesProvider.disconnect();
		}
		// Padding rooms, so the signaling server sees as many topics from every member (see rooms.ts);
		// with no server there is nobody to hide from.
		const decoys = entry.signaling.length > 0 ? roomPlan(entry.shards).filter((r) => r.decoy) : [];
		for (const plan of decoys) {
			const decoy = new WebrtcProvider(plan.topic, new Y.Doc({ gc: true }), {
				signaling: entry.signaling,
				password: plan.password,
				maxConns: 20,
				filterBcConns: true,
				peerOpts: { config: { iceServers: [] } }
			});
			decoy.awareness.setLocalState(null);
			this.#decoys.push(decoy);
			if (!entry.online) decoy.disconnect();
		}
		this.#publishPresence();
	}

	disconnect(): void {
		for (const p of this.#providers.values()) p.destroy();
		this.#providers.clear();
		for (const d of this.#decoys.splice(0)) {
			d.destroy();
			d.doc.destroy();
		}
		this.#filesProvider?.destroy();
		this.#filesProvider = null;
	}

	/** Pauses or resumes sync without closing: edits keep landing in IndexedDB and merge on resume. */
	setOnline(online: boolean): void {
		for (const p of [
			...this.#providers.values(),
			...this.#decoys,
			...(this.#filesProvider ? [this.#filesProvider] : [])
		]) {
			if (online && !p.connected) p.connect();
			else if (!online && p.connected) p.disconnect();
		}
	}

	readonly #presenceChanged = () => {
		for (const cb of this.#presenceListeners) cb();
	};

	/** Where this tab is: told on the awareness of that section's shard only (see presence.ts). */
	setPresence(state: PresenceState): void {
		this.#presence = state;
		this.#publishPresence();
	}

	#publishPresence(): void {
		if (!this.#presence) return;
		const states = presenceByShard(this.#presence, this.#tab, [...this.#providers.keys()]);
		for (const [shard, state] of states) {
			const awareness = this.#providers.get(shard)?.awareness;
			if (awareness && (state !== null || awareness.getLocalState() !== null)) awareness.setLocalState(state);
		}
	}

	/** Who is here and where, as far as the shards this browser holds tell. */
	presence(): PeerPresence[] {
		const meta = this.#providers.get('meta')?.awareness;
		if (!meta) return [];
		const shards = [...this.#providers].filter(([n]) => n !== 'meta').map(([, p]) => p.awareness.getStates());
		return mergePresence({ meta: meta.getStates(), shards, selfTab: this.#tab });
	}

	/** Every awareness state this browser has received, per shard, as received (for the tests). */
	presenceStates(): Record<string, unknown[]> {
		const out: Record<string, unknown[]> = {};
		for (const [shard, p] of this.#providers) out[shard] = [...p.awareness.getStates().values()];
		return out;
	}

	/** Calls `cb` when any shard's presence changes, across reconnects. */
	onPresence(cb: () => void): () => void {
		this.#presenceListeners.add(cb);
		return () => this.#presenceListeners.delete(cb);
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

	#stores(): ShardPersistence[] {
		return [...this.#persistence.values(), ...(this.#filesPersistence ? [this.#filesPersistence] : [])];
	}

	/**
	 * Resolves once every update written so far is committed to IndexedDB; rejects with the first
	 * write that failed since the last call (quota, full disk, a closed database), so an action that
	 * awaits it can say it was not saved instead of reporting it done. Also for writes that must
	 * survive the tab closing at once (a new workspace's owner grant).
	 */
	async stored(): Promise<void> {
		const results = await Promise.allSettled(this.#stores().map((p) => p.stored()));
		const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
		if (failed) throw failed.reason;
	}

	/**
	 * Calls `listener` with every write to this browser's storage that fails, and with null once every
	 * shard that failed has stored everything again; returns its unsubscribe.
	 */
	onWriteError(listener: WriteErrorListener): () => void {
		const failing = new Set<ShardPersistence>();
		const offs = this.#stores().map((p) =>
			p.onError((error) => {
				if (error) failing.add(p);
				else failing.delete(p);
				if (error) listener(error);
				else if (failing.size === 0) listener(null);
			})
		);
		return () => offs.forEach((off) => off());
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
