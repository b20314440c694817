// Typed Comlink client for the tasks worker. One worker per page, started on first use.
import { wrap, type Remote } from 'comlink';
import type { TasksApi } from '$lib/tasks/worker/api';

let client: Remote<TasksApi> | undefined;

export function tasksWorker(): Remote<TasksApi> {
	client ??= wrap<TasksApi>(
		new Worker(new URL('../worker/tasks.worker.ts', import.meta.url), {
			type: 'module',
			name: 'keel-tasks'
		})
	);
	return client;
}
