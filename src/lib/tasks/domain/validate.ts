// validateTask turns untrusted input (a form, an import row, a record from a peer) into a clean Task
// or one DomainError listing every bad field; it never throws and never returns a half-valid task.
// It normalises rather than rejects what a merge can produce: labels trimmed and deduplicated,
// completedAt cleared unless the task is done, duplicate checklist/link entries dropped.
import { fail, ok, type Result } from '../../shared/domain';
import {
	FieldErrors,
	fieldCode,
	isRecord,
	readArray,
	readDate,
	readInstant,
	readOptionalId,
	readText,
	type FieldError
} from './fields';
import { isValidKey, keysBetween, keyBetween } from './ordering';
import {
	RECURRENCE_UNITS,
	TASK_STATUSES,
	type ChecklistItem,
	type IdFactory,
	type Priority,
	type RecordLink,
	type Recurrence,
	type Task,
	type TaskComment,
	type TaskList,
	type TaskStatus
} from './types';

export const LIMITS = {
	title: 500,
	description: 50_000,
	label: 50,
	labels: 20,
	checklist: 200,
	checklistText: 500,
	comments: 1000,
	commentText: 10_000,
	links: 100,
	listName: 200,
	interval: 366
} as const;

/** Trims, collapses inner whitespace, drops empties, and keeps the first spelling of each label
 * compared case-insensitively. */
export function normaliseLabels(labels: readonly string[]): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const raw of labels) {
		const label = raw.trim().replace(/\s+/g, ' ');
		const key = label.toLowerCase();
		if (label.length === 0 || seen.has(key)) continue;
		seen.add(key);
		out.push(label);
	}
	return out;
}

function readOrder(e: FieldErrors, field: string, value: unknown): string {
	if (typeof value !== 'string' || !isValidKey(value)) {
		e.add(field, `${fieldCode(field)}-invalid`, `${JSON.stringify(value)} is not an order key`);
		return '';
	}
	return value;
}

function readLabels(e: FieldErrors, value: unknown): string[] {
	const raw = readArray(e, 'labels', value, 1000);
	const texts = raw.filter((l, i): l is string => {
		if (typeof l === 'string') return true;
		e.add(`labels[${i}]`, 'labels-invalid', 'must be text');
		return false;
	});
	const labels = normaliseLabels(texts);
	labels.forEach((l, i) => {
		if (l.length > LIMITS.label)
			e.add(`labels[${i}]`, 'labels-too-long', `is ${l.length} characters, at most ${LIMITS.label} allowed`);
	});
	if (labels.length > LIMITS.labels)
		e.add('labels', 'labels-too-many', `has ${labels.length} labels, at most ${LIMITS.labels} allowed`);
	return labels;
}

function readRecurrence(e: FieldErrors, value: unknown): Recurrence {
	if (value === undefined || value === null) return null;
	if (!isRecord(value)) {
		e.add('recurrence', 'recurrence-invalid', 'must be a rule or empty');
		return null;
	}
	const every = RECURRENCE_UNITS.find((u) => u === value.every);
	if (every === undefined)
		e.add('recurrence.every', 'recurrence-every-invalid', `must be one of ${RECURRENCE_UNITS.join(', ')}`);
	const interval = value.interval;
	const goodInterval =
		typeof interval === 'number' &&
		Number.isInteger(interval) &&
		interval >= 1 &&
		interval <= LIMITS.interval;
	if (!goodInterval)
		e.add(
			'recurrence.interval',
			'recurrence-interval-invalid',
			`must be a whole number from 1 to ${LIMITS.interval}`
		);
	const anchor = readDate(e, 'recurrence.anchor', value.anchor);
	if (every === undefined || !goodInterval) return null;
	return anchor === null ? { every, interval } : { every, interval, anchor };
}

