// The seal checker: answers whether a fact's seal is good synchronously, from memory, and checks
// each distinct seal once, in batches off the read path; a chain head's signature vouches for the
// seals it names (see fact-seal.ts's header for the rule and why it is sound).
import { verifyBytes } from '$lib/shared/crypto/signing';
import { v } from '$lib/shared/domain/schema';
import {
	bodyOf,
	FactSealSchema,
	type FactSeal,
	sealDigest,
	sealedMessage,
	sealedText,
	sealOf,
	type FactContext,
	type SealStatus
} from './seal-body';

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
