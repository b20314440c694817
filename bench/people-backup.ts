// Builds a workspace backup with N people in Node, through the same people binding the app uses:
// each person with an employment and a pay fact, managers forming a tree, a leave policy, and some
// approved leave — data shaped exactly like a real People shard.
import * as Y from 'yjs';
import type { DecimalString, IsoDate } from '$lib/shared/domain';
import type { Compensation, Employee, Employment, Fact } from '$lib/people/domain';
import { PeopleReplica } from '$lib/people/sync/replica';
import { upsertMember, writeProfile } from '$lib/shared/sync/meta-doc';
import { encodeBackup } from '$lib/shared/sync/backup';
import type { ShardName } from '$lib/shared/domain/workspace';

const GIVEN = [
	'Ada',
	'Ben',
	'Chloé',
	'Dev',
	'Eli',
	'Fatima',
	'Grace',
	'Hugo',
	'Ines',
	'Jonas',
	'Kemi',
	'Liam',
	'Maya',
	'Noah',
	'Zoë'
];
const FAMILY = [
	'Okafor',
	'Hale',
	'Nguyen',
	'Patel',
	'Smith',
	'García',
	'Kowalski',
	'Murphy',
	'Ångström',
	'Brown',
	'Dubois',
	'Ito'
];
const DEPARTMENTS = ['Programmes', 'Finance', 'Fundraising', 'Operations', 'Care', 'IT', 'HR'];
const TITLES = ['Coordinator', 'Officer', 'Manager', 'Assistant', 'Lead', 'Advisor'];
const LOCATIONS = ['London', 'Leeds', 'New York'];

export async function peopleBackup(count: number): Promise<string> {
	const meta = new Y.Doc();
	writeProfile(meta, {
		name: `Bench ${count} people`,
		country: 'GB',
		baseCurrency: 'GBP',
		fiscalYearStart: '04-06',
		createdAt: '2026-01-01T00:00:00Z'
	});
	upsertMember(meta, { id: 'member-a', name: 'Alex', color: '#1f77b4', joinedAt: '2026-01-01T00:00:00Z' });
	const doc = new Y.Doc();
	const r = new PeopleReplica(doc);
	const id = (i: number) => `P${String(i).padStart(6, '0')}`;
	doc.transact(() => {
		for (let i = 0; i < count; i++) {
			const start = `20${20 + (i % 6)}-0${1 + (i % 9)}-1${i % 9}` as IsoDate;
			const person: Employee = {
				schemaVersion: 1,
				id: id(i),
				legalName: { given: GIVEN[i % GIVEN.length]!, family: `${FAMILY[(i * 7) % FAMILY.length]}-${i}` },
				contact: { workEmail: `person${i}@example.org` },
				emergencyContacts: [],
				nationalIds: {},
				customFields: {},
				notes: []
			};
			const employment: Fact<Employment> = {
				id: `E${i}`,
				effectiveDate: start,
				recordedAt: '2026-01-01T00:00:00Z',
				recordedBy: 'member-a',
				changes: {
					jobTitle: `${DEPARTMENTS[i % DEPARTMENTS.length]} ${TITLES[i % TITLES.length]}`,
					department: DEPARTMENTS[i % DEPARTMENTS.length]!,
					managerId: i === 0 ? null : id(Math.floor((i - 1) / 8)),
					location: LOCATIONS[i % LOCATIONS.length]!,
					employmentType: i % 5 === 0 ? 'partTime' : 'fullTime',
					fte: (i % 5 === 0 ? '0.6' : '1') as DecimalString,
					startDate: start,
					probationEndDate: null,
					endDate: i % 17 === 0 ? ('2026-06-30' as IsoDate) : null,
					endReason: i % 17 === 0 ? 'resignation' : null
				}
			};
			const compensation: Fact<Compensation> = {
				id: `C${i}`,
				effectiveDate: start,
				recordedAt: '2026-01-01T00:00:00Z',
				recordedBy: 'member-a',
				changes: {
					pay: { kind: 'salaried', annualAmount: String(25000 + (i % 40) * 1000) as DecimalString },
					schedule: 'monthly',
					currency: 'GBP',
					tax: {}
				}
			};
			const added = r.addPerson(person, { employment, compensation });
			if (!added.ok) throw new Error(added.error.message);
		}
	});
	const docs = new Map<ShardName, Y.Doc>([
		['meta', meta],
		['tasks', new Y.Doc()],
		['people', doc]
	]);
	return encodeBackup({
		workspace: { id: 'bench-people', name: `Bench ${count} people` },
		docs,
		now: new Date().toISOString()
	});
}
