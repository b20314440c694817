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
import { v } from '$lib/shared/domain/schema';
import { canonicalJson, canonicalWithout } from '$lib/shared/domain/identity/canonical';
import { sha256Base64Url } from '$lib/shared/domain/sha256';
import type { Role, TrustState } from '$lib/shared/domain/identity';
import type { ShardName } from '$lib/shared/domain/workspace';
import { signBytes, verifyBytes, type DeviceKey } from '$lib/shared/crypto/signing';

export interface FactSeal {
	/** The signer's raw Ed25519 public key, URL-safe base64. */
	by: string;
	/** The signature of sealedBody(...)'s canonical JSON, URL-safe base64. */
	sig: string;
	/** The digest (sealDigest) of the signed text of this key's previous seal in this workspace, shard and map. */
	prev?: string;
}

const DIGEST = /^[A-Za-z0-9_-]{43}$/;

export const FactSealSchema = v.strictObject({
	by: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/)),
	sig: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{86}$/)),
	prev: v.optional(v.pipe(v.string(), v.regex(DIGEST)))
});

export interface FactContext {
	workspaceId: string;
	shard: ShardName;
	map: string;
}

export type SealStatus = 'good' | 'bad' | 'pending' | 'unsealed';

export const FACT_SEAL_TAG = 'keel-fact/1';

/** The value without its `seal` field (a value that is not an object is itself). */
function unsealed(value: unknown): unknown {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
	if (!('seal' in value)) return value;
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { seal, ...rest } = value as Record<string, unknown>;
	return rest;
}

/**
 * The canonical message a fact's seal signs (domain-separated: tag, workspace, shard, map, key;
 * chained: prev). `prev` defaults to the one the value's own seal names, if any.
 */
export function sealedBody(ctx: FactContext, key: string, value: unknown, prev = prevOf(value)) {
	return bodyOf(ctx, key, value, prev);
}

/** sealedBody with `prev` exactly as given. */
function bodyOf(ctx: FactContext, key: string, value: unknown, prev: string | undefined) {
	return {
		t: FACT_SEAL_TAG,
		workspaceId: ctx.workspaceId,
		shard: ctx.shard,
		map: ctx.map,
		key,
		value: unsealed(value),
		...(prev === undefined ? {} : { prev })
	};
}

/** The `prev` the seal inside `value` names, when well-formed. */
function prevOf(value: unknown): string | undefined {
	if (value === null || typeof value !== 'object' || !('seal' in value)) return undefined;
	const seal = (value as { seal: unknown }).seal;
	if (seal === null || typeof seal !== 'object' || !('prev' in seal)) return undefined;
	const prev = (seal as { prev: unknown }).prev;
	return typeof prev === 'string' && DIGEST.test(prev) ? prev : undefined;
}

const q = (s: string) => JSON.stringify(s);

/**
 * Whether JSON.stringify(x) writes exactly canonicalJson(x): plain objects whose keys are already
 * in sorted order at every depth (`skip`, a top-level key, aside), dense arrays, JSON primitives.
 */
function inCanonicalOrder(x: unknown, skip: string | undefined): boolean {
	if (x === null || typeof x !== 'object') return typeof x !== 'bigint';
	if (Array.isArray(x)) {
		for (let i = 0; i < x.length; i++) if (!(i in x) || !inCanonicalOrder(x[i], undefined)) return false;
		return true;
	}
	const proto: unknown = Object.getPrototypeOf(x);
	if (proto !== Object.prototype && proto !== null) return false;
	const o = x as Record<string, unknown>;
	let last = '';
	let first = true;
	for (const k of Object.keys(o)) {
		if (k === skip) continue;
		if ((!first && !(last < k)) || k === 'toJSON') return false;
		first = false;
		last = k;
		if (!inCanonicalOrder(o[k], undefined)) return false;
	}
	return true;
}

/**
 * canonicalJson of the value without its top-level `seal`. A value stored with its keys in
 * canonical order and its seal last (sealFact's `canonicalOrder`, as Books entries are) is written
 * by the engine's JSON.stringify, the seal cut off the end: the same text, several times quicker.
 */
function valueText(value: unknown): string {
	if (
		value !== null &&
		typeof value === 'object' &&
		!Array.isArray(value) &&
		inCanonicalOrder(value, 'seal')
	) {
		const o = value as Record<string, unknown>;
		const full = JSON.stringify(o);
		if (!('seal' in o)) return full;
		const seal = JSON.stringify(o.seal);
		if (seal === undefined) return full;
		if (full === `{"seal":${seal}}`) return '{}';
		const suffix = `,"seal":${seal}}`;
		if (full.endsWith(suffix)) return `${full.slice(0, full.length - suffix.length)}}`;
	}
	return canonicalWithout(value, 'seal');
}

