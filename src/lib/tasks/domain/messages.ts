// The Tasks codes and the words a person sees for each (registered in the one map of
// shared/domain/messages): the state verbs fail with these codes and screens show describeError.
import { defineMessages, problem, type DomainError } from '../../shared/domain';

const quoted = (d: Readonly<Record<string, unknown>>, key: string): string => `"${String(d[key] ?? '')}"`;

export const TASKS_MESSAGES = defineMessages({
	'tasks/invalid-task': 'The task is not filled in correctly.',
	'tasks/invalid-list': 'The list is not filled in correctly.',
	'tasks/invalid-template': 'The template is not filled in correctly.',
	'tasks/title-required': 'Title: required.',
	'tasks/title-too-long': 'Title: at most 500 characters.',
	'tasks/list-name-required': 'List name: required.',
	'tasks/list-name-too-long': 'List name: at most 200 characters.',
	'tasks/bad-due-date': (d) => `Due date: ${quoted(d, 'due')} is not a calendar date.`,
	'tasks/bad-start-date': (d) => `Start date: ${quoted(d, 'anchor')} is not a calendar date.`,
	'tasks/template-failed': (d) =>
		`Template ${quoted(d, 'template')}: ${String(d.reason ?? 'could not be used')}`,
	'tasks/label-empty': 'Label: enter some text.',
	'tasks/task-gone': 'That task no longer exists.',
	'tasks/checklist-item-empty': 'Checklist item: enter some text.',
	'tasks/comment-empty': 'Comment: enter some text.',
	'tasks/comment-too-long': 'Comment: at most 10,000 characters.',
	'tasks/link-incomplete': 'Link: choose a kind and a record.',
	'tasks/rebuild-failed': 'The task search could not be rebuilt.',
	'tasks/search-failed': 'The search could not be run.'
});

export type TasksCode = keyof typeof TASKS_MESSAGES;

/** A Tasks failure worded by the map. */
export function tasksProblem(code: TasksCode, details?: Readonly<Record<string, unknown>>): DomainError {
	return problem(code, details);
}
