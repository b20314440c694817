// Views over a set of tasks: filtering, sorting and board columns are pure and deterministic, and
// every sort ends in compareOrder (key, then id) so every replica shows the same order.
import { addDays, type IsoDate } from '../../shared/domain';
import { compareOrder } from './ordering';
import type { Task, TaskStatus } from './types';

export type TaskView = 'all' | 'mine' | 'overdue' | 'week' | 'today';

export interface TaskFilter {
	view?: TaskView;
	listId?: string;
	/** Matches a label case-insensitively. */
	label?: string;
	/** A person's id; null means unassigned. */
	assignee?: string | null;
	status?: TaskStatus;
	/** Words that must all occur (case- and accent-insensitive) in the title, description,
	 * labels, checklist texts or comments. */
	search?: string;
}

export interface FilterContext {
	today: IsoDate;
	me: string;
}

/** Lower case without accents or diacritics: 'Écriture' → 'ecriture'. */
export function foldText(text: string): string {
	return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function searchableText(task: Task): string {
	return foldText(
		[
			task.title,
			task.description,
			...task.labels,
			...task.checklist.map((c) => c.text),
			...task.comments.map((c) => c.text)
		].join('\n')
	);
}

function inView(task: Task, view: TaskView, ctx: FilterContext): boolean {
	switch (view) {
		case 'all':
			return true;
		case 'mine':
			return task.assignee === ctx.me;
		case 'overdue':
			return task.due !== null && task.due < ctx.today && task.status !== 'done';
		case 'today':
			return task.due === ctx.today;
		case 'week':
			return task.due !== null && task.due >= ctx.today && task.due <= addDays(ctx.today, 6);
	}
}

/** The tasks that pass every given criterion, in their input order. */
export function filterTasks(tasks: readonly Task[], filter: TaskFilter, ctx: FilterContext): Task[] {
	const words = foldText(filter.search ?? '')
		.split(/\s+/)
		.filter((w) => w.length > 0);
	const label = filter.label === undefined ? undefined : foldText(filter.label.trim());
	return tasks.filter((t) => {
		if (!inView(t, filter.view ?? 'all', ctx)) return false;
		if (filter.listId !== undefined && t.listId !== filter.listId) return false;
		if (filter.assignee !== undefined && t.assignee !== filter.assignee) return false;
		if (filter.status !== undefined && t.status !== filter.status) return false;
		if (label !== undefined && !t.labels.some((l) => foldText(l) === label)) return false;
		if (words.length > 0) {
			const text = searchableText(t);
			if (!words.every((w) => text.includes(w))) return false;
		}
		return true;
	});
}

export type TaskSort = 'order' | 'due' | 'priority';

/** Tasks without a due date go last. */
function compareDue(a: Task, b: Task): number {
	if (a.due === b.due) return 0;
	if (a.due === null) return 1;
	if (b.due === null) return -1;
	return a.due < b.due ? -1 : 1;
}

/**
 * A sorted copy. 'due': earliest first, undated last, then higher priority. 'priority': highest
 * first, then earliest due. Every sort falls back to manual order, then id.
 */
export function sortTasks(tasks: readonly Task[], by: TaskSort): Task[] {
	const compare = (a: Task, b: Task): number => {
		if (by === 'due') return compareDue(a, b) || b.priority - a.priority || compareOrder(a, b);
		if (by === 'priority') return b.priority - a.priority || compareDue(a, b) || compareOrder(a, b);
		return compareOrder(a, b);
	};
	return [...tasks].sort(compare);
}

export type BoardColumns = Record<TaskStatus, Task[]>;

/** Board columns todo / doing / done, each sorted by manual order. */
export function groupByStatus(tasks: readonly Task[]): BoardColumns {
	const columns: BoardColumns = { todo: [], doing: [], done: [] };
	for (const t of sortTasks(tasks, 'order')) columns[t.status].push(t);
	return columns;
}
