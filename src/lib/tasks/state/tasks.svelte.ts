// What the Tasks screens read and the verbs they call. Plain records in, plain records out: the
// replica turns verbs into Y edits, this class keeps the view state, the projection and the worker
// search in step. Every verb validates before it writes.
import {
	filterTasks,
	groupByStatus,
	isValidKey,
	keyForPosition,
	normaliseLabels,
	sortTasks,
	type ChecklistItem,
	type Priority,
	type RecordLink,
	type Recurrence,
	type Task,
	type TaskFilter,
	type TaskList,
	type TaskSort,
	type TaskStatus,
	type TaskTemplate,
	tasksProblem
} from '$lib/tasks/domain';
import { err, ok, parseIsoDate, todayUtc, type IsoDate, type Result } from '$lib/shared/domain';
import type { TasksReplica, TaskChange } from '$lib/tasks/sync/replica';
import { TasksProjection } from './projection';
import { tasksWorker } from '$lib/tasks/rpc/client';
import { newId, nowIso } from '../../shared/state/ids';
import { buildTask, completion, salt, siblingsOf, templateTasks, type NewTaskFields } from './create';

export class TasksState {
	#replica: TasksReplica | null = null;
	readonly #workspaceId: string;
	readonly #projection: TasksProjection;
	readonly #me: string;
	readonly #unsubscribe: Array<() => void> = [];
	#searchSeq = 0;

	all = $state.raw<Task[]>([]);
	lists = $state.raw<TaskList[]>([]);
	filter = $state<TaskFilter>({ view: 'all' });
	sort = $state<TaskSort>('order');
	mode = $state<'list' | 'board'>('list');
	selectedId = $state<string | null>(null);
	today = $state<IsoDate>(todayUtc());
	/** Ids matching the search box, from the worker; null when no search is active. */
	searchHits = $state.raw<Set<string> | null>(null);
	searching = $state(false);
	projectionReady = $state(false);
	/** False while showing the projection's copy before the shard has loaded; verbs wait for it. */
	ready = $state(false);

	visible = $derived.by(() => {
		const { search: _search, ...rest } = this.filter;
		let tasks = filterTasks(this.all, rest, { today: this.today, me: this.#me });
		const hits = this.searchHits;
		if (hits) tasks = tasks.filter((t) => hits.has(t.id));
		return sortTasks(tasks, this.sort);
	});
	columns = $derived(groupByStatus(this.visible));
	labels = $derived([...new Set(this.all.flatMap((t) => t.labels))].sort());
	selected = $derived(this.all.find((t) => t.id === this.selectedId) ?? null);

	constructor(workspaceId: string, me: string) {
		this.#workspaceId = workspaceId;
		this.#me = me;
		this.#projection = new TasksProjection(workspaceId);
		// Until the shard has loaded, show what the projection last knew: a list on screen at once.
		this.previewed = this.#projection.preview().then((tasks) => {
			performance.mark('keel:tasks-projection-read');
			if (!this.#replica && tasks) this.all = tasks;
		});
	}

	/** Settles once the projection's copy is on screen (or known to be missing). */
	readonly previewed: Promise<void>;

	/** Goes live on the loaded shard: from here on the replica is the truth and every verb works. */
	attach(replica: TasksReplica): void {
		performance.mark('keel:tasks-live');
		this.#replica = replica;
		this.all = replica.all();
		this.lists = replica.lists();
		this.ready = true;
		this.#unsubscribe.push(
			replica.onChange((change) => this.#onChange(change)),
			replica.onListsChange(() => (this.lists = replica.lists())),
			this.#projection.follow(replica, () => (this.projectionReady = true))
		);
	}

	/** The replica; the screens keep editing controls disabled until `ready`, so this never throws for them. */
	get #live(): TasksReplica {
		if (!this.#replica) throw new Error('Tasks are still loading');
		return this.#replica;
	}

	get me(): string {
		return this.#me;
	}

	#onChange({ removed }: TaskChange): void {
		this.all = this.#replica?.all() ?? this.all;
		if (this.selectedId && removed.includes(this.selectedId)) this.selectedId = null;
	}

