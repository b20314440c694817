// Randomized books-shard runs with malicious replicas among honest ones: shuffled delivery, random
// disconnects, and malicious writes of every type under the accounts, entries, drafts and batch maps
// (including records posing as an honest account or entry under another key). The honest replicas must
// end identical, open without throwing, and show the honest accounts, the honest entries and the trial
// balance exactly as a replica that only received honest updates shows them.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DecimalString, IsoDate } from '$lib/shared/domain';
import { LEDGER_SCHEMA_VERSION, trialBalance, type EntryLine, type JournalEntry } from '$lib/books/domain';
import { ReplicaNet, rng } from '$lib/shared/testing/replica-net';
import { BooksReplica } from './replica';
import * as docs from './doc';
import { entryBatchesMap } from './batches';

type Random = () => number;
const pick = <T>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

/** A line in USD; amounts here are written as decimals by the test itself (as replica.test.ts does). */
const line = (account: string, amount: string): EntryLine => ({
	account,
	amount: amount as DecimalString,
	commodity: 'USD'
});

/** A value of some type a malicious peer files under one of the books maps. */
function garbage(random: Random, key: string, honestIds: readonly string[]): unknown {
	const claim = honestIds.length ? pick(random, honestIds) : key;
	return pick<() => unknown>(random, [
		() => 42,
		() => 'junk',
		() => null,
		() => [1, 2],
		() => ({ id: key, lines: 'not lines' }),
		() => Y.Array.from([1]),
		() => new Y.Text('x'),
		// An unbalanced entry under its own id.
		() => ({
			schemaVersion: 1,
			id: key,
			date: '2026-03-01',
			memo: 'forged',
			status: 'posted',
			lines: [line('bank', '100.00'), line('sales', '-1.00')]
		}),
		// A sound, balanced entry filed under a fresh key but claiming an honest entry's id.
		() => ({
			schemaVersion: 1,
			id: claim,
			date: '2026-03-01',
			memo: 'forged',
			status: 'posted',
			lines: [line('bank', '5000.00'), line('sales', '-5000.00')]
		}),
		() => {
			const m = new Y.Map<unknown>();
			m.set('schemaVersion', pick(random, [1, 'x', 99]));
			m.set('id', pick(random, [key, claim, 7]));
			m.set('name', pick(random, [5, 'Forged account', null]));
			m.set('type', pick(random, ['asset', 'treasure', 3]));
			m.set('lines', pick(random, ['x', 5]));
			return m;
		}
	])();
}

interface Run {
	honest: BooksReplica[];
	docs: Y.Doc[];
	reference: Y.Doc;
	entries: Set<string>;
	accounts: Set<string>;
}

