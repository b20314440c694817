// The tasks shard: one Y.Map per task and per list, keyed by ULID, so concurrent edits to different
// fields of one task both survive. The description is a Y.Text (co-typed), labels and links are
// keyed maps (concurrent adds both stay), comments are immutable JSON facts. Nothing here leaks a Y
// type: readers return plain Task and TaskList records.
import * as Y from 'yjs';
import {
	commentSchema,
	linkSchema,
	listKind,
	recurrenceSchema,
	taskKind,
	TASK_STATUSES,
	type ChecklistItem,
	type RecordLink,
	type Task,
	type TaskComment,
	type TaskList
} from '$lib/tasks/domain';
import { parseIsoDate } from '$lib/shared/domain';
import { v } from '$lib/shared/domain/schema';
import { applyTextChange } from '../../shared/sync/text-diff';

type TaskScalarField =
	| 'listId'
	| 'title'
	| 'assignee'
	| 'due'
	| 'priority'
	| 'status'
	| 'order'
	| 'recurrence'
	| 'completedAt'
	| 'seriesId';
export type TaskPatch = Partial<Pick<Task, TaskScalarField>>;

const SCALARS: readonly TaskScalarField[] = [
	'listId',
	'title',
	'assignee',
	'due',
	'priority',
	'status',
	'order',
	'recurrence',
	'completedAt',
	'seriesId'
];

/** Every peer writes here, so a value may be anything: read records through taskRecord/listRecord. */
export function tasksMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap('tasks');
}
export function listsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap('lists');
}

/** The shared record under `id` when it is one (a peer may have put any value there), else undefined. */
function recordIn(map: Y.Map<unknown>, id: string): Y.Map<unknown> | undefined {
	const m = map.get(id);
	return m instanceof Y.Map ? (m as Y.Map<unknown>) : undefined;
}
export function taskRecord(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
	return recordIn(tasksMap(doc), id);
}
export function listRecord(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
	return recordIn(listsMap(doc), id);
}

function linkKey(link: RecordLink): string {
	return `${link.kind}:${link.id}`;
}

/** Writes a new task as one transaction. */
export function insertTask(doc: Y.Doc, task: Task): void {
	doc.transact(() => {
		const m = new Y.Map<unknown>();
		m.set('schemaVersion', task.schemaVersion);
		m.set('id', task.id);
		for (const f of SCALARS) m.set(f, task[f]);
		m.set('createdAt', task.createdAt);
		m.set('createdBy', task.createdBy);
		m.set('description', new Y.Text(task.description));
		const labels = new Y.Map<boolean>();
		for (const l of task.labels) labels.set(l, true);
		m.set('labels', labels);
		const checklist = new Y.Map<Y.Map<unknown>>();
		for (const item of task.checklist) checklist.set(item.id, checklistItemMap(item));
		m.set('checklist', checklist);
		const comments = new Y.Map<TaskComment>();
		for (const c of task.comments) comments.set(c.id, c);
		m.set('comments', comments);
		const links = new Y.Map<RecordLink>();
		for (const link of task.links) links.set(linkKey(link), link);
		m.set('links', links);
		tasksMap(doc).set(task.id, m);
	});
}

function checklistItemMap(item: ChecklistItem): Y.Map<unknown> {
	const m = new Y.Map<unknown>();
	m.set('id', item.id);
	m.set('text', item.text);
	m.set('done', item.done);
	m.set('order', item.order);
	return m;
}

function taskMapOf(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
	const m = taskRecord(doc, id);
	return m && !m.get('deletedAt') ? m : undefined;
}

/** Sets only the fields given; untouched fields keep whatever a peer wrote. Returns false if gone. */
export function patchTask(doc: Y.Doc, id: string, patch: TaskPatch): boolean {
	const m = taskMapOf(doc, id);
	if (!m) return false;
	doc.transact(() => {
		for (const f of SCALARS) {
			if (f in patch) {
				const v = patch[f];
				if (JSON.stringify(m.get(f)) !== JSON.stringify(v)) m.set(f, v ?? null);
			}
		}
	});
	return true;
}

export function setDescription(doc: Y.Doc, id: string, next: string): boolean {
	const text = taskMapOf(doc, id)?.get('description');
	if (!(text instanceof Y.Text)) return false;
	applyTextChange(text, next);
	return true;
}

export function setLabel(doc: Y.Doc, id: string, label: string, present: boolean): boolean {
	const labels = taskMapOf(doc, id)?.get('labels');
	if (!(labels instanceof Y.Map)) return false;
	if (present) labels.set(label, true);
	else labels.delete(label);
	return true;
}

