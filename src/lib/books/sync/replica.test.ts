// Randomized multi-replica runs of the books shard: 3–5 replicas post balanced entries and
// reversals, create, rename and archive accounts, set lock dates, save drafts, and a hostile peer
// writes bad entries — with random disconnects and shuffled delivery. At every step no counted
// entry is unbalanced; at the end every replica holds identical books, the trial balance sums to
// zero per commodity, nothing posted is lost, and lock/archive flags agree with an oracle that
// remembers which entries the locking replica actually held.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DecimalString, IsoDate } from '$lib/shared/domain';
import {
	imbalance,
	LEDGER_SCHEMA_VERSION,
	trialBalance,
	type Account,
	type AccountType,
	type EntryLine,
	type JournalEntry
} from '$lib/books/domain';
import { ReplicaNet, rng } from '$lib/shared/testing/replica-net';
import { BooksReplica } from './replica';
import * as docs from './doc';

const BASE: Account[] = [
	{ schemaVersion: 1, id: 'bank', name: 'Bank', type: 'asset', subtype: 'bank' },
	{ schemaVersion: 1, id: 'card', name: 'Card', type: 'liability', subtype: 'credit-card' },
	{ schemaVersion: 1, id: 'equity', name: 'Equity', type: 'equity' },
	{ schemaVersion: 1, id: 'sales', name: 'Sales', type: 'income' },
	{ schemaVersion: 1, id: 'rent', name: 'Rent', type: 'expense' }
];
const TYPES: AccountType[] = ['asset', 'liability', 'equity', 'income', 'expense'];

function pick<T>(random: () => number, items: readonly T[]): T | undefined {
	return items[Math.floor(random() * items.length)];
}

function dateOf(random: () => number): IsoDate {
	const m = 1 + Math.floor(random() * 12);
	const d = 1 + Math.floor(random() * 28);
	return `2026-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` as IsoDate;
}

function cents(random: () => number): number {
	return 1 + Math.floor(random() * 500_000);
}
const dec = (c: number) =>
	`${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}` as DecimalString;
const line = (account: string, amount: string): EntryLine => ({
	account,
	amount: amount as DecimalString,
	commodity: 'USD'
});

/** 2–4 lines per commodity, each group summing to exactly zero. */
function balancedLines(random: () => number, accounts: readonly string[]): EntryLine[] {
	const lines: EntryLine[] = [];
	for (const commodity of random() < 0.8 ? ['USD'] : ['USD', 'EUR']) {
		const n = 2 + Math.floor(random() * 3);
		let rest = 0;
		for (let i = 0; i < n - 1; i++) {
			const c = cents(random) * (random() < 0.5 ? 1 : -1);
			rest -= c;
			lines.push({ account: pick(random, accounts) as string, amount: dec(c), commodity });
		}
		if (rest === 0) rest = 1; // keep every line non-zero: move a cent onto the last two lines
		if (rest === 1 && lines.length) {
			const last = lines.pop() as EntryLine;
			lines.push({ ...last, amount: dec(Math.round(Number(last.amount) * 100) - 1) });
		}
		lines.push({ account: pick(random, accounts) as string, amount: dec(rest), commodity });
	}
	return lines;
}

/** The entry values a replica holds, as id@client:clock (two peers may write one id concurrently). */
function held(doc: Y.Doc): Set<string> {
	return new Set(docs.entryIds(doc).flatMap((id) => versions(doc, id)));
}
/** Every stored copy of an entry (a batch import by two peers stores one id twice). */
function versions(doc: Y.Doc, id: string): string[] {
	return docs.entryOccurrences(doc, id).map((o) => `${id}@${o.origin.client}:${o.origin.clock}`);
}
const heldBy = (known: Set<string> | undefined, doc: Y.Doc, id: string) =>
	versions(doc, id).some((v) => known?.has(v));

