// Who wrote a posted entry, and may they: the seal check for Books facts. A posted entry (in
// `entries`) carries its seal inside its value; an imported batch (one JSON string in
// `entryBatches`) has its seal stored beside it in `entryBatchSeals` under the same key, signing
// the batch string exactly as stored (fact-seal sealedText: never re-serialised to check it; one
// signature per batch of up to 1000 entries). A fact counts only when its seal is good AND its
// signer may author Books facts (owner, admin, Books; shared/sync/fact-seal mayAuthor: the role at
// the time). Facts written before this build carry no seal: they count when
// an owner or admin device adopted them (`factAdoptions`, see adoption.ts); any other unsealed fact,
// a bad seal or a signer without the role is kept aside with who and why, never counted.
import type * as Y from 'yjs';
import type { Role, TrustState } from '$lib/shared/domain/identity';
import { firstFact } from '$lib/shared/sync/facts';
import {
	mayAuthor,
	sealFact,
	sealText,
	sealOf,
	type FactContext,
	type FactSeal,
	type SealChecker,
	type SealStatus
} from '$lib/shared/sync/fact-seal';
import type { DeviceKey } from '$lib/shared/crypto/signing';

/** Roles whose keys may write Books facts. */
export const BOOKS_AUTHORS: readonly Role[] = ['owner', 'admin', 'books'];
/** Seals of imported batches, by batch id (a fact map: written once). */
export const BATCH_SEALS = 'entryBatchSeals';

export function batchSealsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(BATCH_SEALS);
}

/** What a replica needs to judge authorship. Absent: a workspace without member keys (nothing to check). */
export interface BooksAuthority {
	readonly workspaceId: string;
	readonly checker: SealChecker;
	/** The roles now; null while they are not yet known (then no sealed fact counts yet). */
	trust(): TrustState | null;
	/** Fact keys (`entries:<id>`, `entryBatches:<id>`) adopted as written before seals, with their digests. */
	adopted(): ReadonlyMap<string, string> | null;
	/** A digest of an unsealed fact's value, as adoption records it. */
	digest(value: unknown): string;
	/** A signer's name in words ("Ana (Books)", "someone not a member"). */
	nameOf(key: string): string;
}

/** Where a posted entry's value was written: a single entry or a batch. */
export interface FactSource {
	readonly map: 'entries' | 'entryBatches';
	readonly key: string;
}

export type Authorship =
	| { readonly kind: 'ok'; readonly signer: string | null }
	| { readonly kind: 'pending' }
	| {
			readonly kind: 'unsealed' | 'bad-seal' | 'no-role';
			/** The key that signed (bad-seal: the key the seal names). */
			readonly signer: string | null;
	  };

const ctxOf = (auth: BooksAuthority, map: string): FactContext => ({
	workspaceId: auth.workspaceId,
	shard: 'books',
	map
});

/** The seal a fact carries (entries) or that sits beside it (batches). */
function sealFor(doc: Y.Doc, source: FactSource, value: unknown): unknown {
	if (source.map === 'entries') return sealOf(value);
	const stored = firstFact(batchSealsMap(doc), source.key)?.value;
	return stored !== null && typeof stored === 'object' ? (stored as { seal?: unknown }).seal : undefined;
}

/** Batch verdicts by checker, then batch id: a batch holds up to 1000 entries, judged one by one. */
const batchVerdicts = new WeakMap<
	object,
	Map<string, { value: unknown; seal: unknown; status: SealStatus }>
>();

/** A batch's seal status, remembered per batch (its message is the whole batch text: built once). */
function batchStatus(
	auth: BooksAuthority,
	ctx: FactContext,
	key: string,
	value: unknown,
	seal: unknown
): SealStatus {
	let byKey = batchVerdicts.get(auth.checker);
	if (!byKey) batchVerdicts.set(auth.checker, (byKey = new Map()));
	const hit = byKey.get(key);
	if (hit && hit.value === value && hit.seal === seal) return hit.status;
	// The batch's stored string is what its seal signs, as is (never re-serialised to check it).
	const status =
		typeof value === 'string'
			? auth.checker.text(ctx, key, value, seal)
			: auth.checker.detached(ctx, key, value, seal);
	byKey.set(key, { value, seal, status });
	return status;
}

/** Forgets batch verdicts still pending (call when the checker has answered): asked afresh next read. */
export function forgetPendingBatches(checker: SealChecker): void {
	const byKey = batchVerdicts.get(checker);
	if (byKey) for (const [k, v] of byKey) if (v.status === 'pending') byKey.delete(k);
}

