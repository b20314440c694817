// The Members state on several simulated devices sharing one meta shard: an invite made by the owner
// is claimed by the joiner and confirmed by the owner's device, so both see the same verified role;
// a workspace made before keys is secured only by the browser holding every shard, and the others
// adopt that root on first sight (trust on first use) and show as not verified.
import { describe, expect, it } from 'vitest';
import { generateDeviceKey } from '$lib/shared/crypto/signing';
import type { WorkspaceEntry } from '$lib/shared/domain/workspace';
import { trustNet } from '$lib/shared/testing/trust-net';
import { signStatement } from '$lib/shared/sync/trust-doc';
import { MembersState } from './members.svelte';

const room = (c: string) => ({ room: c.repeat(22), secret: c.repeat(22) });
const ALL = { meta: room('m'), tasks: room('t'), books: room('b'), people: room('p') };

function entry(memberId: string, name: string, patch: Partial<WorkspaceEntry> = {}): WorkspaceEntry {
	return {
		id: 'W1',
		name: 'Acme',
		createdAt: '2026-06-15T09:00:00.000Z',
		lastOpenedAt: '2026-06-15T09:00:00.000Z',
		shards: ALL,
		memberId,
		memberName: name,
		signaling: [],
		online: true,
		schemaVersion: 1,
		...patch
	};
}

/** A device: its registry entry (kept in a variable, as the registry would) and its Members state. */
function device(replica: ReturnType<typeof trustNet>['replicas'][number], start: WorkspaceEntry) {
	const box = { entry: start };
	const names = [
		{ id: 'm-owner', name: 'Olga', color: '#000', joinedAt: '' },
		{ id: 'm-bea', name: 'Bea', color: '#000', joinedAt: '' }
	];
	const state = new MembersState({
		replica,
		entry: () => box.entry,
		saveEntry: async (e) => {
			box.entry = e;
		},
		members: () => names
	});
	return { box, state };
}

async function until(check: () => boolean): Promise<void> {
	for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
	expect(check()).toBe(true);
}