/**
 * The exact text a seal signs: canonicalJson(sealedBody(ctx, key, value, prev)), built without
 * copying the value to drop its seal.
 */
export function sealedMessage(ctx: FactContext, key: string, value: unknown, prev?: string): string {
	if (value === undefined) return canonicalJson(bodyOf(ctx, key, value, prev));
	// Keys in canonical order: key, map, prev, shard, t, value, workspaceId.
	return (
		`{"key":${q(key)},"map":${q(ctx.map)},` +
		(prev === undefined ? '' : `"prev":${q(prev)},`) +
		`"shard":${q(ctx.shard)},"t":${q(FACT_SEAL_TAG)},"value":${valueText(value)},"workspaceId":${q(ctx.workspaceId)}}`
	);
}

/** The digest a later seal names as `prev`: SHA-256 of the signed text, URL-safe base64. */
export function sealDigest(message: string): string {
	return sha256Base64Url(message);
}

export const FACT_TEXT_TAG = 'keel-fact-text/1';

/**
 * The bytes a text fact's seal signs: the canonical JSON of its place, a newline, then the stored
 * string exactly. Domain-separated from sealedBody (another tag) and from every canonical-JSON
 * message (canonical JSON never holds a raw newline; this always does, right after the header).
 */
export function sealedText(ctx: FactContext, key: string, text: string): Uint8Array {
	const head = canonicalJson({
		t: FACT_TEXT_TAG,
		workspaceId: ctx.workspaceId,
		shard: ctx.shard,
		map: ctx.map,
		key
	});
	return new TextEncoder().encode(`${head}\n${text}`);
}

/** The seal of a string stored as is under `key` in `ctx` (stored beside it). */
export async function sealText(
	device: DeviceKey,
	ctx: FactContext,
	key: string,
	text: string
): Promise<FactSeal> {
	return { by: device.publicKey, sig: await signBytes(device, sealedText(ctx, key, text)) };
}

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

/** The well-formed seal `value` carries, or undefined. */
export function sealOf(value: unknown): FactSeal | undefined {
	if (value === null || typeof value !== 'object' || !('seal' in value)) return undefined;
	const seal = (value as { seal: unknown }).seal;
	// Remembered per seal object: every read of a fact asks (twice per entry judged), and a schema
	// check with two regular expressions per read cost more than the rest of the lookup.
	if (seal !== null && typeof seal === 'object') {
		const hit = parsedSeals.get(seal);
		if (hit !== undefined) return hit ?? undefined;
	}
	const r = v.safeParse(FactSealSchema, seal);
	const out = r.success ? r.output : undefined;
	if (seal !== null && typeof seal === 'object') parsedSeals.set(seal, out ?? null);
	return out;
}

/** Seal objects already checked against the schema (facts are never changed in place). */
const parsedSeals = new WeakMap<object, FactSeal | null>();

// ---- the checker -----------------------------------------------------------------------------------

export interface SealChecker {
	status(ctx: FactContext, key: string, value: unknown): SealStatus;
	/** The same for a value whose seal is stored beside it (e.g. a batch held as one string). */
	detached(ctx: FactContext, key: string, value: unknown, seal: unknown): SealStatus;
	/** The same for a string stored as is, its seal beside it (signs sealedText: no re-serialising). */
	text(ctx: FactContext, key: string, text: string, seal: unknown): SealStatus;
	settled(): Promise<void>;
	subscribe(fn: () => void): () => void;
}

type Verify = (publicKey: string, body: unknown, sig: string) => Promise<boolean>;
type VerifyBytes = (publicKey: string, bytes: Uint8Array, sig: string) => Promise<boolean>;

/** How many signatures one batch checks before yielding. */
const BATCH = 256;

/** One signed message of one key: settled once, whatever copies of it are read. */
interface Signed {
	/** Its digest (what a later seal of the same key names as `prev`). */
	readonly digest: string;
	readonly signer: Signer;
	readonly prev: string | undefined;
	/** A good seal of the same key names this message as its `prev`: good whatever signature a copy carries. */
	vouched: boolean;
	/** This message is known to be signed by its key (vouched, or a signature verified): its `prev` was vouched. */
	passedOn: boolean;
	/** The first signature seen over this message and its own check (inline: almost always the only one). */
	readonly sig: string;
	sigState: SigState;
	/** Further signatures over the same message (copies with another signature), when any. */
	more: Map<string, SigState> | null;
	/** What verification needs while a signature is pending; dropped once settled. */
	check: { ctx: FactContext; key: string; value: unknown; message: string } | null;
}

type SigState = 'pending' | 'good' | 'bad';

/** One signing key's messages, by digest, and the digests its good seals name as `prev`. */
interface Signer {
	readonly by: string;
	readonly messages: Map<string, Signed>;
	readonly vouched: Set<string>;
}

