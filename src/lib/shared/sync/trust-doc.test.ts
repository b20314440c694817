// Randomized replicas of the meta shard's trust statements, with real Ed25519 signatures: honest
// statements mixed with forged ones (signed by the wrong key, issued by a member without the right,
// tampered after signing, malformed, misfiled) are delivered to each replica in a shuffled order. Every
// replica ends with the same roles as a run that never saw a forgery, and lists every forgery aside.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { computeTrust, canonicalJson, type SignedStatement } from '$lib/shared/domain/identity';
import { generateDeviceKey, fingerprint, verifySigned, type DeviceKey } from '$lib/shared/crypto/signing';
import { readStatements, signStatement, TRUST_MAP, withFreshStatements, writeStatements } from './trust-doc';

const WS = 'W1';
let n = 0;
const nextId = () => `id${String(++n).padStart(8, '0')}`;

function rng(seed: number) {
	let s = seed;
	return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

async function scenario() {
	const root = await generateDeviceKey();
	const admin = await generateDeviceKey();
	const books = await generateDeviceKey();
	const tasks = await generateDeviceKey();
	const outsider = await generateDeviceKey();
	const g = (by: DeviceKey, who: DeviceKey, role: 'admin' | 'books' | 'tasks' | 'owner') =>
		signStatement(by, WS, nextId(), {
			kind: 'grant',
			member: who.publicKey.slice(0, 6),
			memberKey: who.publicKey,
			role
		});
	const honest: SignedStatement[] = await Promise.all([
		g(root, root, 'owner'),
		g(root, admin, 'admin'),
		g(admin, books, 'books'),
		g(admin, tasks, 'tasks'),
		signStatement(root, WS, nextId(), { kind: 'revoke', memberKey: books.publicKey })
	]);
	const selfPromotion = await g(tasks, tasks, 'admin');
	const wrongKey = await g(outsider, outsider, 'owner');
	const tampered = await g(admin, outsider, 'tasks');
	const forged: Array<[string, unknown]> = [
		[selfPromotion.body.id, selfPromotion],
		// Claims to be the root, signed by the outsider's key.
		[wrongKey.body.id, { ...wrongKey, body: { ...wrongKey.body, by: root.publicKey } }],
		[tampered.body.id, { ...tampered, body: { ...tampered.body, role: 'admin' } }],
		['junk', { body: { kind: 'grant' }, sig: 'x' }],
		['elsewhere', honest[1]]
	];
	return { root, admin, books, tasks, honest, forged };
}

async function rolesOf(doc: Y.Doc, root: string) {
	const { verified, setAside } = await readStatements(doc, WS);
	const t = computeTrust(root, verified);
	return { roles: canonicalJson([...t.roles].map(([k, s]) => [k, s.role]).sort()), setAside };
}

describe('trust statements across replicas', () => {
	it('signs and verifies; a tampered body or another key does not verify', async () => {
		const a = await generateDeviceKey();
		const b = await generateDeviceKey();
		const s = await signStatement(a, WS, nextId(), { kind: 'revoke', memberKey: b.publicKey });
		expect(await verifySigned(a.publicKey, s.body, s.sig)).toBe(true);
		expect(await verifySigned(b.publicKey, s.body, s.sig)).toBe(false);
		expect(await verifySigned(a.publicKey, { ...s.body, memberKey: a.publicKey }, s.sig)).toBe(false);
		expect(await verifySigned('not-a-key', s.body, s.sig)).toBe(false);
		expect(fingerprint(a.publicKey)).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
	});

	it('replicas receiving honest and forged statements in shuffled order reach the same roles', async () => {
		const { root, admin, books, tasks, honest, forged } = await scenario();
		const clean = new Y.Doc();
		writeStatements(clean, honest);
		const expected = await rolesOf(clean, root.publicKey);
		expect(JSON.parse(expected.roles)).toEqual(
			[
				[root.publicKey, 'owner'],
				[admin.publicKey, 'admin'],
				[tasks.publicKey, 'tasks']
			].sort()
		);
		expect(expected.roles).not.toContain(books.publicKey);

		// Each statement travels as its own update, as from different peers.
		const updates: Uint8Array[] = [];
		for (const s of honest) {
			const d = new Y.Doc();
			writeStatements(d, [s]);
			updates.push(Y.encodeStateAsUpdate(d));
		}
		for (const [k, raw] of forged) {
			const d = new Y.Doc();
			d.getMap(TRUST_MAP).set(k, raw);
			updates.push(Y.encodeStateAsUpdate(d));
		}
		for (let seed = 1; seed <= 12; seed++) {
			const random = rng(seed * 7919);
			const order = updates.map((u) => ({ u, r: random() })).sort((a, b) => a.r - b.r);
			const replica = new Y.Doc();
			const seen: string[] = [];
			for (const { u } of order) {
				Y.applyUpdate(replica, u);
				// Reading part-way never throws, whatever has arrived so far.
				if (random() < 0.3) seen.push((await rolesOf(replica, root.publicKey)).roles);
			}
			const got = await rolesOf(replica, root.publicKey);
			expect(got.roles).toBe(expected.roles);
			expect(got.setAside.map((x) => x.why).sort()).toEqual(
				['bad-signature', 'bad-signature', 'malformed', 'misfiled'].sort()
			);
			expect(seen.every((s) => typeof s === 'string')).toBe(true);
		}
	});
	it('a copy restored as a new workspace keeps none of the source’s statements, only its new owner', async () => {
		const { honest, root } = await scenario();
		const source = new Y.Doc();
		writeStatements(source, honest);
		source.getMap('profile').set('name', 'Acme');
		const newOwner = await signStatement(root, 'W2', nextId(), {
			kind: 'grant',
			member: 'm1',
			memberKey: root.publicKey,
			role: 'owner'
		});
		const copy = new Y.Doc();
		Y.applyUpdate(copy, withFreshStatements(Y.encodeStateAsUpdate(source), [newOwner]));
		expect(copy.getMap('profile').get('name')).toBe('Acme');
		const { verified, setAside } = await readStatements(copy, 'W2');
		expect(verified.map((s) => s.id)).toEqual([newOwner.body.id]);
		expect(setAside).toEqual([]);
	});
});
