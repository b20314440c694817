// A live, plain-record view of the tasks shard. It re-reads only the tasks a transaction touched,
// so a remote edit to one task costs one task's work, and hands listeners plain records only.
import type * as Y from 'yjs';
import type { ChecklistItem, RecordLink, Task, TaskComment, TaskList } from '$lib/tasks/domain';
import * as docs from './doc';
import { encodeStateVectorText } from '../../shared/sync/state-vector';

export interface TaskChange {
	changed: Task[];
	removed: string[];
	local: boolean;
}

export class TasksReplica {
	readonly #doc: Y.Doc;
	readonly #tasks = new Map<string, Task>();
	readonly #listeners = new Set<(change: TaskChange) => void>();
	readonly #listListeners = new Set<() => void>();
	readonly #unobserve: Array<() => void> = [];

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		for (const t of docs.readAllTasks(doc)) this.#tasks.set(t.id, t);
		this.#unobserve.push(
			docs.observeTasks(doc, (changedIds, removedIds, local) => {
				const changed: Task[] = [];
				const removed: string[] = [];
				for (const id of changedIds) {
					const t = docs.readTaskById(doc, id);
					if (t) {
						this.#tasks.set(id, t);
						changed.push(t);
					} else if (this.#tasks.delete(id)) removed.push(id);
				}
				for (const id of removedIds) if (this.#tasks.delete(id)) removed.push(id);
				if (!changed.length && !removed.length) return;
				const change = { changed, removed, local };
				for (const l of this.#listeners) l(change);
			}),
			docs.observeLists(doc, () => {
				for (const l of this.#listListeners) l();
			})
		);
	}

	all(): Task[] {
		return [...this.#tasks.values()];
	}
	get(id: string): Task | undefined {
		return this.#tasks.get(id);
	}
	get size(): number {
		return this.#tasks.size;
	}
	lists(): TaskList[] {
		return docs.readAllLists(this.#doc);
	}
	/** Tasks and lists a newer Keel wrote: kept aside, never read as this version's records. */
	keptAside(): { tasks: string[]; lists: string[] } {
		return docs.newerRecordIds(this.#doc);
	}

	onChange(listener: (change: TaskChange) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}
	onListsChange(listener: () => void): () => void {
		this.#listListeners.add(listener);
		return () => this.#listListeners.delete(listener);
	}

	create(task: Task): void {
		docs.insertTask(this.#doc, task);
	}
	/** Several tasks in one transaction (templates, recurrences): peers see all or none. */
	createMany(tasks: readonly Task[]): void {
		this.#doc.transact(() => {
			for (const t of tasks) docs.insertTask(this.#doc, t);
		});
	}
	patch(id: string, patch: docs.TaskPatch): boolean {
		return docs.patchTask(this.#doc, id, patch);
	}
	/** Completing a recurring task and creating its next occurrence happen as one transaction. */
	complete(id: string, patch: docs.TaskPatch, next: Task | null): boolean {
		let ok = false;
		this.#doc.transact(() => {
			ok = docs.patchTask(this.#doc, id, patch);
			if (ok && next) docs.insertTask(this.#doc, next);
		});
		return ok;
	}
	setDescription(id: string, text: string): boolean {
		return docs.setDescription(this.#doc, id, text);
	}
	setLabel(id: string, label: string, present: boolean): boolean {
		return docs.setLabel(this.#doc, id, label, present);
	}
	upsertChecklistItem(id: string, item: ChecklistItem): boolean {
		return docs.upsertChecklistItem(this.#doc, id, item);
	}
	removeChecklistItem(id: string, itemId: string): boolean {
		return docs.removeChecklistItem(this.#doc, id, itemId);
	}
	addComment(id: string, comment: TaskComment): boolean {
		return docs.addComment(this.#doc, id, comment);
	}
	setLink(id: string, link: RecordLink, present: boolean): boolean {
		return docs.setLink(this.#doc, id, link, present);
	}
	delete(id: string, at: string): boolean {
		return docs.deleteTask(this.#doc, id, at);
	}
	restore(id: string): boolean {
		return docs.restoreTask(this.#doc, id);
	}
	createList(list: TaskList): void {
		docs.insertList(this.#doc, list);
	}
	patchList(id: string, patch: Partial<Pick<TaskList, 'name' | 'order' | 'archived'>>): boolean {
		return docs.patchList(this.#doc, id, patch);
	}

	/** What this replica has seen, as base64: equal vectors mean equal shard contents. */
	stateVector(): string {
		return encodeStateVectorText(this.#doc);
	}

	destroy(): void {
		for (const u of this.#unobserve) u();
		this.#listeners.clear();
		this.#listListeners.clear();
	}
}
