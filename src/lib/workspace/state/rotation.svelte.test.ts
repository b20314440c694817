// Key rotation on three simulated devices sharing one meta shard (owner, Books member, Tasks-only
// member), with real signatures and boxes: each device publishes its box key; the owner removes the
// Tasks member; the owner's and the Books member's devices move to the same new meta and tasks keys
// (Books keeps its key), remember the old meta key, and reconnect; the removed device keeps its old
// keys and is told it is shut out. A rekey signed by the Books member moves nobody and is set aside,
// and an older copy of meta without the rekey never moves a device back to the old rooms.
import { describe, expect, it } from 'vitest';
import { generateDeviceKey, type DeviceKey } from '$lib/shared/crypto/signing';
import type { WorkspaceEntry } from '$lib/shared/domain/workspace';
import { trustNet } from '$lib/shared/testing/trust-net';
import { signStatement, type TrustReplica } from '$lib/shared/sync/trust-doc';
import { freshKeys, writeRekey } from '$lib/shared/sync/rekey';
import { MembersState } from './members.svelte';
import { RotationState, type Handover } from './rotation.svelte';

const room = (c: string) => ({ room: c.repeat(22), secret: c.repeat(22) });
const ALL = { meta: room('m'), tasks: room('t'), books: room('b'), people: room('p') };

const quietHandover = (): Handover => ({ connect() {}, publish() {}, setOnline() {}, destroy() {} });

function device(replica: TrustReplica, start: WorkspaceEntry) {
	const box = { entry: start, reconnects: [] as WorkspaceEntry[] };
	const saveEntry = async (e: WorkspaceEntry) => {
		box.entry = e;
	};
	const rotation = new RotationState({
		replica,
		entry: () => box.entry,
		saveEntry,
		reconnect: (e) => box.reconnects.push(e),
		handover: quietHandover
	});
	const members = new MembersState({
		replica,
		entry: () => box.entry,
		saveEntry,
		members: () => [],
		rekey: (args) => rotation.buildRekey(args)
	});
	return { box, rotation, members };
}

async function until(check: () => boolean): Promise<void> {
	for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
	expect(check()).toBe(true);
}

function entry(
	memberId: string,
	key: DeviceKey,
	root: string,
	shards: WorkspaceEntry['shards']
): WorkspaceEntry {
	return {
		id: 'W1',
		name: 'Acme',
		createdAt: '2026-06-15T09:00:00.000Z',
		lastOpenedAt: '2026-06-15T09:00:00.000Z',
		shards,
		memberId,
		memberName: memberId,
		signaling: [],
		online: true,
		schemaVersion: 1,
		root,
		device: key
	};
}