function run(seed: number): Run {
	const random = rng(seed);
	const honestCount = 2 + Math.floor(random() * 3);
	const maliciousCount = 1 + Math.floor(random() * 2);
	const net = new ReplicaNet(honestCount + maliciousCount, random);
	const honestDocs = net.docs.slice(0, honestCount);
	let serial = 0;
	const honest = honestDocs.map(
		(d, who) => new BooksReplica(d, { newId: () => `x${seed}-${who}-${serial++}` })
	);
	const honestUpdates: Uint8Array[] = [];
	for (const d of honestDocs)
		d.on('update', (u: Uint8Array, origin: unknown) => {
			if (origin !== 'net') honestUpdates.push(u);
		});
	const entries = new Set<string>();
	const accounts = new Set<string>(['bank', 'sales', 'rent']);
	const r0 = honest[0] as BooksReplica;
	r0.createAccount({ schemaVersion: 1, id: 'bank', name: 'Bank', type: 'asset', subtype: 'bank' });
	r0.createAccount({ schemaVersion: 1, id: 'sales', name: 'Sales', type: 'income' });
	r0.createAccount({ schemaVersion: 1, id: 'rent', name: 'Rent', type: 'expense' });
	net.flush();

	const steps = 30 + Math.floor(random() * 30);
	for (let step = 0; step < steps; step++) {
		const who = Math.floor(random() * net.docs.length);
		const roll = random();
		if (who < honestCount) {
			const r = honest[who] as BooksReplica;
			const chart = r
				.accounts()
				.map((a) => a.id)
				.filter((id) => accounts.has(id));
			if (roll < 0.6 && chart.length >= 2) {
				const [a, b] = [pick(random, chart), pick(random, chart)];
				const cents = 1 + Math.floor(random() * 100000);
				const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
				const entry: JournalEntry = {
					schemaVersion: LEDGER_SCHEMA_VERSION,
					id: `e${seed}-${who}-${serial++}`,
					date: `2026-0${1 + Math.floor(random() * 9)}-15` as IsoDate,
					memo: `entry ${serial}`,
					status: 'posted',
					lines: [line(a, amount), line(b, `-${amount}`)]
				};
				if (r.postEntry(entry).ok) entries.add(entry.id);
			} else if (roll < 0.75) {
				const id = `a${seed}-${who}-${serial++}`;
				if (r.createAccount({ schemaVersion: 1, id, name: `Account ${id}`, type: 'expense' }).ok)
					accounts.add(id);
			} else net.online[who] = !net.online[who];
		} else {
			const doc = net.docs[who] as Y.Doc;
			const key = `evil-${who}-${serial++}`;
			const target = pick(random, [
				docs.entriesMap(doc),
				docs.accountsMap(doc) as Y.Map<unknown>,
				docs.draftsMap(doc) as Y.Map<unknown>,
				entryBatchesMap(doc)
			]);
			if (roll < 0.85) target.set(key, garbage(random, key, [...entries, ...accounts]));
			else net.online[who] = !net.online[who];
		}
		net.deliverSome(Math.floor(random() * 5));
	}
	net.flush();
	// y-webrtc's sync step on (re)connect (see tasks/sync/malicious.test.ts for why it is modelled).
	for (const to of net.docs)
		for (const from of net.docs)
			if (to !== from) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'net');

	const reference = new Y.Doc();
	for (const u of honestUpdates) Y.applyUpdate(reference, u);
	return { honest, docs: honestDocs, reference, entries, accounts };
}

/** What Books shows from a replica: honest accounts and entries, and the trial balance of all that counts. */
function view(r: BooksReplica, run_: Run) {
	const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
	return {
		accounts: r
			.accounts()
			.filter((a) => run_.accounts.has(a.id))
			.sort(byId),
		entries: r
			.entries()
			.filter((e) => run_.entries.has(e.id))
			.sort(byId),
		trialBalance: trialBalance({ entries: r.entries(), accounts: r.accounts() })
	};
}

describe('books shard with malicious replicas', () => {
	it('honest replicas converge and show the trial balance of a run without the malicious ones (60 seeds)', () => {
		let counted = 0;
		let keptAside = 0;
		for (let seed = 1; seed <= 60; seed++) {
			const run_ = run(seed);
			expect(run_.reference.store.pendingStructs, `seed ${seed}`).toBeNull();
			const clean = view(new BooksReplica(run_.reference), run_);
			for (const [i, r] of run_.honest.entries()) {
				const doc = run_.docs[i] as Y.Doc;
				expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(run_.docs[0] as Y.Doc));
				expect(view(r, run_), `seed ${seed}`).toEqual(clean);
				const fresh = new Y.Doc();
				Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
				let reopened: BooksReplica | undefined;
				expect(() => (reopened = new BooksReplica(fresh))).not.toThrow();
				expect(view(reopened as BooksReplica, run_), `seed ${seed}`).toEqual(clean);
			}
			counted += clean.entries.length;
			keptAside += (run_.honest[0] as BooksReplica).quarantined().length;
		}
		expect(counted).toBeGreaterThan(200);
		// The attacks landed: malicious entries reached the honest replicas and were kept aside.
		expect(keptAside).toBeGreaterThan(30);
	});
});
