// A posted entry never changes. A teammate holding the books key can still write over a posted entry
// or an imported batch, or delete it, straight in the shard (an edited copy of Keel): here such writes
// arrive at honest replicas in shuffled order, and every replica still counts exactly what was posted,
// lists the same attempts for review, and agrees with a run in which nobody attacked.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DecimalString, IsoDate } from '$lib/shared/domain';
import { LEDGER_SCHEMA_VERSION, trialBalance, type Account, type JournalEntry } from '$lib/books/domain';
import { newShardDoc, factWrites } from '$lib/shared/sync/facts';
import { rng } from '$lib/shared/testing/replica-net';
import { BooksReplica } from './replica';
import * as docs from './doc';

const CHART: Account[] = [
	{ schemaVersion: 1, id: 'bank', name: 'Bank', type: 'asset', subtype: 'bank' },
	{ schemaVersion: 1, id: 'sales', name: 'Sales', type: 'income' },
	{ schemaVersion: 1, id: 'rent', name: 'Rent', type: 'expense' }
];

function entry(i: number, amount: string, memo = `Entry ${i}`): JournalEntry {
	return {
		schemaVersion: LEDGER_SCHEMA_VERSION,
		id: `e${String(i).padStart(4, '0')}`,
		date: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}` as IsoDate,
		memo,
		status: 'posted',
		lines: [
			{ account: 'bank', amount: amount as DecimalString, commodity: 'USD' },
			{ account: 'sales', amount: `-${amount}` as DecimalString, commodity: 'USD' }
		]
	};
}

/** The honest writer: a chart, 20 single entries and one imported batch of 60. */
function honestUpdates(): Uint8Array[] {
	const doc = newShardDoc('books');
	const out: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => out.push(u));
	for (const a of CHART) docs.insertAccount(doc, a);
	for (let i = 0; i < 20; i++) docs.insertEntry(doc, entry(i, `${10 + i}.00`));
	docs.insertEntryBatch(
		doc,
		'batch-1',
		Array.from({ length: 60 }, (_, k) => entry(100 + k, '5.00'))
	);
	return out;
}

/** The attacker: holds everything the honest writer wrote, then writes over and deletes facts. */
function attackUpdates(honest: readonly Uint8Array[], seed: number): Uint8Array[] {
	const doc = newShardDoc('books');
	for (const u of honest) Y.applyUpdate(doc, u);
	const out: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => out.push(u));
	const random = rng(seed);
	const entries = doc.getMap<unknown>('entries');
	for (let i = 0; i < 20; i++) {
		const roll = random();
		const id = `e${String(i).padStart(4, '0')}`;
		if (roll < 0.3)
			entries.set(id, entry(i, '9999.00', 'Paid to Mallory')); // 10× the figures
		else if (roll < 0.5) entries.delete(id);
		else if (roll < 0.6) entries.set(id, entries.get(id)); // the same value again: not an attack
	}
	doc
		.getMap<unknown>('entryBatches')
		.set('batch-1', JSON.stringify({ v: 1, entries: [entry(100, '1000000.00')] }));
	return out;
}

function replicaFrom(updates: readonly Uint8Array[], seed: number) {
	const doc = newShardDoc('books');
	const random = rng(seed);
	const order = [...updates].sort(() => random() - 0.5);
	for (const u of order) Y.applyUpdate(doc, u);
	const replica = new BooksReplica(doc);
	docByReplica.set(replica, doc);
	return replica;
}

const summary = (r: BooksReplica) => ({
	entries: r.entries().map((e) => `${e.id} ${e.memo} ${e.lines[0]?.amount}`),
	trial: trialBalance({ entries: r.entries(), accounts: r.accounts() }),
	quarantined: r.quarantined().map((q) => q.id)
});

describe('posted entries written over or removed', () => {
	it('count as posted on every replica, whatever arrived first, and the attempts are listed alike', () => {
		const honest = honestUpdates();
		const clean = summary(replicaFrom(honest, 1));
		expect(clean.entries).toHaveLength(80);
		for (const seed of [1, 2, 3, 4, 5, 6]) {
			const attack = attackUpdates(honest, seed);
			const replicas = [11, 12, 13].map((s) => replicaFrom([...honest, ...attack], s * seed));
			for (const r of replicas) expect(summary(r)).toEqual(clean);
			const listed = replicas.map((r) => r.rewrites().map((w) => `${w.kind} ${w.key}`));
			expect(listed[1]).toEqual(listed[0]);
			expect(listed[2]).toEqual(listed[0]);
			expect(listed[0]).toContain('changed batch-1');
			const batch = replicas[0]?.rewrites().find((w) => w.key === 'batch-1');
			expect(batch?.batchEntries).toBe(60);
			for (const w of replicas[0]?.rewrites() ?? [])
				if (w.key !== 'batch-1') expect(w.entry?.memo).toMatch(/^Entry \d+$/);
		}
	});

	it('a live replica keeps counting an entry when the overwrite arrives, and says so', () => {
		const honest = honestUpdates();
		const r = replicaFrom(honest, 9);
		const before = summary(r);
		const seen: boolean[] = [];
		r.onChange((c) => seen.push(c.quarantine));
		const doc = newShardDoc('books');
		for (const u of honest) Y.applyUpdate(doc, u);
		const updates: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => updates.push(u));
		doc.getMap('entries').set('e0003', entry(3, '9999.00', 'Paid to Mallory'));
		doc.getMap('entries').delete('e0004');
		for (const u of updates) Y.applyUpdate(docOf(r), u);
		expect(summary(r)).toEqual(before);
		expect(r.rewrites().map((w) => `${w.kind} ${w.key} ${w.entry?.lines[0]?.amount}`)).toEqual([
			'changed e0003 13.00',
			'removed e0004 14.00'
		]);
		expect(seen).toContain(true);
	});

	it('a replica that dropped a removed fact’s content (no retention) cannot count it, and reads it as lost', () => {
		const honest = honestUpdates();
		const attacker = new Y.Doc();
		for (const u of honest) Y.applyUpdate(attacker, u);
		attacker.getMap('entries').delete('e0001');
		const plain = new Y.Doc(); // made without keepFactContent: Yjs drops deleted content
		Y.applyUpdate(plain, Y.encodeStateAsUpdate(attacker));
		expect(factWrites(plain.getMap('entries'), 'e0001')).toEqual([
			{ value: undefined, held: false, origin: expect.any(Object), saw: false }
		]);
		const kept = newShardDoc('books');
		for (const u of honest) Y.applyUpdate(kept, u);
		Y.applyUpdate(kept, Y.encodeStateAsUpdate(attacker));
		expect(new BooksReplica(kept).entry('e0001')?.memo).toBe('Entry 1');
	});
});

describe('posted at the same time on two devices', () => {
	it('is not an overwrite: neither device had seen the other, so nothing is flagged and one counts everywhere', () => {
		const a = newShardDoc('books');
		const b = newShardDoc('books');
		for (const acc of CHART) docs.insertAccount(a, acc);
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		docs.insertEntry(a, entry(1, '10.00', 'From A'));
		docs.insertEntry(b, entry(1, '20.00', 'From B'));
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		const [ra, rb] = [new BooksReplica(a), new BooksReplica(b)];
		expect(ra.rewrites()).toEqual([]);
		expect(rb.rewrites()).toEqual([]);
		expect(ra.entry('e0001')?.memo).toBe(rb.entry('e0001')?.memo);
		expect(ra.entry('e0001')?.memo).toBe(a.getMap<{ memo: string }>('entries').get('e0001')?.memo);
	});
});

/** The Y.Doc a replica was built on (tests only reach it this way). */
const docByReplica = new WeakMap<BooksReplica, Y.Doc>();
function docOf(r: BooksReplica): Y.Doc {
	const doc = docByReplica.get(r);
	if (!doc) throw new Error('replica built outside replicaFrom');
	return doc;
}
