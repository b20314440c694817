import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, isoDate, parseIsoDate, type IsoDate } from '../../shared/domain';
import { completeTask, duplicateOccurrences, nextOccurrence, type RecurrenceRule } from './recurrence';
import type { Task } from './types';

const d = (s: string): IsoDate => {
	const v = parseIsoDate(s);
	if (!v) throw new Error(s);
	return v;
};

/** Walks a series from its anchor, feeding each result back as the previous due date. */
function series(anchor: string, rule: RecurrenceRule, count: number): string[] {
	const out: string[] = [anchor];
	let due = d(anchor);
	for (let i = 1; i < count; i++)
		out.push((due = nextOccurrence({ anchor: d(anchor), previousDue: due, rule })));
	return out;
}

describe('nextOccurrence', () => {
	it('keeps the 31st: last day of shorter months, back to the 31st after', () => {
		expect(series('2024-01-31', { every: 'month', interval: 1 }, 5)).toEqual([
			'2024-01-31',
			'2024-02-29',
			'2024-03-31',
			'2024-04-30',
			'2024-05-31'
		]);
		expect(series('2023-01-31', { every: 'month', interval: 1 }, 3)).toEqual([
			'2023-01-31',
			'2023-02-28',
			'2023-03-31'
		]);
		expect(series('2024-01-30', { every: 'month', interval: 1 }, 3)).toEqual([
			'2024-01-30',
			'2024-02-29',
			'2024-03-30'
		]);
	});
	it('without an anchor, steps from the previous due date (month end does not stick)', () => {
		expect(nextOccurrence({ previousDue: d('2023-02-28'), rule: { every: 'month', interval: 1 } })).toBe(
			'2023-03-28'
		);
	});
	it('yearly Feb 29 gives Feb 28 in common years and Feb 29 in leap years', () => {
		expect(series('2024-02-29', { every: 'year', interval: 1 }, 6)).toEqual([
			'2024-02-29',
			'2025-02-28',
			'2026-02-28',
			'2027-02-28',
			'2028-02-29',
			'2029-02-28'
		]);
		expect(series('2096-02-29', { every: 'year', interval: 4 }, 3)).toEqual([
			'2096-02-29',
			'2100-02-28',
			'2104-02-29'
		]);
	});
	it('quarters are three months and also stick to month ends', () => {
		expect(series('2024-11-30', { every: 'quarter', interval: 1 }, 5)).toEqual([
			'2024-11-30',
			'2025-02-28',
			'2025-05-30',
			'2025-08-30',
			'2025-11-30'
		]);
		expect(series('2024-03-31', { every: 'quarter', interval: 1 }, 4)).toEqual([
			'2024-03-31',
			'2024-06-30',
			'2024-09-30',
			'2024-12-31'
		]);
	});
	it('honours intervals greater than one', () => {
		expect(series('2024-01-31', { every: 'month', interval: 2 }, 4)).toEqual([
			'2024-01-31',
			'2024-03-31',
			'2024-05-31',
			'2024-07-31'
		]);
		expect(series('2024-08-31', { every: 'month', interval: 6 }, 3)).toEqual([
			'2024-08-31',
			'2025-02-28',
			'2025-08-31'
		]);
		expect(series('2024-12-30', { every: 'week', interval: 2 }, 3)).toEqual([
			'2024-12-30',
			'2025-01-13',
			'2025-01-27'
		]);
		expect(series('2024-01-15', { every: 'year', interval: 3 }, 3)).toEqual([
			'2024-01-15',
			'2027-01-15',
			'2030-01-15'
		]);
	});
	it('from a due date moved off the series, goes to the next series date after it', () => {
		const rule: RecurrenceRule = { every: 'month', interval: 1 };
		expect(nextOccurrence({ anchor: d('2024-01-31'), previousDue: d('2024-03-05'), rule })).toBe(
			'2024-03-31'
		);
		expect(nextOccurrence({ anchor: d('2024-01-31'), previousDue: d('2024-01-10'), rule })).toBe(
			'2024-01-31'
		);
	});
	it('always moves forward, and a weekly series stays on its weekday', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 40_000 }),
				fc.integer({ min: 0, max: 3000 }),
				fc.constantFrom<RecurrenceRule['every']>('week', 'month', 'quarter', 'year'),
				fc.integer({ min: 1, max: 12 }),
				(start, gap, every, interval) => {
					const anchor = addDays(isoDate(1970, 1, 1), start);
					const previousDue = addDays(anchor, gap);
					const next = nextOccurrence({ anchor, previousDue, rule: { every, interval } });
					if (!(next > previousDue)) return false;
					if (every === 'week')
						return (Number(new Date(next)) - Number(new Date(anchor))) % (7 * interval * 86_400_000) === 0;
					return true;
				}
			),
			{ numRuns: 2000 }
		);
	});
	it('rejects a non-positive interval as a programmer error', () => {
		expect(() =>
			nextOccurrence({ previousDue: d('2024-01-01'), rule: { every: 'month', interval: 0 } })
		).toThrow();
	});
});

