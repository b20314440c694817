// A demo workspace a person can explore: a small charity's back office with real-looking lists,
// dates spread around today, labels, checklists and a recurring task. Built from the same verbs a
// person uses, so the demo can never hold a record the app would refuse.
import { addDays, addMonths, dateParts, isoDate, unwrap, type IsoDate } from '$lib/shared/domain';
import type { DecimalString } from '$lib/shared/domain';
import { LEDGER_SCHEMA_VERSION } from '$lib/books/domain';
import type { TasksState } from '../../tasks/state/tasks.svelte';
import type { BooksState } from '../../books/state/books.svelte';
import { newId } from '../../shared/state/ids';

export function seedDemoTasks(tasks: TasksState, today: IsoDate, me: string): void {
	const lists = {
		close: unwrap(tasks.createList('Month-end close')),
		people: unwrap(tasks.createList('People & onboarding')),
		it: unwrap(tasks.createList('IT requests')),
		grants: unwrap(tasks.createList('Grants & reporting'))
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
		if (!created.ok) continue;
		for (const text of checklist ?? []) tasks.addChecklistItem(created.value, text);
		if (done) tasks.setStatus(created.value, 'done');
	}
}

/**
 * The demo charity's books for the last three months: donations and a restricted grant in, rent,
 * wages and programme costs out, each posted through the same verb (and rules) a person uses.
 */
export function seedDemoBooks(books: BooksState, today: IsoDate, currency: string): void {
	const byCode = new Map(books.accounts.map((a) => [a.code, a.id]));
	const acct = (code: string) => {
		const id = byCode.get(code);
		if (!id) throw new Error(`demo books: the chart has no account ${code}`);
		return id;
	};
	const { year, month } = dateParts(today);
	const line = (code: string, amount: string, dims?: { fund?: string; class?: string }) => ({
		account: acct(code),
		amount: amount as DecimalString,
		commodity: currency,
		...(dims ? { dimensions: dims } : {})
	});
	let n = 100;
	for (let back = 2; back >= 0; back--) {
		const first = addMonths(isoDate(year, month, 1), -back);
		const on = (day: number) => {
			const d = addDays(first, day - 1);
			return d > today ? today : d;
		};
		const entries: [IsoDate, string, ReturnType<typeof line>[]][] = [
			[on(1), 'Monthly donors', [line('1010', '2450.00'), line('4010', '-2450.00')]],
			[
				on(1),
				'Rent: community hall',
				[line('5100', '1200.00', { class: 'program' }), line('1010', '-1200.00')]
			],
			[
				on(5),
				'Youth programme supplies',
				[line('5200', '386.40', { class: 'program' }), line('1010', '-386.40')]
			],
			[
				on(25),
				'Wages',
				[
					line('5010', '4100.00', { class: 'program' }),
					line('5010', '900.00', { class: 'management-general' }),
					line('1010', '-5000.00')
				]
			]
		];
		if (back === 2)
			entries.unshift([
				on(1),
				'Opening balance carried forward',
				[line('1010', '25000.00'), line('3100', '-25000.00')]
			]);
		if (back === 1)
			entries.push([
				on(10),
				'Harbour Foundation grant (youth programme)',
				[line('1010', '12000.00', { fund: 'restricted' }), line('4020', '-12000.00', { fund: 'restricted' })]
			]);
		for (const [date, memo, lines] of entries) {
			const posted = books.post({
				schemaVersion: LEDGER_SCHEMA_VERSION,
				id: newId(),
				date,
				number: String(++n),
				memo,
				status: 'posted',
				lines
			});
			if (!posted.ok) throw new Error(`demo books: ${posted.error.message}`);
		}
	}
}
