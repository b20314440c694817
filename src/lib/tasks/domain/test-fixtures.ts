// A plain open task for tests: no due date, assignee, labels, checklist or recurrence, made on
// 2026-01-01 by `by`. Test support only.
import type { Task } from './types';

export function plainTask(id: string, listId: string, order: string, by: string): Task {
	return {
		schemaVersion: 1,
		id,
		listId,
		title: `Task ${id}`,
		description: '',
		assignee: null,
		due: null,
		priority: 0,
		status: 'todo',
		labels: [],
		order,
		recurrence: null,
		checklist: [],
		comments: [],
		links: [],
		createdAt: '2026-01-01T00:00:00.000Z',
		createdBy: by,
		completedAt: null,
		seriesId: null
	};
}
