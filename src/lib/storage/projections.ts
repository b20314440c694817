// Per-workspace projections: rows derived from the Y.Docs so lists can be queried by index. Every
// table here can be dropped and rebuilt from the docs; none is ever the only copy of anything.
// Indexes hold ids, dates and statuses only — never names or identifiers of people.
import Dexie, { type EntityTable } from 'dexie';
import type { Task } from '$lib/domain/tasks';

export interface TaskRow {
	id: string;
	listId: string;
	assignee: string;
	due: string;
	status: string;
	order: string;
	/** The whole plain record, unindexed, so a worker can filter and search without the Y.Doc. */
	task: Task;
}

export class ProjectionDb extends Dexie {
	tasks!: EntityTable<TaskRow, 'id'>;

	constructor(workspaceId: string) {
		super(projectionDbName(workspaceId));
		this.version(1).stores({ tasks: 'id, listId, assignee, due, status, [listId+order]' });
	}
}

export function projectionDbName(workspaceId: string): string {
	return `keel-projection-${workspaceId}`;
}

export function taskRow(task: Task): TaskRow {
	return {
		id: task.id,
		listId: task.listId,
		assignee: task.assignee ?? '',
		due: task.due ?? '',
		status: task.status,
		order: task.order,
		task
	};
}

/** Applies one batch of changes: puts for changed tasks, deletes for removed ids, in one transaction. */
export async function applyTaskChanges(db: ProjectionDb, changed: readonly Task[], removed: readonly string[]) {
	await db.transaction('rw', db.tasks, async () => {
		if (removed.length) await db.tasks.bulkDelete([...removed]);
		if (changed.length) await db.tasks.bulkPut(changed.map(taskRow));
	});
}

/** Replaces the whole projection with rows built from `tasks`, atomically. */
export async function rebuildTasks(db: ProjectionDb, tasks: readonly Task[]) {
	await db.transaction('rw', db.tasks, async () => {
		await db.tasks.clear();
		await db.tasks.bulkPut(tasks.map(taskRow));
	});
}

export async function allTaskRows(db: ProjectionDb): Promise<TaskRow[]> {
	return db.tasks.toArray();
}

export async function deleteProjections(workspaceId: string): Promise<void> {
	await Dexie.delete(projectionDbName(workspaceId));
}
