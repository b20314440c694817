// The shard store (shard-store.ts) on fake-indexeddb: what is stored reopens as the same doc, whatever
// compaction did in between; a store y-indexeddb wrote opens unchanged; a failed write is said and
// repaired; a worker following the store by key sees every change. The browser tests cover the real
// IndexedDB.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { rng } from '$lib/shared/testing/replica-net';
import {
	COMPACT_AFTER,
	ShardPersistence,
	applyStored,
	committed,
	isSnapshot,
	openShardDb,
	commitFirst,
	storageProblem
} from './shard-store';
import { readShardTail } from './shard-reader';
import { shardDbName } from './shard-names';

let n = 0;
const freshName = () => `keel-shard-store-test-${++n}`;

async function rawValues(name: string): Promise<unknown[]> {
	const db = await openShardDb(name);
	try {
		const tx = db.transaction('updates', 'readonly');
		const req = tx.objectStore('updates').getAll();
		await committed(tx);
		return req.result as unknown[];
	} finally {
		db.close();
	}
}

/** A new, loaded store over an empty doc. */
async function openStore(): Promise<{ name: string; doc: Y.Doc; p: ShardPersistence }> {
	const name = freshName();
	const doc = new Y.Doc();
	const p = new ShardPersistence(name, doc);
	await p.whenLoaded;
	return { name, doc, p };
}

/** The doc as a reopened store gives it. */
async function reopen(name: string): Promise<Y.Doc> {
	const doc = new Y.Doc();
	const p = new ShardPersistence(name, doc);
	await p.whenLoaded;
	await p.destroy();
	return doc;
}

const view = (doc: Y.Doc) => ({
	map: doc.getMap('m').toJSON(),
	text: doc.getText('t').toString(),
	list: doc.getArray('a').toJSON()
});

/** One random edit: set or delete a key, insert or delete text, push or delete in a list. */
function randomEdit(doc: Y.Doc, r: () => number): void {
	const roll = r();
	const m = doc.getMap<string>('m');
	const t = doc.getText('t');
	const a = doc.getArray<number>('a');
	if (roll < 0.35) m.set(`k${Math.floor(r() * 20)}`, `v${Math.floor(r() * 1e6)}`);
	else if (roll < 0.45) m.delete(`k${Math.floor(r() * 20)}`);
	else if (roll < 0.65) t.insert(Math.floor(r() * (t.length + 1)), `w${Math.floor(r() * 100)} `);
	else if (roll < 0.75 && t.length > 0) {
		const at = Math.floor(r() * t.length);
		t.delete(at, Math.min(3, t.length - at));
	} else if (roll < 0.9) a.push([Math.floor(r() * 1000)]);
	else if (a.length > 0) a.delete(Math.floor(r() * a.length), 1);
}

/** The next IndexedDB add throws what Chromium throws when the quota is reached. */
const refuseNextWrite = () =>
	vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementationOnce(() => {
		throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
	});

afterEach(() => {
	vi.restoreAllMocks();
});

