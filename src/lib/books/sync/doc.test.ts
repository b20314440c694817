// Unit tests of the books binding and replica verbs: record shapes in the shard, write-once facts,
// field-level merges, quarantine reasons, lock and archive causality, all-or-nothing import.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DecimalString, IsoDate } from '$lib/shared/domain';
import { LEDGER_SCHEMA_VERSION, type Account, type EntryLine, type JournalEntry } from '$lib/books/domain';
import { ReplicaNet, rng } from '$lib/shared/testing/replica-net';
import * as docs from './doc';
import { BooksReplica } from './replica';
import { importJournal } from '$lib/books/testing/import-journal';

const CHART: Account[] = [
	{ schemaVersion: 1, id: 'bank', name: 'Bank', type: 'asset', subtype: 'bank', code: '1000' },
	{ schemaVersion: 1, id: 'sales', name: 'Sales', type: 'income' },
	{ schemaVersion: 1, id: 'rent', name: 'Rent', type: 'expense' }
];
const usd = (account: string, amount: string): EntryLine => ({
	account,
	amount: amount as DecimalString,
	commodity: 'USD'
});
function entry(id: string, date: string, amount = '100.00', extra: Partial<JournalEntry> = {}): JournalEntry {
	return {
		schemaVersion: LEDGER_SCHEMA_VERSION,
		id,
		date: date as IsoDate,
		memo: `Sale ${id}`,
		status: 'posted',
		lines: [usd('bank', amount), usd('sales', `-${amount}`)],
		...extra
	};
}
function pair(): { net: ReplicaNet; a: BooksReplica; b: BooksReplica } {
	const net = new ReplicaNet(2, rng(3));
	let n = 0;
	const [a, b] = net.docs.map((d) => new BooksReplica(d, { newId: () => `id${n++}` })) as [
		BooksReplica,
		BooksReplica
	];
	for (const acc of CHART) expect(a.createAccount(acc).ok).toBe(true);
	net.flush();
	return { net, a, b };
}

describe('books binding', () => {
	it('stores accounts as Y.Maps and reads them back as plain records', () => {
		const doc = new Y.Doc();
		docs.insertAccount(doc, CHART[0] as Account);
		expect(docs.accountsMap(doc).get('bank')).toBeInstanceOf(Y.Map);
		expect(docs.readAllAccounts(doc)).toEqual([CHART[0]]);
		expect(docs.insertAccount(doc, { ...(CHART[0] as Account), name: 'Other' })).toBe(false);
		docs.patchAccount(doc, 'bank', { code: undefined, name: 'Checking' });
		expect(docs.readAllAccounts(doc)[0]).toEqual({
			schemaVersion: 1,
			id: 'bank',
			name: 'Checking',
			type: 'asset',
			subtype: 'bank'
		});
	});

	it('stores a posted entry as one plain JSON value, written once', () => {
		const doc = new Y.Doc();
		const e = entry('e1', '2026-01-05');
		expect(docs.insertEntry(doc, e)).toBe(true);
		const stored = docs.entriesMap(doc).get('e1');
		expect(stored).not.toBeInstanceOf(Y.AbstractType);
		expect(stored).toEqual(e);
		expect(docs.insertEntry(doc, entry('e1', '2026-01-06', '5.00'))).toBe(false);
		expect(docs.readEntry(doc, 'e1')).toEqual(e);
		// Survives an encode/decode round trip as the same value.
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
		expect(docs.readEntry(copy, 'e1')).toEqual(e);
	});

	it('keeps both concurrent edits to different fields of an account and of a draft', () => {
		const { net, a, b } = pair();
		a.saveDraft({ ...entry('d1', '2026-02-01'), status: 'draft' });
		net.flush();
		net.online[0] = false;
		expect(a.patchAccount('bank', { name: 'Checking' }).ok).toBe(true);
		expect(b.patchAccount('bank', { code: '1010' }).ok).toBe(true);
		a.saveDraft({ ...entry('d1', '2026-02-01'), status: 'draft', memo: 'Edited memo' });
		b.saveDraft({ ...entry('d1', '2026-02-03'), status: 'draft' });
		net.flush();
		for (const r of [a, b]) {
			expect(r.accounts().find((x) => x.id === 'bank')).toMatchObject({ name: 'Checking', code: '1010' });
			expect(r.drafts()).toEqual([{ ...entry('d1', '2026-02-03'), status: 'draft', memo: 'Edited memo' }]);
		}
	});

	it('keeps settings: lock date and chart template', () => {
		const doc = new Y.Doc();
		expect(docs.readLock(doc).lockDate).toBeNull();
		docs.setLockDate(doc, '2026-03-31' as IsoDate);
		docs.setChartTemplate(doc, 'us');
		expect(docs.settingsMap(doc).get('lockDate')).toBe('2026-03-31');
		expect(docs.readLock(doc).lockDate).toBe('2026-03-31');
		expect(docs.readChartTemplate(doc)).toBe('us');
	});
});

