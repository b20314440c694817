// Sealed facts: a fact (a posted entry, a batch, a lock date, a finalized pay run…) carries its
// author's Ed25519 signature, so a reader can tell who wrote it and refuse one written by a key
// without the role for it. The seal rides inside the fact's value as its `seal` field.
//
// API (other features code against exactly this):
//
//   interface FactSeal { by: string; sig: string; prev?: string }
//       signer's raw public key (base64url), signature, and (chained seals) the digest of the same
//       key's previous seal in this workspace, shard and map (see "Seal chains" below)
//   FactSealSchema                                   // valibot schema of FactSeal
//   interface FactContext { workspaceId: string; shard: ShardName; map: string }
//   sealedBody(ctx, key, value, prev?) -> { t: 'keel-fact/1', workspaceId, shard, map, key, value, prev? }
//       The one message a seal signs (canonical JSON of it, see signing.ts): `value` without its
//       `seal` field. The tag, workspace, shard, map and key make a seal valid for that one place
//       only: it cannot be replayed under another key, map, shard or workspace, nor pass as a
//       trust statement or any other signed thing.
//   sealedMessage(ctx, key, value, prev?) -> string   // canonicalJson(sealedBody(...)), made fast
//   sealDigest(message) -> string                     // SHA-256 of the signed text, base64url
//   sealFact(device, ctx, key, value, { chain?, canonicalOrder? }) -> Promise<value & { seal }>
//       Signs with the device key (async: do it BEFORE the Yjs write, then write the result).
//       Chained (the default): the seal's `prev` is this device's chain head for (workspace,
//       shard), and the new seal becomes the head.
//   useSealChainStore(store | null)   // where chain heads persist (the page: localStorage)
//   sealOf(value) -> FactSeal | undefined          // the well-formed seal a value carries, if any
//   createSealChecker({ onChange?, verify? }) -> SealChecker
//       checker.status(ctx, key, value): 'good' | 'bad' | 'pending' | 'unsealed'   (synchronous)
//         'unsealed' — no well-formed seal; 'pending' — its check has been queued (the first read);
//         'good' — its signature over sealedBody(ctx, key, value, prev) verified, or a good seal
//         of the same key vouches for it (see "Seal chains"); 'bad' — neither.
//       Each distinct signed message is settled ONCE, in batches off the read path (one signature
//       per chain head); every later read answers from memory. When the queue has drained, `onChange` (and every `subscribe`d
//       listener) is called once, so the reader re-reads. Never throws: a malformed key or
//       signature is 'bad'.
//       checker.detached(ctx, key, value, seal): the same, for a value (e.g. a string) whose seal is
//         stored beside it: the seal signs sealedBody(ctx, key, value). 'unsealed' if seal malformed.
//       checker.text(ctx, key, text, seal): the same, for a string stored as is (an imported batch)
//         whose seal is stored beside it: the seal signs sealedText(ctx, key, text) — the exact
//         stored string, never re-serialised, so checking a 250 KB batch costs one UTF-8 encoding
//         and one native Ed25519 verification. Remembered per (seal, place, string).
//       checker.settled(): Promise<void>   — resolves when nothing is pending (tests, first open).
//       checker.subscribe(fn): () => void  — another listener; returns its unsubscribe.
//   mayAuthor(trust, signer, roles): boolean
//       "The author's role at the time": true when `signer` holds one of `roles` by a counted grant
//       now, OR was removed later but held one of `roles` by a counted grant when it was removed
//       (trust.formerRoles). Removal does not erase what a member rightly did while a member.
//       LIMIT: facts carry no trusted time (device clocks are never compared), so a removed key's
//       facts written AFTER its removal still count if they reach this replica. What stops them is
//       key rotation on removal (the removed device no longer reaches the shard's room), not this
//       rule. A key whose grant never counted (or was voided with its issuer) never may author.
//
// Seal chains (why one signature can vouch for 10,000 facts):
//   An Ed25519 verification costs 80-250 us, so checking each of 10,000 merged entries on its own
//   costs seconds. Instead each device chains its seals per (workspace, shard, map): a seal's `prev` is
//   the SHA-256 digest of the exact signed text of the same key's previous seal there (that text
//   holds the previous seal's own `prev`, so a head commits to its whole chain), and the signature
//   covers `prev`. The checker's rule, with d(s) = sha256(signed text of s):
//       s is good  iff  s's own signature verifies,
//                  OR   some good seal t with t.by === s.by has t.prev === d(s).
//   Goodness flows only from a verified signature down `prev` links of the SAME key, so:
//   - a fact whose content was changed has another digest: no good seal vouches for it, and its
//     own signature (over the original content) fails: bad; its neighbours stay good (the one
//     after it is checked on its own signature when nothing vouches for it);
//   - a forged seal that copies a genuine `prev` (a "stolen prev") has a signature that fails, so
//     it vouches for nothing; a seal by another key naming this key's digest vouches for nothing
//     (t.by must equal s.by);
//   - a missing fact (a gap) only means the seal before it is not vouched for: it is verified on its
//     own; a fork (two tabs, or a lost head) is two heads, each verified.
//   The checker verifies only heads: pending seals that no pending seal of the same key names as
//   `prev`. A head that fails makes every other pending seal of that key be checked on its own, so
//   a forger cannot make the checker walk a long forged chain one signature per round. A seal that
//   arrives after a good seal vouched for it is good at once (synchronously). Per fact the cost is
//   then one canonical serialisation and one SHA-256 of ~450 bytes (shared/domain/sha256.ts). A
//   value stored with its keys in canonical order (Books entries: sealFact's `canonicalOrder`) is
//   serialised by the engine's JSON.stringify, which then writes exactly the canonical text.
//   Old seals without `prev` check exactly as before (and a chain may start with one). Text seals
//   (imported batches, already one signature per 1000 entries) are not chained.
//   Chains are per map, not per shard: a reader checks one kind of fact at a time (the Books worker
//   checks entries, not lock changes; the audit log is read on its own), and a chain running
//   through facts a reader never asks about would break into single links for it (one signature
//   each again). Chain heads: kept per (workspace, shard, map, device key) in memory, and in the store the page
//   installs (localStorage), so a reload continues the chain and tabs of one browser mostly share
//   it; a lost head starts a new chain; two tabs racing fork it, which the rule above accepts. A
//   head is only a digest of a public fact, never a secret.
//
// Who checks: readers decide what counts as `status === 'good' && mayAuthor(...)`; a fact that is
// 'pending' is not counted yet and is counted after `onChange` if it turns out good.
import { canonicalJson } from '$lib/shared/domain/identity/canonical';
import type { Role, TrustState } from '$lib/shared/domain/identity';
import { signBytes, type DeviceKey } from '$lib/shared/crypto/signing';
import { DIGEST, sealDigest, sealedMessage, unsealed, type FactContext, type FactSeal } from './seal-body';

