// How a shard's Y.Doc is kept in IndexedDB: Keel's own persistence, in place of y-indexeddb, so that
// a shard opens from one compacted snapshot, and a write that fails is known and said.
//
// Format (one database per shard, named by shard-names.ts; one object store, `updates`, with
// increasing auto-generated keys, the layout y-indexeddb used, so stores it wrote open unchanged):
//   - a value that is a Uint8Array is a Yjs update in the v1 encoding: an edit, appended as it happens
//     (or anything y-indexeddb stored);
//   - a value `{ f: 2, u }` is a whole-state snapshot in the v2 encoding (smaller, faster to decode),
//     written by compaction, which also deletes every value it covers in the same transaction.
//   Applying every value in key order gives the shard; applying one twice changes nothing. A reader
//   that has applied everything up to key K needs only the values after K (a snapshot written later
//   sits at a higher key and repeats what it covers), which is how workers follow a shard
//   (shard-reader.ts).
//
// Compaction runs when the log since the last snapshot passes COMPACT_AFTER values or bytes, a moment
// after the writes stop (never on the write path): one readwrite transaction reads every stored
// value, applies any this tab has not seen (another tab of this browser may have written them),
// writes the doc's state as a snapshot and deletes the values it covers. A deleted (garbage-collected)
// value's content is not in the snapshot (see newShardDoc's gcFilter for what is kept).
//
// Failed writes (quota exceeded, a full disk, a closed database): every write is one transaction; a
// failure is remembered, told to `onError` listeners, and makes `stored()` reject, so an action that
// awaits it can say it was not saved. An edit whose write failed is still in the doc in memory, and
// later edits may build on it; so after a failure the next write is a whole snapshot rather than an
// edit (nothing on disk ever depends on a missing update), retried on every later write until one
// succeeds.
import * as Y from 'yjs';
import { problem, type DomainError } from '$lib/shared/domain';

/** A compacted snapshot, as stored. */
export interface StoredSnapshot {
	readonly f: 2;
	readonly u: Uint8Array;
}
export type StoredValue = Uint8Array | StoredSnapshot;

const STORE = 'updates';
/** Compact once the log since the last snapshot holds this many values, or this many bytes. */
export const COMPACT_AFTER = { values: 300, bytes: 4 * 1024 * 1024 };
/** How long the writes must pause before compaction runs (it then holds the thread once). */
const COMPACT_DELAY_MS = 1500;

/** Whether a stored value is a snapshot. */
export function isSnapshot(v: unknown): v is StoredSnapshot {
	return (
		typeof v === 'object' &&
		v !== null &&
		(v as StoredSnapshot).f === 2 &&
		(v as StoredSnapshot).u instanceof Uint8Array
	);
}

/** Whether a stored value is a readable update or snapshot (anything else is skipped, not thrown on). */
export function isStoredValue(v: unknown): v is StoredValue {
	return v instanceof Uint8Array || isSnapshot(v);
}

/** Applies stored values, in order, to `doc` in one transaction. */
export function applyStored(doc: Y.Doc, values: readonly unknown[], origin: unknown = null): void {
	Y.transact(
		doc,
		() => {
			for (const v of values) {
				if (v instanceof Uint8Array) Y.applyUpdate(doc, v, origin);
				else if (isSnapshot(v)) Y.applyUpdateV2(doc, v.u, origin);
			}
		},
		origin,
		false
	);
}

/** The size in bytes of a stored value. */
export const storedBytes = (v: unknown): number =>
	v instanceof Uint8Array ? v.byteLength : isSnapshot(v) ? v.u.byteLength : 0;

/** Opens (creating if need be) a shard database laid out as above. */
export function openShardDb(name: string, idb: IDBFactory = indexedDB): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = idb.open(name);
		req.onupgradeneeded = () => {
			const db = req.result;
			if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { autoIncrement: true });
			// Kept so a database made here has the layout y-indexeddb would have made.
			if (!db.objectStoreNames.contains('custom')) db.createObjectStore('custom');
		};
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error(`could not open ${name}`));
		req.onblocked = () => undefined; // proceeds when the other connection closes
	});
}

/** The error a transaction ended with, as an Error (IndexedDB gives DOMExceptions or null). */
function failure(tx: IDBTransaction, fallback: string): Error {
	const e = tx.error;
	if (e) return e instanceof Error ? e : new Error(String(e));
	return new Error(fallback);
}

/** Resolves when `tx` commits; rejects with its error when it fails or aborts. */
export function committed(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = (e) => {
			e.preventDefault(); // handled here: do not also report it as uncaught
			reject(failure(tx, 'the write failed'));
		};
		tx.onabort = () => reject(failure(tx, 'the write was aborted'));
	});
}

