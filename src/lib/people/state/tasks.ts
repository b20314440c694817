// The tasks People creates in the Tasks shard: a reminder before a document expires, and one task
// per checklist item (new hire, leaver) in a "People" list. The tasks shard also reaches task-only
// teammates, so no name or file name goes into a task. Plain functions over TasksState.
import { addDays, ok, unwrap, type IsoDate, type Result } from '$lib/shared/domain';
import {
	instantiateChecklist,
	LEAVER_TEMPLATE,
	NEW_HIRE_TEMPLATE,
	type DocumentMeta,
	type DocumentType,
	type Employment,
	type History,
	foldFacts
} from '$lib/people/domain';
import type { TasksState } from '../../tasks/state/tasks.svelte';
import { failed, refuse } from './data';

export const CHECKLISTS = [NEW_HIRE_TEMPLATE, LEAVER_TEMPLATE];
/** Days before a document expires that its reminder task falls due. */
export const EXPIRY_LEAD_DAYS = 30;
const DOCUMENT_WORDS: Record<DocumentType, string> = {
	contract: 'a contract',
	id: 'an ID document',
	certificate: 'a certificate',
	other: 'a document'
};

/** The open "People" task list, made if there is none. */
function peopleList(tasks: TasksState): string {
	const existing = tasks.lists.find((l) => l.name === 'People' && !l.archived);
	return existing?.id ?? unwrap(tasks.createList('People'));
}

/** A task due EXPIRY_LEAD_DAYS before the document expires (none while Tasks is not ready). */
export function expiryReminder(
	tasks: TasksState | null,
	personId: string,
	meta: DocumentMeta,
	expiresOn: IsoDate
): void {
	if (!tasks?.ready) return;
	// The tasks shard also reaches task-only teammates: no name or file name goes into it.
	tasks.createTask({
		listId: peopleList(tasks),
		title: `Renew ${DOCUMENT_WORDS[meta.type]} before it expires on ${expiresOn}`,
		description: 'The document and the person it belongs to are linked; open them in People.',
		due: addDays(expiresOn, -EXPIRY_LEAD_DAYS),
		links: [
			{ kind: 'person', id: personId },
			{ kind: 'document', id: meta.id }
		]
	});
}

/**
 * Creates one task per checklist item, due relative to the start or end date, assigned to the
 * members chosen for each role; 'person' goes to `self`, the member linked to the person. The ids
 * of the tasks made.
 */
export function checklistTasks(p: {
	tasks: TasksState | null;
	templateId: string;
	personId: string;
	employment: History<Employment>;
	self: string | null;
	roles: { hr?: string; it?: string; manager?: string };
}): Result<string[]> {
	const { tasks, personId } = p;
	const template = CHECKLISTS.find((t) => t.id === p.templateId);
	if (!tasks?.ready || !template)
		return refuse('hr/tasks-unavailable', 'Tasks are not available here.', [
			{ field: 'template', message: 'Tasks are not available here.' }
		]);
	// The latest known start and end dates (a future end date counts: offboarding is planned ahead).
	const latest = foldFacts(p.employment);
	const drafts = instantiateChecklist(
		template,
		{ id: personId },
		{ startDate: latest.startDate ?? null, endDate: latest.endDate ?? null },
		p.roles
	);
	if (!drafts.ok) return failed(drafts.error);
	const listId = peopleList(tasks);
	const ids: string[] = [];
	for (const d of drafts.value) {
		const made = tasks.createTask({
			listId,
			title: d.title,
			description: d.description,
			due: d.dueDate,
			assignee: d.assignee === personId ? p.self : d.assignee,
			links: d.links.map((l) => ({ kind: l.kind, id: l.id })),
			labels: [template.kind]
		});
		if (made.ok) ids.push(made.value);
	}
	return ok(ids);
}
