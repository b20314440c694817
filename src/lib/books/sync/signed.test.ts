// Signed Books facts with real Ed25519 keys: a posted entry, a reversal, an imported batch and a lock
// date count only when sealed by a key holding owner, admin or Books (or, for a removed member, when
// it held one); unsealed entries count only when an owner or admin adopted them; forged ones are
// kept aside in words naming who signed; a lock date cleared without a signature stays as set.
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { computeTrust, type Role, type StatementBody, type TrustState } from '$lib/shared/domain/identity';
import { generateDeviceKey, verifyBytes, type DeviceKey } from '$lib/shared/crypto/signing';
import { createSealChecker } from '$lib/shared/sync/fact-seal';
import { newShardDoc } from '$lib/shared/sync/facts';
import { generateBook } from '$lib/books/domain/generate';
import type { IsoDate } from '$lib/shared/domain';
import type { JournalEntry } from '$lib/books/domain';
import { BooksReplica } from './replica';
import { adoptUnsealed, booksAuthority } from './adoption';
import { sealEntry } from './authority';
import * as docs from './doc';

const WS = 'W1';
let n = 0;
const id = () => `s${String(++n).padStart(8, '0')}`;

async function team() {
	const owner = await generateDeviceKey();
	const books = await generateDeviceKey();
	const tasks = await generateDeviceKey();
	const gone = await generateDeviceKey();
	const grant = (by: DeviceKey, who: DeviceKey, role: Role, member: string): StatementBody => ({
		v: 1,
		kind: 'grant',
		id: id(),
		workspaceId: WS,
		by: by.publicKey,
		member,
		memberKey: who.publicKey,
		role
	});
	const statements: StatementBody[] = [
		grant(owner, books, 'books', 'm-bea'),
		grant(owner, tasks, 'tasks', 'm-tom'),
		grant(owner, gone, 'books', 'm-gil'),
		{ v: 1, kind: 'revoke', id: id(), workspaceId: WS, by: owner.publicKey, memberKey: gone.publicKey }
	];
	const trust = computeTrust(owner.publicKey, statements);
	return { owner, books, tasks, gone, trust };
}

const names: Record<string, string> = { 'm-bea': 'Bea', 'm-tom': 'Tom', 'm-gil': 'Gil' };

function replicaOver(doc: Y.Doc, trust: () => TrustState | null, signer: DeviceKey | null) {
	const checker = createSealChecker();
	const authority = booksAuthority(doc, {
		workspaceId: WS,
		checker,
		trust,
		nameOf: (key) => names[trust()?.memberOf.get(key) ?? ''] ?? 'someone who is not a member'
	});
	const replica = new BooksReplica(doc, {
		newId: id,
		authority,
		signer: () => (signer ? { device: signer, workspaceId: WS } : null)
	});
	return { replica, checker, settle: async () => (await replica.flush(), await checker.settled()) };
}

function book(count = 6) {
	const { accounts, entries } = generateBook({ seed: 3, entries: count });
	return { accounts, entries: entries as JournalEntry[] };
}

function seeded(count = 6) {
	const doc = newShardDoc('books');
	const { accounts, entries } = book(count);
	for (const a of accounts) docs.insertAccount(doc, a);
	return { doc, entries };
}

