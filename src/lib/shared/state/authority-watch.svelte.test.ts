// watchAuthority: signed facts are judged again when who holds which role, acts as which member or is
// named what changes — not when the trust state is merely recomputed the same — and the one-time
// adoption runs once the roles are known on a device with a key, never twice at once.
import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { computeTrust, type StatementBody, type TrustState } from '$lib/shared/domain/identity';
import { generateDeviceKey, type DeviceKey } from '$lib/shared/crypto/signing';
import type { Member } from '$lib/shared/sync/meta-doc';
import { watchAuthority } from './authority-watch.svelte';

const grant = (by: string, memberKey: string, member: string, id: string): StatementBody => ({
	v: 1,
	kind: 'grant',
	id,
	workspaceId: 'W1',
	by,
	member,
	memberKey,
	role: memberKey === by ? 'owner' : 'books'
});

describe('watchAuthority', () => {
	it('re-judges on a change of roles, member ids or names only, and adopts once', async () => {
		const root = await generateDeviceKey();
		const ben = await generateDeviceKey();
		const selfGrant = grant(root.publicKey, root.publicKey, 'm-owner', 'g0');
		const state = $state<{ trust: TrustState | null; members: Member[]; device: DeviceKey | undefined }>({
			trust: null,
			members: [{ id: 'm-owner', name: 'Olga', color: '#000', joinedAt: '' }],
			device: undefined
		});
		let judged = 0;
		const adoptions: Array<(v: unknown) => void> = [];
		const stop = watchAuthority({
			trust: () => state.trust,
			members: () => state.members,
			device: () => state.device,
			rejudge: () => judged++,
			adopt: () => new Promise((resolve) => adoptions.push(resolve)),
			doing: 'adopting'
		});
		flushSync();
		expect(judged).toBe(1);

		state.trust = computeTrust(root.publicKey, [selfGrant]);
		flushSync();
		expect(judged).toBe(2);
		// Recomputed, same content: nothing to judge again.
		state.trust = computeTrust(root.publicKey, [selfGrant]);
		flushSync();
		expect(judged).toBe(2);
		// A new member with a role, then a rename: judged again each time.
		state.trust = computeTrust(root.publicKey, [
			selfGrant,
			grant(root.publicKey, ben.publicKey, 'm-ben', 'g1')
		]);
		flushSync();
		expect(judged).toBe(3);
		state.members = [...state.members, { id: 'm-ben', name: 'Ben', color: '#000', joinedAt: '' }];
		flushSync();
		expect(judged).toBe(4);
		// The root's own grant gone missing and written again changes the member the root acts as.
		state.trust = computeTrust(root.publicKey, [grant(root.publicKey, ben.publicKey, 'm-ben', 'g1')]);
		flushSync();
		expect(judged).toBe(5);

		// No key yet: no adoption. With one: one adoption, not a second while it runs.
		expect(adoptions).toHaveLength(0);
		state.device = root;
		flushSync();
		expect(adoptions).toHaveLength(1);
		state.trust = computeTrust(root.publicKey, [selfGrant]);
		flushSync();
		expect(adoptions).toHaveLength(1);
		adoptions[0]?.(true);
		await new Promise((r) => setTimeout(r, 0));
		state.trust = computeTrust(root.publicKey, [
			selfGrant,
			grant(root.publicKey, ben.publicKey, 'm-ben', 'g1')
		]);
		flushSync();
		expect(adoptions).toHaveLength(2);
		stop();
	});
});
