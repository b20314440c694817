// The person form keeps what it does not show (extra contacts, unknown custom values), and the
// compensation form keeps every tax setting and deduction it shows: a record read into the form and
// written back is the same record, and a blank W-4 amount is 0.
import { describe, expect, it } from 'vitest';
import type { DecimalString } from '$lib/shared/domain';
import type { Compensation, Employee } from '$lib/people/domain';
import { changedFields, compensationForm, compensationFrom, employeeFrom, personalForm } from './forms';

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
		expect(employeeFrom(changed, 'p1', base).emergencyContacts[1]).toEqual({
			name: 'Bea',
			relationship: 'friend',
			phone: '22'
		});
		const cleared = {
			...personalForm(),
			given: 'X',
			family: 'Y',
			emergency2Name: 'Only',
			emergency2Phone: '9'
		};
		expect(employeeFrom(cleared, 'p2').emergencyContacts).toEqual([
			{ name: 'Only', relationship: '', phone: '9' }
		]);
	});

	it('writes typed custom values, drops emptied ones and keeps values the form does not show', () => {
		const f = personalForm(base);
		f.custom = { ...f.custom, badge: ' 42 ', shirt: '' };
		expect(employeeFrom(f, 'p1', base).customFields).toEqual({ badge: '42', ghost: 'from a newer app' });
	});
});

const D = (s: string) => s as DecimalString;
const us2020: Compensation = {
	pay: { kind: 'hourly', hourlyRate: D('31.25') },
	schedule: 'biweekly',
	currency: 'USD',
	tax: {
		us: {
			form: 'w4-2020',
			filingStatus: 'headOfHousehold',
			step2MultipleJobs: true,
			step3Dependents: D('4000'),
			step4aOtherIncome: D('1200'),
			step4bDeductions: D('0'),
			step4cExtraWithholding: D('25.50'),
			exempt: false
		}
	},
	deductions: [
		{ id: 'a', kind: 'us401k', label: '', basis: 'percent', amount: D('6') },
		{ id: 'b', kind: 'employer401kMatch', label: 'Match', basis: 'percent', amount: D('3') }
	]
};
const pre2020: Compensation = {
	...us2020,
	tax: {
		us: {
			form: 'w4-pre2020',
			filingStatus: 'marriedWithholdAtSingleRate',
			allowances: 3,
			additionalWithholding: D('15'),
			exempt: false
		}
	}
};
const uk: Compensation = {
	pay: { kind: 'salaried', annualAmount: D('32000') },
	schedule: 'monthly',
	currency: 'GBP',
	tax: {
		uk: {
			taxCode: 'S1257L',
			basis: 'week1month1',
			niCategory: 'M',
			starterDeclaration: 'B',
			studentLoanPlans: ['plan1', 'plan4'],
			postgraduateLoan: true
		}
	}
};

describe('compensation form', () => {
	it('round-trips a 2020 W-4, a pre-2020 W-4 and UK settings with loans and deductions', () => {
		for (const c of [us2020, pre2020, uk]) expect(compensationFrom(compensationForm(c))).toEqual(c);
	});
	it('switches W-4 version and reads blank amounts as 0', () => {
		const f = compensationForm(pre2020);
		f.w4Form = 'w4-2020';
		f.filingStatus = 'marriedJointly';
		const c = compensationFrom(f);
		expect(c.tax.us).toEqual({
			form: 'w4-2020',
			filingStatus: 'marriedJointly',
			step2MultipleJobs: false,
			step3Dependents: '0',
			step4aOtherIncome: '0',
			step4bDeductions: '0',
			step4cExtraWithholding: '0',
			exempt: false
		});
	});
	it('records removing every deduction as a change, and no deductions field when there never were any', () => {
		const f = compensationForm(us2020);
		f.deductions = [];
		expect(changedFields(us2020, compensationFrom(f))).toEqual({ deductions: [] });
		expect('deductions' in compensationFrom(compensationForm(uk))).toBe(false);
	});
	it('starter with a P45 has no declaration; "5%" is read as 5', () => {
		const f = compensationForm(uk);
		f.starter = 'P45';
		f.deductions = [{ id: 'x', kind: 'ukNetPayPension', label: '', basis: 'percent', amount: '5%' }];
		const c = compensationFrom(f);
		expect(c.tax.uk?.starterDeclaration).toBeNull();
		expect(c.deductions?.[0]?.amount).toBe('5');
	});
});
