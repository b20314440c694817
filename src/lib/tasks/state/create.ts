// Builds the records the Tasks verbs write: a new task placed after (or before) its siblings, a
// template's tasks, and the next occurrence of a completed repeating task. Plain functions over
// plain records; TasksState validates the input here and hands the result to the replica.
import {
	compareOrder,
	completeTask,
	instantiateTemplate,
	isValidKey,
	keyForPosition,
	newTask,
	nextOccurrence,
	occurrenceId,
	randomSalt,
	type Priority,
	type RecordLink,
	type Recurrence,
	type Task,
	type TaskStatus,
	type TaskTemplate
} from '$lib/tasks/domain';
import { err, ok, parseIsoDate, type Result } from '$lib/shared/domain';
import { tasksProblem } from '$lib/tasks/domain';
import { newId, nowIso } from '../../shared/state/ids';

/** A short random suffix so two devices placing a task at the same spot get different keys. */
export const salt = () => randomSalt(Math.random, 6);

/** The tasks of a list with a usable order key, in order (optionally leaving one out). */
export function siblingsOf(all: readonly Task[], listId: string, exceptId?: string): Task[] {
	return all
		.filter((t) => t.listId === listId && t.id !== exceptId && isValidKey(t.order))
		.sort(compareOrder);
}

export interface NewTaskFields {
	listId: string;
	title: string;
	due?: string | null;
	assignee?: string | null;
	priority?: Priority;
	labels?: string[];
	description?: string;
	recurrence?: Recurrence;
	links?: RecordLink[];
	status?: TaskStatus;
	atTop?: boolean;
}

/** A checked new task, placed first or last among `siblings`. */
export function buildTask(fields: NewTaskFields, siblings: readonly Task[], me: string): Result<Task> {
	const order = keyForPosition(siblings, fields.atTop ? 0 : siblings.length, salt());
	const result = newTask(
		{
			listId: fields.listId,
			title: fields.title,
			createdBy: me,
			createdAt: nowIso(),
			description: fields.description ?? '',
			assignee: fields.assignee ?? null,
			due: fields.due || null,
			priority: fields.priority ?? 0,
			status: fields.status ?? 'todo',
			labels: fields.labels ?? [],
			order,
			recurrence: fields.recurrence ?? null,
			links: fields.links ?? []
		},
		newId
	);
	return result;
}

/** A template's tasks, anchored at a date and placed after the list's last task. */
export function templateTasks(
	template: TaskTemplate,
	args: { listId: string; anchor: string; assignees: Record<string, string | null> },
	siblings: readonly Task[],
	me: string
): Result<Task[]> {
	const anchor = parseIsoDate(args.anchor);
	if (!anchor) return err(tasksProblem('tasks/bad-start-date', { anchor: args.anchor }));
	try {
		const tasks = instantiateTemplate(template, {
			listId: args.listId,
			anchor,
			ids: newId,
			assignees: args.assignees,
			now: nowIso(),
			createdBy: me,
			orderAfter: siblings.at(-1)?.order ?? null,
			salt: salt()
		});
		return ok(tasks);
	} catch (e) {
		const reason = e instanceof Error ? e.message : String(e);
		return err(tasksProblem('tasks/template-failed', { template: template.name, reason }));
	}
}

/** What completing a task writes: its done fields, and the next occurrence if it repeats. */
export function completion(
	task: Task,
	siblings: readonly Task[]
): {
	done: { status: 'done'; completedAt: Task['completedAt']; seriesId: Task['seriesId'] };
	next: Task | null;
} {
	// The next occurrence's id comes from the series and its date, so two devices completing
	// the same task offline write one next task, not two.
	const seriesId = task.seriesId ?? task.id;
	const nextDue =
		task.recurrence && task.due
			? nextOccurrence({
					anchor: task.recurrence.anchor ?? task.due,
					previousDue: task.due,
					rule: task.recurrence
				})
			: null;
	const { completed, next } = completeTask(task, nowIso(), () =>
		nextDue ? occurrenceId(seriesId, nextDue) : newId()
	);
	const nextTask = next ? { ...next, order: keyForPosition(siblings, siblings.length, salt()) } : null;
	return {
		done: { status: 'done', completedAt: completed.completedAt, seriesId: completed.seriesId },
		next: nextTask
	};
}