describe('signed posted entries', () => {
	it('counts what an entitled member sealed, and keeps aside unsealed, forged and wrong-role entries', async () => {
		const t = await team();
		const { doc, entries } = seeded();
		const [mine, teammate, unsigned, byTasks, tampered] = entries as [
			JournalEntry,
			JournalEntry,
			JournalEntry,
			JournalEntry,
			JournalEntry
		];
		const { replica, settle } = replicaOver(doc, () => t.trust, t.owner);
		expect(replica.postEntry(mine).ok).toBe(true);
		docs.insertEntry(doc, await sealEntry(t.books, WS, teammate));
		docs.insertEntry(doc, unsigned);
		docs.insertEntry(doc, await sealEntry(t.tasks, WS, byTasks));
		const sealed = await sealEntry(t.books, WS, tampered);
		docs.insertEntry(doc, { ...sealed, memo: 'changed after signing' });
		await settle();
		expect(
			replica
				.entries()
				.map((e) => e.id)
				.sort()
		).toEqual([mine.id, teammate.id].sort());
		const aside = new Map(replica.quarantined().map((q) => [q.id, q]));
		expect(aside.get(unsigned.id)?.code).toBe('ledger/unsigned-entry');
		expect(aside.get(byTasks.id)?.code).toBe('ledger/no-books-role');
		expect(aside.get(byTasks.id)?.message).toContain('signed by Tom, who may not post');
		expect(aside.get(tampered.id)?.code).toBe('ledger/bad-signature');
		expect(aside.get(tampered.id)?.message).toContain('Bea');
	});

	it('seals a reversal, and still counts what a removed Books member posted while a member', async () => {
		const t = await team();
		const { doc, entries } = seeded();
		const [first, byGone] = entries as [JournalEntry, JournalEntry];
		const { replica, settle } = replicaOver(doc, () => t.trust, t.books);
		replica.postEntry(first);
		docs.insertEntry(doc, await sealEntry(t.gone, WS, byGone));
		await settle();
		const reversal = replica.reverseEntry(first.id);
		expect(reversal.ok).toBe(true);
		await settle();
		const counted = replica.entries().map((e) => e.id);
		expect(counted).toContain(byGone.id);
		expect(counted).toContain(reversal.ok ? reversal.value.id : '');
		expect(replica.quarantined()).toEqual([]);
	});

	it('an entry is not counted until the roles are known, then is', async () => {
		const t = await team();
		const { doc, entries } = seeded();
		let trust: TrustState | null = null;
		docs.insertEntry(doc, await sealEntry(t.books, WS, entries[0] as JournalEntry));
		const { replica, settle } = replicaOver(doc, () => trust, null);
		await settle();
		expect(replica.entries()).toEqual([]);
		expect(replica.quarantined()).toEqual([]);
		trust = t.trust;
		replica.rejudge();
		expect(replica.entries().map((e) => e.id)).toEqual([(entries[0] as JournalEntry).id]);
	});
});

describe('seal chains of posted entries', () => {
	/** A replica whose checker counts the signatures it verifies. */
	function counted(doc: Y.Doc, trust: TrustState) {
		const verify = vi.fn(verifyBytes);
		const checker = createSealChecker({ verifyBytes: verify });
		const authority = booksAuthority(doc, {
			workspaceId: WS,
			checker,
			trust: () => trust,
			nameOf: (key) => names[trust.memberOf.get(key) ?? ''] ?? 'someone who is not a member'
		});
		return { replica: new BooksReplica(doc, { newId: id, authority }), checker, verify };
	}

	it('entries a Books member posted one by one count after ONE signature check; one changed in the middle is kept aside, its neighbours count', async () => {
		const t = await team();
		const { doc, entries } = seeded(12);
		// Bea's device posts ten entries, each sealed on its own (a chain), elsewhere.
		const posted: Awaited<ReturnType<typeof sealEntry<JournalEntry>>>[] = [];
		for (const e of entries.slice(0, 10)) posted.push(await sealEntry(t.books, WS, e));
		const { replica, checker, verify } = counted(doc, t.trust);
		doc.transact(() => {
			posted.forEach((e, i) => docs.insertEntry(doc, i === 4 ? { ...e, memo: 'changed after signing' } : e));
		});
		await checker.settled();
		const changed = posted[4]?.id as string;
		expect(
			replica
				.entries()
				.map((e) => e.id)
				.sort()
		).toEqual(
			posted
				.map((e) => e.id)
				.filter((i) => i !== changed)
				.sort()
		);
		expect(replica.quarantined().map((q) => [q.id, q.code])).toEqual([[changed, 'ledger/bad-signature']]);
		// The head, the changed entry's own (failing) signature, and then its key's older pending
		// entries each on their own (a failed head makes the rest of that key's chain suspect).
		expect(verify.mock.calls.length).toBeLessThanOrEqual(2 + 4);

		// Without a change, a chain of ten costs one signature.
		const clean = seeded(12);
		const again = counted(clean.doc, t.trust);
		clean.doc.transact(() => posted.forEach((e) => docs.insertEntry(clean.doc, e)));
		await again.checker.settled();
		expect(again.replica.entries()).toHaveLength(10);
		expect(again.verify).toHaveBeenCalledTimes(1);
	});

	it('a chain seal by a key without Books access vouches for nothing it may not write', async () => {
		const t = await team();
		const { doc, entries } = seeded(6);
		const byTasks: Awaited<ReturnType<typeof sealEntry<JournalEntry>>>[] = [];
		for (const e of entries.slice(0, 3)) byTasks.push(await sealEntry(t.tasks, WS, e));
		const { replica, checker } = counted(doc, t.trust);
		doc.transact(() => byTasks.forEach((e) => docs.insertEntry(doc, e)));
		await checker.settled();
		expect(replica.entries()).toEqual([]);
		expect(new Set(replica.quarantined().map((q) => q.code))).toEqual(new Set(['ledger/no-books-role']));
	});

	it('entries posted here through the replica chain, and a later-arriving middle entry counts at once', async () => {
		const t = await team();
		const { doc, entries } = seeded(8);
		const remote = newShardDoc('books');
		for (const a of docs.readAllAccounts(doc)) docs.insertAccount(remote, a);
		const writer = replicaOver(remote, () => t.trust, t.books);
		for (const e of entries.slice(0, 5)) expect(writer.replica.postEntry(e).ok).toBe(true);
		await writer.settle();
		const stored = entries
			.slice(0, 5)
			.map((e) => docs.readEntryValue(remote, e.id) as { seal: { prev?: string } });
		expect(stored.slice(1).every((v) => typeof v.seal.prev === 'string')).toBe(true);
		// Here: everything but the third arrives first; the third later.
		const { replica, checker, verify } = counted(doc, t.trust);
		doc.transact(() => stored.forEach((v, i) => i !== 2 && docs.insertEntry(doc, v as never)));
		await checker.settled();
		expect(replica.entries()).toHaveLength(4);
		const before = verify.mock.calls.length;
		docs.insertEntry(doc, stored[2] as never);
		expect(replica.entries()).toHaveLength(5);
		await checker.settled();
		expect(verify.mock.calls.length).toBe(before);
	});
});