describe('RotationState', () => {
	it('a removal moves the remaining devices to new keys by role and leaves the removed one behind', async () => {
		const { replicas, docs } = trustNet('W1', 3);
		const [ownerKey, booksKey, tasksKey] = await Promise.all([
			generateDeviceKey(),
			generateDeviceKey(),
			generateDeviceKey()
		]);
		const root = ownerKey.publicKey;
		const grant = (key: DeviceKey, member: string, role: 'owner' | 'books' | 'tasks') =>
			signStatement(ownerKey, 'W1', `GRANT${member.toUpperCase()}01`, {
				kind: 'grant',
				member,
				memberKey: key.publicKey,
				role
			});
		replicas[0]!.write([
			await grant(ownerKey, 'owner', 'owner'),
			await grant(booksKey, 'books', 'books'),
			await grant(tasksKey, 'tasks', 'tasks')
		]);
		const owner = device(replicas[0]!, entry('owner', ownerKey, root, ALL));
		// Until their browsers open, the two members have no encryption key: named as unreachable.
		await until(
			() => owner.rotation.unreachable.join() === [booksKey.publicKey, tasksKey.publicKey].sort().join()
		);
		const books = device(
			replicas[1]!,
			entry('books', booksKey, root, { meta: ALL.meta, tasks: ALL.tasks, books: ALL.books })
		);
		const tasks = device(replicas[2]!, entry('tasks', tasksKey, root, { meta: ALL.meta, tasks: ALL.tasks }));
		const boxKeys = () =>
			[...docs[0]!.getMap('grants').values()].filter(
				(s) => (s as { body: { kind: string } }).body.kind === 'box-key'
			).length;
		await until(() => boxKeys() === 3 && owner.members.trust?.roles.size === 3);
		await until(() => owner.rotation.unreachable.length === 0);
		for (const d of [owner, books, tasks]) expect(d.box.entry.box?.privateKey.extractable).toBe(false);

		expect((await owner.members.remove(tasksKey.publicKey)).ok).toBe(true);
		await until(() => owner.box.reconnects.length > 0 && books.box.reconnects.length > 0);
		await until(() => tasks.rotation.cutOff.length === 2);
		const o = owner.box.entry;
		const b = books.box.entry;
		expect(o.shards.meta).not.toEqual(ALL.meta);
		expect(o.shards.tasks).not.toEqual(ALL.tasks);
		expect(o.shards.books).toEqual(ALL.books);
		expect(o.shards.people).toEqual(ALL.people);
		expect(b.shards).toEqual({ meta: o.shards.meta, tasks: o.shards.tasks, books: ALL.books });
		expect(o.formerMeta).toEqual([ALL.meta]);
		expect(b.formerMeta).toEqual([ALL.meta]);
		expect(b.baseShards).toEqual({ meta: ALL.meta, tasks: ALL.tasks, books: ALL.books });
		expect(owner.box.reconnects.at(-1)?.shards).toEqual(o.shards);
		expect(tasks.box.entry.shards).toEqual({ meta: ALL.meta, tasks: ALL.tasks });
		expect(tasks.box.reconnects).toEqual([]);
		expect(tasks.rotation.cutOff.sort()).toEqual(['meta', 'tasks']);
		expect(owner.rotation.keysChangedAt(tasksKey.publicKey)).toMatch(/^\d{4}-\d{2}-\d{2}T/);

		// A rekey signed by the Books member (no owner or admin): set aside everywhere, nobody moves.
		const chainHead = owner.rotation.chain.at(-1)?.id ?? '';
		const forged = await writeRekey({
			device: booksKey,
			workspaceId: 'W1',
			id: 'FORGEDREKEY01',
			after: chainHead,
			removed: [ownerKey.publicKey],
			keys: freshKeys(['meta', 'tasks']),
			recipients: new Map([[booksKey.publicKey, ['meta', 'tasks']]]),
			boxKeys: new Map([[booksKey.publicKey, [b.box?.publicKey ?? '']]]),
			at: '2026-06-15T09:00:00.000Z'
		});
		const before = { owner: owner.box.entry.shards, books: books.box.entry.shards };
		replicas[1]!.write([forged.statement]);
		await until(() => owner.rotation.setAside.some((s) => s.key === 'rekey:FORGEDREKEY01'));
		await until(() => books.rotation.setAside.some((s) => s.key === 'rekey:FORGEDREKEY01'));
		expect(owner.box.entry.shards).toEqual(before.owner);
		expect(books.box.entry.shards).toEqual(before.books);

		// An older copy of meta (a restored backup from before the removal) has no rekey: the owner's
		// device does not go back to the old rooms, where the removed device still is.
		const older = trustNet('W1', 1);
		older.replicas[0]!.write([
			await grant(ownerKey, 'owner', 'owner'),
			await grant(booksKey, 'books', 'books'),
			await grant(tasksKey, 'tasks', 'tasks')
		]);
		const restored = device(older.replicas[0]!, owner.box.entry);
		const rotated = owner.box.entry.shards;
		await until(() =>
			[...older.docs[0]!.getMap('grants').values()].some(
				(s) => (s as { body: { kind: string } }).body.kind === 'box-key'
			)
		);
		await new Promise((r) => setTimeout(r, 50));
		expect(restored.box.entry.shards).toEqual(rotated);
		expect(restored.box.reconnects).toEqual([]);
		restored.rotation.destroy();
		restored.members.destroy();
		for (const d of [owner, books, tasks]) {
			d.rotation.destroy();
			d.members.destroy();
		}
	});
});