describe('MembersState', () => {
	it('an invite is claimed by the joiner and confirmed by the owner, the same on both devices', async () => {
		const { replicas } = trustNet('W1', 2);
		const key = await generateDeviceKey();
		// As createWorkspace does: the creator is the root and grants itself owner.
		replicas[0]!.write([
			await signStatement(key, 'W1', 'SELFGRANT01', {
				kind: 'grant',
				member: 'm-owner',
				memberKey: key.publicKey,
				role: 'owner'
			})
		]);
		const owner = device(replicas[0]!, entry('m-owner', 'Olga', { root: key.publicKey, device: key }));
		await until(() => owner.state.loaded);
		expect(owner.state.canManage).toBe(true);
		const made = await owner.state.createInvite({
			grant: 'books',
			days: 7,
			singleUse: true,
			name: 'Acme',
			origin: 'https://keel.example'
		});
		if (!made.ok) throw new Error(made.error.message);
		await until(() => owner.state.invites.length === 1);
		const inviteId = owner.state.invites[0]?.id ?? '';
		expect(owner.state.invites[0]).toMatchObject({
			role: 'Books (and Tasks)',
			singleUse: true,
			status: 'open'
		});

		const bea = device(
			replicas[1]!,
			entry('m-bea', 'Bea', {
				shards: { meta: ALL.meta, tasks: ALL.tasks, books: ALL.books },
				root: key.publicKey,
				joinedInvite: inviteId
			})
		);
		await until(() => bea.state.myStatus === 'verified');
		await until(() => owner.state.rows.some((r) => r.name === 'Bea' && r.status === 'verified'));
		for (const s of [owner.state, bea.state]) {
			expect(s.rows.find((r) => r.name === 'Bea')).toMatchObject({
				role: 'Books (and Tasks)',
				status: 'verified'
			});
			expect(s.rows.find((r) => r.name === 'Olga')).toMatchObject({ role: 'Owner', status: 'verified' });
		}
		expect(owner.state.invites[0]).toMatchObject({ status: 'used', usedBy: ['Bea'] });
		expect(bea.state.canManage).toBe(false);
		expect(
			(await bea.state.createInvite({ grant: 'all', days: 7, singleUse: false, name: 'Acme', origin: 'x' }))
				.ok
		).toBe(false);

		// Bea joins again through an "Everything" invite: her claim widens her role to admin.
		const wider = await owner.state.createInvite({
			grant: 'all',
			days: 7,
			singleUse: false,
			name: 'Acme',
			origin: 'https://keel.example'
		});
		expect(wider.ok).toBe(true);
		await until(() => owner.state.invites.length === 2);
		const adminInvite = owner.state.invites.find((i) => i.role.startsWith('Admin'))?.id;
		bea.box.entry = { ...bea.box.entry, joinedInvite: adminInvite };
		bea.state.refresh();
		await until(() => bea.state.myRole === 'admin');
		await until(() => owner.state.rows.find((r) => r.name === 'Bea')?.role === 'Admin (everything)');
		expect(owner.state.rows.filter((r) => r.name === 'Bea')).toHaveLength(1);
	});

	it('a workspace made before keys is secured by the browser holding everything; others adopt it on first sight', async () => {
		const { replicas } = trustNet('W1', 3);
		const owner = device(replicas[0]!, entry('m-owner', 'Olga'));
		const bea = device(replicas[1]!, entry('m-bea', 'Bea', { shards: { meta: ALL.meta, tasks: ALL.tasks } }));
		await until(() => owner.state.loaded && bea.state.loaded);
		expect(owner.state.canSecure).toBe(true);
		expect(bea.state.canSecure).toBe(false);
		expect(bea.state.rows.every((r) => r.status === 'not-verified')).toBe(true);
		expect((await bea.state.secure()).ok).toBe(false);

		expect((await owner.state.secure()).ok).toBe(true);
		expect(owner.box.entry.root).toBe(owner.box.entry.device?.publicKey);
		await until(() => bea.box.entry.root === owner.box.entry.root);
		await until(() => bea.state.rows.some((r) => r.name === 'Olga' && r.status === 'verified'));
		expect(bea.state.rows.find((r) => r.name === 'Bea')?.status).toBe('not-verified');

		// A second browser holding everything is offered to secure, never adopts another's root.
		const other = device(replicas[2]!, entry('m-bea', 'Bea'));
		await until(() => other.state.loaded);
		expect(other.box.entry.root).toBeUndefined();
		expect(other.state.canSecure).toBe(true);
	});

	it('a root whose own owner grant never reached the shard writes it again, and then acts as its member', async () => {
		const { replicas } = trustNet('W1', 2);
		const key = await generateDeviceKey();
		// The tab was closed before the creation's grant was stored: the root is known, its grant is not.
		const owner = device(replicas[0]!, entry('m-owner', 'Olga', { root: key.publicKey, device: key }));
		await until(() => owner.state.trust?.roles.get(key.publicKey)?.member === 'm-owner');
		expect(owner.state.canManage).toBe(true);
		expect(owner.state.trust?.memberOf.get(key.publicKey)).toBe('m-owner');
		// Written once, and read the same by a teammate's device.
		const bea = device(replicas[1]!, entry('m-bea', 'Bea', { root: key.publicKey }));
		await until(() => bea.state.trust?.roles.get(key.publicKey)?.member === 'm-owner');
		owner.state.refresh();
		await until(() => owner.state.loaded);
		const selfGrants = (await replicas[1]!.read()).verified.filter(
			(s) => s.kind === 'grant' && s.by === key.publicKey && s.memberKey === key.publicKey
		);
		expect(selfGrants).toHaveLength(1);
	});

	it('a device that is not the root never writes an owner grant for itself', async () => {
		const { replicas } = trustNet('W1', 1);
		const root = await generateDeviceKey();
		const mine = await generateDeviceKey();
		const other = device(replicas[0]!, entry('m-bea', 'Bea', { root: root.publicKey, device: mine }));
		await until(() => other.state.loaded);
		expect((await replicas[0]!.read()).verified.filter((s) => s.kind === 'grant')).toHaveLength(0);
		expect(other.state.canManage).toBe(false);
	});
});
