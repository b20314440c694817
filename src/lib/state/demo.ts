// A demo workspace a person can explore: a small charity's back office with real-looking lists,
// dates spread around today, labels, checklists and a recurring task. Built from the same verbs a
// person uses, so the demo can never hold a record the app would refuse.
import { addDays, addMonths, dateParts, isoDate, type IsoDate } from '$lib/domain/core';
import type { TasksState } from './tasks.svelte';

export function seedDemoTasks(tasks: TasksState, today: IsoDate, me: string): void {
	const lists = {
		close: tasks.createList('Month-end close').id as string,
		people: tasks.createList('People & onboarding').id as string,
		it: tasks.createList('IT requests').id as string,
		grants: tasks.createList('Grants & reporting').id as string
	};
	const { year, month } = dateParts(today);
	const monthEnd = addDays(addMonths(isoDate(year, month, 1), 1), -1);
	const items: Array<Parameters<TasksState['createTask']>[0] & { checklist?: string[]; done?: boolean }> = [
		{
			listId: lists.close,
			title: 'Reconcile the current account to the bank statement',
			due: addDays(monthEnd, 3),
			priority: 3,
			labels: ['close', 'bank'],
			assignee: me,
			recurrence: { every: 'month', interval: 1 },
			checklist: [
				'Import statement',
				'Match deposits',
				'Investigate unmatched lines',
				'Finish reconciliation'
			]
		},
		{
			listId: lists.close,
			title: 'Accrue utilities and rent for the month',
			due: addDays(monthEnd, 4),
			priority: 2,
			labels: ['close']
		},
		{
			listId: lists.close,
			title: 'Review aged payables and schedule payments',
			due: addDays(today, -2),
			priority: 2,
			labels: ['payables'],
			assignee: me
		},
		{
			listId: lists.close,
			title: 'Send management accounts to the board',
			due: addDays(monthEnd, 10),
			priority: 1,
			labels: ['reporting']
		},
		{
			listId: lists.close,
			title: 'File VAT return',
			due: addDays(today, 5),
			priority: 3,
			labels: ['tax'],
			description: 'Quarter ends this month. Box 6 must match the P&L turnover.'
		},
		{
			listId: lists.people,
			title: 'Prepare contract for the new programme coordinator',
			due: addDays(today, 1),
			priority: 2,
			labels: ['hr'],
			checklist: ['Offer letter signed', 'Right-to-work check', 'Contract sent']
		},
		{
			listId: lists.people,
			title: 'Enrol new starter in the pension scheme',
			due: addDays(today, 12),
			priority: 1,
			labels: ['payroll', 'hr']
		},
		{
			listId: lists.people,
			title: 'Collect timesheets from part-time staff',
			due: addDays(today, -1),
			priority: 2,
			labels: ['payroll'],
			assignee: me
		},
		{
			listId: lists.it,
			title: 'Laptop for the new coordinator',
			due: addDays(today, 3),
			priority: 1,
			labels: ['it'],
			checklist: ['Order laptop', 'Install updates', 'Create accounts']
		},
		{
			listId: lists.it,
			title: 'Renew the domain name',
			due: addDays(today, 20),
			priority: 2,
			labels: ['it'],
			recurrence: { every: 'year', interval: 1 }
		},
		{ listId: lists.it, title: 'Replace the office router', priority: 0, labels: ['it'], done: true },
		{
			listId: lists.grants,
			title: 'Quarterly report to the Lottery fund',
			due: addDays(today, 9),
			priority: 3,
			labels: ['grants', 'reporting'],
			description: 'Restricted fund: show spend against the approved budget lines.'
		},
		{
			listId: lists.grants,
			title: 'Gift Aid claim',
			due: addDays(today, 30),
			priority: 1,
			labels: ['tax'],
			recurrence: { every: 'quarter', interval: 1 }
		}
	];
	for (const { checklist, done, ...fields } of items) {
		const created = tasks.createTask(fields);
		if (!created.ok || !created.id) continue;
		for (const text of checklist ?? []) tasks.addChecklistItem(created.id, text);
		if (done) tasks.setStatus(created.id, 'done');
	}
}
