// Rekeys with real keys (Ed25519 signatures, P-256 boxes): new shard keys round-trip to each remaining
// member with only the shards its role may read; the removed key gets nothing; a tampered rekey, one
// for another workspace, one signed by a member who is no owner or admin, and a box sealed for someone
// else are all set aside and change no key; two rekeys written at once resolve to the same one on
// every replica, and a device that followed the losing one ends with the winner's keys.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	boxKeysOf,
	computeTrust,
	pendingRemovals,
	rekeyChain,
	rekeyRecipients,
	type SignedStatement
} from '$lib/shared/domain/identity';
import { generateDeviceKey, type DeviceKey } from '$lib/shared/crypto/signing';
import { generateBoxKey, type BoxKey } from '$lib/shared/crypto/box';
import { readStatements, signStatement, TRUST_MAP, writeStatements } from './trust-doc';
import { freshKeys, openChain, writeRekey, type ShardKeys } from './rekey';
import { acceptHandover } from './handover';

const WS = 'W1';
let n = 0;
const nextId = () => `id${String(++n).padStart(8, '0')}`;
const k = (c: string) => ({ room: c.repeat(24), secret: c.repeat(24) });
const BASE: ShardKeys = { meta: k('m'), tasks: k('t'), books: k('b'), people: k('p') };

interface Member {
	device: DeviceKey;
	box: BoxKey;
}

async function team() {
	const mk = async (): Promise<Member> => ({
		device: await generateDeviceKey(),
		box: await generateBoxKey()
	});
	const [owner, admin, books, tasks] = await Promise.all([mk(), mk(), mk(), mk()]);
	const g = (who: Member, role: 'owner' | 'admin' | 'books' | 'tasks') =>
		signStatement(owner.device, WS, nextId(), {
			kind: 'grant',
			member: who.device.publicKey.slice(0, 6),
			memberKey: who.device.publicKey,
			role
		});
	const boxKey = (m: Member) =>
		signStatement(m.device, WS, nextId(), { kind: 'box-key', boxKey: m.box.publicKey });
	const statements: SignedStatement[] = await Promise.all([
		g(owner, 'owner'),
		g(admin, 'admin'),
		g(books, 'books'),
		g(tasks, 'tasks'),
		...[owner, admin, books, tasks].map(boxKey)
	]);
	return { owner, admin, books, tasks, statements };
}

async function state(doc: Y.Doc, root: string) {
	const { verified, setAside } = await readStatements(doc, WS);
	const trust = computeTrust(root, verified);
	return { verified, setAside, trust, ...rekeyChain(trust, verified) };
}

/** The rekey `by` writes removing `removing` (books and tasks members get what their role reads). */
async function rekey(args: {
	doc: Y.Doc;
	root: string;
	by: Member;
	removing: string[];
	shards: ('meta' | 'tasks' | 'books' | 'people')[];
	workspaceId?: string;
}) {
	const { trust, verified, chain } = await state(args.doc, args.root);
	return writeRekey({
		device: args.by.device,
		workspaceId: args.workspaceId ?? WS,
		id: nextId(),
		after: chain.at(-1)?.id ?? '',
		removed: args.removing,
		keys: freshKeys(args.shards),
		recipients: rekeyRecipients(trust, chain, args.shards, args.removing),
		boxKeys: boxKeysOf(verified),
		at: '2026-06-15T09:00:00.000Z'
	});
}

async function keysOf(doc: Y.Doc, root: string, m: Member, base: ShardKeys = BASE) {
	const { chain } = await state(doc, root);
	return openChain({ chain, me: m.device.publicKey, box: m.box, base });
}

