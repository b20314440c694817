// The people shard binding on its own: flat person keys, erasure that a concurrent edit cannot undo,
// facts written once, and untrusted policies and facts kept aside with a reason naming the field.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Employee } from '$lib/people/domain';
import * as docs from './doc';
import { PeopleReplica } from './replica';

const ada: Employee = {
	schemaVersion: 1,
	id: 'p1',
	legalName: { given: 'Ada', family: 'Lovelace' },
	preferredName: 'Ada L',
	contact: { workEmail: 'ada@example.org' },
	emergencyContacts: [{ name: 'Byron', relationship: 'parent', phone: '+44 20 0000 0000' }],
	nationalIds: { ukNiNumber: 'QQ123456C' },
	bank: { kind: 'uk', accountHolder: 'A Lovelace', sortCode: '12-34-56', accountNumber: '12345678' },
	customFields: { shirt: 'M' },
	notes: [{ id: 'n1', at: '2026-01-01T00:00:00Z', by: 'm1', text: 'Joined' }]
};

function sync(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('people-doc', () => {
	it('stores a person as flat keys and reads the same record back', () => {
		const doc = new Y.Doc();
		expect(docs.insertPerson(doc, ada)).toBe(true);
		expect(docs.insertPerson(doc, ada)).toBe(false);
		const m = docs.peopleMap(doc).get('p1')!;
		expect(m.get('legalName.given')).toBe('Ada');
		expect(m.get('customFields.shirt')).toBe('M');
		expect(docs.readPerson(m)?.person).toEqual(ada);
	});

	it('personChanges lists only what an edit changed, with undefined for a cleared field', () => {
		const after: Employee = { ...ada, preferredName: undefined, contact: { ...ada.contact, phone: '123' } };
		delete (after as { preferredName?: string }).preferredName;
		expect(docs.personChanges(ada, after)).toEqual({ preferredName: undefined, 'contact.phone': '123' });
	});

	it('erasure wins over a concurrent edit and keeps tax identifiers when asked', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		docs.insertPerson(a, ada);
		sync(a, b);
		docs.erasePerson(a, 'p1', '2026-05-01T00:00:00Z', true);
		docs.patchPerson(b, 'p1', { 'contact.phone': '+44 1', 'legalName.family': 'Byron' });
		sync(a, b);
		for (const doc of [a, b]) {
			const read = docs.readPerson(docs.peopleMap(doc).get('p1')!)!.person;
			expect(read.erasedAt).toBe('2026-05-01T00:00:00Z');
			expect(read.legalName).toEqual({ given: '', family: '' });
			expect(read.contact).toEqual({});
			expect(read.bank).toBeUndefined();
			expect(read.nationalIds).toEqual({ ukNiNumber: 'QQ123456C' });
			expect(read.notes).toEqual([]);
		}
	});

	it('quarantines malformed facts and policies from a peer and never counts them', () => {
		const doc = new Y.Doc();
		const r = new PeopleReplica(doc);
		docs.insertPerson(doc, ada);
		docs.factMap(doc, 'documents').set('d1', {
			id: 'd1',
			personId: 'p1',
			type: 'passport',
			fileName: 'x',
			mimeType: 'image/png',
			sizeBytes: 3
		});
		docs
			.factMap(doc, 'decisions')
			.set('x1', { id: 'x1', requestId: 'r', status: 'maybe', by: 'm', at: 'now' });
		const bad = new Y.Map<unknown>();
		bad.set('id', 'pol');
		bad.set('name', 'Odd');
		docs.policiesMap(doc).set('pol', bad);
		docs.patchPerson(doc, 'p1', { dateOfBirth: { year: 1815 } });
		expect(r.documents('p1')).toEqual([]);
		expect(r.decisions()).toEqual([]);
		expect(r.policies()).toEqual([]);
		expect(r.quarantined().map((q) => `${q.map}:${q.id}:${q.reason}`)).toEqual([
			'decisions:x1:status is not a decision',
			'documents:d1:type is unknown',
			// The reason names the field (before schema-first records it read "a field has the wrong shape").
			'policies:pol:accrual is missing'
		]);
		expect(r.person('p1')?.dateOfBirth).toBeUndefined();
		expect(r.malformedFields('p1')).toEqual(['dateOfBirth']);
		// A well-formed value replacing the bad one releases it from quarantine.
		docs
			.factMap(doc, 'decisions')
			.set('x1', { id: 'x1', requestId: 'r', status: 'approved', by: 'm', at: '2026-01-01T00:00:00Z' });
		expect(r.decisions().map((d) => d.id)).toEqual(['x1']);
		expect(r.quarantined().some((q) => q.id === 'x1')).toBe(false);
	});
});