/** Told each failed write (an Error), and null once everything is stored again. */
export type WriteErrorListener = (error: Error | null) => void;
/** After a failed write, how long until everything is stored again unasked (no room may have come back). */
const RETRY_MS = 10_000;

/** The persistence keeping each open doc (so a write can be stored before it is applied). */
const persistenceOf = new WeakMap<Y.Doc, ShardPersistence>();

/**
 * Writes what `build` writes, stored first: `build` writes into an empty scratch doc (under a client
 * id of its own), its update is committed to `doc`'s database, and only then applied to `doc` (as a
 * local change, so the screens, the audit log and the peers see it as any edit). If the write fails
 * (a full disk, the quota), nothing is applied: this device, its screens and its peers stay exactly as
 * they were, and the promise rejects. For facts written whole under new keys (an import, a finalized
 * pay run), whose checks against the current doc `build`'s caller has already made.
 * Returns undefined, having applied at once, for a doc no persistence keeps (tests, scratch docs).
 */
export function commitFirst(doc: Y.Doc, build: (scratch: Y.Doc) => void): Promise<void> | undefined {
	const scratch = new Y.Doc({ gc: doc.gc });
	scratch.transact(() => build(scratch));
	const update = Y.encodeStateAsUpdate(scratch);
	scratch.destroy();
	const persistence = persistenceOf.get(doc);
	const apply = () =>
		Y.transact(doc, () => Y.applyUpdate(doc, update, persistence), persistence ?? null, true);
	if (!persistence) {
		apply();
		return undefined;
	}
	return persistence.storeFirst(update).then(apply);
}

/** A failed write in the words of the one code-to-words map (shared/domain/messages.ts). */
export function storageProblem(e: unknown): DomainError {
	const name = e instanceof DOMException || e instanceof Error ? e.name : '';
	if (name === 'QuotaExceededError') return problem('storage/full');
	const reason = e instanceof Error ? e.message : String(e);
	return problem('storage/failed', { reason });
}

/**
 * Keeps `doc` in the IndexedDB database `name`: loads what is stored (`whenLoaded`), then stores
 * every later update of the doc not made by this persistence.
 */
export class ShardPersistence {
	readonly whenLoaded: Promise<void>;
	readonly #doc: Y.Doc;
	readonly #name: string;
	#db: IDBDatabase | null = null;
	#closed = false;
	/** Updates made before the database was open, written once it is. */
	#early: Uint8Array[] | null = [];
	/** Writes issued and not yet settled. */
	readonly #pending = new Set<Promise<void>>();
	/** Failures not yet reported through stored(). */
	#failures: Error[] = [];
	/** A write failed: the next write must be a whole snapshot. */
	#broken = false;
	#logValues = 0;
	#logBytes = 0;
	#compactTimer: ReturnType<typeof setTimeout> | null = null;
	#retryTimer: ReturnType<typeof setTimeout> | null = null;
	#compacting: Promise<void> | null = null;
	readonly #listeners = new Set<WriteErrorListener>();