describe('rekey', () => {
	it('hands the new keys to each remaining member by role; the removed key gets nothing', async () => {
		const t = await team();
		const doc = new Y.Doc();
		writeStatements(doc, t.statements);
		const root = t.owner.device.publicKey;
		const removing = t.tasks.device.publicKey;
		const revoke = await signStatement(t.owner.device, WS, nextId(), { kind: 'revoke', memberKey: removing });
		writeStatements(doc, [revoke]);
		const { statement, unreached } = await rekey({
			doc,
			root,
			by: t.owner,
			removing: [removing],
			shards: ['meta', 'tasks']
		});
		expect(unreached).toEqual([]);
		writeStatements(doc, [statement]);
		const owner = await keysOf(doc, root, t.owner);
		const admin = await keysOf(doc, root, t.admin, { meta: BASE.meta, tasks: BASE.tasks });
		const books = await keysOf(doc, root, t.books, { meta: BASE.meta, tasks: BASE.tasks, books: BASE.books });
		const gone = await keysOf(doc, root, t.tasks, { meta: BASE.meta, tasks: BASE.tasks });
		expect(owner.keys.meta).not.toEqual(BASE.meta);
		expect(owner.keys.tasks).not.toEqual(BASE.tasks);
		expect(owner.keys.books).toEqual(BASE.books);
		expect(admin.keys.meta).toEqual(owner.keys.meta);
		expect(books.keys).toEqual({ meta: owner.keys.meta, tasks: owner.keys.tasks, books: BASE.books });
		expect(gone.keys).toEqual({ meta: BASE.meta, tasks: BASE.tasks });
		expect(gone.cutOff.sort()).toEqual(['meta', 'tasks']);
		// The removed member's box key is never addressed, and no box holds secrets in clear.
		const body = statement.body.kind === 'rekey' ? statement.body : null;
		expect(body?.boxes.map((b) => b.to)).not.toContain(removing);
		expect(JSON.stringify(statement)).not.toContain(owner.keys.meta?.secret ?? '?');
		// A books member's box holds no people key even when people is rotated.
		const second = await rekey({ doc, root, by: t.owner, removing: [], shards: ['meta', 'people'] });
		writeStatements(doc, [second.statement]);
		const books2 = await keysOf(doc, root, t.books, {
			meta: BASE.meta,
			tasks: BASE.tasks,
			books: BASE.books
		});
		expect(books2.keys.people).toBeUndefined();
		expect(books2.keys.meta).not.toEqual(owner.keys.meta);
	});

	it('sets aside a tampered, misaddressed, wrong-signer or other-workspace rekey, and applies none', async () => {
		const t = await team();
		const doc = new Y.Doc();
		writeStatements(doc, t.statements);
		const root = t.owner.device.publicKey;
		// Signed by the books member: no owner or admin.
		const wrongSigner = await rekey({ doc, root, by: t.books, removing: [], shards: ['meta'] });
		// For another workspace.
		const elsewhere = await rekey({
			doc,
			root,
			by: t.owner,
			removing: [],
			shards: ['meta'],
			workspaceId: 'W2'
		});
		writeStatements(doc, [wrongSigner.statement, elsewhere.statement]);
		let s = await state(doc, root);
		expect(s.chain).toEqual([]);
		expect(s.notCounted.map((r) => r.id)).toEqual([wrongSigner.statement.body.id]);
		expect(s.setAside.map((x) => x.why)).toEqual(['other-workspace']);
		expect((await keysOf(doc, root, t.admin)).keys).toEqual(BASE);

		// Tampered after signing (a box swapped for one the attacker sealed): the signature fails.
		const good = await rekey({ doc, root, by: t.owner, removing: [], shards: ['meta'] });
		const body = good.statement.body;
		if (body.kind !== 'rekey') throw new Error('not a rekey');
		const evil = await generateBoxKey();
		const forgedBoxes = body.boxes.map((b) => ({ ...b, boxKey: evil.publicKey }));
		const tampered = { ...good.statement, body: { ...body, boxes: forgedBoxes } };
		doc.getMap(TRUST_MAP).set(body.id, tampered);
		s = await state(doc, root);
		expect(s.setAside.map((x) => x.why).sort()).toEqual(['bad-signature', 'other-workspace']);
		expect(s.chain).toEqual([]);
		// The handover refuses it too.
		expect(await acceptHandover([tampered, good.statement], WS)).toEqual([good.statement]);

		// Misaddressed: a validly signed rekey whose box for the admin was sealed for another key.
		const mis = await rekey({ doc, root, by: t.owner, removing: [], shards: ['meta'] });
		const mb = mis.statement.body;
		if (mb.kind !== 'rekey') throw new Error('not a rekey');
		const adminBox = mb.boxes.find((b) => b.to === t.admin.device.publicKey);
		const booksBox = mb.boxes.find((b) => b.to === t.books.device.publicKey);
		if (!adminBox || !booksBox) throw new Error('boxes missing');
		const swapped = await signStatement(t.owner.device, WS, mb.id, {
			kind: 'rekey',
			after: mb.after,
			removed: mb.removed,
			shards: mb.shards,
			at: mb.at,
			boxes: [{ ...booksBox, to: adminBox.to, boxKey: adminBox.boxKey }]
		});
		const doc2 = new Y.Doc();
		writeStatements(doc2, [...t.statements, swapped]);
		const opened = await keysOf(doc2, root, t.admin);
		expect(opened.unopened).toEqual([mb.id]);
		expect(opened.keys).toEqual(BASE);
	});

	it('two rekeys written at once: every replica picks the same, and the loser’s writer follows the winner', async () => {
		const t = await team();
		const root = t.owner.device.publicKey;
		const a = new Y.Doc();
		const b = new Y.Doc();
		writeStatements(a, t.statements);
		writeStatements(b, t.statements);
		const byOwner = await rekey({
			doc: a,
			root,
			by: t.owner,
			removing: [t.tasks.device.publicKey],
			shards: ['meta', 'tasks']
		});
		const byAdmin = await rekey({
			doc: b,
			root,
			by: t.admin,
			removing: [t.books.device.publicKey],
			shards: ['meta', 'tasks', 'books']
		});
		writeStatements(a, [byOwner.statement]);
		writeStatements(b, [byAdmin.statement]);
		// Before they meet, each writer holds its own keys.
		const adminAlone = await keysOf(b, root, t.admin);
		expect(adminAlone.appliedUpTo).toBe(byAdmin.statement.body.id);
		// Shuffled delivery: both replicas end with one chain.
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		const chainA = (await state(a, root)).chain.map((r) => r.id);
		const chainB = (await state(b, root)).chain.map((r) => r.id);
		expect(chainA).toEqual(chainB);
		expect(chainA).toHaveLength(1);
		const winner = chainA[0];
		// The admin (whatever it applied before) and the owner end with the same keys.
		const owner = await keysOf(a, root, t.owner);
		const admin = await keysOf(b, root, t.admin);
		expect(admin.keys).toEqual(owner.keys);
		expect(owner.appliedUpTo).toBe(winner);
		// The loser's removal is not shut out yet: a follow-up rekey is due.
		const revokeBooks = await signStatement(t.admin.device, WS, nextId(), {
			kind: 'revoke',
			memberKey: t.books.device.publicKey
		});
		const revokeTasks = await signStatement(t.owner.device, WS, nextId(), {
			kind: 'revoke',
			memberKey: t.tasks.device.publicKey
		});
		writeStatements(a, [revokeBooks, revokeTasks]);
		const s = await state(a, root);
		const loserRemoved = winner === byOwner.statement.body.id ? t.books : t.tasks;
		expect(pendingRemovals(s.trust, s.chain)).toEqual([loserRemoved.device.publicKey]);
	});
});