function readChecklist(e: FieldErrors, value: unknown): ChecklistItem[] {
	const ids = new Set<string>();
	const out: ChecklistItem[] = [];
	readArray(e, 'checklist', value, LIMITS.checklist).forEach((item, i) => {
		const f = `checklist[${i}]`;
		if (!isRecord(item)) return e.add(f, 'checklist-invalid', 'must be a checklist item');
		const id = readOptionalId(e, `${f}.id`, item.id);
		const text = readText(e, `${f}.text`, item.text, { required: true, max: LIMITS.checklistText });
		if (typeof item.done !== 'boolean') e.add(`${f}.done`, 'checklist-done-invalid', 'must be true or false');
		const order = readOrder(e, `${f}.order`, item.order);
		if (id === null) return e.add(`${f}.id`, 'checklist-id-required', 'is required');
		if (ids.has(id)) return; // a merge can deliver the same item twice: keep the first
		ids.add(id);
		out.push({ id, text, done: item.done === true, order });
	});
	return out;
}

function readComments(e: FieldErrors, value: unknown): TaskComment[] {
	const ids = new Set<string>();
	const out: TaskComment[] = [];
	readArray(e, 'comments', value, LIMITS.comments).forEach((c, i) => {
		const f = `comments[${i}]`;
		if (!isRecord(c)) return e.add(f, 'comments-invalid', 'must be a comment');
		const id = readOptionalId(e, `${f}.id`, c.id);
		const author = readText(e, `${f}.author`, c.author, { required: true, max: 200 });
		const at = readInstant(e, `${f}.at`, c.at);
		const text = readText(e, `${f}.text`, c.text, { required: true, max: LIMITS.commentText });
		if (id === null) return e.add(`${f}.id`, 'comments-id-required', 'is required');
		if (ids.has(id)) return;
		ids.add(id);
		out.push({ id, author, at, text });
	});
	return out;
}

function readLinks(e: FieldErrors, value: unknown): RecordLink[] {
	const seen = new Set<string>();
	const out: RecordLink[] = [];
	readArray(e, 'links', value, LIMITS.links).forEach((l, i) => {
		const f = `links[${i}]`;
		if (!isRecord(l)) return e.add(f, 'links-invalid', 'must be a link to a record');
		const kind = readText(e, `${f}.kind`, l.kind, { required: true, max: 50 });
		const id = readText(e, `${f}.id`, l.id, { required: true, max: 200 });
		const label =
			l.label === undefined ? undefined : readText(e, `${f}.label`, l.label, { required: false, max: 200 });
		const key = `${kind}\u0000${id}`;
		if (seen.has(key)) return;
		seen.add(key);
		out.push(label === undefined || label === '' ? { kind, id } : { kind, id, label });
	});
	return out;
}

function invalid(what: string, id: unknown, errors: readonly FieldError[]) {
	const name = typeof id === 'string' && id !== '' ? `${what} ${id}` : what;
	return fail(
		errors.length === 1 ? (errors[0]?.code ?? `tasks/invalid-${what}`) : `tasks/invalid-${what}`,
		`${name}: ${errors.map((x) => x.message).join('; ')}`,
		{
			field: errors[0]?.field,
			errors
		}
	);
}

/** A clean Task, or an error whose details.errors names every bad field. */
export function validateTask(input: unknown): Result<Task> {
	if (!isRecord(input)) return fail('tasks/invalid-task', 'task: must be a record', { errors: [] });
	const e = new FieldErrors();
	if (input.schemaVersion !== 1)
		e.add(
			'schemaVersion',
			'schema-version',
			`${String(input.schemaVersion)} is not a task schema this app knows (1)`
		);
	const id = readText(e, 'id', input.id, { required: true, max: 200 });
	const listId = readText(e, 'listId', input.listId, { required: true, max: 200 });
	const title = readText(e, 'title', input.title, { required: true, max: LIMITS.title });
	const description = readText(e, 'description', input.description, {
		required: false,
		max: LIMITS.description,
		fallback: ''
	});
	const assignee = readOptionalId(e, 'assignee', input.assignee);
	const due = readDate(e, 'due', input.due);
	const p = input.priority === undefined ? 0 : input.priority;
	const priority = ([0, 1, 2, 3] as const).find((x) => x === p);
	if (priority === undefined)
		e.add(
			'priority',
			'priority-invalid',
			`${JSON.stringify(p)} is not a priority (0 none, 1 low, 2 medium, 3 high)`
		);
	const status = TASK_STATUSES.find((s) => s === (input.status === undefined ? 'todo' : input.status));
	if (status === undefined)
		e.add(
			'status',
			'status-invalid',
			`${JSON.stringify(input.status)} is not one of ${TASK_STATUSES.join(', ')}`
		);
	const labels = readLabels(e, input.labels);
	const order = readOrder(e, 'order', input.order);
	const recurrence = readRecurrence(e, input.recurrence);
	const checklist = readChecklist(e, input.checklist);
	const comments = readComments(e, input.comments);
	const links = readLinks(e, input.links);
	const createdAt = readInstant(e, 'createdAt', input.createdAt);
	const createdBy = readText(e, 'createdBy', input.createdBy, { required: true, max: 200 });
	const completedAt =
		input.completedAt === undefined || input.completedAt === null
			? null
			: readInstant(e, 'completedAt', input.completedAt);
	const seriesId = readOptionalId(e, 'seriesId', input.seriesId);
	if (e.list.length > 0) return invalid('task', input.id, e.list);
	const task: Task = {
		schemaVersion: 1,
		id,
		listId,
		title,
		description,
		assignee,
		due,
		priority: priority ?? 0,
		status: status ?? 'todo',
		labels,
		order,
		recurrence,
		checklist,
		comments,
		links,
		createdAt,
		createdBy,
		completedAt: status === 'done' ? completedAt : null,
		seriesId
	};
	return ok(task);
}

