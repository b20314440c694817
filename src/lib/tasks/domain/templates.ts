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
import { v } from '../../shared/domain/schema';
import { isRecord } from './fields';
import { optionalText, record, recurrenceSchema, requiredText } from './records';
import { keysBetween } from './ordering';
import type { IdFactory, Priority, Recurrence, Task } from './types';
import { fieldErrors, newTask } from './validate';

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

/** A template's items as its schema reads them; `roles` are the roles an item may name. */
function templateSchema(roles: readonly string[]) {
	const days = 'must be a whole number of days within ten years';
	const item = v.pipe(
		record(
			{
				title: requiredText(500),
				offsetDays: v.pipe(v.number(days), v.integer(days), v.minValue(-3660, days), v.maxValue(3660, days)),
				priority: v.picklist([0, 1, 2, 3], 'must be 0 to 3'),
				role: v.pipe(
					v.unknown(),
					v.rawCheck(({ dataset, addIssue }) => {
						const role = dataset.value;
						if (role !== null && !(typeof role === 'string' && roles.includes(role)))
							addIssue({
								expected: 'unknown',
								message: `${JSON.stringify(role)} is not one of the template's roles`
							});
					}),
					v.transform((role) => (typeof role === 'string' ? role : null))
				),
				checklist: v.custom<string[]>(
					(x) => Array.isArray(x) && x.every((c) => typeof c === 'string' && c.trim() !== ''),
					'must be a list of non-empty texts'
				),
				labels: v.custom<string[]>(
					(x) => Array.isArray(x) && x.every((l) => typeof l === 'string'),
					'must be a list of texts'
				),
				description: v.optional(v.string('must be text'), ''),
				recurrence: v.optional(recurrenceSchema)
			},
			'must be an item'
		),
		// Whatever else a task needs (lengths, label rules, recurrence) is checked by making one.
		v.rawTransform(({ dataset, addIssue }): TemplateItem => {
			const { title, description, offsetDays, checklist, labels, priority, role, recurrence } = dataset.value;
			const made: TemplateItem = { title, description, offsetDays, checklist, labels, priority, role };
			const trial = newTask(
				{ ...made, recurrence, listId: 'l', createdBy: 'u', createdAt: '2000-01-01T00:00:00Z', due: null },
				() => 'trial'
			);
			if (!trial.ok) addIssue({ expected: 'invalid', message: trial.error.message });
			return recurrence === undefined ? made : { ...made, recurrence };
		})
	);
	return record(
		{
			id: requiredText(100),
			name: requiredText(200),
			description: optionalText(2000),
			version: v.pipe(v.number('must be a whole number'), v.integer('must be a whole number')),
			anchor: v.picklist(['date', 'month-end'], "must be 'date' or 'month-end'"),
			roles: v.pipe(
				v.unknown(),
				v.transform((x) => (Array.isArray(x) ? x.filter((r) => typeof r === 'string') : []))
			),
			items: v.pipe(
				v.unknown(),
				v.transform((x): unknown[] => (Array.isArray(x) ? x : [])),
				v.rawCheck<unknown[]>(({ dataset, addIssue }) => {
					if (dataset.typed && dataset.value.length === 0)
						addIssue({ expected: 'required', message: 'needs at least one item' });
				}),
				v.array(item)
			)
		},
		'must be a record'
	);
}

/** Checks template data loaded from outside (a file, a peer) before it is offered. */
export function validateTemplate(input: unknown): Result<TaskTemplate> {
	if (!isRecord(input)) return fail('tasks/invalid-template', 'template: must be a record');
	const roles = Array.isArray(input.roles) ? input.roles.filter((r) => typeof r === 'string') : [];
	const parsed = v.safeParse(templateSchema(roles), input);
	if (parsed.success) return ok(parsed.output);
	const errors = fieldErrors(parsed.issues);
	return fail(
		'tasks/invalid-template',
		`template ${String(input.id)}: ${errors.map((x) => x.message).join('; ')}`,
		{ errors }
	);
}