export function upsertChecklistItem(doc: Y.Doc, id: string, item: ChecklistItem): boolean {
	const checklist = taskMapOf(doc, id)?.get('checklist');
	if (!(checklist instanceof Y.Map)) return false;
	doc.transact(() => {
		const existing = checklist.get(item.id);
		if (existing instanceof Y.Map) {
			if (existing.get('text') !== item.text) existing.set('text', item.text);
			if (existing.get('done') !== item.done) existing.set('done', item.done);
			if (existing.get('order') !== item.order) existing.set('order', item.order);
		} else checklist.set(item.id, checklistItemMap(item));
	});
	return true;
}

export function removeChecklistItem(doc: Y.Doc, id: string, itemId: string): boolean {
	const checklist = taskMapOf(doc, id)?.get('checklist');
	if (!(checklist instanceof Y.Map)) return false;
	checklist.delete(itemId);
	return true;
}

export function addComment(doc: Y.Doc, id: string, comment: TaskComment): boolean {
	const comments = taskMapOf(doc, id)?.get('comments');
	if (!(comments instanceof Y.Map)) return false;
	comments.set(comment.id, comment);
	return true;
}

export function setLink(doc: Y.Doc, id: string, link: RecordLink, present: boolean): boolean {
	const links = taskMapOf(doc, id)?.get('links');
	if (!(links instanceof Y.Map)) return false;
	if (present) links.set(linkKey(link), link);
	else links.delete(linkKey(link));
	return true;
}

/** Deletion is a tombstone field, so a peer's concurrent edit can still be restored from the trash. */
export function deleteTask(doc: Y.Doc, id: string, at: string): boolean {
	const m = taskMapOf(doc, id);
	if (!m) return false;
	m.set('deletedAt', at);
	return true;
}

export function restoreTask(doc: Y.Doc, id: string): boolean {
	const m = taskRecord(doc, id);
	if (!m || !m.get('deletedAt')) return false;
	m.delete('deletedAt');
	return true;
}

const PRIORITIES = [0, 1, 2, 3] as const;

function str(v: unknown, fallback = ''): string {
	return typeof v === 'string' ? v : fallback;
}
function strOrNull(v: unknown): string | null {
	return typeof v === 'string' && v !== '' ? v : null;
}

/** Each value that passes `schema`, as it reads it (the rest left out). */
function checked<S extends v.GenericSchema>(schema: S, values: Iterable<unknown>): v.InferOutput<S>[] {
	const out: v.InferOutput<S>[] = [];
	for (const x of values) {
		const r = v.safeParse(schema, x);
		if (r.success) out.push(r.output);
	}
	return out;
}

/** True when a newer Keel wrote this record: it is kept aside, never read as this version's. */
export function isNewer(m: Y.Map<unknown>, version: number): boolean {
	const stored = m.get('schemaVersion');
	return typeof stored === 'number' && stored > version;
}

/**
 * Reads one task as a plain record; null for a tombstone, a record too broken to show, or one from
 * a newer Keel (`newerRecordIds`). Fields a merge or an older peer left odd read as their default.
 */
export function readTask(m: Y.Map<unknown>): Task | null {
	if (m.get('deletedAt') || isNewer(m, taskKind.version)) return null;
	const id = m.get('id');
	if (typeof id !== 'string') return null;
	const description = m.get('description');
	const labels = m.get('labels');
	const checklist = m.get('checklist');
	const comments = m.get('comments');
	const links = m.get('links');
	const priority = m.get('priority');
	const status = m.get('status');
	const recurrence = m.get('recurrence');
	const items: ChecklistItem[] = [];
	if (checklist instanceof Y.Map) {
		for (const item of checklist.values()) {
			if (item instanceof Y.Map)
				items.push({
					id: str(item.get('id')),
					text: str(item.get('text')),
					done: item.get('done') === true,
					order: str(item.get('order'))
				});
		}
		items.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1));
	}
	const commentList: TaskComment[] =
		comments instanceof Y.Map ? checked(commentSchema, comments.values()) : [];
	commentList.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
	const linkList: RecordLink[] = links instanceof Y.Map ? checked(linkSchema, links.values()) : [];
	linkList.sort((a, b) => linkKey(a).localeCompare(linkKey(b)));
	const due = m.get('due');
	// Most tasks do not repeat: only a rule that is there needs its check.
	const rule = recurrence == null ? null : v.safeParse(recurrenceSchema, recurrence);
	return {
		schemaVersion: taskKind.version,
		id,
		listId: str(m.get('listId')),
		title: str(m.get('title')),
		description: description instanceof Y.Text ? description.toString() : '',
		assignee: strOrNull(m.get('assignee')),
		due: typeof due === 'string' ? (parseIsoDate(due) ?? null) : null,
		priority: PRIORITIES.find((p) => p === priority) ?? 0,
		status: TASK_STATUSES.find((s) => s === status) ?? 'todo',
		labels: labels instanceof Y.Map ? [...labels.keys()].sort() : [],
		order: str(m.get('order')),
		recurrence: rule?.success ? rule.output : null,
		checklist: items,
		comments: commentList,
		links: linkList,
		createdAt: str(m.get('createdAt')),
		createdBy: str(m.get('createdBy')),
		completedAt: strOrNull(m.get('completedAt')),
		seriesId: strOrNull(m.get('seriesId'))
	};
}

