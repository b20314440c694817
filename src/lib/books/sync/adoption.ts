// Posted entries written before Books facts were sealed carry no seal. The rule for them: the first
// owner or admin device that opens the books with this build writes ONE sealed adoption
// (`factAdoptions`, a fact map) listing every unsealed fact it holds at that moment, each with the
// digest of its value. Those facts count as adopted (if their value still has that digest); an
// unsealed fact NOT on a good adoption — written later, or forged — never counts and is listed.
// An adoption counts only when its seal is good and its signer is an owner or admin (role at the
// time). No device adopts once the books hold an adoption or ANY sealed fact (an entry, batch or
// lock change written by this build): from then on the books are signed, and an unsealed fact is a
// forgery or an older build's write, never adopted. Limits: a device that adopts before it has
// synced adopts only what it held; and if a Books member's device with this build posts before any
// owner or admin device opens it, the older entries are never adopted: they stay listed (copy them
// into drafts and repost). The scan for sealed entries runs only when no adoption exists yet.
import type * as Y from 'yjs';
import { canonicalJson } from '$lib/shared/domain/identity/canonical';
import { factDigest, readAdoptions } from '$lib/shared/sync/fact-authority';
import { firstFact, factKeys } from '$lib/shared/sync/facts';
import { mayAuthor, sealFact, sealOf, type SealChecker } from '$lib/shared/sync/fact-seal';
import type { DeviceKey } from '$lib/shared/crypto/signing';
import type { TrustState } from '$lib/shared/domain/identity';
import { entryBatchesMap } from './batches';
import { batchSealsMap, forgetPendingBatches, type BooksAuthority } from './authority';
import { entriesMap, readLock } from './doc';
import { ADOPTED_LOCK, lockChangesMap } from './lock';

export const ADOPTIONS = 'factAdoptions';

export function adoptionsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(ADOPTIONS);
}

/** The digest of an unsealed fact's value as an adoption records it (shared/sync/fact-authority). */
export { factDigest };

/** Every unsealed fact this replica holds: `map:key` -> digest of its value. */
export function unsealedFacts(doc: Y.Doc): Map<string, string> {
	const out = new Map<string, string>();
	const entries = entriesMap(doc);
	for (const key of factKeys(entries)) {
		const value = firstFact(entries, key)?.value;
		if (value !== undefined && !sealOf(value)) out.set(`entries:${key}`, factDigest(value));
	}
	const batches = entryBatchesMap(doc);
	const seals = batchSealsMap(doc);
	for (const key of factKeys(batches)) {
		const value = firstFact(batches, key)?.value;
		if (value !== undefined && firstFact(seals, key) === undefined)
			out.set(`entryBatches:${key}`, factDigest(value));
	}
	return out;
}

/** Whether anything in the books was written by this build (a sealed entry, batch or lock change). */
export function holdsSealedFacts(doc: Y.Doc): boolean {
	if (batchSealsMap(doc)._map.size > 0 || lockChangesMap(doc)._map.size > 0) return true;
	const entries = entriesMap(doc);
	for (const key of factKeys(entries)) if (sealOf(firstFact(entries, key)?.value)) return true;
	return false;
}

/**
 * Writes this device's adoption of the unsealed facts it holds, when it is an owner or admin, no
 * adoption is present yet, and there is something to adopt. True when it wrote one.
 */
export async function adoptUnsealed(
	doc: Y.Doc,
	device: DeviceKey,
	workspaceId: string,
	trust: TrustState,
	id: string
): Promise<boolean> {
	if (!mayAuthor(trust, device.publicKey, ['owner', 'admin'])) return false;
	if (adoptionsMap(doc)._map.size > 0 || holdsSealedFacts(doc)) return false;
	const held = unsealedFacts(doc);
	// The lock date set before signatures, unless a signed change already replaced it.
	const lock = readLock(doc);
	if (lock.lockDate !== null && lockChangesMap(doc)._map.size === 0)
		held.set(ADOPTED_LOCK, canonicalJson({ date: lock.lockDate, stateVector: lock.seen }));
	if (held.size === 0) return false;
	const keys = [...held].sort((a, b) => (a[0] < b[0] ? -1 : 1));
	const sealed = await sealFact(device, { workspaceId, shard: 'books', map: ADOPTIONS }, id, { v: 1, keys });
	if (adoptionsMap(doc)._map.size > 0 || holdsSealedFacts(doc)) return false;
	adoptionsMap(doc).set(id, sealed);
	return true;
}

/**
 * The adopted facts: from every adoption whose seal is good and whose signer is an owner or admin.
 * Null while an adoption's seal is still being checked (or roles are not known yet).
 */
export function adoptedFacts(
	doc: Y.Doc,
	workspaceId: string,
	checker: SealChecker,
	trust: TrustState | null
): Map<string, string> | null {
	return readAdoptions(adoptionsMap(doc), { workspaceId, shard: 'books', map: ADOPTIONS }, checker, trust);
}

/** What a replica's authority needs beside the doc: the workspace, the roles, and names for signers. */
export interface AuthoritySource {
	readonly workspaceId: string;
	readonly checker: SealChecker;
	trust(): TrustState | null;
	nameOf(key: string): string;
}

/** A Books authority over `doc`; `invalidate()` after adoptions, seals or roles change. */
export function booksAuthority(doc: Y.Doc, source: AuthoritySource): BooksAuthority & { invalidate(): void } {
	let adopted: Map<string, string> | null | undefined;
	return {
		workspaceId: source.workspaceId,
		checker: source.checker,
		trust: () => source.trust(),
		nameOf: (key) => source.nameOf(key),
		digest: factDigest,
		adopted() {
			// Cached while still waiting too (null): every entry asks, and the answer changes only when
			// a check settles, an adoption arrives or the roles change — each of which invalidates.
			if (adopted === undefined)
				adopted = adoptedFacts(doc, source.workspaceId, source.checker, source.trust());
			return adopted;
		},
		invalidate() {
			adopted = undefined;
			forgetPendingBatches(source.checker);
		}
	};
}
