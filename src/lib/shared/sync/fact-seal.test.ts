// Sealed facts with real Ed25519 keys: a seal verifies for its one place and content only, the checker
// verifies each seal once and answers synchronously afterwards, and mayAuthor applies "the author's
// role at the time" (a removed member's counted role still covers what it wrote).
import { describe, expect, it, vi } from 'vitest';
import { computeTrust, type Role, type StatementBody } from '$lib/shared/domain/identity';
import { generateDeviceKey, verifySigned } from '$lib/shared/crypto/signing';
import { generateDeviceKey as newKey, signBody, type DeviceKey } from '$lib/shared/crypto/signing';
import {
	createSealChecker,
	mayAuthor,
	sealDigest,
	sealedMessage,
	sealFact,
	sealedBody,
	sealOf,
	sealText,
	useSealChainStore,
	type FactContext,
	type FactSeal
} from './fact-seal';

const ctx: FactContext = { workspaceId: 'W1', shard: 'books', map: 'entries' };

describe('sealFact and sealedBody', () => {
	it('signs the domain-separated body without the seal field', async () => {
		const key = await generateDeviceKey();
		const sealed = await sealFact(key, ctx, 'e1', { amount: 5, memo: 'x' });
		expect(sealed.seal.by).toBe(key.publicKey);
		expect(sealOf(sealed)).toEqual(sealed.seal);
		const body = sealedBody(ctx, 'e1', sealed);
		expect(body).toEqual({
			t: 'keel-fact/1',
			workspaceId: 'W1',
			shard: 'books',
			map: 'entries',
			key: 'e1',
			value: { amount: 5, memo: 'x' }
		});
		expect(await verifySigned(key.publicKey, body, sealed.seal.sig)).toBe(true);
		// Re-sealing replaces the seal rather than signing over it.
		const again = await sealFact(key, ctx, 'e1', sealed);
		expect(await verifySigned(key.publicKey, sealedBody(ctx, 'e1', again), again.seal.sig)).toBe(true);
	});

	it('rejects malformed seals as none', () => {
		expect(sealOf({ a: 1 })).toBeUndefined();
		expect(sealOf({ seal: { by: 'short', sig: 'x' } })).toBeUndefined();
		expect(sealOf(null)).toBeUndefined();
		expect(sealOf('text')).toBeUndefined();
	});
});

describe('createSealChecker', () => {
	it('answers pending, then good or bad, and never a good seal moved elsewhere', async () => {
		const key = await generateDeviceKey();
		const onChange = vi.fn();
		const checker = createSealChecker({ onChange });
		const good = await sealFact(key, ctx, 'e1', { amount: 5 });
		const tampered = { ...good, amount: 50 };
		const moved = good; // same value, read under another key
		const otherMap = good; // same value, read in another map
		const otherWs = good;
		expect(checker.status(ctx, 'e1', good)).toBe('pending');
		expect(checker.status(ctx, 'e1', tampered)).toBe('pending');
		expect(checker.status(ctx, 'e2', moved)).toBe('pending');
		expect(checker.status({ ...ctx, map: 'entryBatches' }, 'e1', otherMap)).toBe('pending');
		expect(checker.status({ ...ctx, workspaceId: 'W2' }, 'e1', otherWs)).toBe('pending');
		expect(checker.status(ctx, 'e3', { amount: 1 })).toBe('unsealed');
		await checker.settled();
		expect(onChange).toHaveBeenCalled();
		expect(checker.status(ctx, 'e1', good)).toBe('good');
		expect(checker.status(ctx, 'e1', tampered)).toBe('bad');
		expect(checker.status(ctx, 'e2', moved)).toBe('bad');
		expect(checker.status({ ...ctx, map: 'entryBatches' }, 'e1', otherMap)).toBe('bad');
		expect(checker.status({ ...ctx, workspaceId: 'W2' }, 'e1', otherWs)).toBe('bad');
		// A structurally equal copy (another object) answers from memory too.
		expect(checker.status(ctx, 'e1', structuredClone(good))).toBe('good');
	});

	it('answers a value read again while its check waits from memory, without serialising it again', async () => {
		// An adoption of a 50k-entry book is read once per entry while its seal is being checked:
		// serialising it each time made opening such a book spin for minutes.
		const key = await generateDeviceKey();
		const sealed = await sealFact(key, ctx, 'a1', {
			keys: Array.from({ length: 1000 }, (_, i) => [`e${i}`, 'd'])
		});
		let walks = 0;
		const watched = new Proxy(sealed, {
			ownKeys(target) {
				walks++;
				return Reflect.ownKeys(target);
			}
		});
		const checker = createSealChecker();
		for (let i = 0; i < 500; i++) expect(checker.status(ctx, 'a1', watched)).toBe('pending');
		expect(walks).toBeLessThanOrEqual(2);
		await checker.settled();
		expect(checker.status(ctx, 'a1', watched)).toBe('good');
		expect(walks).toBeLessThanOrEqual(2);
	});

	it('claims by another key fail: the seal names the signer', async () => {
		const author = await generateDeviceKey();
		const forger = await generateDeviceKey();
		const real = await sealFact(author, ctx, 'e1', { amount: 5 });
		const forged = await sealFact(forger, ctx, 'e1', { amount: 5 });
		const claimed = { ...forged, seal: { ...forged.seal, by: author.publicKey } };
		const checker = createSealChecker();
		checker.status(ctx, 'e1', real);
		checker.status(ctx, 'e1', claimed);
		await checker.settled();
		expect(checker.status(ctx, 'e1', real)).toBe('good');
		expect(checker.status(ctx, 'e1', claimed)).toBe('bad');
	});

	it('verifies each seal and content once, in batches, and survives a throwing verifier', async () => {
		const key = await generateDeviceKey();
		// Unchained seals, each checked on its own signature (chains: see "seal chains" below).
		const values = await Promise.all(
			Array.from({ length: 600 }, (_, i) => sealFact(key, ctx, `k${i}`, { i }, { chain: false }))
		);
		const verify = vi.fn(verifySigned);
		const onChange = vi.fn();
		const checker = createSealChecker({ verify, onChange });
		for (let round = 0; round < 3; round++)
			values.forEach((val, i) => checker.status(ctx, `k${i}`, structuredClone(val)));
		await checker.settled();
		expect(verify).toHaveBeenCalledTimes(600);
		expect(onChange).toHaveBeenCalledTimes(1);
		values.forEach((val, i) => expect(checker.status(ctx, `k${i}`, val)).toBe('good'));
		expect(verify).toHaveBeenCalledTimes(600);

		const throwing = createSealChecker({
			verify: () => Promise.reject(new Error('boom')),
			onChange: () => {
				throw new Error('listener');
			}
		});
		expect(throwing.status(ctx, 'k0', values[0])).toBe('pending');
		await throwing.settled();
		expect(throwing.status(ctx, 'k0', values[0])).toBe('bad');
	});
});

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