/** Ids of the tasks and lists a newer Keel wrote, kept aside (shown as such, never read). */
export function newerRecordIds(doc: Y.Doc): { tasks: string[]; lists: string[] } {
	const ids = (map: Y.Map<unknown>, version: number) =>
		[...map.entries()]
			.filter(([, m]) => m instanceof Y.Map && isNewer(m as Y.Map<unknown>, version))
			.map(([id]) => id);
	return { tasks: ids(tasksMap(doc), taskKind.version), lists: ids(listsMap(doc), listKind.version) };
}

export function readAllTasks(doc: Y.Doc): Task[] {
	const out: Task[] = [];
	for (const id of tasksMap(doc).keys()) {
		const t = readTaskById(doc, id);
		if (t) out.push(t);
	}
	return out;
}

/** The task filed under `id`; null when there is none, or when the record there claims another id. */
export function readTaskById(doc: Y.Doc, id: string): Task | null {
	const m = taskRecord(doc, id);
	const t = m ? readTask(m) : null;
	return t && t.id === id ? t : null;
}

export function insertList(doc: Y.Doc, list: TaskList): void {
	doc.transact(() => {
		const m = new Y.Map<unknown>();
		m.set('schemaVersion', list.schemaVersion);
		m.set('id', list.id);
		m.set('name', list.name);
		m.set('order', list.order);
		m.set('archived', list.archived);
		listsMap(doc).set(list.id, m);
	});
}

export function patchList(
	doc: Y.Doc,
	id: string,
	patch: Partial<Pick<TaskList, 'name' | 'order' | 'archived'>>
) {
	const m = listRecord(doc, id);
	if (!m) return false;
	doc.transact(() => {
		for (const [k, v] of Object.entries(patch)) if (m.get(k) !== v) m.set(k, v);
	});
	return true;
}

export function readAllLists(doc: Y.Doc): TaskList[] {
	const out: TaskList[] = [];
	for (const key of listsMap(doc).keys()) {
		const m = listRecord(doc, key);
		if (!m) continue;
		const id = m.get('id');
		if (id !== key || isNewer(m, listKind.version)) continue;
		out.push({
			schemaVersion: listKind.version,
			id,
			name: str(m.get('name'), 'Untitled'),
			order: str(m.get('order')),
			archived: m.get('archived') === true
		});
	}
	return out.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * Calls `onChange(changedIds, removedIds)` after every transaction that touched tasks, local or remote.
 * Returns the unsubscribe function.
 */
export function observeTasks(
	doc: Y.Doc,
	onChange: (changed: string[], removed: string[], local: boolean) => void
): () => void {
	const map = tasksMap(doc);
	const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
		const touched = new Set<string>();
		for (const e of events) {
			if (e.target === map && e instanceof Y.YMapEvent) for (const k of e.keysChanged) touched.add(k);
			else {
				const key = e.path[0];
				if (typeof key === 'string') touched.add(key);
			}
		}
		const changed: string[] = [];
		const removed: string[] = [];
		for (const id of touched) {
			const m = recordIn(map, id);
			if (m && !m.get('deletedAt')) changed.push(id);
			else removed.push(id);
		}
		if (changed.length || removed.length) onChange(changed, removed, tr.local);
	};
	map.observeDeep(handler);
	return () => map.unobserveDeep(handler);
}

export function observeLists(doc: Y.Doc, onChange: () => void): () => void {
	const map = listsMap(doc);
	const handler = () => onChange();
	map.observeDeep(handler);
	return () => map.unobserveDeep(handler);
}