	/** Full-text search runs in the worker over the projection, after pending writes land. */
	async search(text: string): Promise<void> {
		const seq = ++this.#searchSeq;
		this.filter.search = text;
		if (!text.trim()) {
			this.searchHits = null;
			this.searching = false;
			return;
		}
		this.searching = true;
		await this.#projection.flush();
		const result = await tasksWorker().searchTasks({
			workspaceId: this.#workspaceId,
			filter: { search: text },
			today: this.today,
			me: this.#me,
			sort: 'order',
			limit: 100_000
		});
		if (seq !== this.#searchSeq) return;
		this.searching = false;
		// If the worker failed, fall back to searching here rather than showing nothing.
		this.searchHits = new Set(
			result.ok
				? result.value.ids
				: filterTasks(this.all, { search: text }, { today: this.today, me: this.#me }).map((t) => t.id)
		);
	}

	setView(view: NonNullable<TaskFilter['view']>): void {
		this.filter.view = view;
	}

	#siblings(listId: string, exceptId?: string): Task[] {
		return siblingsOf(this.all, listId, exceptId);
	}

	createList(name: string): Result<string> {
		const trimmed = name.trim();
		if (!trimmed) return err(tasksProblem('tasks/list-name-required'));
		if (trimmed.length > 200) return err(tasksProblem('tasks/list-name-too-long'));
		const last = this.lists.at(-1)?.order ?? null;
		const id = newId();
		this.#live.createList({
			schemaVersion: 1,
			id,
			name: trimmed,
			order: keyForPosition(this.lists, this.lists.length, salt()) || last || 'a0',
			archived: false
		});
		return ok(id);
	}

	renameList(id: string, name: string): Result<null> {
		const trimmed = name.trim();
		if (!trimmed) return err(tasksProblem('tasks/list-name-required'));
		this.#live.patchList(id, { name: trimmed });
		return ok(null);
	}

	archiveList(id: string, archived = true): void {
		this.#live.patchList(id, { archived });
	}

