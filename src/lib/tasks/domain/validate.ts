// validateTask turns untrusted input (a form, an import row, a record from a peer) into a clean Task
// or one DomainError listing every bad field; it never throws and never returns a half-valid task.
// It normalises rather than rejects what a merge can produce: labels trimmed and deduplicated,
// completedAt cleared unless the task is done, duplicate checklist/link entries dropped.
import { fail, type Result } from '../../shared/domain';
import { v } from '../../shared/domain/schema';
import { fieldCode, isRecord, type FieldError } from './fields';
import { isValidKey, keysBetween, keyBetween } from './ordering';
import { listKind, taskKind } from './records';
import type { IdFactory, Priority, RecordLink, Recurrence, Task, TaskList, TaskStatus } from './types';

export { LIMITS, normaliseLabels } from './records';

/** An issue's field as Tasks has always named it: `checklist[2].text`. */
function fieldOf(issue: v.BaseIssue<unknown>): string {
	return (issue.path ?? [])
		.map((p, i) => (typeof p.key === 'number' ? `[${p.key}]` : `${i === 0 ? '' : '.'}${String(p.key)}`))
		.join('');
}

/** The code's last word: text missing or not text is "required", too long "too-long", else "invalid". */
function kindOf(issue: v.BaseIssue<unknown>): string {
	if (issue.type === 'raw_transform' || issue.type === 'raw_check') return issue.expected ?? 'invalid';
	if (issue.type === 'string' || issue.type === 'min_length') return 'required';
	if (issue.type === 'max_length') return 'too-long';
	return 'invalid';
}

/** The schema's issues as FieldErrors: every bad field, each with its stable code. */
export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldError[] {
	return issues.map((issue) => {
		const field = fieldOf(issue);
		const code = field === 'schemaVersion' ? 'schema-version' : `${fieldCode(field)}-${kindOf(issue)}`;
		return { field, code: `tasks/${code}`, message: `${field}: ${issue.message}` };
	});
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

/** Reads untrusted input with a kind's schema: the clean record, or an error naming every bad field. */
function validate<T>(what: string, schema: v.GenericSchema<unknown, T>, input: unknown): Result<T> {
	if (!isRecord(input)) return fail(`tasks/invalid-${what}`, `${what}: must be a record`, { errors: [] });
	const parsed = v.safeParse(schema, input);
	return parsed.success
		? { ok: true, value: parsed.output }
		: invalid(what, input.id, fieldErrors(parsed.issues));
}

/** A clean Task, or an error whose details.errors names every bad field. */
export function validateTask(input: unknown): Result<Task> {
	return validate('task', taskKind.schema, input);
}

export function validateTaskList(input: unknown): Result<TaskList> {
	return validate('list', listKind.schema, input);
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
		schemaVersion: taskKind.version,
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