describe('BooksReplica', () => {
	it('refuses unbalanced, unknown-account and locked entries at write time', () => {
		const { a } = pair();
		expect(
			a.postEntry({ ...entry('x', '2026-01-01'), lines: [usd('bank', '1'), usd('sales', '-2')] })
		).toMatchObject({ ok: false, error: { code: 'ledger/unbalanced' } });
		expect(
			a.postEntry({ ...entry('x', '2026-01-01'), lines: [usd('bank', '1'), usd('nope', '-1')] })
		).toMatchObject({ ok: false, error: { code: 'ledger/unknown-account' } });
		a.setLockDate('2026-03-31' as IsoDate);
		expect(a.postEntry(entry('x', '2026-03-31'))).toMatchObject({
			ok: false,
			error: { code: 'ledger/locked-period' }
		});
		expect(a.postEntry(entry('x', '2026-04-01')).ok).toBe(true);
		expect(a.postEntry(entry('x', '2026-04-02'))).toMatchObject({
			ok: false,
			error: { code: 'ledger/bad-entry' }
		});
		expect(a.entries().map((e) => e.id)).toEqual(['x']);
	});

	it('posting a draft deletes it in the same transaction; reversal posts the mirror once', () => {
		const { a } = pair();
		a.saveDraft({ ...entry('d', '2026-05-01'), status: 'draft' });
		expect(a.postEntry({ ...entry('d', '2026-05-01') }, { fromDraft: 'd' }).ok).toBe(true);
		expect(a.drafts()).toEqual([]);
		const rev = a.reverseEntry('d', { id: 'r' });
		expect(rev.ok && rev.value.lines.map((l) => l.amount)).toEqual(['-100.00', '100.00']);
		expect(rev.ok && rev.value.reverses).toBe('d');
		expect(a.reverseEntry('d', { id: 'r2' })).toMatchObject({
			ok: false,
			error: { code: 'ledger/bad-entry' }
		});
	});

	it('quarantines a peer entry that does not balance or is malformed, and never counts it', () => {
		const { net, a, b } = pair();
		docs.insertEntry(net.docs[1] as Y.Doc, {
			...entry('bad', '2026-01-01'),
			lines: [usd('bank', '1'), usd('sales', '-0.99')]
		});
		docs.entriesMap(net.docs[1] as Y.Doc).set('junk', { hello: 'world' });
		net.flush();
		for (const r of [a, b]) {
			expect(r.entries()).toEqual([]);
			expect(r.quarantined().map((q) => [q.id, q.code])).toEqual([
				['bad', 'ledger/unbalanced'],
				['junk', 'ledger/bad-entry']
			]);
		}
	});

	it('an entry held before the lock counts; one written offline into the locked period is flagged', () => {
		const { net, a, b } = pair();
		expect(b.postEntry(entry('early', '2026-02-10')).ok).toBe(true);
		net.flush();
		net.online[1] = false;
		expect(b.postEntry(entry('offline', '2026-03-15')).ok).toBe(true);
		a.setLockDate('2026-03-31' as IsoDate);
		const events: string[][] = [];
		b.onChange((c) => events.push(c.uncounted));
		net.flush();
		for (const r of [a, b]) {
			expect(r.entries().map((e) => e.id)).toEqual(['early']);
			expect(r.quarantined()).toMatchObject([{ id: 'offline', code: 'ledger/locked-period' }]);
		}
		expect(events.flat()).toEqual(['offline']);
		// Unlocking releases it; re-locking after review counts it (the locker now holds it).
		a.setLockDate(null);
		a.setLockDate('2026-03-31' as IsoDate);
		net.flush();
		expect(b.entries().map((e) => e.id)).toEqual(['early', 'offline']);
	});

	it('an entry naming an account archived concurrently is flagged; history stays counted', () => {
		const { net, a, b } = pair();
		expect(a.postEntry(entry('old', '2026-01-01')).ok).toBe(true);
		net.flush();
		net.online[1] = false;
		expect(b.postEntry(entry('new', '2026-01-02')).ok).toBe(true);
		a.archiveAccount('sales');
		expect(a.postEntry(entry('late', '2026-01-03'))).toMatchObject({
			ok: false,
			error: { code: 'ledger/archived-account' }
		});
		net.flush();
		for (const r of [a, b]) {
			expect(r.entries().map((e) => e.id)).toEqual(['old']);
			expect(r.quarantined()).toMatchObject([{ id: 'new', code: 'ledger/archived-account' }]);
		}
	});

	it('shows duplicate document numbers after a merge instead of renumbering', () => {
		const { net, a, b } = pair();
		net.online[1] = false;
		a.postEntry(entry('a1', '2026-01-01', '1.00', { number: '101' }));
		b.postEntry(entry('b1', '2026-01-02', '2.00', { number: '101' }));
		b.postEntry(entry('b2', '2026-01-02', '2.00', { number: '102' }));
		expect(a.duplicateNumbers()).toEqual([]);
		net.flush();
		expect(b.duplicateNumbers()).toEqual([{ number: '101', entryIds: ['a1', 'b1'] }]);
		expect(b.entries().find((e) => e.id === 'b1')?.number).toBe('101');
	});

	it('imports a journal in one transaction, and a bad one not at all, naming its line', async () => {
		const { a, net } = pair();
		const doc = net.docs[0] as Y.Doc;
		let updates = 0;
		doc.on('update', () => updates++);
		const good = [
			'2026-01-05 Donation',
			'    Assets:Bank  $50.00',
			'    Income:Gifts',
			'',
			'2026-01-06 (7) Rent',
			'    Expenses:Rent  $20.00',
			'    Assets:Bank'
		].join('\n');
		const result = await importJournal(a, good, 'jan.journal');
		expect(result).toMatchObject({ ok: true, value: { entries: 2, accounts: 6 } });
		expect(updates).toBe(1);
		expect(a.entries()).toHaveLength(2);
		const before = a.stateVector();
		const bad = good + '\n\n2026-01-07 Broken\n    Assets:Bank  $1.00\n    Income:Gifts  $-2.00\n';
		const refused = await importJournal(a, bad, 'feb.journal');
		expect(refused.ok).toBe(false);
		if (!refused.ok) expect(refused.error.message).toMatch(/feb\.journal.*\b9\b/);
		expect(a.stateVector()).toBe(before);
		expect(updates).toBe(1);
		// Into the locked period: refused with its line, nothing written.
		a.setLockDate('2026-01-31' as IsoDate);
		const locked = await importJournal(
			a,
			'2026-01-10 Late\n    Assets:Bank  $1\n    Income:Gifts\n',
			'late.journal'
		);
		expect(locked).toMatchObject({ ok: false, error: { code: 'ledger/locked-period' } });
		if (!locked.ok) expect(locked.error.message).toMatch(/^late\.journal:1: /);
	});

	it('matches imported accounts to the chart by full name and round-trips through export', async () => {
		const { a } = pair();
		expect(a.postEntry(entry('e1', '2026-01-01', '10.00', { number: '5' })).ok).toBe(true);
		const exported = a.exportJournal();
		expect(exported.ok).toBe(true);
		if (!exported.ok) return;
		// Re-importing the export into the same books changes nothing.
		const again = await importJournal(a, exported.value, 'books.journal');
		expect(again).toMatchObject({ ok: true, value: { accounts: 0, entries: 0, unchanged: 1 } });
		const fresh = new BooksReplica(new Y.Doc());
		expect((await importJournal(fresh, exported.value, 'books.journal')).ok).toBe(true);
		expect(fresh.entries()).toEqual(a.entries());
		expect(fresh.accounts()).toEqual(a.accounts());
		// A file naming 'Bank' as a top-level account maps onto the existing 'bank' id.
		const more = await importJournal(a, '2026-02-01 More\n    Bank  $3\n    Sales\n', 'more.journal');
		expect(more).toMatchObject({ ok: true, value: { accounts: 0, entries: 1 } });
		expect(
			a
				.entries()
				.at(-1)
				?.lines.map((l) => l.account)
		).toEqual(['bank', 'sales']);
	});

	it('fills an empty chart from a template, once', () => {
		const r = new BooksReplica(new Y.Doc());
		const made = r.applyChartTemplate('us');
		expect(made.ok).toBe(true);
		expect(r.chartTemplate()).toBe('us');
		expect(r.accounts().length).toBeGreaterThan(10);
		expect(r.chartProblems()).toEqual([]);
		expect(r.applyChartTemplate('us').ok).toBe(false);
	});
});
