// Task records are plain, JSON-serialisable, immutable values: no Y types, no class instances, no
// functions. Every record carries schemaVersion so older peers can tell what they are looking at.
import type { IsoDate } from '../../shared/domain';

export type TaskStatus = 'todo' | 'doing' | 'done';
export const TASK_STATUSES: readonly TaskStatus[] = ['todo', 'doing', 'done'];

/** 0 none, 1 low, 2 medium, 3 high. */
export type Priority = 0 | 1 | 2 | 3;

export type RecurrenceUnit = 'week' | 'month' | 'quarter' | 'year';
export const RECURRENCE_UNITS: readonly RecurrenceUnit[] = ['week', 'month', 'quarter', 'year'];

/**
 * `anchor` (optional, added by this module) is the series' first due date. Month-based rules keep
 * its day of month: "every month on the 31st" gives Feb 28/29 and returns to Mar 31. When absent,
 * the task's current due date serves as the anchor.
 */
export type Recurrence = { every: RecurrenceUnit; interval: number; anchor?: IsoDate } | null;

export interface ChecklistItem {
	id: string;
	text: string;
	done: boolean;
	order: string;
}

export interface TaskComment {
	id: string;
	author: string;
	/** ISO instant, UTC. */
	at: string;
	text: string;
}

export type RecordLinkKind = 'person' | 'entry' | 'account' | 'task' | 'document' | string;

export interface RecordLink {
	kind: RecordLinkKind;
	id: string;
	label?: string;
}

export interface Task {
	schemaVersion: 1;
	id: string;
	listId: string;
	title: string;
	description: string;
	assignee: string | null;
	due: IsoDate | null;
	priority: Priority;
	status: TaskStatus;
	labels: string[];
	order: string;
	recurrence: Recurrence;
	checklist: ChecklistItem[];
	comments: TaskComment[];
	links: RecordLink[];
	/** ISO instant, UTC. */
	createdAt: string;
	createdBy: string;
	/** ISO instant, UTC; null unless status is 'done'. */
	completedAt: string | null;
	/** Shared by every occurrence of a recurring task; null for one-off tasks. */
	seriesId: string | null;
}

export interface TaskList {
	schemaVersion: 1;
	id: string;
	name: string;
	order: string;
	archived: boolean;
}

/** Produces a fresh unique id (a ULID in the app, a counter in tests). */
export type IdFactory = () => string;
