// Sealed facts with real Ed25519 keys: a seal verifies for its one place and content only, the checker
// verifies each seal once and answers synchronously afterwards, and mayAuthor applies "the author's
// role at the time" (a removed member's counted role still covers what it wrote).
import { describe, expect, it, vi } from 'vitest';
import { computeTrust, type Role, type StatementBody } from '$lib/shared/domain/identity';
import { generateDeviceKey, verifySigned } from '$lib/shared/crypto/signing';
import {
	createSealChecker,
	mayAuthor,
	sealFact,
	sealedBody,
	sealOf,
	sealText,
	type FactContext
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
