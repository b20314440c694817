// Joining again from an invite never replaces what this browser already holds (a crafted-invite attack).
import { describe, expect, it } from 'vitest';
import { mergeInvite } from './join';
import type { Invite } from './invite';
import type { WorkspaceEntry } from './types';

const owner: WorkspaceEntry = {
	id: 'w1',
	name: 'Acme',
	createdAt: '2026-01-01T00:00:00.000Z',
	lastOpenedAt: '2026-01-02T00:00:00.000Z',
	shards: {
		meta: { room: 'meta-room', secret: 'meta-key' },
		tasks: { room: 'tasks-room', secret: 'tasks-key' },
		books: { room: 'books-room', secret: 'books-key' }
	},
	memberId: 'm-owner',
	memberName: 'Owner',
	signaling: ['wss://signal.example'],
	online: true,
	schemaVersion: 1
};

describe('mergeInvite', () => {
	it('a crafted invite cannot replace held shard keys or signaling servers', () => {
		const crafted: Invite = {
			v: 1,
			workspaceId: 'w1',
			name: 'Acme',
			grant: 'all',
			shards: {
				meta: { room: 'evil-meta', secret: 'evil' },
				books: { room: 'evil-books', secret: 'evil' }
			},
			signaling: ['wss://attacker.example']
		};
		const after = mergeInvite(owner, crafted, '2026-03-01T00:00:00.000Z');
		expect(after.shards.meta).toEqual(owner.shards.meta);
		expect(after.shards.books).toEqual(owner.shards.books);
		expect(after.shards.tasks).toEqual(owner.shards.tasks);
		expect(after.signaling).toEqual(['wss://signal.example']);
		expect(after.memberId).toBe('m-owner');
		expect(after.lastOpenedAt).toBe('2026-03-01T00:00:00.000Z');
	});
	it('a wider invite adds the shards not yet held', () => {
		const wider: Invite = {
			v: 1,
			workspaceId: 'w1',
			name: 'Acme',
			grant: 'all',
			shards: { people: { room: 'people-room', secret: 'people-key' } },
			signaling: []
		};
		expect(mergeInvite(owner, wider, '2026-03-01T00:00:00.000Z').shards.people).toEqual({
			room: 'people-room',
			secret: 'people-key'
		});
	});
	it('an invite naming another root never replaces the root (nor the invite joined through) held', () => {
		const held = { ...owner, root: 'R'.repeat(43), joinedInvite: 'INVITE-FIRST' };
		const crafted = {
			v: 1 as const,
			workspaceId: 'w1',
			name: 'Acme',
			grant: 'all' as const,
			shards: {},
			signaling: [],
			root: 'A'.repeat(43)
		};
		const after = mergeInvite(held, crafted, '2026-03-01T00:00:00.000Z');
		expect(after.root).toBe('R'.repeat(43));
		expect(after.joinedInvite).toBe('INVITE-FIRST');
	});
});
