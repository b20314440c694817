// The tasks projection kept up to date change by change must equal one rebuilt from scratch by the
// worker from what the shard store persisted. Runs on fake-indexeddb; the browser tests cover the real one.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ShardPersistence } from '$lib/shared/sync/shard-store';
import { compareOrder, isValidKey, keyForPosition, type Task } from '$lib/tasks/domain';
import { TasksReplica } from '$lib/tasks/sync/replica';
import { shardDbName } from '$lib/shared/sync/shard-names';
import { ProjectionDb, allTaskRows, applyTaskChanges, type TaskRow } from '$lib/tasks/storage/projections';
import { rng } from '$lib/shared/testing/replica-net';
import { tasksApi } from './api';

function task(id: string, order: string, i: number): Task {
	return {
		schemaVersion: 1,
		id,
		listId: i % 3 === 0 ? 'inbox' : 'close',
		title: `Task ${i}`,
		description: i % 2 ? 'Reconcile the Barclays account' : '',
		assignee: i % 4 === 0 ? 'm1' : null,
		due: (i % 5 === 0 ? `2026-11-${String(10 + (i % 18)).padStart(2, '0')}` : null) as Task['due'],
		priority: (i % 4) as Task['priority'],
		status: 'todo',
		labels: i % 2 ? ['tax'] : [],
		order,
		recurrence: null,
		checklist: [],
		comments: [],
		links: [],
		createdAt: '2026-11-01T00:00:00.000Z',
		createdBy: 'm1',
		completedAt: null,
		seriesId: null
	};
}

const byId = (a: TaskRow, b: TaskRow) => (a.id < b.id ? -1 : 1);

describe('tasks projection', () => {
	it('incremental updates equal a worker rebuild from the persisted shard', async () => {
		const workspaceId = 'ws-proj-test';
		const doc = new Y.Doc();
		const persistence = new ShardPersistence(shardDbName(workspaceId, 'tasks'), doc);
		await persistence.whenLoaded;
		const replica = new TasksReplica(doc);
		const live = new ProjectionDb(workspaceId);
		let pending = Promise.resolve();
		replica.onChange(({ changed, removed }) => {
			pending = pending.then(() => applyTaskChanges(live, changed, removed));
		});

		const random = rng(42);
		for (let i = 0; i < 400; i++) {
			const all = replica
				.all()
				.filter((t) => isValidKey(t.order))
				.sort(compareOrder);
			const target = all[Math.floor(random() * all.length)];
			const roll = random();
			if (roll < 0.4 || !target)
				replica.create(task(`t${i}`, keyForPosition(all, Math.floor(random() * (all.length + 1))), i));
			else if (roll < 0.6)
				replica.patch(target.id, { status: 'done', completedAt: '2026-11-20T10:00:00.000Z' });
			else if (roll < 0.7) replica.setDescription(target.id, target.description + ' and file VAT');
			else if (roll < 0.8) replica.setLabel(target.id, 'urgent', true);
			else if (roll < 0.9) replica.patch(target.id, { assignee: 'm2', due: '2026-12-01' as Task['due'] });
			else replica.delete(target.id, '2026-11-21T00:00:00.000Z');
		}
		await pending;
		// Each update is written asynchronously; wait for the last one to be committed.
		await persistence.stored();

		const result = await tasksApi.rebuildProjection({ workspaceId: 'ws-proj-test' });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value.tasks).toBe(replica.size);

		// The rebuild wrote into the same projection database; compare it with the live rows we kept.
		const liveRows = (await allTaskRows(live)).sort(byId);
		const rebuilt = (await allTaskRows(new ProjectionDb(workspaceId))).sort(byId);
		expect(rebuilt.length).toBeGreaterThan(50);
		expect(rebuilt).toEqual(liveRows);
		expect(rebuilt.map((r) => r.task)).toEqual(replica.all().sort((a, b) => (a.id < b.id ? -1 : 1)));

		const search = await tasksApi.searchTasks({
			workspaceId,
			filter: { search: 'barclays' },
			today: '2026-11-23' as Task['due'] & string,
			me: 'm1',
			sort: 'order',
			limit: 1000
		});
		expect(search.ok).toBe(true);
		if (search.ok) {
			const expected = replica.all().filter((t) => t.description.toLowerCase().includes('barclays'));
			expect(search.value.total).toBe(expected.length);
			expect(new Set(search.value.ids)).toEqual(new Set(expected.map((t) => t.id)));
		}
		await persistence.destroy();
	});
});
