// A signed invite is accepted only as it was made: any change to its keys, role, servers or body, a
// signature by another key, an expiry passed by this device's clock, or another root is refused.
import { describe, expect, it } from 'vitest';
import { inviteUrl, makeInvite, parseInviteFragment, type Invite } from '../domain/workspace/invite';
import { checkInviteSeal, sealInvite } from './invite-seal';
import { generateDeviceKey } from './signing';

const key = (c: string) => ({ room: c.repeat(22), secret: c.repeat(24) });
const NOW = '2026-06-15T09:00:00.000Z';

async function made() {
	const owner = await generateDeviceKey();
	const invite = makeInvite({
		workspaceId: 'W1',
		name: 'Acme',
		grant: 'tasks',
		keys: { meta: key('m'), tasks: key('t'), books: key('b') },
		signaling: ['wss://signal.example']
	});
	const sealed = await sealInvite(invite, {
		id: 'INVITE0001',
		key: owner,
		root: owner.publicKey,
		expiresAt: '2026-06-22T09:00:00.000Z',
		singleUse: true
	});
	return { owner, sealed };
}

const code = async (invite: Invite, args: { now: string; heldRoot?: string }) => {
	const r = await checkInviteSeal(invite, args);
	return r.ok ? 'ok' : r.error.code;
};

describe('signed invites', () => {
	it('a sealed link survives the URL round trip and checks out, carrying only the granted shards', async () => {
		const { owner, sealed } = await made();
		const parsed = parseInviteFragment(inviteUrl('https://keel.example', sealed).split('#')[1] ?? '');
		if (!parsed.ok) throw new Error(parsed.error.message);
		expect(Object.keys(parsed.value.shards).sort()).toEqual(['meta', 'tasks']);
		expect(await code(parsed.value, { now: NOW })).toBe('ok');
		expect(await code(parsed.value, { now: NOW, heldRoot: owner.publicKey })).toBe('ok');
		expect(JSON.stringify(sealed.seal)).not.toContain('m'.repeat(22));
	});

	it('refuses an unsigned, altered, re-signed, expired or foreign-root link', async () => {
		const { owner, sealed } = await made();
		const other = await generateDeviceKey();
		const { seal: _seal, ...unsigned } = sealed;
		expect(await code(unsigned, { now: NOW })).toBe('invite/unsigned');
		expect(await code({ ...sealed, shards: { ...sealed.shards, books: key('x') } }, { now: NOW })).toBe(
			'invite/bad-signature'
		);
		expect(await code({ ...sealed, shards: { ...sealed.shards, tasks: key('x') } }, { now: NOW })).toBe(
			'invite/bad-signature'
		);
		expect(await code({ ...sealed, grant: 'all' }, { now: NOW })).toBe('invite/bad-signature');
		expect(await code({ ...sealed, signaling: ['wss://evil.example'] }, { now: NOW })).toBe(
			'invite/bad-signature'
		);
		const longer = { ...sealed.seal.body, expiresAt: '2027-01-01T00:00:00.000Z' };
		expect(await code({ ...sealed, seal: { ...sealed.seal, body: longer } }, { now: NOW })).toBe(
			'invite/bad-signature'
		);
		// An attacker's own key signing a body that claims the owner as issuer.
		const resigned = await sealInvite(sealed, {
			id: 'INVITE0002',
			key: other,
			root: owner.publicKey,
			expiresAt: '2026-06-22T09:00:00.000Z',
			singleUse: false
		});
		const forged = {
			...resigned,
			seal: { ...resigned.seal, body: { ...resigned.seal.body, by: owner.publicKey } }
		};
		expect(await code(forged, { now: NOW })).toBe('invite/bad-signature');
		expect(await code(sealed, { now: '2026-06-22T09:00:00.000Z' })).toBe('invite/expired');
		expect(await code(sealed, { now: NOW, heldRoot: other.publicKey })).toBe('invite/other-root');
	});
});
