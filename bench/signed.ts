// The cost of signature checks on Books facts (issue 13: goal <= 10% of each figure without them),
// measured in Node in one run, each figure beside the same work without checks:
//  (a) cold open of a 50k-entry book imported as 50 sealed batches: apply the stored state to a fresh
//      doc, build the BooksReplica (every entry judged) and wait until every seal is checked;
//  (b) merging 10,000 remote posted entries, each sealed by a Books teammate (10,000 signatures),
//      into that open book: apply the update and wait until every entry is judged and counted.
//      Sealed one by one on one device, they form that device's seal chain (fact-seal.ts): the
//      checker verifies the chain's head and digests every entry (one serialisation + SHA-256).
//  (c) the floor under (b) for any check that binds each fact to a signature: serialise each of the
//      10,000 entries and hash it with the engine's native SHA-256 (node:crypto), nothing else.
// `npm run bench -- signed` runs only this.
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { generateBook } from '$lib/books/domain/generate';
import type { JournalEntry } from '$lib/books/domain';
import { computeTrust, type StatementBody } from '$lib/shared/domain/identity';
import { generateDeviceKey } from '$lib/shared/crypto/signing';
import { createSealChecker } from '$lib/shared/sync/fact-seal';
import { newShardDoc } from '$lib/shared/sync/facts';
import { BooksReplica } from '$lib/books/sync/replica';
import { booksAuthority } from '$lib/books/sync/adoption';
import { checkAllSeals, sealBatch, sealEntry } from '$lib/books/sync/authority';
import {
	batchText,
	insertAccount,
	insertEntry,
	insertEntryBatch,
	ENTRY_BATCH_SIZE
} from '$lib/books/sync/doc';

type Record = (what: string, value: string, goal?: string) => void;

const WS = 'bench-signed';
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;

export async function signedBench(record: Record): Promise<void> {
	const owner = await generateDeviceKey();
	const teammate = await generateDeviceKey();
	const grant: StatementBody = {
		v: 1,
		kind: 'grant',
		id: 'bench-grant-1',
		workspaceId: WS,
		by: owner.publicKey,
		member: 'm-1',
		memberKey: teammate.publicKey,
		role: 'books'
	};
	const trust = computeTrust(owner.publicKey, [grant]);

	// The stored book: 50k entries in sealed batches, as an import by the owner writes them.
	const { accounts, entries } = generateBook({ seed: 7, entries: 60_000 });
	const stored = newShardDoc('books');
	for (const a of accounts) insertAccount(stored, a);
	for (let i = 0; i < 50_000; i += ENTRY_BATCH_SIZE) {
		const part = entries.slice(i, i + ENTRY_BATCH_SIZE) as JournalEntry[];
		const text = batchText(part);
		const id = `b${i}`;
		insertEntryBatch(stored, id, part, { text, seal: await sealBatch(owner, WS, id, text) });
	}
	const state = Y.encodeStateAsUpdate(stored);

	// The teammate's 10,000 new entries, each posted (and sealed) on its own, as one update.
	const remote = new Y.Doc();
	Y.applyUpdate(remote, state);
	const before = Y.encodeStateVector(remote);
	const fresh = entries.slice(50_000) as JournalEntry[];
	const sealed = await Promise.all(fresh.map((e) => sealEntry(teammate, WS, e)));
	remote.transact(() => {
		for (const e of sealed) insertEntry(remote, e);
	});
	const edits = Y.encodeStateAsUpdate(remote, before);

	const open = async (checks: boolean) => {
		const t0 = performance.now();
		const doc = newShardDoc('books');
		Y.applyUpdate(doc, state);
		const checker = createSealChecker();
		const authority = checks
			? booksAuthority(doc, { workspaceId: WS, checker, trust: () => trust, nameOf: () => 'someone' })
			: undefined;
		if (authority) await checkAllSeals(doc, authority);
		const replica = new BooksReplica(doc, authority ? { authority } : {});
		await replica.settled();
		const ms = performance.now() - t0;
		if (replica.entries().length !== 50_000) throw new Error(`open counted ${replica.entries().length}`);
		return { ms, doc, replica };
	};
	const merge = async (checks: boolean) => {
		const { doc, replica } = await open(checks);
		const t0 = performance.now();
		Y.applyUpdate(doc, edits);
		await replica.settled();
		const ms = performance.now() - t0;
		if (replica.entries().length !== 60_000) throw new Error(`merge counted ${replica.entries().length}`);
		return ms;
	};

	const runs = 5;
	const times = {
		openPlain: [] as number[],
		openSigned: [] as number[],
		mergePlain: [] as number[],
		mergeSigned: [] as number[],
		floor: [] as number[]
	};
	const floor = () => {
		const t0 = performance.now();
		for (const e of sealed) createHash('sha256').update(JSON.stringify(e)).digest();
		return performance.now() - t0;
	};
	for (let i = 0; i < runs; i++) {
		// Alternate, so neither side always runs on a warmer engine.
		times.openPlain.push((await open(false)).ms);
		times.openSigned.push((await open(true)).ms);
		times.mergePlain.push(await merge(false));
		times.mergeSigned.push(await merge(true));
		times.floor.push(floor());
	}
	const line = (label: string, plain: number[], signed: number[]) => {
		const p = median(plain);
		const s = median(signed);
		const cost = ((s - p) / p) * 100;
		record(
			label,
			`${Math.round(s)} ms with signature checks, ${Math.round(p)} ms without: +${Math.round(s - p)} ms (${cost.toFixed(0)}%) — ${cost <= 10 ? 'meets goal' : 'MISSES GOAL'}`,
			'<= 10% over the figure without checks'
		);
	};
	line(
		'cold open of a 50k-entry book (50 sealed batches) in Node: apply, judge every entry, check every seal (median of 5)',
		times.openPlain,
		times.openSigned
	);
	line(
		'merge 10,000 remote posted entries, each sealed by a Books teammate, into that open book in Node (median of 5)',
		times.mergePlain,
		times.mergeSigned
	);
	const f = median(times.floor);
	const plain = median(times.mergePlain);
	record(
		'floor under that merge for any per-fact check: serialise each of the 10,000 entries and SHA-256 it natively (node:crypto), no signature, no judging (median of 5)',
		`${f.toFixed(0)} ms = ${((f / plain) * 100).toFixed(0)}% of the merge without checks`,
		'what a per-fact seal cannot go below'
	);
}