	constructor(name: string, doc: Y.Doc, idb: IDBFactory = indexedDB) {
		this.#doc = doc;
		this.#name = name;
		persistenceOf.set(doc, this);
		doc.on('update', this.#onUpdate);
		this.whenLoaded = this.#load(idb);
		// A failed open is also a failed write: say so to whoever listens, once.
		this.whenLoaded.catch((e: unknown) => this.#fail(e instanceof Error ? e : new Error(String(e))));
	}

	get name(): string {
		return this.#name;
	}

	/**
	 * Called with every write that fails, and with null once a later write has stored everything
	 * (for a banner); returns its unsubscribe.
	 */
	onError(listener: WriteErrorListener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	async #load(idb: IDBFactory): Promise<void> {
		const db = await openShardDb(this.#name, idb);
		if (this.#closed) {
			db.close();
			return;
		}
		this.#db = db;
		// Another tab deleting or upgrading this database (a restore's old generation): let it.
		db.onversionchange = () => {
			db.close();
			this.#db = null;
		};
		const tx = db.transaction(STORE, 'readonly');
		const all = tx.objectStore(STORE).getAll();
		await committed(tx);
		const values = all.result as unknown[];
		applyStored(this.#doc, values, this);
		for (const v of values) this.#count(v);
		const early = this.#early ?? [];
		this.#early = null;
		if (early.length > 0) this.#write(Y.mergeUpdates(early));
		this.#maybeCompact();
	}

	#count(v: unknown): void {
		if (isSnapshot(v)) {
			this.#logValues = 0;
			this.#logBytes = 0;
		} else {
			this.#logValues++;
			this.#logBytes += storedBytes(v);
		}
	}

	readonly #onUpdate = (update: Uint8Array, origin: unknown) => {
		if (origin === this || this.#closed) return;
		if (this.#early) this.#early.push(update);
		else this.#write(update);
	};

	#write(update: Uint8Array): void {
		if (this.#broken) {
			// Something earlier was not stored: store everything instead (see the header).
			this.#track(this.compact());
			return;
		}
		const db = this.#db;
		if (!db) {
			this.#fail(new Error('the database is closed'));
			return;
		}
		let tx: IDBTransaction;
		try {
			tx = db.transaction(STORE, 'readwrite');
			tx.objectStore(STORE).add(update);
		} catch (e) {
			this.#fail(e instanceof Error ? e : new Error(String(e)));
			return;
		}
		this.#count(update);
		this.#track(committed(tx));
		this.#maybeCompact();
	}

	/** Stores one update on its own and resolves once committed; rejects (and tells no listener) on failure. */
	async storeFirst(update: Uint8Array): Promise<void> {
		await this.whenLoaded;
		const db = this.#db;
		if (!db) throw new Error('the database is closed');
		const tx = db.transaction(STORE, 'readwrite');
		const done = committed(tx);
		tx.objectStore(STORE).add(update);
		const write = done.then(() => this.#count(update));
		// Tracked, so stored() and destroy() wait for it; its failure is the caller's to report.
		const tracked = write.catch(() => undefined);
		this.#pending.add(tracked);
		void tracked.finally(() => this.#pending.delete(tracked));
		await write;
		this.#maybeCompact();
	}

	#track(write: Promise<void>): void {
		const settled = write.catch((e: unknown) => this.#fail(e instanceof Error ? e : new Error(String(e))));
		this.#pending.add(settled);
		void settled.finally(() => this.#pending.delete(settled));
	}

	#fail(error: Error): void {
		this.#broken = true;
		this.#failures.push(error);
		for (const listener of this.#listeners) listener(error);
		// Try again later even if nothing else is edited: room may come back (files deleted elsewhere).
		if (this.#retryTimer === null && !this.#closed)
			this.#retryTimer = setTimeout(() => {
				this.#retryTimer = null;
				if (this.#broken && !this.#closed && this.#db) this.#track(this.compact());
			}, RETRY_MS);
	}

	#maybeCompact(): void {
		if (this.#logValues < COMPACT_AFTER.values && this.#logBytes < COMPACT_AFTER.bytes) return;
		if (this.#compactTimer !== null) clearTimeout(this.#compactTimer);
		this.#compactTimer = setTimeout(() => {
			this.#compactTimer = null;
			this.#track(this.compact());
		}, COMPACT_DELAY_MS);
	}

	/** Replaces everything stored with one snapshot of the doc (and of what other tabs stored). */
	compact(): Promise<void> {
		// One at a time: a second request waits for the first, then runs (it may cover newer writes).
		const run = (this.#compacting ?? Promise.resolve()).catch(() => undefined).then(() => this.#compact());
		this.#compacting = run;
		return run;
	}

	async #compact(): Promise<void> {
		const db = this.#db;
		if (!db) throw new Error('the database is closed');
		const tx = db.transaction(STORE, 'readwrite');
		const store = tx.objectStore(STORE);
		const done = committed(tx);
		const keysReq = store.getAllKeys();
		const valuesReq = store.getAll();
		valuesReq.onsuccess = () => {
			// Still inside the transaction: nothing can be written between this read and the delete.
			applyStored(this.#doc, valuesReq.result as unknown[], this);
			const keys = keysReq.result as IDBValidKey[];
			const snapshot: StoredSnapshot = { f: 2, u: Y.encodeStateAsUpdateV2(this.#doc) };
			if (keys.length > 0) store.delete(IDBKeyRange.bound(keys[0], keys[keys.length - 1]));
			store.add(snapshot);
		};
		await done;
		if (this.#broken) {
			this.#broken = false;
			for (const listener of this.#listeners) listener(null);
		}
		this.#logValues = 0;
		this.#logBytes = 0;
	}

	/**
	 * Resolves once every write issued so far is committed; rejects with the first failure since the
	 * last call (so each failure is reported to one caller, once).
	 */
	async stored(): Promise<void> {
		await this.whenLoaded.catch(() => undefined);
		if (this.#early && this.#early.length > 0) await this.whenLoaded;
		await Promise.all([...this.#pending]);
		const failed = this.#failures.shift();
		this.#failures = [];
		if (failed) throw failed;
	}

	/** Stops storing; waits for writes under way, then closes the database. */
	async destroy(): Promise<void> {
		if (this.#closed) return;
		this.#closed = true;
		this.#doc.off('update', this.#onUpdate);
		if (persistenceOf.get(this.#doc) === this) persistenceOf.delete(this.#doc);
		if (this.#compactTimer !== null) clearTimeout(this.#compactTimer);
		if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
		await this.whenLoaded.catch(() => undefined);
		await Promise.all([...this.#pending]);
		this.#db?.close();
		this.#db = null;
	}
}
