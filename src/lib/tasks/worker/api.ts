// What the tasks worker does, as plain async functions so tests can call them without a Worker:
// rebuild the tasks projection from the persisted shard, and search it. Errors cross as values.
import { filterTasks, sortTasks, type TaskFilter, type Task } from '$lib/tasks/domain';
import type { IsoDate } from '$lib/shared/domain';
import { readShardDoc } from '$lib/shared/sync/shard-reader';
import { readAllTasks } from '$lib/tasks/sync/doc';
import { encodeStateVectorText } from '$lib/shared/sync/state-vector';
import { ProjectionDb, allTaskRows, rebuildTasks } from '$lib/tasks/storage/projections';
import { guard, type WorkerResult } from '../../shared/worker/result';

export type { WorkerResult };

export interface TasksApi {
	rebuildProjection(args: {
		workspaceId: string;
	}): Promise<WorkerResult<{ tasks: number; ms: number; stateVector: string }>>;
	searchTasks(args: {
		workspaceId: string;
		filter: TaskFilter;
		today: IsoDate;
		me: string;
		sort: 'order' | 'due' | 'priority';
		limit: number;
	}): Promise<WorkerResult<{ ids: string[]; total: number }>>;
}

export const tasksApi = {
	async rebuildProjection({ workspaceId }) {
		return guard('tasks/rebuild-failed', async () => {
			const started = performance.now();
			const doc = await readShardDoc(workspaceId, 'tasks');
			const tasks = readAllTasks(doc);
			const stateVector = encodeStateVectorText(doc);
			doc.destroy();
			const db = new ProjectionDb(workspaceId);
			try {
				await rebuildTasks(db, tasks, stateVector);
			} finally {
				db.close();
			}
			return { tasks: tasks.length, ms: Math.round(performance.now() - started), stateVector };
		});
	},

	async searchTasks({ workspaceId, filter, today, me, sort, limit }) {
		return guard('tasks/search-failed', async () => {
			const db = new ProjectionDb(workspaceId);
			let tasks: Task[];
			try {
				tasks = (await allTaskRows(db)).map((r) => r.task);
			} finally {
				db.close();
			}
			const found = sortTasks(filterTasks(tasks, filter, { today, me }), sort);
			return { ids: found.slice(0, limit).map((t) => t.id), total: found.length };
		});
	}
} satisfies TasksApi;
