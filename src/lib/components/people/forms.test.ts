import { describe, expect, it } from 'vitest';
import type { Employee } from '$lib/domain/hr';
import { employeeFrom, personalForm } from './forms';

const base: Employee = {
	schemaVersion: 1,
	id: 'p1',
	legalName: { given: 'Ann', family: 'Lee' },
	contact: {},
	emergencyContacts: [
		{ name: 'A', relationship: 'sister', phone: '1' },
		{ name: 'B', relationship: 'friend', phone: '2' },
		{ name: 'C', relationship: 'uncle', phone: '3' }
	],
	nationalIds: {},
	customFields: { badge: '12', ghost: 'from a newer app', shirt: 'M' },
	notes: []
};

describe('person form', () => {
	it('round-trips two emergency contacts and keeps any further ones', () => {
		const f = personalForm(base);
		expect([f.emergencyName, f.emergency2Name]).toEqual(['A', 'B']);
		expect(employeeFrom(f, 'p1', base).emergencyContacts).toEqual(base.emergencyContacts);
		const changed = { ...f, emergency2Name: ' Bea ', emergency2Phone: '22' };
		expect(employeeFrom(changed, 'p1', base).emergencyContacts[1]).toEqual({ name: 'Bea', relationship: 'friend', phone: '22' });
		const cleared = { ...personalForm(), given: 'X', family: 'Y', emergency2Name: 'Only', emergency2Phone: '9' };
		expect(employeeFrom(cleared, 'p2').emergencyContacts).toEqual([{ name: 'Only', relationship: '', phone: '9' }]);
	});

	it('writes typed custom values, drops emptied ones and keeps values the form does not show', () => {
		const f = personalForm(base);
		f.custom = { ...f.custom, badge: ' 42 ', shirt: '' };
		expect(employeeFrom(f, 'p1', base).customFields).toEqual({ badge: '42', ghost: 'from a newer app' });
	});
});
