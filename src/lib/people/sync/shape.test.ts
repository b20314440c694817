// Reading the people shard through its record kinds: a value with a wrong field is kept aside with a
// reason that names the field in words and never quotes a value; a record from a newer Keel is kept
// aside as 'newer' (never applied, never guessed at); keys a newer peer added are kept, not stripped.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decisionKind, documentKind, leavePolicyKind, type Employee } from '$lib/people/domain';
import * as docs from './doc';
import { PeopleReplica } from './replica';
import { readStored } from './shape';

const person: Employee = {
	schemaVersion: 1,
	id: 'person-7f3a',
	legalName: { given: 'Grace', family: 'Hopper' },
	contact: {},
	emergencyContacts: [],
	nationalIds: {},
	customFields: {},
	notes: []
};

const employmentFact = (
	id: string,
	changes: Record<string, unknown>,
	extra: Record<string, unknown> = {}
) => ({
	area: 'employment',
	personId: person.id,
	fact: {
		id,
		effectiveDate: '2026-01-05',
		recordedAt: '2026-01-01T00:00:00Z',
		recordedBy: 'member-1',
		changes
	},
	...extra
});

const fullEmployment = {
	jobTitle: 'Engineer',
	department: 'R&D',
	managerId: null,
	location: 'london',
	employmentType: 'fullTime',
	fte: '1',
	startDate: '2026-01-05',
	probationEndDate: null,
	endDate: null,
	endReason: null
};

function replica() {
	const doc = new Y.Doc();
	const r = new PeopleReplica(doc);
	docs.insertPerson(doc, person);
	return { doc, r };
}

describe('people shard records', () => {
	it('keeps aside a fact with a wrong field, naming the field in words and never its value', () => {
		const { doc, r } = replica();
		docs
			.factMap(doc, 'history')
			.set('f-bad', employmentFact('f-bad', { ...fullEmployment, fte: 'most of it' }));
		docs.factMap(doc, 'leave').set('l-bad', {
			kind: 'hoursWorked',
			id: 'l-bad',
			personId: person.id,
			date: '2026-02-30',
			hours: '7.5'
		});
		expect(r.employment(person.id)).toEqual([]);
		expect(r.leave(person.id).events).toEqual([]);
		const q = r.quarantined();
		expect(q.map((x) => [x.map, x.id, x.reason, x.code])).toEqual([
			['history', 'f-bad', 'fte is not an amount', 'record/invalid'],
			['leave', 'l-bad', 'date is not a date (YYYY-MM-DD)', 'record/invalid']
		]);
		for (const x of q) {
			expect(x.reason).not.toContain('most of it');
			expect(x.reason).not.toContain('2026-02-30');
			expect(x.reason).not.toContain(person.id);
		}
		// A well-formed fact under the same key is taken out of quarantine and counted.
		docs.factMap(doc, 'history').set('f-bad', employmentFact('f-bad', fullEmployment));
		expect(r.employment(person.id).map((f) => f.id)).toEqual(['f-bad']);
		expect(r.quarantined().map((x) => x.id)).toEqual(['l-bad']);
	});

	it('names a nested field and a missing one in words', () => {
		const { doc, r } = replica();
		docs.factMap(doc, 'history').set('f1', employmentFact('f1', fullEmployment));
		docs.factMap(doc, 'history').set('f2', {
			area: 'compensation',
			personId: person.id,
			fact: {
				id: 'f2',
				effectiveDate: '2026-01-05',
				recordedAt: '2026-01-01T00:00:00Z',
				recordedBy: 'member-1',
				changes: { pay: { kind: 'hourly', hourlyRate: 31.25 } }
			}
		});
		docs.factMap(doc, 'checklists').set('c1', { id: 'c1', personId: person.id, templateId: 't' });
		expect(r.quarantined().map((x) => `${x.map}:${x.id}:${x.reason}`)).toEqual([
			'checklists:c1:task ids is missing',
			'history:f2:hourly rate is not an amount'
		]);
	});

	it('keeps aside a record saved by a newer Keel as newer, and never applies it', () => {
		const { doc, r } = replica();
		docs.factMap(doc, 'decisions').set('d-new', {
			schemaVersion: decisionKind.version + 1,
			id: 'd-new',
			requestId: 'req-1',
			status: 'approved',
			by: 'member-1',
			at: '2026-01-01T00:00:00Z'
		});
		docs.factMap(doc, 'documents').set('doc-new', {
			schemaVersion: documentKind.version + 1,
			id: 'doc-new',
			personId: person.id,
			type: 'hologram',
			fileName: 'contract.pdf',
			mimeType: 'application/pdf',
			sizeBytes: 10,
			uploadedAt: '2026-01-01T00:00:00Z',
			uploadedBy: 'member-1',
			expiresOn: null
		});
		const pol = new Y.Map<unknown>();
		pol.set('schemaVersion', leavePolicyKind.version + 1);
		pol.set('id', 'pol-new');
		docs.policiesMap(doc).set('pol-new', pol);
		expect(r.decisions()).toEqual([]);
		expect(r.documents(person.id)).toEqual([]);
		expect(r.policies()).toEqual([]);
		const q = r.quarantined();
		expect(q.map((x) => [x.map, x.id, x.code])).toEqual([
			['decisions', 'd-new', 'record/newer'],
			['documents', 'doc-new', 'record/newer'],
			['policies', 'pol-new', 'record/newer']
		]);
		for (const x of q) expect(x.reason).toMatch(/newer version of Keel/);
		expect(q.some((x) => x.reason.includes('contract.pdf'))).toBe(false);
	});

	it('keeps keys a newer peer added, in a change and in a record, rather than stripping them', () => {
		const { doc, r } = replica();
		docs
			.factMap(doc, 'history')
			.set(
				'f1',
				employmentFact('f1', { ...fullEmployment, workPattern: 'nine-day fortnight' }, { source: 'hris' })
			);
		docs.factMap(doc, 'decisions').set('d1', {
			id: 'd1',
			requestId: 'req-1',
			status: 'rejected',
			by: 'member-1',
			at: '2026-01-01T00:00:00Z',
			delegatedBy: 'member-2'
		});
		expect(r.quarantined()).toEqual([]);
		const [fact] = r.employment(person.id);
		expect(fact?.changes).toMatchObject({ jobTitle: 'Engineer', workPattern: 'nine-day fortnight' });
		expect(r.decisions()).toEqual([
			{
				id: 'd1',
				requestId: 'req-1',
				status: 'rejected',
				by: 'member-1',
				at: '2026-01-01T00:00:00Z',
				delegatedBy: 'member-2'
			}
		]);
	});

	it('reads a fact stored before records carried a version as version 1, and refuses a broken version', () => {
		const decision = { id: 'd', requestId: 'r', status: 'cancelled', by: 'm', at: '2026-01-01T00:00:00Z' };
		expect(readStored(decisionKind, decision)).toEqual({ ok: true, value: decision });
		expect(readStored(decisionKind, { ...decision, schemaVersion: 1 }).ok).toBe(true);
		const broken = readStored(decisionKind, { ...decision, schemaVersion: 'one' });
		expect(broken.ok || broken.error.code).toBe('record/invalid');
		const newer = readStored(decisionKind, { ...decision, schemaVersion: 99 });
		expect(newer.ok || newer.error.code).toBe('record/newer');
	});
});