/**
 * Settled authorship of batches, by checker, then batch id: every entry of a batch has its batch's
 * author, so the 1000 entries of a batch ask once (opening a 50k-entry book judged the same 50
 * batches 50,000 times). Kept while the batch value, its seal, the roles and the adoptions read are
 * the very same objects; a pending answer is never kept.
 */
const batchAuthors = new WeakMap<
	object,
	Map<string, { value: unknown; seal: unknown; trust: unknown; adopted: unknown; answer: Authorship }>
>();

/** Whether the fact under `source` (its first write, `value`) counts as authored by someone entitled. */
export function authorship(doc: Y.Doc, auth: BooksAuthority, source: FactSource, value: unknown): Authorship {
	const seal = sealFor(doc, source, value);
	if (source.map === 'entries') return judgeAuthor(auth, source, value, seal);
	let byKey = batchAuthors.get(auth.checker);
	if (!byKey) batchAuthors.set(auth.checker, (byKey = new Map()));
	const hit = byKey.get(source.key);
	const trust = auth.trust();
	if (hit && hit.value === value && hit.seal === seal && hit.trust === trust) {
		// An unsealed batch's answer also depends on the adoptions (asked only then: cached there).
		if (hit.answer.kind !== 'unsealed' && !(hit.answer.kind === 'ok' && hit.answer.signer === null))
			return hit.answer;
		if (hit.adopted === auth.adopted()) return hit.answer;
	}
	const answer = judgeAuthor(auth, source, value, seal);
	if (answer.kind === 'pending') byKey.delete(source.key);
	else byKey.set(source.key, { value, seal, trust, adopted: auth.adopted(), answer });
	return answer;
}

function judgeAuthor(auth: BooksAuthority, source: FactSource, value: unknown, seal: unknown): Authorship {
	const ctx = ctxOf(auth, source.map);
	const status =
		source.map === 'entries'
			? auth.checker.status(ctx, source.key, value)
			: batchStatus(auth, ctx, source.key, value, seal);
	if (status === 'unsealed') {
		const adoptions = auth.adopted();
		if (adoptions === null) return { kind: 'pending' };
		const adopted = adoptions.get(`${source.map}:${source.key}`);
		if (adopted !== undefined && adopted === auth.digest(value)) return { kind: 'ok', signer: null };
		return { kind: 'unsealed', signer: null };
	}
	const signer = (seal as FactSeal).by;
	if (status === 'pending') return { kind: 'pending' };
	if (status === 'bad') return { kind: 'bad-seal', signer };
	const trust = auth.trust();
	if (!trust) return { kind: 'pending' };
	return mayAuthor(trust, signer, BOOKS_AUTHORS) ? { kind: 'ok', signer } : { kind: 'no-role', signer };
}

/** A posted entry sealed by `device` for this workspace. */
export function sealEntry<T extends { id: string }>(device: DeviceKey, workspaceId: string, entry: T) {
	// Keys in canonical order: every reader serialises it for the seal check with JSON.stringify.
	return sealFact(device, { workspaceId, shard: 'books', map: 'entries' }, entry.id, entry, {
		canonicalOrder: true
	});
}

/** The seal of an imported batch's stored string. */
export async function sealBatch(
	device: DeviceKey,
	workspaceId: string,
	batchId: string,
	text: string
): Promise<FactSeal> {
	return sealText(device, { workspaceId, shard: 'books', map: 'entryBatches' }, batchId, text);
}

/**
 * Queues the check of every seal the books hold and waits for the answers: a replica built after
 * this judges each entry once, instead of once while its seal is pending and again when checked.
 */
export async function checkAllSeals(doc: Y.Doc, auth: BooksAuthority): Promise<void> {
	const entries = doc.getMap('entries');
	for (const key of entries._map.keys()) {
		const value = firstFact(entries, key)?.value;
		if (value !== undefined) auth.checker.status(ctxOf(auth, 'entries'), key, value);
	}
	const batches = doc.getMap('entryBatches');
	for (const key of batches._map.keys()) {
		const value = firstFact(batches, key)?.value;
		if (value !== undefined)
			batchStatus(
				auth,
				ctxOf(auth, 'entryBatches'),
				key,
				value,
				sealFor(doc, { map: 'entryBatches', key }, value)
			);
	}
	await auth.checker.settled();
	forgetPendingBatches(auth.checker);
}