describe('text seals (a string stored as is, its seal beside it)', () => {
	it('verify the exact stored string, once, and refuse any other string, place or key', async () => {
		const device = await generateDeviceKey();
		const ctx: FactContext = { workspaceId: 'ws-t', shard: 'books', map: 'entryBatches' };
		const text = JSON.stringify([{ id: 'e1', memo: 'line\nbreak "quoted"' }]);
		const seal = await sealText(device, ctx, 'b1', text);
		const verifyBytes = vi.fn(async () => true);
		const counting = createSealChecker({ verifyBytes });
		expect(counting.text(ctx, 'b1', text, seal)).toBe('pending');
		await counting.settled();
		expect(counting.text(ctx, 'b1', text, seal)).toBe('good');
		expect(verifyBytes).toHaveBeenCalledTimes(1);

		const checker = createSealChecker();
		const read = async (c: FactContext, key: string, t: string, s: unknown) => {
			checker.text(c, key, t, s);
			await checker.settled();
			return checker.text(c, key, t, s);
		};
		expect(await read(ctx, 'b1', text, seal)).toBe('good');
		expect(await read(ctx, 'b1', text.replace('e1', 'e2'), seal)).toBe('bad');
		expect(await read(ctx, 'b1', `${text} `, seal)).toBe('bad');
		expect(await read(ctx, 'b2', text, seal)).toBe('bad');
		expect(await read({ ...ctx, workspaceId: 'ws-u' }, 'b1', text, seal)).toBe('bad');
		expect(await read(ctx, 'b1', text, { by: seal.by })).toBe('unsealed');
		// A text seal never passes as the seal of a JSON value holding the same string.
		expect(checker.detached(ctx, 'b1', text, seal)).toBe('pending');
		await checker.settled();
		expect(checker.detached(ctx, 'b1', text, seal)).toBe('bad');
	});
});

describe('mayAuthor', () => {
	const g = (id: string, by: string, memberKey: string, role: Role): StatementBody => ({
		v: 1,
		kind: 'grant',
		id,
		workspaceId: 'W1',
		by,
		member: memberKey,
		memberKey,
		role
	});
	const revoke = (id: string, by: string, memberKey: string): StatementBody => ({
		v: 1,
		kind: 'revoke',
		id,
		workspaceId: 'W1',
		by,
		memberKey
	});

	it('counts a current counted grant, a removed member’s former role, and nothing else', () => {
		const trust = computeTrust('ROOT', [
			g('a1', 'ROOT', 'ADMIN', 'admin'),
			g('a2', 'ADMIN', 'BOOKS', 'books'),
			g('a3', 'ADMIN', 'TASKS', 'tasks'),
			g('a4', 'ROOT', 'GONE', 'books'),
			g('a5', 'TASKS', 'SELF', 'books'),
			revoke('a6', 'ROOT', 'GONE'),
			g('a7', 'ROOT', 'GONE_TASKS', 'tasks'),
			revoke('a8', 'ROOT', 'GONE_TASKS')
		]);
		const books = ['owner', 'admin', 'books'] as const;
		expect(mayAuthor(trust, 'ROOT', books)).toBe(true);
		expect(mayAuthor(trust, 'ADMIN', books)).toBe(true);
		expect(mayAuthor(trust, 'BOOKS', books)).toBe(true);
		expect(mayAuthor(trust, 'TASKS', books)).toBe(false);
		expect(mayAuthor(trust, 'SELF', books)).toBe(false);
		expect(mayAuthor(trust, 'STRANGER', books)).toBe(false);
		expect(mayAuthor(trust, 'GONE', books)).toBe(true);
		expect(mayAuthor(trust, 'GONE_TASKS', books)).toBe(false);
		expect(mayAuthor(trust, 'GONE', ['people'])).toBe(false);
	});

	it('a member whose grant was voided with its removed issuer never may author', () => {
		const trust = computeTrust('ROOT', [
			g('b1', 'ROOT', 'ADMIN', 'admin'),
			g('b2', 'ADMIN', 'BOOKS', 'books'),
			revoke('b3', 'ROOT', 'ADMIN')
		]);
		expect(mayAuthor(trust, 'ADMIN', ['admin'])).toBe(true);
		expect(mayAuthor(trust, 'BOOKS', ['books'])).toBe(false);
	});
});
