// Invite links as a stranger's browser reads them: a good link gives the granted keys only, and a
// damaged, foreign, newer or weak one is refused with words a person can act on.
import { describe, expect, it } from 'vitest';
import { inviteUrl, makeInvite, parseInviteFragment, toBase64Url } from './invite';

const key = (c: string) => ({ room: c.repeat(22), secret: c.repeat(24) });
const fragment = (data: unknown) => toBase64Url(new TextEncoder().encode(JSON.stringify(data)));

describe('parseInviteFragment', () => {
	const invite = makeInvite({
		workspaceId: 'w1',
		name: 'Acme',
		grant: 'tasks',
		keys: { meta: key('m'), tasks: key('t'), books: key('b') },
		signaling: ['wss://signal.example', 'http://not-a-socket']
	});
	it('reads a good link, keeping only the granted shards and socket servers', () => {
		const r = parseInviteFragment(inviteUrl('https://keel.example', invite).split('#')[1] ?? '');
		expect(r).toEqual({
			ok: true,
			value: { ...invite, shards: { meta: key('m'), tasks: key('t') }, signaling: ['wss://signal.example'] }
		});
	});
	it('refuses a foreign or newer link, an unknown grant, a weak key and a missing workspace key', () => {
		const message = (data: unknown) => {
			const r = parseInviteFragment(fragment(data));
			return r.ok ? '' : r.error.message;
		};
		expect(message({ ...invite, v: 2 })).toMatch(/newer version of Keel/);
		expect(message({ ...invite, grant: 'root' })).toMatch(/unknown kind of access/);
		expect(message({ ...invite, shards: { meta: key('m'), tasks: { room: 'short', secret: 's' } } })).toMatch(
			/key for tasks is too short/
		);
		expect(message({ ...invite, shards: { tasks: key('t') } })).toMatch(/lacks the workspace key/);
		expect(parseInviteFragment('%%%').ok).toBe(false);
	});
});
