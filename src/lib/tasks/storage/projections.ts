// Per-workspace projections: rows derived from the Y.Docs so lists can be queried by index. Every
// table here can be dropped and rebuilt from the docs; none is ever the only copy of anything.
// Indexes hold ids, dates and statuses only — never names or identifiers of people.
import Dexie, { type EntityTable } from 'dexie';
import type { Task } from '$lib/tasks/domain';

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

/** What a projection was built from: the shard's state vector (base64) when it was last written. */
export interface ProjectionState {
	key: string;
	stateVector: string;
}

export class ProjectionDb extends Dexie {
	tasks!: EntityTable<TaskRow, 'id'>;
	state!: EntityTable<ProjectionState, 'key'>;

	constructor(workspaceId: string) {
		super(projectionDbName(workspaceId));
		this.version(1).stores({ tasks: 'id, listId, assignee, due, status, [listId+order]' });
		this.version(2).stores({ state: 'key' });
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

/**
 * Applies one batch of changes (puts for changed tasks, deletes for removed ids) and records the
 * shard state they bring the projection to, in one transaction.
 */
export async function applyTaskChanges(
	db: ProjectionDb,
	changed: readonly Task[],
	removed: readonly string[],
	stateVector?: string
) {
	await db.transaction('rw', db.tasks, db.state, async () => {
		if (removed.length) await db.tasks.bulkDelete([...removed]);
		if (changed.length) await db.tasks.bulkPut(changed.map(taskRow));
		if (stateVector !== undefined) await db.state.put({ key: 'tasks', stateVector });
	});
}

/** Replaces the whole projection with rows built from `tasks`, atomically. */
export async function rebuildTasks(db: ProjectionDb, tasks: readonly Task[], stateVector: string) {
	await db.transaction('rw', db.tasks, db.state, async () => {
		await db.tasks.clear();
		await db.tasks.bulkPut(tasks.map(taskRow));
		await db.state.put({ key: 'tasks', stateVector });
	});
}

/** The shard state the tasks projection reflects, if it was ever written. */
export async function tasksProjectionState(db: ProjectionDb): Promise<string | undefined> {
	return (await db.state.get('tasks'))?.stateVector;
}

export async function allTaskRows(db: ProjectionDb): Promise<TaskRow[]> {
	return db.tasks.toArray();
}

export async function deleteProjections(workspaceId: string): Promise<void> {
	await Dexie.delete(projectionDbName(workspaceId));
}
