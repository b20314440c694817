// A template turns into tasks whose due dates are the anchor (or its month's last day) plus each
// item's offset, whose order keys are ascending after `orderAfter`, and whose assignees come from
// the role map; instantiating never mutates the template and yields only valid tasks.
import {
	addDays,
	daysInMonth,
	dateParts,
	fail,
	isoDate,
	ok,
	unwrap,
	type IsoDate,
	type Result
} from '../../shared/domain';
import { FieldErrors, isRecord, readText } from './fields';
import { keysBetween } from './ordering';
import type { IdFactory, Priority, Recurrence, Task } from './types';
import { newTask } from './validate';

export interface TemplateItem {
	title: string;
	description: string;
	/** Days from the anchor (or the month end); negative means before. */
	offsetDays: number;
	checklist: string[];
	labels: string[];
	priority: Priority;
	/** Who does it, mapped to a person when the template is used; null = unassigned. */
	role: string | null;
	recurrence?: Recurrence;
}

export interface TaskTemplate {
	id: string;
	version: number;
	name: string;
	description: string;
	/** 'date': offsets count from the anchor; 'month-end': from the last day of its month. */
	anchor: 'date' | 'month-end';
	roles: string[];
	items: TemplateItem[];
}

export interface InstantiateOptions {
	listId: string;
	anchor: IsoDate;
	ids: IdFactory;
	assignees: Record<string, string | null>;
	/** ISO instant, UTC. */
	now: string;
	createdBy: string;
	/** The new tasks go after this key (null: from the start) … */
	orderAfter: string | null;
	/** … and before this one (default: open end). */
	orderBefore?: string | null;
	/** Replica salt so concurrent instantiations into the same gap get distinct keys. */
	salt?: string;
}

export function monthEnd(date: IsoDate): IsoDate {
	const { year, month } = dateParts(date);
	return isoDate(year, month, daysInMonth(year, month));
}

/** The date an item is due for a given anchor. */
export function templateDue(template: TaskTemplate, item: TemplateItem, anchor: IsoDate): IsoDate {
	return addDays(template.anchor === 'month-end' ? monthEnd(anchor) : anchor, item.offsetDays);
}

/** Tasks for every item, in template order. Built-in templates are tested; a custom template
 * should pass validateTemplate first (an invalid one throws here, a programmer error). */
export function instantiateTemplate(template: TaskTemplate, opts: InstantiateOptions): Task[] {
	const keys = keysBetween(opts.orderAfter, opts.orderBefore ?? null, template.items.length, opts.salt);
	return template.items.map((item, i) =>
		unwrap(
			newTask(
				{
					listId: opts.listId,
					title: item.title,
					description: item.description,
					createdAt: opts.now,
					createdBy: opts.createdBy,
					assignee: item.role === null ? null : (opts.assignees[item.role] ?? null),
					due: templateDue(template, item, opts.anchor),
					priority: item.priority,
					labels: item.labels,
					checklist: item.checklist,
					recurrence: item.recurrence ?? null,
					order: keys[i] ?? ''
				},
				opts.ids
			)
		)
	);
}

/** Checks template data loaded from outside (a file, a peer) before it is offered. */
export function validateTemplate(input: unknown): Result<TaskTemplate> {
	if (!isRecord(input)) return fail('tasks/invalid-template', 'template: must be a record');
	const e = new FieldErrors();
	readText(e, 'id', input.id, { required: true, max: 100 });
	readText(e, 'name', input.name, { required: true, max: 200 });
	readText(e, 'description', input.description, { required: false, max: 2000 });
	if (!Number.isInteger(input.version)) e.add('version', 'version-invalid', 'must be a whole number');
	if (input.anchor !== 'date' && input.anchor !== 'month-end')
		e.add('anchor', 'anchor-invalid', "must be 'date' or 'month-end'");
	const roles = Array.isArray(input.roles) ? input.roles : [];
	const items = Array.isArray(input.items) ? input.items : [];
	if (items.length === 0) e.add('items', 'items-required', 'needs at least one item');
	items.forEach((item: unknown, i) => {
		const f = `items[${i}]`;
		if (!isRecord(item)) return e.add(f, 'items-invalid', 'must be an item');
		readText(e, `${f}.title`, item.title, { required: true, max: 500 });
		const off = item.offsetDays;
		if (typeof off !== 'number' || !Number.isInteger(off) || Math.abs(off) > 3660) {
			e.add(
				`${f}.offsetDays`,
				'items-offset-days-invalid',
				'must be a whole number of days within ten years'
			);
		}
		if (![0, 1, 2, 3].includes(item.priority as number))
			e.add(`${f}.priority`, 'items-priority-invalid', 'must be 0 to 3');
		if (item.role !== null && !roles.includes(item.role))
			e.add(
				`${f}.role`,
				'items-role-unknown',
				`${JSON.stringify(item.role)} is not one of the template's roles`
			);
		if (
			!Array.isArray(item.checklist) ||
			!item.checklist.every((c) => typeof c === 'string' && c.trim() !== '')
		) {
			e.add(`${f}.checklist`, 'items-checklist-invalid', 'must be a list of non-empty texts');
		}
		if (!Array.isArray(item.labels) || !item.labels.every((l) => typeof l === 'string'))
			e.add(`${f}.labels`, 'items-labels-invalid', 'must be a list of texts');
		if (e.list.length > 0) return;
		// Whatever else a task needs (lengths, label rules, recurrence) is checked by making one.
		const trial = newTask(
			{
				...(item as unknown as TemplateItem),
				listId: 'l',
				createdBy: 'u',
				createdAt: '2000-01-01T00:00:00Z',
				due: null
			},
			() => 'trial'
		);
		if (!trial.ok) e.add(f, 'items-invalid', trial.error.message);
	});
	if (e.list.length > 0) {
		return fail(
			'tasks/invalid-template',
			`template ${String(input.id)}: ${e.list.map((x) => x.message).join('; ')}`,
			{ errors: e.list }
		);
	}
	return ok(input as unknown as TaskTemplate);
}
