// The tasks People creates in the Tasks shard: a reminder before a document expires, and one task
// per checklist item (new hire, leaver) in a "People" list. The tasks shard also reaches task-only
// teammates, so what goes into it is neutral: no name or file name, no kind of document, nothing
// that says hiring, leaving, pay or an expiry; only words a new hire and a leaver share ("Paperwork",
// "Equipment check"). The detail (which item, why) stays in People, on the person's page.
import { addDays, ok, unwrap, type IsoDate, type Result } from '$lib/shared/domain';
import {
	instantiateChecklist,
	LEAVER_TEMPLATE,
	NEW_HIRE_TEMPLATE,
	type DocumentMeta,
	type Employment,
	type History,
	foldFacts
} from '$lib/people/domain';
import type { TasksState } from '../../tasks/state/tasks.svelte';
import { failed, refuse } from './data';

export const CHECKLISTS = [NEW_HIRE_TEMPLATE, LEAVER_TEMPLATE];
/** Days before a document expires that its reminder task falls due. */
export const EXPIRY_LEAD_DAYS = 30;
/** The title every document reminder has in Tasks: it says neither the kind of document nor "expires". */
export const REMINDER_TITLE = 'Records check (details in People)';
const IN_PEOPLE = "The details are in People, on the linked person's page.";

/**
 * What a checklist item is called in the Tasks shard, by item id: words the new-hire and leaver
 * checklists share, so a task does not tell a Tasks-only teammate that someone is joining or leaving,
 * or anything about their pay. Items not listed here (a future template) are "Follow-up".
 */
const NEUTRAL_ITEMS: Readonly<Record<string, { word: string; description: string }>> = {
	contract: { word: 'Paperwork', description: IN_PEOPLE },
	payroll: { word: 'Paperwork', description: IN_PEOPLE },
	'final-pay': { word: 'Paperwork', description: IN_PEOPLE },
	equipment: {
		word: 'Equipment check',
		description: `Check the equipment of the linked person. ${IN_PEOPLE}`
	},
	'equipment-return': {
		word: 'Equipment check',
		description: `Check the equipment of the linked person. ${IN_PEOPLE}`
	},
	accounts: {
		word: 'Access review',
		description: `Review the linked person's accounts and access. ${IN_PEOPLE}`
	},
	access: {
		word: 'Access review',
		description: `Review the linked person's accounts and access. ${IN_PEOPLE}`
	},
	'first-week': { word: 'Work planning', description: `Plan work with the linked person. ${IN_PEOPLE}` },
	handover: { word: 'Work planning', description: `Plan work with the linked person. ${IN_PEOPLE}` },
	'exit-interview': { word: 'Meeting', description: `Meet the linked person. ${IN_PEOPLE}` },
	welcome: {
		word: 'Complete your profile',
		description: 'Check your personal details and emergency contacts.'
	}
};

/** The neutral title and description a checklist item's task carries in the Tasks shard (`step` from 1). */
export function neutralChecklistTask(itemId: string, step: number): { title: string; description: string } {
	const words = NEUTRAL_ITEMS[itemId] ?? { word: 'Follow-up', description: IN_PEOPLE };
	return { title: `${words.word} (step ${step})`, description: words.description };
}

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
	// The tasks shard also reaches task-only teammates: no name, file name or kind of document.
	tasks.createTask({
		listId: peopleList(tasks),
		title: REMINDER_TITLE,
		description: IN_PEOPLE,
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
	for (const [i, d] of drafts.value.entries()) {
		const made = tasks.createTask({
			listId,
			...neutralChecklistTask(d.source.itemId, i + 1),
			due: d.dueDate,
			assignee: d.assignee === personId ? p.self : d.assignee,
			links: d.links.map((l) => ({ kind: l.kind, id: l.id }))
		});
		if (made.ok) ids.push(made.value);
	}
	return ok(ids);
}
