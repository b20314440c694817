import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unwrap } from '../../shared/domain';
import { normaliseLabels, newTask, validateTask, validateTaskList, LIMITS } from './validate';
import type { FieldError } from './fields';

function counter(prefix = 'id') {
	let n = 0;
	return () => `${prefix}-${++n}`;
}

const now = '2024-05-02T10:00:00.000Z';
const good = () =>
	unwrap(newTask({ listId: 'l1', title: 'Reconcile bank', createdBy: 'ana', createdAt: now }, counter()));

function errorsOf(input: unknown): FieldError[] {
	const r = validateTask(input);
	if (r.ok) throw new Error('expected invalid');
	return (r.error.details?.errors ?? []) as FieldError[];
}

describe('newTask', () => {
	it('fills defaults', () => {
		expect(good()).toEqual({
			schemaVersion: 1,
			id: 'id-1',
			listId: 'l1',
			title: 'Reconcile bank',
			description: '',
			assignee: null,
			due: null,
			priority: 0,
			status: 'todo',
			labels: [],
			order: 'a0',
			recurrence: null,
			checklist: [],
			comments: [],
			links: [],
			createdAt: now,
			createdBy: 'ana',
			completedAt: null,
			seriesId: null
		});
	});
	it('gives checklist items ids and ascending keys, and orders after a given key', () => {
		const t = unwrap(
			newTask(
				{
					listId: 'l',
					title: 'x',
					createdBy: 'a',
					createdAt: now,
					checklist: ['one', { text: 'two', done: true }],
					orderAfter: 'a5'
				},
				counter()
			)
		);
		expect(t.checklist.map((c) => [c.id, c.text, c.done])).toEqual([
			['id-1', 'one', false],
			['id-2', 'two', true]
		]);
		expect((t.checklist[0]?.order ?? '') < (t.checklist[1]?.order ?? '')).toBe(true);
		expect(t.id).toBe('id-3');
		expect(t.order > 'a5').toBe(true);
	});
	it('reports bad fields instead of building', () => {
		const r = newTask(
			{ listId: 'l', title: '  ', createdBy: 'a', createdAt: now, due: '2023-02-29' },
			counter()
		);
		expect(r.ok).toBe(false);
		if (!r.ok)
			expect((r.error.details?.errors as FieldError[]).map((x) => x.field)).toEqual(['title', 'due']);
	});
});