const base: Task = {
	schemaVersion: 1,
	id: 't1',
	listId: 'l1',
	title: 'Pay VAT',
	description: 'Quarterly return',
	assignee: 'ana',
	due: d('2024-01-31'),
	priority: 3,
	status: 'doing',
	labels: ['tax'],
	order: 'a0',
	recurrence: { every: 'month', interval: 1 },
	checklist: [
		{ id: 'c1', text: 'Download report', done: true, order: 'a0' },
		{ id: 'c2', text: 'Submit', done: false, order: 'a1' }
	],
	comments: [{ id: 'm1', author: 'ana', at: '2024-01-20T10:00:00.000Z', text: 'Started' }],
	links: [{ kind: 'account', id: 'acc-2200', label: 'VAT control' }],
	createdAt: '2024-01-01T09:00:00.000Z',
	createdBy: 'bo',
	completedAt: null,
	seriesId: null
};

describe('completeTask', () => {
	const ids = () => 'new-1';
	it('completes a one-off task without a next occurrence', () => {
		const { completed, next } = completeTask({ ...base, recurrence: null }, '2024-01-30T12:00:00.000Z', ids);
		expect(completed.status).toBe('done');
		expect(completed.completedAt).toBe('2024-01-30T12:00:00.000Z');
		expect(completed.seriesId).toBeNull();
		expect(next).toBeNull();
	});
	it('builds the next occurrence with what carries over, and pins the anchor', () => {
		const { completed, next } = completeTask(base, '2024-01-30T12:00:00.000Z', ids);
		expect(completed.seriesId).toBe('t1');
		expect(next).not.toBeNull();
		if (!next) return;
		expect(next).toMatchObject({
			id: 'new-1',
			due: '2024-02-29',
			status: 'todo',
			completedAt: null,
			seriesId: 't1',
			title: 'Pay VAT',
			description: 'Quarterly return',
			assignee: 'ana',
			labels: ['tax'],
			links: [{ kind: 'account', id: 'acc-2200', label: 'VAT control' }],
			recurrence: { every: 'month', interval: 1, anchor: '2024-01-31' },
			comments: [],
			createdAt: '2024-01-30T12:00:00.000Z'
		});
		expect(next.checklist.map((c) => c.done)).toEqual([false, false]);
		expect(next.checklist.map((c) => c.text)).toEqual(['Download report', 'Submit']);
		expect(base.checklist[0]?.done).toBe(true); // input untouched
		const third = completeTask(next, '2024-02-28T12:00:00.000Z', () => 'new-2').next;
		expect(third?.due).toBe('2024-03-31');
		expect(third?.seriesId).toBe('t1');
	});
	it('uses the completion date when a recurring task has no due date', () => {
		const { next } = completeTask(
			{ ...base, due: null, recurrence: { every: 'week', interval: 1 } },
			'2024-05-02T23:00:00.000Z',
			ids
		);
		expect(next?.due).toBe('2024-05-09');
	});
	it('does nothing to a task already done', () => {
		const done = { ...base, status: 'done' as const, completedAt: '2024-01-01T00:00:00.000Z' };
		expect(completeTask(done, '2024-02-01T00:00:00.000Z', ids)).toEqual({ completed: done, next: null });
	});
});

describe('duplicateOccurrences', () => {
	it('finds open occurrences of one series on the same date', () => {
		const a = { ...base, id: 'a', seriesId: 's', status: 'todo' as const };
		const b = { ...a, id: 'b' };
		const c = { ...a, id: 'c', due: d('2024-02-29') };
		const e = { ...a, id: 'e', status: 'done' as const };
		expect(duplicateOccurrences([a, b, c, e]).map((g) => g.map((t) => t.id))).toEqual([['a', 'b']]);
	});
});
