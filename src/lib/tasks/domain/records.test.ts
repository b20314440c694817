// The task and list kinds as a peer or a backup meets them: a wrong field is refused with a message
// naming it in words, a record from a newer Keel is refused as such, and what validateTask reports
// comes from the same schema.
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../shared/domain';
import { listKind, taskKind } from './records';
import { newTask, validateTask } from './validate';
import { validateTemplate } from './templates';

const now = '2024-05-02T10:00:00.000Z';
const task = () =>
	unwrap(newTask({ listId: 'l1', title: 'Pay rent', createdBy: 'ana', createdAt: now }, () => 't1'));

describe('task records', () => {
	it('are written at the kind version', () => {
		expect(task().schemaVersion).toBe(taskKind.version);
		expect([taskKind.version, listKind.version]).toEqual([1, 1]);
	});
	it('read a good task as it is', () => {
		expect(taskKind.read(task())).toEqual({ ok: true, value: task() });
	});
	it('refuse a wrong field, naming it in words', () => {
		const r = taskKind.read({ ...task(), createdAt: 'yesterday' });
		expect(r.ok || r.error.message).toBe(
			'One task was not read: created at "yesterday" is not an ISO instant in UTC.'
		);
		const item = taskKind.read({ ...task(), checklist: [{ id: 'c', text: 'a', done: 'yes', order: 'a0' }] });
		expect(item.ok || item.error.message).toBe('One task was not read: done (item 1) must be true or false.');
		const list = listKind.read({ schemaVersion: 1, id: 'l', name: '', order: 'a0' });
		expect(list.ok || list.error.message).toBe('One task list was not read: name is required.');
	});
	it('refuse a record from a newer Keel as such', () => {
		const r = taskKind.read({ ...task(), schemaVersion: 2 });
		expect(r.ok || r.error.code).toBe('record/newer');
		const l = listKind.read({ schemaVersion: 5, id: 'l', name: 'Close', order: 'a0' });
		expect(l.ok || l.error.message).toBe(
			'This task list was saved by a newer version of Keel; update Keel to use it.'
		);
	});
	it('report the same fields through validateTask, each with its code', () => {
		const r = validateTask({ ...task(), title: 7, labels: ['ok', 3] });
		expect(r.ok || r.error.details?.errors).toEqual([
			{ field: 'title', code: 'tasks/title-required', message: 'title: is required' },
			{ field: 'labels[1]', code: 'tasks/labels-invalid', message: 'labels[1]: must be text' }
		]);
	});
});

describe('template records', () => {
	it('name an unknown role and an empty template by their codes', () => {
		const base = {
			id: 't',
			name: 'T',
			description: '',
			version: 1,
			anchor: 'date',
			roles: ['lead'],
			items: [{ title: 'Do', offsetDays: 0, priority: 0, role: 'cfo', checklist: [], labels: [] }]
		};
		const r = validateTemplate(base);
		expect(r.ok || r.error.details?.errors).toEqual([
			{
				field: 'items[0].role',
				code: 'tasks/items-role-unknown',
				message: `items[0].role: "cfo" is not one of the template's roles`
			}
		]);
		const empty = validateTemplate({ ...base, items: [] });
		expect(empty.ok || empty.error.details?.errors).toEqual([
			{ field: 'items', code: 'tasks/items-required', message: 'items: needs at least one item' }
		]);
		expect(validateTemplate({ ...base, items: [{ ...base.items[0], role: 'lead' }] }).ok).toBe(true);
	});
});