describe('signed imported batches', () => {
	it('seals one signature per batch; an unsealed or wrong-role batch does not count', async () => {
		const t = await team();
		const { accounts, entries } = book(120);
		const doc = newShardDoc('books');
		const { replica, settle } = replicaOver(doc, () => t.trust, t.owner);
		const summary = await replica.importRecords({ accounts, entries }, 'book.journal');
		expect(summary.ok).toBe(true);
		await settle();
		expect(replica.entries()).toHaveLength(120);
		expect(docs.entryBatchesMap(doc).size).toBe(1);
		expect(doc.getMap('entryBatchSeals').size).toBe(1);

		// A teammate writes batches straight into the shard: one with no seal, one sealed by Tasks.
		const more = generateBook({ seed: 9, entries: 60 }).entries.map((e) => ({ ...e, id: `x-${e.id}` }));
		docs.insertEntryBatch(doc, 'forged-1', more.slice(0, 30));
		const text = docs.batchText(more.slice(30));
		const { sealBatch } = await import('./authority');
		docs.insertEntryBatch(doc, 'forged-2', more.slice(30), {
			text,
			seal: await sealBatch(t.tasks, WS, 'forged-2', text)
		});
		await settle();
		expect(replica.entries()).toHaveLength(120);
		const codes = new Set(replica.quarantined().map((q) => q.code));
		expect(codes).toEqual(new Set(['ledger/unsigned-entry', 'ledger/no-books-role']));
		expect(replica.quarantined()).toHaveLength(60);
	});
});