describe('validateTask', () => {
	it('accepts a good task unchanged', () => {
		const t = {
			...good(),
			due: '2024-02-29',
			priority: 3,
			labels: ['tax'],
			recurrence: { every: 'month', interval: 1, anchor: '2024-01-31' }
		};
		expect(unwrap(validateTask(t))).toEqual(t);
	});
	it('requires a title of at most 500 characters, trimmed', () => {
		expect(errorsOf({ ...good(), title: '' }).map((x) => x.code)).toEqual(['tasks/title-required']);
		expect(errorsOf({ ...good(), title: undefined })[0]?.field).toBe('title');
		expect(errorsOf({ ...good(), title: 'x'.repeat(LIMITS.title + 1) })[0]?.code).toBe(
			'tasks/title-too-long'
		);
		expect(unwrap(validateTask({ ...good(), title: ' x'.repeat(250) })).title).toHaveLength(499);
		expect(unwrap(validateTask({ ...good(), title: '  Pay rent  ' })).title).toBe('Pay rent');
	});
	it('wants due to be a real date or empty', () => {
		expect(errorsOf({ ...good(), due: '2023-02-29' })[0]).toMatchObject({
			field: 'due',
			code: 'tasks/due-invalid'
		});
		expect(errorsOf({ ...good(), due: '2024-5-2' })[0]?.field).toBe('due');
		expect(errorsOf({ ...good(), due: 20240502 })[0]?.field).toBe('due');
		expect(unwrap(validateTask({ ...good(), due: '' })).due).toBeNull();
	});
	it('keeps priority in 0..3 and status in the known set', () => {
		for (const priority of [-1, 4, 1.5, '2', null])
			expect(errorsOf({ ...good(), priority })[0]?.field).toBe('priority');
		expect(errorsOf({ ...good(), status: 'blocked' })[0]?.field).toBe('status');
	});
	it('trims and dedupes labels case-insensitively, keeping the first spelling', () => {
		const t = unwrap(
			validateTask({ ...good(), labels: [' Tax ', 'tax', '', 'month  end', 'TAX', 'Month end'] })
		);
		expect(t.labels).toEqual(['Tax', 'month end']);
		expect(errorsOf({ ...good(), labels: ['x'.repeat(51)] })[0]?.code).toBe('tasks/labels-too-long');
		expect(errorsOf({ ...good(), labels: 'tax' })[0]?.code).toBe('tasks/labels-invalid');
	});
	it('checks order keys, recurrence, checklist, comments, links and instants, naming each field', () => {
		const fields = errorsOf({
			...good(),
			order: 'a00',
			recurrence: { every: 'fortnight', interval: 0 },
			checklist: [{ id: 'c1', text: '', done: 'no', order: 'a0' }],
			comments: [{ id: 'm', author: 'a', at: '2024-05-02 10:00', text: 'hi' }],
			links: [{ kind: 'person', id: '' }],
			createdAt: '2024-13-01T00:00:00Z'
		}).map((x) => x.field);
		expect(fields).toEqual([
			'order',
			'recurrence.every',
			'recurrence.interval',
			'checklist[0].text',
			'checklist[0].done',
			'comments[0].at',
			'links[0].id',
			'createdAt'
		]);
	});
	it('normalises what a merge can produce', () => {
		const t = unwrap(
			validateTask({
				...good(),
				status: 'todo',
				completedAt: now,
				checklist: [
					{ id: 'c', text: 'a', done: false, order: 'a0' },
					{ id: 'c', text: 'b', done: true, order: 'a1' }
				],
				links: [
					{ kind: 'person', id: 'p1', label: 'Ana' },
					{ kind: 'person', id: 'p1' }
				]
			})
		);
		expect(t.completedAt).toBeNull();
		expect(t.checklist.map((c) => c.text)).toEqual(['a']);
		expect(t.links).toEqual([{ kind: 'person', id: 'p1', label: 'Ana' }]);
	});
	it('rejects unknown schema versions and non-records, never throwing on junk', () => {
		expect(errorsOf({ ...good(), schemaVersion: 2 })[0]?.code).toBe('tasks/schema-version');
		fc.assert(
			fc.property(fc.anything(), (junk) => {
				const r = validateTask(junk);
				return !r.ok;
			}),
			{ numRuns: 500 }
		);
		fc.assert(
			fc.property(
				fc.dictionary(
					fc.constantFrom('title', 'due', 'labels', 'checklist', 'order', 'priority', 'recurrence'),
					fc.anything()
				),
				(patch) => {
					const r = validateTask({ ...good(), ...patch });
					return r.ok || (r.error.message.length > 0 && Array.isArray(r.error.details?.errors));
				}
			),
			{ numRuns: 1000 }
		);
	});
	it('gives one message naming the task', () => {
		const r = validateTask({ ...good(), id: 'T-9', title: '' });
		expect(r.ok ? '' : r.error.message).toBe('task T-9: title: is required');
	});
});

describe('validateTaskList', () => {
	it('needs a name and an order key', () => {
		expect(unwrap(validateTaskList({ schemaVersion: 1, id: 'l', name: ' Close ', order: 'a0' }))).toEqual({
			schemaVersion: 1,
			id: 'l',
			name: 'Close',
			order: 'a0',
			archived: false
		});
		const r = validateTaskList({ schemaVersion: 1, id: 'l', name: '', order: 'x', archived: 'yes' });
		expect(r.ok ? [] : (r.error.details?.errors as FieldError[]).map((x) => x.field)).toEqual([
			'name',
			'order',
			'archived'
		]);
	});
});

describe('normaliseLabels', () => {
	it('is idempotent', () => {
		fc.assert(
			fc.property(
				fc.array(fc.string()),
				(ls) => JSON.stringify(normaliseLabels(normaliseLabels(ls))) === JSON.stringify(normaliseLabels(ls))
			)
		);
	});
});