export function validateTaskList(input: unknown): Result<TaskList> {
	if (!isRecord(input)) return fail('tasks/invalid-list', 'list: must be a record', { errors: [] });
	const e = new FieldErrors();
	if (input.schemaVersion !== 1)
		e.add(
			'schemaVersion',
			'schema-version',
			`${String(input.schemaVersion)} is not a list schema this app knows (1)`
		);
	const id = readText(e, 'id', input.id, { required: true, max: 200 });
	const name = readText(e, 'name', input.name, { required: true, max: LIMITS.listName });
	const order = readOrder(e, 'order', input.order);
	const archived = input.archived ?? false;
	if (typeof archived !== 'boolean') e.add('archived', 'archived-invalid', 'must be true or false');
	if (e.list.length > 0) return invalid('list', input.id, e.list);
	return ok({ schemaVersion: 1, id, name, order, archived: archived === true });
}

export type ChecklistDraft = string | { text: string; done?: boolean; id?: string; order?: string };

/** What a caller gives to make a task; everything else gets a default. */
export interface NewTaskFields {
	listId: string;
	title: string;
	createdBy: string;
	/** ISO instant, UTC: "now". */
	createdAt: string;
	description?: string;
	assignee?: string | null;
	due?: string | null;
	priority?: Priority;
	status?: TaskStatus;
	labels?: readonly string[];
	/** Defaults to a key after `orderAfter` (or the first key of an empty list). */
	order?: string;
	orderAfter?: string | null;
	recurrence?: Recurrence;
	checklist?: readonly ChecklistDraft[];
	links?: readonly RecordLink[];
}

/** Builds a new task with defaults (todo, no priority, no due date) and validates it. */
export function newTask(fields: NewTaskFields, ids: IdFactory): Result<Task> {
	const drafts = (fields.checklist ?? []).map((c) => (typeof c === 'string' ? { text: c } : c));
	const keys = keysBetween(null, null, drafts.length);
	const checklist = drafts.map((c, i) => ({
		id: c.id ?? ids(),
		text: c.text,
		done: c.done ?? false,
		order: c.order ?? keys[i]
	}));
	const after = fields.orderAfter ?? null;
	const order =
		fields.order ?? (after !== null && isValidKey(after) ? keyBetween(after, null) : keyBetween(null, null));
	const status = fields.status ?? 'todo';
	return validateTask({
		schemaVersion: 1,
		id: ids(),
		listId: fields.listId,
		title: fields.title,
		description: fields.description ?? '',
		assignee: fields.assignee ?? null,
		due: fields.due ?? null,
		priority: fields.priority ?? 0,
		status,
		labels: fields.labels ?? [],
		order,
		recurrence: fields.recurrence ?? null,
		checklist,
		comments: [],
		links: fields.links ?? [],
		createdAt: fields.createdAt,
		createdBy: fields.createdBy,
		completedAt: status === 'done' ? fields.createdAt : null,
		seriesId: null
	});
}