export {
	FACT_SEAL_TAG,
	FACT_TEXT_TAG,
	FactSealSchema,
	sealDigest,
	sealedBody,
	sealedMessage,
	sealedText,
	sealOf,
	sealText,
	type FactContext,
	type FactSeal,
	type SealStatus
} from './seal-body';
export { createSealChecker, type SealChecker } from './seal-checker';

// ---- seal chains: this device's heads ------------------------------------------------------------

/** Where chain heads persist between page loads (the page installs one over localStorage). */
export interface SealChainStore {
	get(chain: string): string | null;
	set(chain: string, head: string): void;
}

const heads = new Map<string, string>();
let chainStore: SealChainStore | null = null;

/** Installs (or removes) the persistent store of chain heads; heads held in memory are forgotten. */
export function useSealChainStore(store: SealChainStore | null): void {
	chainStore = store;
	heads.clear();
}

const chainOf = (device: DeviceKey, ctx: FactContext) =>
	`keel-seal-head:${ctx.workspaceId}:${ctx.shard}:${ctx.map}:${device.publicKey}`;

function headOf(chain: string): string | undefined {
	let stored: string | null;
	try {
		// Another tab of this browser may have moved the head: the store wins over memory.
		stored = chainStore?.get(chain) ?? null;
	} catch {
		stored = null; // storage refused: the memory copy (or a new chain) will do
	}
	return stored !== null && DIGEST.test(stored) ? stored : heads.get(chain);
}

function moveHead(chain: string, head: string): void {
	heads.set(chain, head);
	try {
		chainStore?.set(chain, head);
	} catch {
		// Not persisted: the next page load starts a new chain, which is correct too.
	}
}

/**
 * `value` sealed by `device` for `key` in `ctx` (any earlier seal is replaced). Chained unless
 * `chain: false`: the seal names this device's previous seal there and becomes the new head.
 * `canonicalOrder`: the value is stored with its keys sorted (and the seal last), for speed.
 */
export async function sealFact<T extends object>(
	device: DeviceKey,
	ctx: FactContext,
	key: string,
	value: T,
	options: { chain?: boolean; canonicalOrder?: boolean } = {}
): Promise<T & { seal: FactSeal }> {
	const plain = unsealed(value) as T;
	// Stored with its keys in canonical order, a reader serialises it with JSON.stringify (only for
	// facts nothing digests in key order: Books entries; a pay run's attempt id hashes its own order).
	const bare = options.canonicalOrder ? (JSON.parse(canonicalJson(plain)) as T) : plain;
	const chain = options.chain === false ? null : chainOf(device, ctx);
	const prev = chain === null ? undefined : headOf(chain);
	const message = sealedMessage(ctx, key, bare, prev);
	// The head moves before signing (synchronously), so seals made at once still form one chain.
	if (chain !== null) moveHead(chain, sealDigest(message));
	const sig = await signBytes(device, new TextEncoder().encode(message));
	const seal: FactSeal =
		prev === undefined ? { by: device.publicKey, sig } : { by: device.publicKey, sig, prev };
	return { ...bare, seal };
}

/** Whether `signer` may author a fact that needs one of `roles` (see the header: "role at the time"). */
export function mayAuthor(trust: TrustState, signer: string, roles: readonly Role[]): boolean {
	const now = trust.roles.get(signer);
	if (now && roles.includes(now.role)) return true;
	if (!trust.removed.has(signer)) return false;
	const then = trust.formerRoles.get(signer);
	return then !== undefined && roles.includes(then.role);
}