/** Three "exported journals" every replica may import, some concurrently: 50–60 entries each. */
function exportsFor(seed: number, random: () => number): JournalEntry[][] {
	return [0, 1, 2].map((k) =>
		Array.from({ length: 50 + Math.floor(random() * 11) }, (_, i) => ({
			schemaVersion: LEDGER_SCHEMA_VERSION,
			id: `exp${seed}-${k}-${i}`,
			date: dateOf(random),
			memo: `imported ${k}/${i}`,
			status: 'posted' as const,
			lines: balancedLines(random, ['bank', 'card', 'equity', 'sales', 'rent'])
		}))
	);
}

function snapshot(r: BooksReplica): string {
	return JSON.stringify({
		accounts: r.accounts(),
		entries: r.entries(),
		quarantined: r.quarantined().map((q) => [q.id, q.code]),
		drafts: r.drafts(),
		lock: r.lockDate(),
		duplicates: r.duplicateNumbers()
	});
}

interface Totals {
	posted: number;
	lockFlagged: number;
	archiveFlagged: number;
	hostile: number;
	duplicates: number;
}

async function runSeed(seed: number, totals: Totals) {
	const random = rng(seed);
	const count = 3 + Math.floor(random() * 3);
	const net = new ReplicaNet(count, random);
	let serial = 0;
	const replicas = net.docs.map(
		(d, who) => new BooksReplica(d, { newId: () => `x${seed}-${who}-${serial++}` })
	);
	const r0 = replicas[0] as BooksReplica;
	for (const a of BASE) expect(r0.createAccount(a).ok).toBe(true);
	net.flush();

	const posted = new Map<string, JournalEntry>(); // accepted at write time somewhere
	const hostile = new Map<string, string>(); // id -> expected quarantine code
	const lockKnown = new Map<string, Set<string>>(); // lock's "seen" -> entry ids its setter held
	const archiveKnown = new Map<string, Set<string>>(); // archive's "seen" -> entry ids held

	const exported = exportsFor(seed, random);
	const steps = 40 + Math.floor(random() * 30);
	for (let step = 0; step < steps; step++) {
		const who = Math.floor(random() * count);
		const r = replicas[who] as BooksReplica;
		const doc = net.docs[who] as Y.Doc;
		const open = r
			.accounts()
			.filter((a) => !a.archived)
			.map((a) => a.id);
		const roll = random();
		if (roll < 0.4 && open.length > 0) {
			const entry: JournalEntry = {
				schemaVersion: LEDGER_SCHEMA_VERSION,
				id: `e${seed}-${who}-${serial++}`,
				date: dateOf(random),
				memo: `entry ${serial}`,
				status: 'posted',
				lines: balancedLines(random, open),
				...(random() < 0.3 ? { number: String(100 + Math.floor(random() * 6)) } : {})
			};
			const result = r.postEntry(entry);
			if (result.ok) posted.set(entry.id, result.value);
			else expect(result.error.code, result.error.message).toBe('ledger/locked-period');
		} else if (roll < 0.5) {
			const target = pick(random, r.entries());
			if (target) {
				const result = r.reverseEntry(target.id);
				if (result.ok) posted.set(result.value.id, result.value);
				else
					expect(['ledger/locked-period', 'ledger/archived-account', 'ledger/bad-entry']).toContain(
						result.error.code
					);
			}
		} else if (roll < 0.55) {
			// A hostile or buggy peer bypasses validation and writes straight into the shard.
			const id = `bad${seed}-${who}-${serial++}`;
			const kind = random();
			const lines: EntryLine[] =
				kind < 0.5
					? [line('bank', '10.00'), line('sales', '-9.99')]
					: [line('bank', '10.00'), line('ghost', '-10.00')];
			docs.insertEntry(doc, {
				schemaVersion: 1,
				id,
				date: '2026-12-31' as IsoDate,
				memo: 'forged',
				status: 'posted',
				lines
			});
			hostile.set(id, kind < 0.5 ? 'ledger/unbalanced' : 'ledger/unknown-account');
		} else if (roll < 0.62) {
			const id = `a${seed}-${who}-${serial++}`;
			expect(
				r.createAccount({
					schemaVersion: 1,
					id,
					name: `Account ${id}`,
					type: pick(random, TYPES) as AccountType
				}).ok
			).toBe(true);
		} else if (roll < 0.67) {
			const target = pick(random, r.accounts());
			if (target)
				r.patchAccount(
					target.id,
					random() < 0.5 ? { name: `${target.name} ${serial++}` } : { code: String(1000 + serial++) }
				);
		} else if (roll < 0.7) {
			const target = pick(random, r.accounts());
			if (target) {
				r.archiveAccount(target.id, !target.archived || random() < 0.3);
				const seen = docs.archivedSeen(doc, target.id);
				if (seen) archiveKnown.set(seen, held(doc));
			}
		} else if (roll < 0.74) {
			const date = random() < 0.1 ? null : dateOf(random);
			r.setLockDate(date);
			lockKnown.set(docs.readLock(doc).seen, held(doc));
		} else if (roll < 0.82) {
			const draft = pick(random, r.drafts());
			if (draft && random() < 0.3) r.deleteDraft(draft.id);
			else if (
				draft &&
				random() < 0.5 &&
				r.postEntry({ ...draft, status: 'posted' }, { fromDraft: draft.id }).ok
			)
				posted.set(draft.id, draft);
			else
				r.saveDraft({
					schemaVersion: 1,
					id: draft?.id ?? `d${seed}-${who}-${serial++}`,
					date: dateOf(random),
					memo: `draft by ${who}`,
					status: 'draft',
					lines: open.length > 0 ? balancedLines(random, open) : []
				});
		} else if (roll < 0.86) {
			// Bulk import of one of the shared exports (stored as a batch): concurrent imports of one
			// file by two peers must count each entry once.
			const file = pick(random, exported) as JournalEntry[];
			const result = await r.importRecords({ accounts: [], entries: file }, 'export.journal');
			if (result.ok) for (const e of file) posted.set(e.id, e);
			else {
				// Shuffled delivery can leave an account's renamed field briefly unreadable (see
				// ARCHITECTURE: delete sets apply before their structs), so the chart may lack it for now.
				const chart = new Set(r.accounts().map((a) => a.id));
				const missing = file.some((e) => e.lines.some((l) => !chart.has(l.account)));
				const allowed = [
					'ledger/locked-period',
					'ledger/archived-account',
					...(missing ? ['ledger/unknown-account'] : [])
				];
				expect(allowed, result.error.message).toContain(result.error.code);
			}
		} else {
			const i = Math.floor(random() * count);
			net.online[i] = !net.online[i];
		}
		net.deliverSome(Math.floor(random() * 4));
		// At every moment, on every replica: nothing unbalanced and nothing malformed counts.
		// (Plain checks, one expect per step: expect() per entry would dominate the run time.)
		const unbalanced = replicas.flatMap((x) =>
			x
				.entries()
				.filter((e) => Object.keys(imbalance(e.lines)).length > 0)
				.map((e) => e.id)
		);
		if (unbalanced.length > 0) expect(unbalanced, `seed ${seed}, step ${step}`).toEqual([]);
	}
	net.flush();

	const first = snapshot(r0);
	for (const r of replicas) expect(snapshot(r), `seed ${seed}`).toBe(first);
	const sv = Y.encodeStateVector(net.docs[0] as Y.Doc);
	for (const d of net.docs) expect(Y.encodeStateVector(d)).toEqual(sv);

	const counted = new Map(r0.entries().map((e) => [e.id, e]));
	const flagged = new Map(r0.quarantined().map((q) => [q.id, q]));
	expect(trialBalance({ entries: r0.entries(), accounts: r0.accounts() }).totals, `seed ${seed}`).toEqual({});
	const chart = new Set(r0.accounts().map((a) => a.id));
	expect([...counted.values()].filter((e) => e.lines.some((l) => !chart.has(l.account)))).toEqual([]);

	// Nothing posted is lost: it counts, or it waits in quarantine for review for a reason a peer caused.
	// (A draft posted on two replicas at once is one id: the shard keeps one of the two values.)
	const lost = [...posted.keys()].filter((id) => !counted.has(id) && !flagged.has(id));
	expect(lost, `lost (seed ${seed})`).toEqual([]);
	const wrongReason = [...posted.keys()].filter((id) => {
		const code = flagged.get(id)?.code;
		return code !== undefined && code !== 'ledger/locked-period' && code !== 'ledger/archived-account';
	});
	expect(wrongReason, `seed ${seed}`).toEqual([]);
	const forged = [...hostile].filter(([id, code]) => counted.has(id) || flagged.get(id)?.code !== code);
	expect(forged, `forged entries counted or misjudged (seed ${seed})`).toEqual([]);

	// Lock oracle: a counted entry dated in the locked period was held by the replica that set the
	// lock; a posted entry it held (and that nothing else flags) counts.
	const lock = r0.lockDate();
	if (lock !== null) {
		const doc0 = net.docs[0] as Y.Doc;
		const known = lockKnown.get(docs.readLock(doc0).seen);
		expect(known, `seed ${seed}: the winning lock was never set`).toBeDefined();
		const unseen = [...counted.values()].filter((e) => e.date <= lock && !heldBy(known, doc0, e.id));
		expect(unseen, `seed ${seed}: counted in the locked period though the locker never had it`).toEqual([]);
		const misjudged: string[] = [];
		for (const [id, e] of posted) {
			const q = flagged.get(id);
			const had = heldBy(known, doc0, id);
			if (e.date <= lock && had && q?.code === 'ledger/locked-period') misjudged.push(id);
			if (e.date <= lock && !had && q?.code !== 'ledger/archived-account') {
				if (q?.code !== 'ledger/locked-period') misjudged.push(id);
				totals.lockFlagged++;
			}
		}
		expect(misjudged, `seed ${seed}: lock flags disagree with the oracle`).toEqual([]);
	}
	for (const a of r0.accounts()) {
		if (!a.archived) continue;
		const doc0 = net.docs[0] as Y.Doc;
		const known = archiveKnown.get(docs.archivedSeen(doc0, a.id) ?? '');
		expect(known, `seed ${seed}: archive of ${a.id} never recorded`).toBeDefined();
		const unseen = [...counted.values()].filter(
			(e) => e.lines.some((l) => l.account === a.id) && !heldBy(known, doc0, e.id)
		);
		expect(unseen, `seed ${seed}: counted on archived ${a.id} though the archiver never had it`).toEqual([]);
	}
	totals.archiveFlagged += [...flagged.values()].filter((q) => q.code === 'ledger/archived-account').length;

	// Duplicate numbers: exactly the numbers two counted entries share.
	const byNumber = new Map<string, string[]>();
	for (const e of counted.values())
		if (e.number) byNumber.set(e.number, [...(byNumber.get(e.number) ?? []), e.id]);
	const dupes = [...byNumber]
		.filter(([, ids]) => ids.length > 1)
		.map(([n, ids]) => ({ number: n, entryIds: ids.sort() }));
	expect(r0.duplicateNumbers()).toEqual(dupes.sort((a, b) => (a.number < b.number ? -1 : 1)));

	totals.posted += posted.size;
	totals.hostile += hostile.size;
	totals.duplicates += dupes.length;
}

describe('books shard under randomized multi-replica editing', () => {
	it('converges with balanced books and nothing lost over 300 seeds', async () => {
		const totals: Totals = { posted: 0, lockFlagged: 0, archiveFlagged: 0, hostile: 0, duplicates: 0 };
		for (let seed = 1; seed <= 300; seed++) await runSeed(seed, totals);
		// The runs really exercised what they claim to check.
		expect(totals.posted).toBeGreaterThan(3000);
		expect(totals.lockFlagged).toBeGreaterThan(20);
		expect(totals.archiveFlagged).toBeGreaterThan(20);
		expect(totals.hostile).toBeGreaterThan(200);
		expect(totals.duplicates).toBeGreaterThan(20);
	});
});
