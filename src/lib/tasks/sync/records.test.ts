// What the tasks shard hands out when a peer's record is odd: a task or list from a newer Keel is
// kept aside (listed, never read as this version's), and fields a peer left malformed read as their
// defaults instead of passing through unchecked.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { unwrap } from '$lib/shared/domain';
import { newTask as makeTask } from '$lib/tasks/domain';
import { TasksReplica } from './replica';
import * as docs from './doc';

const task = (id: string) =>
	unwrap(
		makeTask(
			{ listId: 'l1', title: `Task ${id}`, createdBy: 'ana', createdAt: '2024-05-02T10:00:00.000Z' },
			() => id
		)
	);

describe('tasks shard records', () => {
	it('keeps a task and a list from a newer Keel aside', () => {
		const doc = new Y.Doc();
		const r = new TasksReplica(doc);
		docs.insertTask(doc, task('t1'));
		docs.insertTask(doc, task('t2'));
		docs.taskRecord(doc, 't2')?.set('schemaVersion', 2);
		docs.insertList(doc, { schemaVersion: 1, id: 'l1', name: 'Close', order: 'a0', archived: false });
		docs.insertList(doc, { schemaVersion: 1, id: 'l2', name: 'Later', order: 'a1', archived: false });
		docs.listRecord(doc, 'l2')?.set('schemaVersion', 3);
		expect(r.all().map((t) => t.id)).toEqual(['t1']);
		expect(r.lists().map((l) => l.id)).toEqual(['l1']);
		expect(r.keptAside()).toEqual({ tasks: ['t2'], lists: ['l2'] });
	});

	it('reads malformed fields from a peer as their defaults', () => {
		const doc = new Y.Doc();
		docs.insertTask(doc, task('t1'));
		const m = docs.taskRecord(doc, 't1');
		m?.set('due', '2026-02-30');
		m?.set('priority', 9);
		m?.set('status', 'blocked');
		m?.set('recurrence', { every: 'fortnight', interval: 1 });
		const comments = m?.get('comments');
		if (comments instanceof Y.Map) comments.set('c1', { id: 'c1', author: 'a', at: 'now', text: 'hi' });
		const t = docs.readTaskById(doc, 't1');
		expect(t).toMatchObject({ due: null, priority: 0, status: 'todo', recurrence: null, comments: [] });
	});
});
