// Seal chains with real Ed25519 keys: one verified head vouches for its key's earlier seals, a changed
// fact is bad while its neighbours stay good, forks and gaps check, a stolen prev or another key's
// claim vouches for nothing, a reload continues the chain, and seals without prev check as before.
import { describe, expect, it, vi } from 'vitest';
import { generateDeviceKey, verifySigned } from '$lib/shared/crypto/signing';
import { generateDeviceKey as newKey, signBody, type DeviceKey } from '$lib/shared/crypto/signing';
import {
	createSealChecker,
	sealDigest,
	sealedMessage,
	sealFact,
	sealedBody,
	useSealChainStore,
	type FactContext,
	type FactSeal
} from './fact-seal';

const ctx: FactContext = { workspaceId: 'W1', shard: 'books', map: 'entries' };

describe('seal chains', () => {
	type Sealed = { amount: number; memo?: string; seal: FactSeal };
	/** `n` facts sealed one after another by `key` (each on its own, as posts are). */
	async function chain(key: DeviceKey, n: number, from = 0, c: FactContext = ctx): Promise<Sealed[]> {
		const out: Sealed[] = [];
		for (let i = from; i < from + n; i++) out.push(await sealFact(key, c, `c${i}`, { amount: i }));
		return out;
	}
	const digestOf = (v: Sealed, i: number, c: FactContext = ctx) =>
		sealDigest(sealedMessage(c, `c${i}`, v, v.seal.prev));
	/** A checker that counts the signatures it verifies. */
	function counting() {
		const verifyBytes = vi.fn(async (k: string, bytes: Uint8Array, sig: string) =>
			(await import('$lib/shared/crypto/signing')).verifyBytes(k, bytes, sig)
		);
		return { checker: createSealChecker({ verifyBytes }), verifyBytes };
	}
	async function judge(checker: ReturnType<typeof createSealChecker>, facts: [number, unknown][]) {
		for (const [i, v] of facts) checker.status(ctx, `c${i}`, v);
		await checker.settled();
		return facts.map(([i, v]) => checker.status(ctx, `c${i}`, v));
	}

	it('each seal names the digest of its key’s previous one, and the signature covers it', async () => {
		const key = await generateDeviceKey();
		const [a, b, c] = await chain(key, 3);
		expect(a?.seal.prev).toBeUndefined();
		expect(b?.seal.prev).toBe(digestOf(a as Sealed, 0));
		expect(c?.seal.prev).toBe(digestOf(b as Sealed, 1));
		expect(sealedBody(ctx, 'c1', b)).toMatchObject({ prev: b?.seal.prev, value: { amount: 1 } });
		expect(await verifySigned(key.publicKey, sealedBody(ctx, 'c1', b), b?.seal.sig as string)).toBe(true);
		// The same signature over the body without the link does not verify: it covers the link.
		expect(
			await verifySigned(key.publicKey, sealedBody(ctx, 'c1', { amount: 1 }), b?.seal.sig as string)
		).toBe(false);
		// Another shard, map or workspace is another chain: a seal in another map (say the audit log)
		// between two facts leaves the facts' own chain unbroken.
		const other = await sealFact(key, { ...ctx, shard: 'people' }, 'p1', { amount: 1 });
		expect(other.seal.prev).toBeUndefined();
		const elsewhere = await sealFact(key, { ...ctx, map: 'audit' }, 'x1', { amount: 9 });
		expect(elsewhere.seal.prev).toBeUndefined();
		const [d] = await chain(key, 1, 3);
		expect(d?.seal.prev).toBe(digestOf(c as Sealed, 2));
		// sealedMessage is canonicalJson of the body, exactly.
		expect(sealedMessage(ctx, 'c1', b, b?.seal.prev)).toBe(
			(await import('$lib/shared/domain/identity/canonical')).canonicalJson(sealedBody(ctx, 'c1', b))
		);
	});

	it('sealedMessage is the canonical JSON of the body for any value, stored in canonical order or not', async () => {
		const key = await generateDeviceKey();
		const { canonicalJson } = await import('$lib/shared/domain/identity/canonical');
		const values: unknown[] = [
			{ b: 1, a: [{ d: 2, c: 'x' }], seal: { by: 'x' } },
			{ a: 1, b: { c: [1, 2, { e: 'é', d: null }] } },
			{ a: 1, seal: { by: 'y', sig: 'z' }, z: 2 },
			{ seal: { by: 'y' } },
			{ '10': 1, '9': 2 },
			[{ b: 1, a: 2 }],
			'text',
			7,
			null
		];
		const sealed = await sealFact(
			key,
			ctx,
			'm1',
			{ memo: 'x', amount: '1.00', lines: [{ b: 1, a: 2 }] },
			{
				canonicalOrder: true
			}
		);
		expect(Object.keys(sealed)).toEqual(['amount', 'lines', 'memo', 'seal']);
		expect(Object.keys(sealed.lines[0] as object)).toEqual(['a', 'b']);
		values.push(sealed, { ...sealed, memo: 'changed' });
		for (const v of values)
			for (const prev of [undefined, 'p'.repeat(43)])
				expect(sealedMessage(ctx, 'k', v, prev)).toBe(canonicalJson(sealedBody(ctx, 'k', v, prev)));
		const checker = createSealChecker();
		expect(checker.status(ctx, 'm1', sealed)).toBe('pending');
		await checker.settled();
		expect(checker.status(ctx, 'm1', sealed)).toBe('good');
		expect(checker.status(ctx, 'm1', structuredClone(sealed))).toBe('good');
	});

	it('a chain of 200 facts is good with ONE signature verified; a later copy of a vouched fact is good at once', async () => {
		const key = await generateDeviceKey();
		const facts = await chain(key, 200);
		const { checker, verifyBytes } = counting();
		const onChange = vi.fn();
		checker.subscribe(onChange);
		const read = facts.map((v, i) => [i, v] as [number, unknown]);
		expect(await judge(checker, read)).toEqual(facts.map(() => 'good'));
		expect(verifyBytes).toHaveBeenCalledTimes(1);
		expect(onChange).toHaveBeenCalledTimes(1);
		// A structural copy of a vouched fact read later: good synchronously, nothing verified.
		expect(checker.status(ctx, 'c17', structuredClone(facts[17]))).toBe('good');
		expect(verifyBytes).toHaveBeenCalledTimes(1);
	});

	it('a fact changed in the middle of a chain is bad; its neighbours stay good', async () => {
		const key = await generateDeviceKey();
		const facts = await chain(key, 5);
		const tampered = { ...(facts[2] as Sealed), amount: 999 };
		const { checker } = counting();
		const read: [number, unknown][] = facts.map((v, i) => [i, i === 2 ? tampered : v]);
		expect(await judge(checker, read)).toEqual(['good', 'good', 'bad', 'good', 'good']);
		// The original, if it arrives, is good (the next seal names it).
		expect(checker.status(ctx, 'c2', facts[2])).toBe('good');
	});

	it('a fork (two tabs continuing the same head) is good on both branches, one signature per head', async () => {
		const key = await generateDeviceKey();
		const heads = new Map<string, string>();
		useSealChainStore({ get: (k) => heads.get(k) ?? null, set: (k, v) => void heads.set(k, v) });
		try {
			const [a] = await chain(key, 1);
			const forkedAt = new Map(heads);
			const left = await chain(key, 3, 1);
			heads.clear();
			for (const [k, v] of forkedAt) heads.set(k, v);
			const right = await chain(key, 3, 4);
			expect(left[0]?.seal.prev).toBe(right[0]?.seal.prev);
			const { checker, verifyBytes } = counting();
			const read: [number, unknown][] = [a, ...left, ...right].map((v, i) => [i, v]);
			expect(await judge(checker, read)).toEqual(read.map(() => 'good'));
			expect(verifyBytes).toHaveBeenCalledTimes(2);
		} finally {
			useSealChainStore(null);
		}
	});

	it('a gap (a fact not here yet) leaves both sides good; the missing fact is good the moment it arrives', async () => {
		const key = await generateDeviceKey();
		const facts = await chain(key, 6);
		const { checker, verifyBytes } = counting();
		const read: [number, unknown][] = facts
			.map((v, i) => [i, v] as [number, unknown])
			.filter(([i]) => i !== 3);
		expect(await judge(checker, read)).toEqual(read.map(() => 'good'));
		// Two heads: the last fact, and the one before the gap (nothing here names it).
		expect(verifyBytes).toHaveBeenCalledTimes(2);
		expect(checker.status(ctx, 'c3', facts[3])).toBe('good');
		expect(verifyBytes).toHaveBeenCalledTimes(2);
	});

	it('a forged seal that steals a genuine prev vouches for nothing, and never makes a changed fact good', async () => {
		const victim = await generateDeviceKey();
		const forger = await generateDeviceKey();
		const [a, b] = await chain(victim, 2);
		const changedA = { ...(a as Sealed), memo: 'forged' };
		// The forger names the CHANGED fact's digest as prev under the victim's key, signing with its own.
		const stolenPrev = digestOf(changedA as Sealed, 0);
		const body = sealedBody(ctx, 'c7', { amount: 7 }, stolenPrev);
		const forged = {
			amount: 7,
			seal: { by: victim.publicKey, sig: await signBody(forger, body), prev: stolenPrev }
		};
		const { checker } = counting();
		expect(
			await judge(checker, [
				[0, changedA],
				[7, forged]
			])
		).toEqual(['bad', 'bad']);
		// A forgery naming the genuine prev changes nothing for the genuine chain.
		const copyPrev = { amount: 8, seal: { ...forged.seal, prev: b?.seal.prev as string } };
		expect(
			await judge(checker, [
				[0, a],
				[1, b],
				[8, copyPrev]
			])
		).toEqual(['good', 'good', 'bad']);
	});

	it('another key’s good seal naming this key’s fact as prev does not vouch for it', async () => {
		const victim = await newKey();
		const other = await newKey();
		const [a] = await chain(victim, 1);
		const changedA = { ...(a as Sealed), amount: 1000 };
		// `other` genuinely signs a seal whose prev is the changed fact's digest.
		const prev = digestOf(changedA as Sealed, 0);
		const body = sealedBody(ctx, 'c5', { amount: 5 }, prev);
		const real = { amount: 5, seal: { by: other.publicKey, sig: await signBody(other, body), prev } };
		const { checker } = counting();
		expect(
			await judge(checker, [
				[5, real],
				[0, changedA]
			])
		).toEqual(['good', 'bad']);
	});

	it('a reload continues the chain from the stored head; a lost head starts a new chain', async () => {
		const key = await generateDeviceKey();
		const stored = new Map<string, string>();
		const store = {
			get: (k: string) => stored.get(k) ?? null,
			set: (k: string, v: string) => void stored.set(k, v)
		};
		useSealChainStore(store);
		try {
			const before = await chain(key, 2);
			useSealChainStore(store); // a reload: the memory is gone, the store is not
			const [after] = await chain(key, 1, 2);
			expect(after?.seal.prev).toBe(digestOf(before[1] as Sealed, 1));
			const { checker, verifyBytes } = counting();
			const all = [...before, after].map((v, i) => [i, v] as [number, unknown]);
			expect(await judge(checker, all)).toEqual(['good', 'good', 'good']);
			expect(verifyBytes).toHaveBeenCalledTimes(1);
			// A store that lost the head (or holds garbage): a new chain, still good.
			stored.clear();
			useSealChainStore(store);
			const [fresh] = await chain(key, 1, 3);
			expect(fresh?.seal.prev).toBeUndefined();
			for (const k of stored.keys()) stored.set(k, 'not a digest');
			useSealChainStore(store);
			const [again] = await chain(key, 1, 4);
			expect(again?.seal.prev).toBeUndefined();
		} finally {
			useSealChainStore(null);
		}
	});

	it('seals without prev (written before chains) check exactly as before', async () => {
		const key = await generateDeviceKey();
		const old = await sealFact(key, ctx, 'o1', { amount: 1 }, { chain: false });
		expect(old.seal.prev).toBeUndefined();
		const checker = createSealChecker();
		expect(checker.status(ctx, 'o1', old)).toBe('pending');
		await checker.settled();
		expect(checker.status(ctx, 'o1', old)).toBe('good');
		expect(checker.status(ctx, 'o1', { ...old, amount: 2 })).toBe('pending');
		await checker.settled();
		expect(checker.status(ctx, 'o1', { ...old, amount: 2 })).toBe('bad');
	});
});
