import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIsoDate, unwrap, type IsoDate } from '../../shared/domain';
import { filterTasks, foldText, groupByStatus, sortTasks, type TaskFilter } from './filters';
import { newTask, type NewTaskFields } from './validate';
import type { Task } from './types';

const today = parseIsoDate('2026-03-10') as IsoDate; // a Tuesday
const ctx = { today, me: 'ana' };
let n = 0;
function task(id: string, fields: Partial<NewTaskFields> & { comments?: Task['comments'] } = {}): Task {
	const t = unwrap(
		newTask(
			{
				listId: 'l1',
				title: id,
				createdBy: 'bo',
				createdAt: '2026-03-01T00:00:00.000Z',
				order: `a${++n % 10}`,
				...fields
			},
			() => id
		)
	);
	return fields.comments ? { ...t, comments: fields.comments } : t;
}

const tasks: Task[] = [
	task('past-open', { due: '2026-03-09', assignee: 'ana' }),
	task('past-done', { due: '2026-03-01', status: 'done' }),
	task('past-doing', { due: '2025-12-31', status: 'doing', assignee: 'bo' }),
	task('today', { due: '2026-03-10' }),
	task('day6', { due: '2026-03-16', assignee: 'ana' }),
	task('day7', { due: '2026-03-17' }),
	task('undated', { assignee: 'ana', listId: 'l2' })
];
const ids = (f: TaskFilter) => filterTasks(tasks, f, ctx).map((t) => t.id);

describe('filterTasks views', () => {
	it('mine: assigned to me', () => {
		expect(ids({ view: 'mine' })).toEqual(['past-open', 'day6', 'undated']);
	});
	it('overdue: due before today and not done', () => {
		expect(ids({ view: 'overdue' })).toEqual(['past-open', 'past-doing']);
	});
	it('week: due today through today + 6', () => {
		expect(ids({ view: 'week' })).toEqual(['today', 'day6']);
	});
	it('today: due today', () => {
		expect(ids({ view: 'today' })).toEqual(['today']);
	});
	it('all, and combined criteria', () => {
		expect(ids({})).toHaveLength(tasks.length);
		expect(ids({ view: 'mine', listId: 'l2' })).toEqual(['undated']);
		expect(ids({ assignee: null })).toEqual(['past-done', 'today', 'day7']);
		expect(ids({ status: 'doing' })).toEqual(['past-doing']);
	});
	it('week crosses a month and a year end', () => {
		const dec = [
			task('dec27', { due: '2026-12-27' }),
			task('jan3', { due: '2027-01-03' }),
			task('jan4', { due: '2027-01-04' })
		];
		expect(
			filterTasks(dec, { view: 'week' }, { today: parseIsoDate('2026-12-28') as IsoDate, me: '' }).map(
				(t) => t.id
			)
		).toEqual(['jan3']);
	});
});

describe('filterTasks search and labels', () => {
	const rich = [
		task('a', { title: 'Écriture de clôture', labels: ['Fiscal'] }),
		task('b', { title: 'Payroll', description: 'Check NAÏVE totals', checklist: ['Export SEPA file'] }),
		task('c', {
			title: 'Other',
			comments: [{ id: 'm', author: 'x', at: '2026-01-01T00:00:00Z', text: 'Ask Zoë about it' }]
		})
	];
	const s = (f: TaskFilter) => filterTasks(rich, f, ctx).map((t) => t.id);
	it('is case- and accent-insensitive over title, description, labels, checklist and comments', () => {
		expect(s({ search: 'ecriture CLOTURE' })).toEqual(['a']);
		expect(s({ search: 'naive' })).toEqual(['b']);
		expect(s({ search: 'sepa' })).toEqual(['b']);
		expect(s({ search: 'zoe' })).toEqual(['c']);
		expect(s({ search: 'fiscal' })).toEqual(['a']);
		expect(s({ search: 'payroll zoe' })).toEqual([]);
		expect(s({ search: '   ' })).toEqual(['a', 'b', 'c']);
	});
	it('matches a label case-insensitively', () => {
		expect(s({ label: 'FISCAL' })).toEqual(['a']);
		expect(s({ label: 'payroll' })).toEqual([]);
	});
	it('folds accents', () => {
		expect(foldText('Ångström Ñandú ÇA')).toBe('angstrom nandu ca');
	});
});

describe('sortTasks', () => {
	const a = { ...task('a', { due: '2026-03-12', priority: 1 }), order: 'a2' };
	const b = { ...task('b', { due: '2026-03-11', priority: 1 }), order: 'a1' };
	const c = { ...task('c', { priority: 3 }), order: 'a0' };
	const d = { ...task('d', { due: '2026-03-11', priority: 3 }), order: 'a3' };
	it('by due: earliest first, undated last, then priority', () => {
		expect(sortTasks([a, b, c, d], 'due').map((t) => t.id)).toEqual(['d', 'b', 'a', 'c']);
	});
	it('by priority: highest first, then due', () => {
		expect(sortTasks([a, b, c, d], 'priority').map((t) => t.id)).toEqual(['d', 'c', 'b', 'a']);
	});
	it('by order, ties by id; independent of input order', () => {
		const e = { ...a, id: 'e', order: 'a1' };
		expect(sortTasks([a, b, c, d, e], 'order').map((t) => t.id)).toEqual(['c', 'b', 'e', 'a', 'd']);
		fc.assert(
			fc.property(
				fc.shuffledSubarray([a, b, c, d, e], { minLength: 5 }),
				fc.constantFrom('order', 'due', 'priority' as const),
				(shuffled, by) => {
					return JSON.stringify(sortTasks(shuffled, by)) === JSON.stringify(sortTasks([a, b, c, d, e], by));
				}
			)
		);
	});
});

describe('groupByStatus', () => {
	it('puts each task in its status column, sorted by order', () => {
		const cols = groupByStatus([
			{ ...task('x', { status: 'doing' }), order: 'a5' },
			{ ...task('y', { status: 'doing' }), order: 'a1' },
			{ ...task('z', { status: 'done' }), order: 'a0' }
		]);
		expect({
			todo: cols.todo.map((t) => t.id),
			doing: cols.doing.map((t) => t.id),
			done: cols.done.map((t) => t.id)
		}).toEqual({
			todo: [],
			doing: ['y', 'x'],
			done: ['z']
		});
	});
});
