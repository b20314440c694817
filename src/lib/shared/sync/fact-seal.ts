// Sealed facts: a fact (a posted entry, a batch, a lock date, a finalized pay run…) carries its
// author's Ed25519 signature, so a reader can tell who wrote it and refuse one written by a key
// without the role for it. The seal rides inside the fact's value as its `seal` field.
//
// API (other features code against exactly this):
//
//   interface FactSeal { by: string; sig: string }   // signer's raw public key (base64url), signature
//   FactSealSchema                                   // valibot schema of FactSeal
//   interface FactContext { workspaceId: string; shard: ShardName; map: string }
//   sealedBody(ctx, key, value) -> { t: 'keel-fact/1', workspaceId, shard, map, key, value }
//       The one message a seal signs (canonical JSON of it, see signing.ts): `value` without its
//       `seal` field. The tag, workspace, shard, map and key make a seal valid for that one place
//       only: it cannot be replayed under another key, map, shard or workspace, nor pass as a
//       trust statement or any other signed thing.
//   sealFact(device, ctx, key, value) -> Promise<value & { seal }>
//       Signs with the device key (async: do it BEFORE the Yjs write, then write the result).
//   sealOf(value) -> FactSeal | undefined          // the well-formed seal a value carries, if any
//   createSealChecker({ onChange?, verify? }) -> SealChecker
//       checker.status(ctx, key, value): 'good' | 'bad' | 'pending' | 'unsealed'   (synchronous)
//         'unsealed' — no well-formed seal; 'pending' — its check has been queued (the first read);
//         'good' / 'bad' — the signature over sealedBody(ctx, key, value) did / did not verify.
//       Each distinct (seal, content) is verified ONCE, in batches off the read path; every later
//       read answers from memory. When the queue has drained, `onChange` (and every `subscribe`d
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
// Who checks: readers decide what counts as `status === 'good' && mayAuthor(...)`; a fact that is
// 'pending' is not counted yet and is counted after `onChange` if it turns out good.
import { v } from '$lib/shared/domain/schema';
import { canonicalJson } from '$lib/shared/domain/identity/canonical';
import type { Role, TrustState } from '$lib/shared/domain/identity';
import type { ShardName } from '$lib/shared/domain/workspace';
import { signBody, signBytes, verifyBytes, verifySigned, type DeviceKey } from '$lib/shared/crypto/signing';

export interface FactSeal {
	/** The signer's raw Ed25519 public key, URL-safe base64. */
	by: string;
	/** The signature of sealedBody(...)'s canonical JSON, URL-safe base64. */
	sig: string;
}

export const FactSealSchema = v.strictObject({
	by: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/)),
	sig: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{86}$/))
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

/** The canonical message a fact's seal signs (domain-separated: tag, workspace, shard, map, key). */
export function sealedBody(ctx: FactContext, key: string, value: unknown) {
	return {
		t: FACT_SEAL_TAG,
		workspaceId: ctx.workspaceId,
		shard: ctx.shard,
		map: ctx.map,
		key,
		value: unsealed(value)
	};
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

/** `value` sealed by `device` for `key` in `ctx` (any earlier seal is replaced). */
export async function sealFact<T extends object>(
	device: DeviceKey,
	ctx: FactContext,
	key: string,
	value: T
): Promise<T & { seal: FactSeal }> {
	const bare = unsealed(value) as T;
	const sig = await signBody(device, sealedBody(ctx, key, bare));
	return { ...bare, seal: { by: device.publicKey, sig } };
}

/** The well-formed seal `value` carries, or undefined. */
export function sealOf(value: unknown): FactSeal | undefined {
	if (value === null || typeof value !== 'object' || !('seal' in value)) return undefined;
	const r = v.safeParse(FactSealSchema, (value as { seal: unknown }).seal);
	return r.success ? r.output : undefined;
}

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

export function createSealChecker(
	options: { onChange?: () => void; verify?: Verify; verifyBytes?: VerifyBytes } = {}
): SealChecker {
	const verify = options.verify ?? verifySigned;
	const verifyRaw = options.verifyBytes ?? verifyBytes;
	const listeners = new Set<() => void>();
	if (options.onChange) listeners.add(options.onChange);
	/** Results by seal signature, then by the signed message's canonical JSON. */
	const results = new Map<string, Map<string, SealStatus>>();
	/** Fast path: the same value object read again (Yjs hands back the same object each read). */
	const byObject = new WeakMap<
		object,
		{ place: string; sig: string; slot: Map<string, SealStatus>; message: string }
	>();
	/** Text facts: by seal and place, the strings checked and their results. */
	const texts = new Map<string, Array<{ text: string; status: SealStatus }>>();
	const queue: Array<{ run: () => Promise<boolean>; done: (ok: boolean) => void }> = [];
	let running: Promise<void> | null = null;

	async function drain(): Promise<void> {
		// Let the reads of this turn queue everything first.
		await Promise.resolve();
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
		const place = `${ctx.workspaceId}\u0000${ctx.shard}\u0000${ctx.map}\u0000${key}`;
		const isObject = value !== null && typeof value === 'object';
		if (isObject) {
			// Answered from memory while pending too: re-serialising a large value (an adoption of 50k
			// entries) on every read while its check waits made opening an older 50k-entry book spin.
			const hit = byObject.get(value);
			if (hit && hit.place === place && hit.sig === seal.sig) return hit.slot.get(hit.message) ?? 'pending';
		}
		const body = sealedBody(ctx, key, value);
		let message: string;
		try {
			message = canonicalJson(body);
		} catch {
			return 'bad';
		}
		const id = `${seal.by}.${seal.sig}`;
		let slot = results.get(id);
		if (!slot) results.set(id, (slot = new Map()));
		let s = slot.get(message);
		if (s === undefined) {
			s = 'pending';
			slot.set(message, s);
			const into = slot;
			queue.push({
				run: () => verify(seal.by, body, seal.sig),
				done: (ok) => into.set(message, ok ? 'good' : 'bad')
			});
			running ??= drain();
		}
		if (isObject) byObject.set(value, { place, sig: seal.sig, slot, message });
		return s;
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