describe('shard store', () => {
	it('reopens what was written', async () => {
		const { name, doc, p } = await openStore();
		doc.getMap('m').set('payee', 'Brooklyn Flour Co.');
		doc.getText('t').insert(0, 'hello');
		await p.stored();
		await p.destroy();
		expect(view(await reopen(name))).toEqual({
			map: { payee: 'Brooklyn Flour Co.' },
			text: 'hello',
			list: []
		});
	});

	it('keeps edits made before the database opened', async () => {
		const name = freshName();
		const doc = new Y.Doc();
		const p = new ShardPersistence(name, doc);
		doc.getMap('m').set('early', 'yes');
		await p.whenLoaded;
		await p.stored();
		await p.destroy();
		expect(view(await reopen(name)).map).toEqual({ early: 'yes' });
	});

	it('compaction at random points during random edits, in two tabs, never changes the decoded state', async () => {
		for (let seed = 1; seed <= 12; seed++) {
			const r = rng(seed);
			const name = freshName();
			// Two tabs of one browser on the same store; they also sync with each other (as y-webrtc's
			// BroadcastChannel does), but only some of the time, so a compaction may meet updates it
			// has not seen.
			const a = new Y.Doc();
			const b = new Y.Doc();
			const pa = new ShardPersistence(name, a);
			const pb = new ShardPersistence(name, b);
			await Promise.all([pa.whenLoaded, pb.whenLoaded]);
			const compactions: Promise<void>[] = [];
			for (let step = 0; step < 150; step++) {
				const doc = r() < 0.5 ? a : b;
				randomEdit(doc, r);
				if (r() < 0.3) Y.applyUpdate(a === doc ? b : a, Y.encodeStateAsUpdate(doc));
				if (r() < 0.08) compactions.push((r() < 0.5 ? pa : pb).compact());
				if (r() < 0.05) await Promise.all([pa.stored(), pb.stored()]);
			}
			await Promise.all(compactions);
			await Promise.all([pa.stored(), pb.stored()]);
			// Everything either tab wrote, merged, is what the store must give back.
			const expected = new Y.Doc();
			Y.applyUpdate(expected, Y.encodeStateAsUpdate(a));
			Y.applyUpdate(expected, Y.encodeStateAsUpdate(b));
			await Promise.all([pa.destroy(), pb.destroy()]);
			expect(view(await reopen(name)), `seed ${seed}`).toEqual(view(expected));
			// A worker reading the raw store sees the same.
			const fromWorker = new Y.Doc();
			applyStored(fromWorker, await rawValues(name));
			expect(view(fromWorker), `seed ${seed}, read raw`).toEqual(view(expected));
		}
	});

	it('compacts by itself once the log is long, into one snapshot', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			const { name, doc, p } = await openStore();
			for (let i = 0; i < COMPACT_AFTER.values + 5; i++) doc.getMap('m').set(`k${i}`, i);
			await p.stored();
			expect((await rawValues(name)).length).toBe(COMPACT_AFTER.values + 5);
			await vi.runAllTimersAsync();
			await p.stored();
			const values = await rawValues(name);
			expect(values.length).toBe(1);
			expect(isSnapshot(values[0])).toBe(true);
			await p.destroy();
			expect(Object.keys(view(await reopen(name)).map).length).toBe(COMPACT_AFTER.values + 5);
		} finally {
			vi.useRealTimers();
		}
	});

	it('opens a store y-indexeddb wrote (v1 updates under increasing keys) and compacts it', async () => {
		const name = freshName();
		const writer = new Y.Doc();
		const updates: Uint8Array[] = [];
		writer.on('update', (u: Uint8Array) => updates.push(u));
		writer.getMap('m').set('a', 1);
		writer.getText('t').insert(0, 'legacy');
		writer.getMap('m').set('b', 2);
		const db = await openShardDb(name);
		const tx = db.transaction('updates', 'readwrite');
		for (const u of updates) tx.objectStore('updates').add(u);
		await committed(tx);
		db.close();

		const doc = new Y.Doc();
		const p = new ShardPersistence(name, doc);
		await p.whenLoaded;
		expect(view(doc)).toEqual({ map: { a: 1, b: 2 }, text: 'legacy', list: [] });
		await p.compact();
		await p.destroy();
		const values = await rawValues(name);
		expect(values.length).toBe(1);
		expect(view(await reopen(name))).toEqual(view(writer));
	});

	it('says when a write fails, and stores everything with the next write that succeeds', async () => {
		const { name, doc, p } = await openStore();
		const seen: string[] = [];
		p.onError((e) => seen.push(e ? e.name : 'stored again'));
		doc.getMap('m').set('before', 1);
		await p.stored();

		const spy = refuseNextWrite();
		doc.getMap('m').set('lost on disk', 2);
		await expect(p.stored()).rejects.toThrow(/quota/i);
		expect(seen).toEqual(['QuotaExceededError']);
		// Reported once: the next check of the same writes passes.
		await expect(p.stored()).resolves.toBeUndefined();
		spy.mockRestore();

		// The next edit builds on the one that was not stored: it is written as a whole snapshot.
		doc.getMap('m').set('after', 3);
		await p.stored();
		expect(seen).toEqual(['QuotaExceededError', 'stored again']);
		await p.destroy();
		expect(view(await reopen(name)).map).toEqual({ before: 1, 'lost on disk': 2, after: 3 });
	});

	it('after a failed write, stores everything again by itself once there is room', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			const { name, doc, p } = await openStore();
			const seen: string[] = [];
			p.onError((e) => seen.push(e ? e.name : 'stored again'));
			const spy = refuseNextWrite();
			doc.getMap('m').set('only in memory', 1);
			await expect(p.stored()).rejects.toThrow(/quota/i);
			spy.mockRestore();
			await vi.advanceTimersByTimeAsync(10_000);
			await p.stored();
			expect(seen).toEqual(['QuotaExceededError', 'stored again']);
			await p.destroy();
			expect(view(await reopen(name)).map).toEqual({ 'only in memory': 1 });
		} finally {
			vi.useRealTimers();
		}
	});

	it('lets a worker follow the store by key across a compaction', async () => {
		const ws = `ws-follow-${++n}`;
		const name = shardDbName(ws, 'tasks');
		const doc = new Y.Doc();
		const p = new ShardPersistence(name, doc);
		await p.whenLoaded;
		doc.getMap('m').set('one', 1);
		await p.stored();
		const follower = new Y.Doc();
		const first = await readShardTail(ws, 'tasks', null, indexedDB, null);
		applyStored(follower, first.updates);
		doc.getMap('m').set('two', 2);
		await p.compact();
		doc.getMap('m').set('three', 3);
		await p.stored();
		const next = await readShardTail(ws, 'tasks', first.lastKey, indexedDB, null);
		applyStored(follower, next.updates);
		expect(follower.getMap('m').toJSON()).toEqual({ one: 1, two: 2, three: 3 });
		await p.destroy();
	});

	it('commitFirst stores a write before applying it, and on a refused write changes nothing', async () => {
		const { name, doc, p } = await openStore();
		const sent: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => sent.push(u)); // what a sync provider would broadcast
		doc.getMap('m').set('kept', 1);
		await p.stored();
		sent.length = 0;

		const spy = refuseNextWrite();
		const refused = commitFirst(doc, (d) => d.getMap('m').set('run', 'finalized'));
		await expect(refused).rejects.toThrow(/quota/i);
		expect(storageProblem(await refused?.catch((e: unknown) => e)).code).toBe('storage/full');
		expect(doc.getMap('m').toJSON()).toEqual({ kept: 1 });
		expect(sent).toEqual([]); // nothing reached the peers either
		spy.mockRestore();

		await commitFirst(doc, (d) => d.getMap('m').set('run', 'finalized'));
		expect(doc.getMap('m').toJSON()).toEqual({ kept: 1, run: 'finalized' });
		expect(sent.length).toBe(1);
		await p.stored();
		await p.destroy();
		expect(view(await reopen(name)).map).toEqual({ kept: 1, run: 'finalized' });
	});
});