	createTask(fields: NewTaskFields): Result<string> {
		const built = buildTask(fields, this.#siblings(fields.listId), this.#me);
		if (!built.ok) return built;
		this.#live.create(built.value);
		return ok(built.value.id);
	}

	/** Creates a template's tasks in one transaction, after the list's last task. */
	fromTemplate(
		template: TaskTemplate,
		args: { listId: string; anchor: string; assignees: Record<string, string | null> }
	): Result<number> {
		const made = templateTasks(template, args, this.#siblings(args.listId), this.#me);
		if (!made.ok) return made;
		this.#live.createMany(made.value);
		return ok(made.value.length);
	}

	rename(id: string, title: string): Result<null> {
		const trimmed = title.trim();
		if (!trimmed) return err(tasksProblem('tasks/title-required'));
		if (trimmed.length > 500) return err(tasksProblem('tasks/title-too-long'));
		this.#live.patch(id, { title: trimmed });
		return ok(null);
	}

	setDue(id: string, due: string): Result<null> {
		if (due && !parseIsoDate(due)) return err(tasksProblem('tasks/bad-due-date', { due }));
		const task = this.#live.get(id);
		// Moving a repeating task's date by hand moves the series' day too.
		const recurrence =
			task?.recurrence && due ? { ...task.recurrence, anchor: due as IsoDate } : task?.recurrence;
		this.#live.patch(id, { due: (due || null) as IsoDate | null, recurrence: recurrence ?? null });
		return ok(null);
	}

	setAssignee(id: string, memberId: string | null): void {
		this.#live.patch(id, { assignee: memberId || null });
	}

	setPriority(id: string, priority: Priority): void {
		this.#live.patch(id, { priority });
	}

	setRecurrence(id: string, recurrence: Recurrence): void {
		const task = this.#live.get(id);
		const anchored =
			recurrence && task?.due ? { ...recurrence, anchor: recurrence.anchor ?? task.due } : recurrence;
		this.#live.patch(id, { recurrence: anchored });
	}

	/** Moving to done through the board or the checkbox also rolls a recurring task forward. */
	setStatus(id: string, status: TaskStatus): void {
		const task = this.#live.get(id);
		if (!task || task.status === status) return;
		if (status === 'done') {
			const { done, next } = completion(task, this.#siblings(task.listId));
			this.#live.complete(id, done, next);
		} else this.#live.patch(id, { status, completedAt: null });
	}

	toggleDone(id: string): void {
		const task = this.#live.get(id);
		if (task) this.setStatus(id, task.status === 'done' ? 'todo' : 'done');
	}

	setDescription(id: string, text: string): void {
		this.#live.setDescription(id, text);
	}

	addLabel(id: string, label: string): Result<null> {
		const [clean] = normaliseLabels([label]);
		if (!clean) return err(tasksProblem('tasks/label-empty'));
		this.#live.setLabel(id, clean, true);
		return ok(null);
	}

	removeLabel(id: string, label: string): void {
		this.#live.setLabel(id, label, false);
	}

	addChecklistItem(id: string, text: string): Result<null> {
		const trimmed = text.trim();
		const task = this.#live.get(id);
		if (!task) return err(tasksProblem('tasks/task-gone'));
		if (!trimmed) return err(tasksProblem('tasks/checklist-item-empty'));
		const items = task.checklist.filter((i) => isValidKey(i.order));
		this.#live.upsertChecklistItem(id, {
			id: newId(),
			text: trimmed,
			done: false,
			order: keyForPosition(items, items.length, salt())
		});
		return ok(null);
	}

	toggleChecklistItem(id: string, item: ChecklistItem): void {
		this.#live.upsertChecklistItem(id, { ...item, done: !item.done });
	}

	removeChecklistItem(id: string, itemId: string): void {
		this.#live.removeChecklistItem(id, itemId);
	}

	addComment(id: string, text: string): Result<null> {
		const trimmed = text.trim();
		if (!trimmed) return err(tasksProblem('tasks/comment-empty'));
		if (trimmed.length > 10_000) return err(tasksProblem('tasks/comment-too-long'));
		this.#live.addComment(id, { id: newId(), author: this.#me, at: nowIso(), text: trimmed });
		return ok(null);
	}

	addLink(id: string, link: RecordLink): Result<null> {
		if (!link.kind.trim() || !link.id.trim()) return err(tasksProblem('tasks/link-incomplete'));
		this.#live.setLink(id, { ...link, kind: link.kind.trim(), id: link.id.trim() }, true);
		return ok(null);
	}

	removeLink(id: string, link: RecordLink): void {
		this.#live.setLink(id, link, false);
	}

	delete(id: string): void {
		this.#live.delete(id, nowIso());
	}

	restore(id: string): void {
		this.#live.restore(id);
	}

	/** Puts a task at `index` among the tasks of `listId` (and optionally sets its status, for the board). */
	move(id: string, listId: string, index: number, status?: TaskStatus): void {
		const siblings = this.#siblings(listId, id).filter((t) => (status ? t.status === status : true));
		const order = keyForPosition(siblings, index, salt());
		const patch: Parameters<TasksReplica['patch']>[1] = { listId, order };
		this.#live.patch(id, patch);
		if (status) this.setStatus(id, status);
	}

	task(id: string): Task | undefined {
		return this.#replica?.get(id) ?? this.all.find((t) => t.id === id);
	}

	/** Waits for queued projection writes, for tests and before a backup. */
	async settle(): Promise<void> {
		await this.#projection.flush();
	}

	destroy(): void {
		for (const u of this.#unsubscribe) u();
		this.#projection.close();
	}
}
