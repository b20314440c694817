import { describe, expect, it } from 'vitest';
import { parseIsoDate, unwrap, type IsoDate } from '../../shared/domain';
import {
	IT_REQUEST,
	MONTH_END_CLOSE,
	NEW_HIRE_ONBOARDING,
	TASK_TEMPLATES,
	YEAR_END
} from './template-library';
import {
	instantiateTemplate,
	monthEnd,
	validateTemplate,
	type InstantiateOptions,
	type TaskTemplate
} from './templates';
import { isValidKey } from './ordering';
import { validateTask } from './validate';

const d = (s: string) => parseIsoDate(s) as IsoDate;
function opts(anchor: string, extra: Partial<InstantiateOptions> = {}): InstantiateOptions {
	let n = 0;
	return {
		listId: 'l1',
		anchor: d(anchor),
		ids: () => `id-${++n}`,
		assignees: { bookkeeper: 'ana', controller: 'bo', hr: 'cy', manager: 'di', it: null },
		now: '2024-02-01T08:00:00.000Z',
		createdBy: 'ana',
		orderAfter: null,
		...extra
	};
}

describe('built-in templates', () => {
	it('all validate', () => {
		expect(TASK_TEMPLATES.map((t) => validateTemplate(t).ok)).toEqual([true, true, true, true]);
		expect(new Set(TASK_TEMPLATES.map((t) => t.id)).size).toBe(TASK_TEMPLATES.length);
	});
	it('every instantiated task is valid', () => {
		for (const t of TASK_TEMPLATES)
			for (const task of instantiateTemplate(t, opts('2024-02-10'))) expect(validateTask(task).ok).toBe(true);
	});
});

describe('instantiateTemplate', () => {
	it('month-end close counts from the last day of the anchor month (leap February)', () => {
		const tasks = instantiateTemplate(MONTH_END_CLOSE, opts('2024-02-10'));
		expect(tasks.map((t) => [t.title, t.due])).toEqual([
			['Post accruals and prepayments', '2024-02-27'],
			['Run payroll and post the journal', '2024-02-28'],
			['Reconcile bank accounts', '2024-03-03'],
			['Reconcile receivables and payables', '2024-03-04'],
			['Post depreciation', '2024-03-04'],
			['Review trial balance and lock the period', '2024-03-06'],
			['File VAT / sales tax return if due', '2024-03-10']
		]);
		expect(instantiateTemplate(MONTH_END_CLOSE, opts('2023-02-01'))[2]?.due).toBe('2023-03-03');
		expect(instantiateTemplate(MONTH_END_CLOSE, opts('2024-12-31'))[2]?.due).toBe('2025-01-03');
	});
	it('onboarding counts from the start date, before and after it', () => {
		const tasks = instantiateTemplate(NEW_HIRE_ONBOARDING, opts('2024-03-04'));
		expect(tasks.map((t) => t.due)).toEqual([
			'2024-02-19',
			'2024-02-26',
			'2024-03-01',
			'2024-03-04',
			'2024-03-05',
			'2024-04-03',
			'2024-06-02'
		]);
	});
	it('year-end and IT request count from their anchor', () => {
		expect(instantiateTemplate(YEAR_END, opts('2024-12-31')).map((t) => t.due)).toEqual([
			'2024-12-31',
			'2025-01-20',
			'2025-01-10',
			'2025-01-30',
			'2025-02-14',
			'2025-03-31'
		]);
		expect(instantiateTemplate(IT_REQUEST, opts('2024-02-28')).map((t) => t.due)).toEqual([
			'2024-02-28',
			'2024-02-29',
			'2024-03-02',
			'2024-03-04'
		]);
	});
	it('maps roles to people, unknown or unmapped roles to nobody', () => {
		const tasks = instantiateTemplate(NEW_HIRE_ONBOARDING, opts('2024-03-04'));
		expect(tasks.map((t) => t.assignee)).toEqual(['cy', 'cy', null, 'di', null, 'di', 'cy']);
	});
	it('copies checklist, labels, priority; fresh ids; ascending keys after orderAfter and before orderBefore', () => {
		const tasks = instantiateTemplate(
			MONTH_END_CLOSE,
			opts('2024-02-10', { orderAfter: 'a5', orderBefore: 'a6', salt: 'r1' })
		);
		const first = tasks[0];
		expect(first?.checklist.map((c) => [c.text, c.done])).toEqual([
			['Review open purchase orders', false],
			['Post accrual entries', false],
			['Release prepayments', false]
		]);
		expect(first?.labels).toEqual(['close']);
		expect(first?.priority).toBe(2);
		expect(first).toMatchObject({
			listId: 'l1',
			status: 'todo',
			createdBy: 'ana',
			createdAt: '2024-02-01T08:00:00.000Z'
		});
		const allIds = tasks.flatMap((t) => [t.id, ...t.checklist.map((c) => c.id)]);
		expect(new Set(allIds).size).toBe(allIds.length);
		const orders = tasks.map((t) => t.order);
		expect(orders.every(isValidKey)).toBe(true);
		expect(['a5', ...orders, 'a6'].every((k, i, all) => i === 0 || (all[i - 1] ?? '') < k)).toBe(true);
	});
	it('does not mutate the template', () => {
		const before = JSON.stringify(MONTH_END_CLOSE);
		instantiateTemplate(MONTH_END_CLOSE, opts('2024-02-10'));
		expect(JSON.stringify(MONTH_END_CLOSE)).toBe(before);
	});
});

describe('validateTemplate', () => {
	it('names bad items', () => {
		const bad = {
			...IT_REQUEST,
			items: [{ ...IT_REQUEST.items[0], offsetDays: 1.5, role: 'cfo', priority: 7 }]
		};
		const r = validateTemplate(bad);
		expect(r.ok ? [] : (r.error.details?.errors as { field: string }[]).map((x) => x.field)).toEqual([
			'items[0].offsetDays',
			'items[0].priority',
			'items[0].role'
		]);
		const long: TaskTemplate = { ...IT_REQUEST, items: [{ ...unwrapItem(), labels: ['x'.repeat(80)] }] };
		expect(validateTemplate(long).ok).toBe(false);
		expect(validateTemplate({ ...IT_REQUEST, items: [] }).ok).toBe(false);
		expect(unwrap(validateTemplate(IT_REQUEST)).id).toBe('it-request');
	});
});

function unwrapItem() {
	const item = IT_REQUEST.items[0];
	if (!item) throw new Error('no item');
	return item;
}

describe('monthEnd', () => {
	it('is the last day of the month', () => {
		expect([monthEnd(d('2024-02-01')), monthEnd(d('2023-02-15')), monthEnd(d('2024-04-30'))]).toEqual([
			'2024-02-29',
			'2023-02-28',
			'2024-04-30'
		]);
	});
});
