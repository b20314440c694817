// Keeps the Dexie tasks projection in step with the tasks shard: change batches are written shortly
// after they happen, each with the shard state they reflect, and a projection built from another
// state is rebuilt off the main thread. The projection is only ever a copy; losing it loses nothing.
import type { Task } from '$lib/tasks/domain';
import type { TaskChange, TasksReplica } from '$lib/tasks/sync/replica';
import {
	ProjectionDb,
	allTaskRows,
	applyTaskChanges,
	rebuildTasks,
	tasksProjectionState
} from '$lib/tasks/storage/projections';
import { tasksWorker } from '$lib/tasks/rpc/client';
import { background } from '$lib/shared/state/background';

const FLUSH_DELAY_MS = 40;
/**
 * Rows per write. IndexedDB serialises each row on the calling thread, so one write of 10k rows
 * would hold the page for over a second; chunks with a yield between keep every task short.
 */
const CHUNK = 250;

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Writes a batch in chunks. The shard state vector is recorded only with the last chunk, so a crash
 * part-way leaves the old vector and the next open rebuilds the projection.
 */
async function writeInChunks(
	db: ProjectionDb,
	changed: readonly Task[],
	removed: readonly string[],
	stateVector?: string
) {
	if (changed.length + removed.length <= CHUNK) return applyTaskChanges(db, changed, removed, stateVector);
	for (let i = 0; i < removed.length; i += CHUNK) {
		await applyTaskChanges(db, [], removed.slice(i, i + CHUNK));
		await yieldToPage();
	}
	for (let i = 0; i < changed.length; i += CHUNK) {
		const last = i + CHUNK >= changed.length;
		await applyTaskChanges(db, changed.slice(i, i + CHUNK), [], last ? stateVector : undefined);
		if (!last) await yieldToPage();
	}
}

export class TasksProjection {
	readonly #db: ProjectionDb;
	readonly #workspaceId: string;
	readonly #pendingChanged = new Map<string, Task>();
	readonly #pendingRemoved = new Set<string>();
	#timer: ReturnType<typeof setTimeout> | undefined;
	#flushing: Promise<void> = Promise.resolve();
	#replica: TasksReplica | null = null;

	constructor(workspaceId: string) {
		this.#workspaceId = workspaceId;
		this.#db = new ProjectionDb(workspaceId);
	}

	/** What the projection last knew, for showing a list before the shard loads; null if there is none. */
	async preview(): Promise<Task[] | null> {
		try {
			return (await allTaskRows(this.#db)).map((r) => r.task);
		} catch {
			return null;
		}
	}

	/** Follows the live replica from now on; `onReady` runs once the projection matches the shard. */
	follow(replica: TasksReplica, onReady: () => void): () => void {
		this.#replica = replica;
		const stop = replica.onChange((change) => this.#queue(change));
		background(this.#repair(replica).finally(onReady), "rebuilding the task list's index");
		return stop;
	}

	#queue({ changed, removed }: TaskChange): void {
		for (const t of changed) {
			this.#pendingChanged.set(t.id, t);
			this.#pendingRemoved.delete(t.id);
		}
		for (const id of removed) {
			this.#pendingRemoved.add(id);
			this.#pendingChanged.delete(id);
		}
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => background(this.flush(), "saving the task list's index"), FLUSH_DELAY_MS);
	}

	/** Writes whatever is queued now; resolves when every write so far has landed. */
	flush(): Promise<void> {
		clearTimeout(this.#timer);
		const changed = [...this.#pendingChanged.values()];
		const removed = [...this.#pendingRemoved];
		this.#pendingChanged.clear();
		this.#pendingRemoved.clear();
		if (!changed.length && !removed.length) return this.#flushing;
		const stateVector = this.#replica?.stateVector();
		this.#flushing = this.#flushing
			.then(() => writeInChunks(this.#db, changed, removed, stateVector))
			.catch((e) => {
				console.warn('Keel: projection write failed; it will be rebuilt on next open.', e);
			});
		return this.#flushing;
	}

	/**
	 * Rebuilds (in the worker) only when the projection was built from another state of the shard:
	 * first open, a crash before a flush, a peer's edits that arrived in another tab.
	 */
	async #repair(replica: TasksReplica): Promise<void> {
		const opened = replica.stateVector();
		// Track from this moment: the incremental flushes keep running while the worker rebuilds.
		const changedSince = new Set<string>();
		const track = replica.onChange((c) => {
			for (const t of c.changed) changedSince.add(t.id);
			for (const id of c.removed) changedSince.add(id);
		});
		try {
			const built = await tasksProjectionState(this.#db).catch(() => undefined);
			if (built === opened) return;
			const result = await tasksWorker().rebuildProjection({ workspaceId: this.#workspaceId });
			if (!result.ok || result.value.stateVector !== opened) {
				// The worker failed, or read another state than this replica opened with (updates still
				// being persisted): write the live replica's tasks instead. Rare, and not on open's path.
				if (!result.ok) console.warn('Keel: tasks projection rebuild failed:', result.error.message);
				await rebuildTasks(this.#db, [], '');
				await writeInChunks(this.#db, replica.all(), [], replica.stateVector());
				return;
			}
			const live = [...changedSince].map((id) => replica.get(id)).filter((t): t is Task => !!t);
			const gone = [...changedSince].filter((id) => !replica.get(id));
			await writeInChunks(this.#db, live, gone, replica.stateVector());
		} catch (e) {
			console.warn('Keel: tasks projection could not be repaired now; it will be on next open.', e);
		} finally {
			track();
		}
	}

	close(): void {
		background(
			this.flush().finally(() => this.#db.close()),
			"saving the task list's index"
		);
	}
}
