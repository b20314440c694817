// Builds a realistic workspace backup with N tasks in Node, through the same Y binding the app uses,
// so the benchmark opens data shaped exactly like a real workspace's.
import * as Y from 'yjs';
import { keysBetween, type Task } from '$lib/tasks/domain';
import { TasksReplica } from '$lib/tasks/sync/replica';
import { upsertMember, writeProfile } from '$lib/shared/sync/meta-doc';
import { encodeBackup } from '$lib/shared/sync/backup';
import type { ShardName } from '$lib/shared/domain/workspace';

const WORDS = [
	'Reconcile',
	'Invoice',
	'Pay',
	'Review',
	'File',
	'Chase',
	'Prepare',
	'Approve',
	'Renew',
	'Archive'
];
const OBJECTS = [
	'bank statement',
	'VAT return',
	'payroll',
	'supplier bill',
	'grant report',
	'expense claims',
	'insurance',
	'domain name',
	'timesheets',
	'board pack'
];

export async function tasksBackup(count: number): Promise<string> {
	const meta = new Y.Doc();
	writeProfile(meta, {
		name: `Bench ${count} tasks`,
		country: 'GB',
		baseCurrency: 'GBP',
		fiscalYearStart: '04-06',
		createdAt: '2026-01-01T00:00:00Z'
	});
	upsertMember(meta, { id: 'member-a', name: 'Alex', color: '#1f77b4', joinedAt: '2026-01-01T00:00:00Z' });
	const doc = new Y.Doc();
	const r = new TasksReplica(doc);
	const lists = ['Month-end close', 'Payroll', 'Grants', 'IT', 'Inbox'].map((name, i) => ({
		schemaVersion: 1 as const,
		id: `list-${i}`,
		name,
		order: `a${i}`,
		archived: false
	}));
	for (const l of lists) r.createList(l);
	const orders = keysBetween(null, null, count);
	const tasks: Task[] = [];
	for (let i = 0; i < count; i++) {
		const day = String(1 + (i % 28)).padStart(2, '0');
		const month = String(1 + (i % 12)).padStart(2, '0');
		tasks.push({
			schemaVersion: 1,
			id: `t${String(i).padStart(6, '0')}`,
			listId: lists[i % lists.length]!.id,
			title: `${WORDS[i % WORDS.length]} ${OBJECTS[(i * 7) % OBJECTS.length]} #${i}`,
			description: i % 3 === 0 ? 'Check against last month and attach the working papers.' : '',
			assignee: i % 4 === 0 ? 'member-a' : null,
			due: (i % 5 === 0 ? null : `2026-${month}-${day}`) as Task['due'],
			priority: (i % 4) as Task['priority'],
			status: i % 10 === 0 ? 'done' : i % 7 === 0 ? 'doing' : 'todo',
			labels: i % 2 ? ['close'] : ['tax', 'q4'],
			order: orders[i]!,
			recurrence: null,
			checklist: i % 6 === 0 ? [{ id: `c${i}`, text: 'Attach evidence', done: false, order: 'a0' }] : [],
			comments: [],
			links: [],
			createdAt: '2026-01-01T00:00:00.000Z',
			createdBy: 'member-a',
			completedAt: null,
			seriesId: null
		});
	}
	for (let i = 0; i < tasks.length; i += 1000) r.createMany(tasks.slice(i, i + 1000));
	const docs = new Map<ShardName, Y.Doc>([
		['meta', meta],
		['tasks', doc]
	]);
	return encodeBackup({
		workspace: { id: 'bench', name: `Bench ${count} tasks` },
		docs,
		now: new Date().toISOString()
	});
}
