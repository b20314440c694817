import { describe, expect, it } from 'vitest';
import { validateEmployee } from './employee';
import { erasePersonalDetails, isErased, personExport } from './privacy';
import type { Employment } from './employment';
import type { Compensation } from './compensation';
import { compensation, d, employee, employment, fact } from './test-fixtures';
import type { LeaveEvent } from './leave';

const person = employee({
	notes: [{ id: 'n1', at: '2025-01-01T00:00:00Z', by: 'hr-1', text: 'Prefers email' }],
	customFields: { shirt: 'M' }
});
const histories = {
	employment: [fact<Employment>('e1', '2025-01-06', '2025-01-02T09:00:00Z', employment())],
	compensation: [fact<Compensation>('c1', '2025-01-06', '2025-01-02T09:00:00Z', compensation())]
};

describe('personExport', () => {
	it('bundles the person, histories, own leave and own documents as plain JSON', () => {
		const events: LeaveEvent[] = [
			{
				kind: 'request',
				id: 'r1',
				policyId: 'annual',
				personId: 'emp-1',
				start: d('2025-03-03'),
				end: d('2025-03-03'),
				portion: { kind: 'fullDays' },
				status: 'approved',
				requestedAt: '2025-02-01T00:00:00Z'
			},
			{
				kind: 'request',
				id: 'r2',
				policyId: 'annual',
				personId: 'emp-2',
				start: d('2025-03-03'),
				end: d('2025-03-03'),
				portion: { kind: 'fullDays' },
				status: 'approved',
				requestedAt: '2025-02-01T00:00:00Z'
			}
		];
		const docs = [
			{
				schemaVersion: 1 as const,
				id: 'doc1',
				personId: 'emp-1',
				type: 'contract' as const,
				fileName: 'c.pdf',
				mimeType: 'application/pdf',
				sizeBytes: 10,
				uploadedAt: '2025-01-01T00:00:00Z',
				uploadedBy: 'hr-1',
				expiresOn: null
			},
			{
				schemaVersion: 1 as const,
				id: 'doc2',
				personId: 'emp-2',
				type: 'contract' as const,
				fileName: 'c.pdf',
				mimeType: 'application/pdf',
				sizeBytes: 10,
				uploadedAt: '2025-01-01T00:00:00Z',
				uploadedBy: 'hr-1',
				expiresOn: null
			}
		];
		const bundle = personExport(person, histories, events, docs, { exportedAt: '2025-06-01T12:00:00Z' });
		expect(JSON.parse(JSON.stringify(bundle))).toEqual(bundle);
		expect(bundle.person).toEqual(person);
		expect(bundle.person).not.toBe(person);
		expect(bundle.leaveEvents.map((e) => e.id)).toEqual(['r1']);
		expect(bundle.documents.map((x) => x.id)).toEqual(['doc1']);
		expect(bundle.histories['compensation']).toEqual(histories.compensation);
	});
});

describe('erasePersonalDetails', () => {
	const erased = erasePersonalDetails(person, { erasedAt: '2031-01-01T00:00:00Z' });
	it('removes names, contacts, address, birth date, bank, custom fields and notes', () => {
		const text = JSON.stringify(erased);
		for (const personal of [
			'Zoë',
			'Ångström',
			'Zo"',
			'example.com',
			'High Street',
			'1990-04-01',
			'31926819',
			'Prefers email',
			'shirt',
			'7946'
		]) {
			expect(text).not.toContain(personal);
		}
		expect(isErased(erased)).toBe(true);
		expect(erased.erasedAt).toBe('2031-01-01T00:00:00Z');
	});
	it('keeps the id and, by default, tax identifiers for retention; histories are untouched', () => {
		expect(erased.id).toBe('emp-1');
		expect(erased.nationalIds).toEqual({ ukNiNumber: 'AB123456C' });
		expect(
			erasePersonalDetails(person, { erasedAt: '2031-01-01T00:00:00Z', keepTaxIdentifiers: false })
				.nationalIds
		).toEqual({});
		expect(validateEmployee(erased, { today: d('2031-01-02') }).ok).toBe(true);
	});
});
