// Bulk-imported entries live in batch values (see books-doc). These tests pin what readers see:
// the same entries as if posted one by one, each id counted once, and anything doubtful kept aside.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DecimalString, IsoDate } from '$lib/shared/domain';
import { LEDGER_SCHEMA_VERSION, generateJournal, type Account, type JournalEntry } from '$lib/books/domain';
import { ReplicaNet, rng } from '$lib/shared/testing/replica-net';
import * as docs from './doc';
import { BooksReplica } from './replica';
import { importJournal } from '$lib/books/testing/import-journal';

const CHART: Account[] = [
	{ schemaVersion: 1, id: 'bank', name: 'Bank', type: 'asset', subtype: 'bank' },
	{ schemaVersion: 1, id: 'sales', name: 'Sales', type: 'income' }
];
function entry(id: string, amount = '10.00'): JournalEntry {
	return {
		schemaVersion: LEDGER_SCHEMA_VERSION,
		id,
		date: '2026-02-01' as IsoDate,
		memo: `Sale ${id}`,
		status: 'posted',
		lines: [
			{ account: 'bank', amount: amount as DecimalString, commodity: 'USD' },
			{ account: 'sales', amount: `-${amount}` as DecimalString, commodity: 'USD' }
		]
	};
}
function withChart(doc = new Y.Doc(), prefix = 'n'): BooksReplica {
	let n = 0;
	const r = new BooksReplica(doc, { newId: () => `${prefix}${n++}` });
	for (const a of CHART) expect(r.createAccount(a).ok).toBe(true);
	return r;
}

describe('entry batches', () => {
	it('a large import is stored as batches of strings and reads back entry for entry', async () => {
		const doc = new Y.Doc();
		const r = withChart(doc);
		const text = generateJournal({ transactions: 2500, seed: 5 });
		const imported = await importJournal(r, text, 'big.journal');
		expect(imported.ok && imported.value.entries).toBe(2500);
		expect(docs.entriesMap(doc).size).toBe(0);
		expect(docs.entryBatchesMap(doc).size).toBe(3);
		for (const v of docs.entryBatchesMap(doc).values()) expect(typeof v).toBe('string');
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
		const again = new BooksReplica(copy);
		expect(again.entries()).toEqual(r.entries());
		expect(again.quarantined()).toEqual([]);
		// Re-importing the export changes nothing; posting an id that sits in a batch is refused.
		const exported = r.exportJournal();
		expect(exported.ok).toBe(true);
		if (!exported.ok) return;
		const reimport = await importJournal(r, exported.value, 'export.journal');
		expect(reimport.ok && reimport.value).toMatchObject({ entries: 0, unchanged: 2500 });
		const some = r.entries()[7] as JournalEntry;
		expect(r.postEntry(some).ok).toBe(false);
		expect(docs.insertEntry(doc, some)).toBe(false);
	});

	it('two peers importing one export at once count each entry once', async () => {
		const net = new ReplicaNet(2, rng(9));
		const [a, b] = net.docs.map((d, i) => withChart(d, `p${i}-`)) as [BooksReplica, BooksReplica];
		net.flush();
		const batch = Array.from({ length: 60 }, (_, i) => entry(`x${i}`, `${i + 1}.00`));
		expect((await a.importRecords({ accounts: [], entries: batch }, 'a.journal')).ok).toBe(true);
		expect((await b.importRecords({ accounts: [], entries: batch }, 'b.journal')).ok).toBe(true);
		net.flush();
		for (const r of [a, b]) {
			expect(r.entries().length).toBe(60);
			expect(r.quarantined()).toEqual([]);
		}
		expect(docs.entryOccurrences(net.docs[0] as Y.Doc, 'x3').length).toBe(2);
	});

	it('an id written twice with different content counts nowhere and waits for review', () => {
		const doc = new Y.Doc();
		const r = withChart(doc);
		expect(r.postEntry(entry('dup', '5.00')).ok).toBe(true);
		docs.insertEntryBatch(doc, 'forged', [entry('dup', '7.00'), entry('fine', '1.00')]);
		expect(r.entries().map((e) => e.id)).toEqual(['fine']);
		expect(r.quarantined()).toMatchObject([{ id: 'dup', code: 'ledger/bad-entry' }]);
		expect(r.quarantined()[0]?.message).toMatch(/written 2 times with different content/);
	});

	it('an unreadable batch is kept aside under its own id and breaks nothing else', () => {
		const doc = new Y.Doc();
		const r = withChart(doc);
		doc.transact(() => {
			docs.entryBatchesMap(doc).set('garbage', '{"v":1,"entries":[');
			docs
				.entryBatchesMap(doc)
				.set('mixed', JSON.stringify({ v: 1, entries: [entry('ok1'), 42, { id: '' }] }));
		});
		expect(r.entries().map((e) => e.id)).toEqual(['ok1']);
		expect(r.quarantined().map((q) => q.id)).toEqual(['batch:garbage', 'batch:mixed']);
		expect(r.quarantined()[1]?.message).toMatch(/2 values that are not entries/);
	});

	it('a batch id written by two peers at once ends as the one value Yjs keeps, on every replica', () => {
		const net = new ReplicaNet(2, rng(4));
		const [a, b] = net.docs.map((d, i) => withChart(d, `q${i}-`)) as [BooksReplica, BooksReplica];
		net.flush();
		docs.insertEntryBatch(net.docs[0] as Y.Doc, 'same', [entry('from-a')]);
		docs.insertEntryBatch(net.docs[1] as Y.Doc, 'same', [entry('from-b')]);
		expect(a.entries().map((e) => e.id)).toEqual(['from-a']);
		net.flush();
		expect(a.entries().map((e) => e.id)).toEqual(b.entries().map((e) => e.id));
		expect(a.entries()).toHaveLength(1);
	});
});