const sigStateOf = (fact: Signed, sig: string): SigState | undefined =>
	sig === fact.sig ? fact.sigState : fact.more?.get(sig);

const statusOf = (fact: Signed, sig: string): SealStatus =>
	fact.vouched ? 'good' : (sigStateOf(fact, sig) ?? 'pending');

function setSigState(fact: Signed, sig: string, state: SigState): void {
	if (sig === fact.sig) fact.sigState = state;
	else (fact.more ??= new Map()).set(sig, state);
}

/** The signatures over `fact` whose own check has not been settled. */
function pendingSigs(fact: Signed): string[] {
	const out = fact.sigState === 'pending' ? [fact.sig] : [];
	if (fact.more) for (const [sig, s] of fact.more) if (s === 'pending') out.push(sig);
	return out;
}

const hasPending = (fact: Signed) => pendingSigs(fact).length > 0;

export function createSealChecker(
	options: { onChange?: () => void; verify?: Verify; verifyBytes?: VerifyBytes } = {}
): SealChecker {
	const verifyBody = options.verify;
	const verifyRaw = options.verifyBytes ?? verifyBytes;
	const listeners = new Set<() => void>();
	if (options.onChange) listeners.add(options.onChange);
	/** Signed messages, by signing key then digest (nested maps: no id strings built per read). */
	const signers = new Map<string, Signer>();
	/** Messages with a signature whose check has not been settled yet. */
	const pending = new Set<Signed>();
	/** Fast path: the same value object read again (Yjs hands back the same object each read). */
	const byObject = new WeakMap<
		object,
		{ ctx: FactContext; key: string; sig: string; prev: string | undefined; fact: Signed }
	>();
	/** Text facts: by seal and place, the strings checked and their results. */
	const texts = new Map<string, Array<{ text: string; status: SealStatus }>>();
	const queue: Array<{ run: () => Promise<boolean>; done: (ok: boolean) => void }> = [];
	let running: Promise<void> | null = null;

	function signerOf(by: string): Signer {
		let s = signers.get(by);
		if (!s) signers.set(by, (s = { by, messages: new Map(), vouched: new Set() }));
		return s;
	}

	/** `fact` is known to be signed by its key: what its `prev` names is vouched for, down the chain. */
	function passOn(fact: Signed): void {
		let at: Signed | undefined = fact;
		while (at && !at.passedOn) {
			at.passedOn = true;
			if (at.prev === undefined) return;
			at.signer.vouched.add(at.prev);
			at = at.signer.messages.get(at.prev);
			if (at) vouch(at);
		}
	}

	function vouch(fact: Signed): void {
		fact.vouched = true;
		fact.check = null;
		pending.delete(fact);
	}

	/** The heads to verify now: pending messages no pending message of the same key names as `prev`. */
	function heads(suspect: ReadonlySet<string>): Signed[] {
		const named = new Set<Signed>();
		for (const f of pending)
			if (f.prev !== undefined && !f.passedOn) {
				const before = f.signer.messages.get(f.prev);
				if (before) named.add(before);
			}
		const out: Signed[] = [];
		for (const f of pending) if (suspect.has(f.signer.by) || !named.has(f)) out.push(f);
		// No head can be missing (a cycle of digests would need a SHA-256 preimage); if one were,
		// every pending message is checked on its own.
		return out.length > 0 ? out : [...pending];
	}

	async function verifyOwn(f: Signed, sig: string): Promise<boolean> {
		const c = f.check;
		if (!c) return false;
		if (verifyBody) return verifyBody(f.signer.by, bodyOf(c.ctx, c.key, c.value, f.prev), sig);
		return verifyRaw(f.signer.by, new TextEncoder().encode(c.message), sig);
	}

	async function drain(): Promise<void> {
		// Let the reads of this turn queue everything first.
		await Promise.resolve();
		/** Keys one of whose heads failed: their other pending messages are checked on their own. */
		const suspect = new Set<string>();
		while (queue.length > 0 || pending.size > 0) {
			while (queue.length > 0) {
				const batch = queue.splice(0, BATCH);
				const oks = await Promise.all(
					batch.map((q) =>
						Promise.resolve()
							.then(q.run)
							.catch(() => false)
					)
				);
				batch.forEach((q, i) => q.done(oks[i] === true));
			}
			const round = heads(suspect).flatMap((f) => pendingSigs(f).map((sig) => ({ f, sig })));
			for (let i = 0; i < round.length; i += BATCH) {
				const part = round.slice(i, i + BATCH);
				const oks = await Promise.all(
					part.map(({ f, sig }) =>
						Promise.resolve()
							.then(() => verifyOwn(f, sig))
							.catch(() => false)
					)
				);
				part.forEach(({ f, sig }, j) => {
					if (f.vouched) return; // vouched for meanwhile: its signatures no longer matter
					setSigState(f, sig, oks[j] === true ? 'good' : 'bad');
					if (oks[j] === true) passOn(f);
					else suspect.add(f.signer.by);
					if (!hasPending(f)) {
						f.check = null;
						pending.delete(f);
					}
				});
			}
			// Never loop on a message with nothing left to try.
			for (const f of pending) if (!hasPending(f)) pending.delete(f);
		}
		running = null;
		for (const fn of listeners) {
			try {
				fn();
			} catch {
				// A listener's failure is its own; the checker goes on.
			}
		}
	}

	function status(ctx: FactContext, key: string, value: unknown): SealStatus {
		const seal = sealOf(value);
		if (!seal) return 'unsealed';
		return detached(ctx, key, value, seal);
	}

	function detached(ctx: FactContext, key: string, value: unknown, seal: FactSeal): SealStatus {
		const isObject = value !== null && typeof value === 'object';
		if (isObject) {
			// Answered from memory while pending too: re-serialising a large value (an adoption of 50k
			// entries) on every read while its check waits made opening an older 50k-entry book spin.
			const hit = byObject.get(value);
			if (
				hit &&
				hit.key === key &&
				hit.sig === seal.sig &&
				hit.prev === seal.prev &&
				(hit.ctx === ctx ||
					(hit.ctx.map === ctx.map &&
						hit.ctx.shard === ctx.shard &&
						hit.ctx.workspaceId === ctx.workspaceId)) &&
				hit.fact.signer.by === seal.by
			)
				return statusOf(hit.fact, seal.sig);
		}
		let message: string;
		try {
			message = sealedMessage(ctx, key, value, seal.prev);
		} catch {
			return 'bad';
		}
		const digest = sealDigest(message);
		const signer = signerOf(seal.by);
		let fact = signer.messages.get(digest);
		if (!fact) {
			fact = {
				digest,
				signer,
				prev: seal.prev,
				vouched: false,
				passedOn: false,
				sig: seal.sig,
				sigState: 'pending',
				more: null,
				check: { ctx, key, value, message }
			};
			signer.messages.set(digest, fact);
			// Named by a good seal already: good at once, and so is what it names in turn.
			if (signer.vouched.has(digest)) {
				vouch(fact);
				passOn(fact);
			} else {
				pending.add(fact);
				running ??= drain();
			}
		} else if (!fact.vouched && sigStateOf(fact, seal.sig) === undefined) {
			// Another signature over a message seen before (a copy signed again): checked on its own.
			setSigState(fact, seal.sig, 'pending');
			fact.check ??= { ctx, key, value, message };
			pending.add(fact);
			running ??= drain();
		}
		if (isObject) byObject.set(value, { ctx, key, sig: seal.sig, prev: seal.prev, fact });
		return statusOf(fact, seal.sig);
	}

	function text(ctx: FactContext, key: string, value: string, seal: FactSeal): SealStatus {
		const id = `${seal.by}.${seal.sig}\u0000${ctx.workspaceId}\u0000${ctx.shard}\u0000${ctx.map}\u0000${key}`;
		let seen = texts.get(id);
		if (!seen) texts.set(id, (seen = []));
		// The same string object again is found at once; another string is compared once.
		const hit = seen.find((s) => s.text === value);
		if (hit) return hit.status;
		const entry: { text: string; status: SealStatus } = { text: value, status: 'pending' };
		seen.push(entry);
		queue.push({
			run: () => verifyRaw(seal.by, sealedText(ctx, key, value), seal.sig),
			done: (ok) => (entry.status = ok ? 'good' : 'bad')
		});
		running ??= drain();
		return 'pending';
	}

	return {
		status,
		text(ctx, key, value, seal) {
			const ok = v.safeParse(FactSealSchema, seal);
			return ok.success ? text(ctx, key, value, ok.output) : 'unsealed';
		},
		detached(ctx, key, value, seal) {
			const ok = v.safeParse(FactSealSchema, seal);
			return ok.success ? detached(ctx, key, value, ok.output) : 'unsealed';
		},
		async settled() {
			while (running) await running;
		},
		subscribe(fn) {
			listeners.add(fn);
			return () => listeners.delete(fn);
		}
	};
}

/** Whether `signer` may author a fact that needs one of `roles` (see the header: "role at the time"). */
export function mayAuthor(trust: TrustState, signer: string, roles: readonly Role[]): boolean {
	const now = trust.roles.get(signer);
	if (now && roles.includes(now.role)) return true;
	if (!trust.removed.has(signer)) return false;
	const then = trust.formerRoles.get(signer);
	return then !== undefined && roles.includes(then.role);
}
