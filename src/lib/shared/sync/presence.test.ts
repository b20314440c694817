import { describe, expect, it } from 'vitest';
import { ELSEWHERE, mergePresence, presenceByShard, presenceShard, type PresenceState } from './presence';

const owner = { id: 'm-owner', name: 'Olu', color: '#123456' };
const at = (section: string, recordId: string | null = null): PresenceState => ({
	user: owner,
	at: { section, recordId }
});
const ALL = ['meta', 'tasks', 'books', 'people'] as const;

describe('presence per shard', () => {
	it('maps each section to the shard whose records it shows', () => {
		expect(
			['tasks', 'books', 'banking', 'people', 'payroll', 'dashboard', 'settings'].map(presenceShard)
		).toEqual(['tasks', 'books', 'books', 'people', 'people', null, null]);
	});

	it('tells where only on the shard of the section; meta says "elsewhere"', () => {
		const states = presenceByShard(at('payroll', 'run-2026-06'), 'tab-1', ALL);
		expect(states.get('people')).toEqual({
			tab: 'tab-1',
			user: owner,
			at: { section: 'payroll', recordId: 'run-2026-06' }
		});
		expect(states.get('meta')).toEqual({
			tab: 'tab-1',
			user: owner,
			at: { section: ELSEWHERE, recordId: null }
		});
		expect(states.get('tasks')).toBeNull();
		expect(states.get('books')).toBeNull();
		expect(JSON.stringify([states.get('meta'), states.get('tasks')])).not.toContain('run-2026-06');
		// Sections with no records are told on meta, without a record.
		expect(presenceByShard(at('settings'), 'tab-1', ALL).get('meta')?.at).toEqual({
			section: 'settings',
			recordId: null
		});
		// Only the shards asked for get a state.
		expect([...presenceByShard(at('tasks', 't1'), 'tab-1', ['meta', 'tasks']).keys()]).toEqual([
			'meta',
			'tasks'
		]);
	});

	it('a Tasks-only browser sees the owner, not which person or pay run is open; it sees Tasks presence', () => {
		const onPerson = presenceByShard(at('people', 'emp-7'), 'owner-tab', ALL);
		const mine = presenceByShard(
			{ user: { id: 'm-t', name: 'Tam', color: '#000' }, at: { section: 'tasks', recordId: null } },
			'my-tab',
			['meta', 'tasks']
		);
		// What a Tasks-only browser receives: the meta and tasks awarenesses only.
		const meta = new Map<number, unknown>([
			[1, onPerson.get('meta')],
			[2, mine.get('meta')]
		]);
		const tasks = new Map<number, unknown>([[22, mine.get('tasks')]]);
		const seen = mergePresence({ meta, shards: [tasks], selfTab: 'my-tab' });
		expect(seen).toEqual([
			{ clientId: 1, self: false, user: owner, at: { section: ELSEWHERE, recordId: null } },
			{
				clientId: 2,
				self: true,
				user: { id: 'm-t', name: 'Tam', color: '#000' },
				at: { section: 'tasks', recordId: null }
			}
		]);
		expect(JSON.stringify(seen)).not.toMatch(/emp-7|people/);

		// The owner moves to a task: the Tasks-only browser now sees which one.
		const onTask = presenceByShard(at('tasks', 'task-9'), 'owner-tab', ALL);
		meta.set(1, onTask.get('meta'));
		tasks.set(11, onTask.get('tasks'));
		expect(mergePresence({ meta, shards: [tasks], selfTab: 'my-tab' })[0]?.at).toEqual({
			section: 'tasks',
			recordId: 'task-9'
		});

		// A browser that holds People sees the person open.
		const people = new Map<number, unknown>([[31, onPerson.get('people')]]);
		meta.set(1, onPerson.get('meta'));
		expect(mergePresence({ meta, shards: [new Map(), people], selfTab: 'x' })[0]?.at).toEqual({
			section: 'people',
			recordId: 'emp-7'
		});
	});

	it('skips malformed states from peers and counts a tab once', () => {
		const good = presenceByShard(at('dashboard'), 't', ALL).get('meta');
		const meta = new Map<number, unknown>([
			[1, {}],
			[2, null],
			[3, { tab: 't2', user: { id: 1 }, at: { section: 'x', recordId: null } }],
			[4, { tab: 't3', user: owner, at: { section: 'x', recordId: 5 } }],
			[5, good],
			[6, good]
		]);
		const seen = mergePresence({ meta, shards: [new Map([[9, 'junk']])], selfTab: 'none' });
		expect(seen.map((p) => p.clientId)).toEqual([5]);
	});
});