describe('adoption of entries posted before signatures', () => {
	it('an owner adopts what it holds once; later unsealed entries and a Books member’s adoption do not count', async () => {
		const t = await team();
		const { doc, entries } = seeded(8);
		const [a, b, late] = entries as [JournalEntry, JournalEntry, JournalEntry];
		docs.insertEntry(doc, a);
		docs.insertEntry(doc, b);
		// A Books member cannot adopt.
		expect(await adoptUnsealed(doc, t.books, WS, t.trust, id())).toBe(false);
		const { replica, settle } = replicaOver(doc, () => t.trust, t.owner);
		await settle();
		expect(replica.entries()).toEqual([]);
		expect(await adoptUnsealed(doc, t.owner, WS, t.trust, id())).toBe(true);
		await settle();
		expect(
			replica
				.entries()
				.map((e) => e.id)
				.sort()
		).toEqual([a.id, b.id].sort());
		// Once adopted, no second adoption; a later unsealed entry stays aside.
		docs.insertEntry(doc, late);
		expect(await adoptUnsealed(doc, t.owner, WS, t.trust, id())).toBe(false);
		await settle();
		expect(replica.entries()).toHaveLength(2);
		expect(replica.quarantined().map((q) => q.id)).toEqual([late.id]);
	});
});

describe('the signed lock date', () => {
	it('a lock cleared without a signature, or changed by a Tasks key, stays as set and is listed', async () => {
		const t = await team();
		const { doc, entries } = seeded();
		const { replica, settle } = replicaOver(doc, () => t.trust, t.owner);
		const lockAt = (entries[2] as JournalEntry).date;
		replica.setLockDate(lockAt);
		await settle();
		expect(replica.lockDate()).toBe(lockAt);
		expect(replica.lockReview()).toEqual([]);

		// Cleared straight in the plain setting (a forger, or an older build).
		docs.setLockDate(doc, null);
		await settle();
		expect(replica.lockDate()).toBe(lockAt);
		expect(replica.lockReview().join(' ')).toContain('without a signature');

		// A signed change by a Tasks-only key.
		const tasksSide = replicaOver(doc, () => t.trust, t.tasks);
		tasksSide.replica.setLockDate(null);
		await tasksSide.settle();
		await settle();
		expect(replica.lockDate()).toBe(lockAt);
		expect(replica.lockReview().join(' ')).toContain('Tom tried to change the lock date');

		// A later change by the owner counts and follows the chain.
		const later = '2099-12-31' as IsoDate;
		replica.setLockDate(later);
		await settle();
		expect(replica.lockDate()).toBe(later);
	});

	it('an entry inside the signed lock that arrived unseen stays aside', async () => {
		const t = await team();
		const { doc, entries } = seeded();
		const { replica, settle } = replicaOver(doc, () => t.trust, t.owner);
		replica.setLockDate('2099-12-31' as IsoDate);
		await settle();
		docs.insertEntry(doc, await sealEntry(t.books, WS, entries[0] as JournalEntry));
		await settle();
		expect(replica.quarantined().map((q) => q.code)).toEqual(['ledger/locked-period']);
	});
});

describe('no adoption once the books are signed', () => {
	it('an owner never adopts unsealed entries that arrive after a sealed one', async () => {
		const t = await team();
		const { doc, entries } = seeded();
		const { replica, settle } = replicaOver(doc, () => t.trust, t.owner);
		replica.postEntry(entries[0] as JournalEntry);
		await settle();
		docs.insertEntry(doc, entries[1] as JournalEntry);
		expect(await adoptUnsealed(doc, t.owner, WS, t.trust, id())).toBe(false);
		await settle();
		expect(replica.entries()).toHaveLength(1);
		expect(replica.quarantined().map((q) => q.code)).toEqual(['ledger/unsigned-entry']);
	});
});

describe('seals and sameness', () => {
	it('a re-import of signed entries finds them unchanged, and two signed copies of one entry count once', async () => {
		const t = await team();
		const { accounts, entries } = book(4);
		const doc = newShardDoc('books');
		const { replica, settle } = replicaOver(doc, () => t.trust, t.owner);
		expect((await replica.importRecords({ accounts, entries }, 'a.journal')).ok).toBe(true);
		await settle();
		const again = await replica.importRecords({ accounts, entries }, 'a.journal');
		expect(again.ok && again.value.unchanged).toBe(4);
		// Bea's device imported the same file at once: a second signed copy of each id, in a batch.
		const text = docs.batchText(entries);
		const { sealBatch } = await import('./authority');
		docs.insertEntryBatch(doc, 'bea-batch', entries, {
			text,
			seal: await sealBatch(t.books, WS, 'bea-batch', text)
		});
		await settle();
		expect(replica.entries()).toHaveLength(4);
		expect(replica.quarantined()).toEqual([]);
	});
});
