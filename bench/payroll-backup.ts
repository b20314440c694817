// Builds a US workspace backup for the payroll bench in Node, through the same bindings the app
// uses: N salaried employees with Form W-4 settings, a monthly schedule, the US chart with a Net Pay
// Payable account, the account mapping, and an approved pay run for everyone, ready to finalize.
import * as Y from 'yjs';
import type { DecimalString, IsoDate } from '$lib/shared/domain';
import { periodIndexOn, periodAt, defaultAccountMap, type PayrollAccounts } from '$lib/payroll/domain/run';
import { employment, fact, usComp, schedule as makeSchedule } from '$lib/payroll/domain/run/fixtures';
import type { Employee } from '$lib/people/domain';
import { PeopleReplica } from '$lib/people/sync/replica';
import { PayrollReplica } from '$lib/payroll/sync/replica';
import { BooksReplica } from '$lib/books/sync/replica';
import { upsertMember, writeProfile } from '$lib/shared/sync/meta-doc';
import { encodeBackup } from '$lib/shared/sync/backup';
import type { ShardName } from '$lib/shared/domain/workspace';

export const BENCH_RUN_ID = 'BENCHRUN';

export async function payrollBackup(count: number, today: IsoDate): Promise<string> {
	const meta = new Y.Doc();
	writeProfile(meta, {
		name: `Bench payroll ${count}`,
		country: 'US',
		baseCurrency: 'USD',
		fiscalYearStart: '01-01',
		createdAt: '2026-01-01T00:00:00Z'
	});
	upsertMember(meta, { id: 'member-a', name: 'Alex', color: '#1f77b4', joinedAt: '2026-01-01T00:00:00Z' });
	const booksDoc = new Y.Doc();
	let n = 0;
	const books = new BooksReplica(booksDoc, { newId: () => `ACC${n++}` });
	const chart = books.applyChartTemplate('us');
	if (!chart.ok) throw new Error(chart.error.message);
	const parent = books.accounts().find((a) => a.code === '2100');
	const netPay = books.createAccount({
		schemaVersion: 1,
		id: 'NETPAY',
		name: 'Net Pay Payable',
		type: 'liability',
		subtype: 'payroll-liability',
		...(parent ? { parentId: parent.id } : {})
	});
	if (!netPay.ok) throw new Error(netPay.error.message);
	const people = new Y.Doc();
	const r = new PeopleReplica(people);
	const ids: string[] = [];
	people.transact(() => {
		for (let i = 0; i < count; i++) {
			const id = `P${String(i).padStart(6, '0')}`;
			ids.push(id);
			const person: Employee = {
				schemaVersion: 1,
				id,
				legalName: { given: `Given${i}`, family: `Family${i}` },
				contact: {},
				emergencyContacts: [],
				nationalIds: {},
				customFields: {},
				notes: []
			};
			const comp = usComp(String(30000 + (i % 90) * 1500) + '.00');
			const added = r.addPerson(person, {
				employment: fact(`E${i}`, '2025-01-06', employment('2025-01-06')),
				compensation: fact(`C${i}`, '2025-01-06', comp)
			});
			if (!added.ok) throw new Error(added.error.message);
		}
	});
	const payroll = new PayrollReplica(people);
	const schedule = makeSchedule({ id: 'SCHED', name: 'Monthly payroll', anchor: '2025-01-01' as IsoDate });
	payroll.saveSchedule(schedule);
	payroll.setAccounts({ ...defaultAccountMap(books.accounts()), netPayPayable: 'NETPAY' } as PayrollAccounts);
	const period = periodAt(schedule, periodIndexOn(schedule, today));
	const saved = payroll.saveDraft({
		schemaVersion: 1,
		id: BENCH_RUN_ID,
		scheduleId: schedule.id,
		kind: 'regular',
		period,
		personIds: ids,
		hours: {} as Record<string, DecimalString>,
		amounts: {},
		status: 'approved',
		createdAt: '2026-01-01T00:00:00Z',
		createdBy: 'member-a'
	});
	if (!saved.ok) throw new Error(saved.error.message);
	const docs = new Map<ShardName, Y.Doc>([
		['meta', meta],
		['tasks', new Y.Doc()],
		['books', booksDoc],
		['people', people]
	]);
	return encodeBackup({
		workspace: { id: 'bench-payroll', name: `Bench payroll ${count}` },
		docs,
		now: new Date().toISOString()
	});
}
