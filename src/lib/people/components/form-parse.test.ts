// The People forms parse with their records' schemas: a date or amount comes out checked, and a
// failure names the input by the label the form shows, with the record path of the input to mark.
import { describe, expect, it } from 'vitest';
import { compensationForm, employmentForm, personalForm } from './forms';
import {
	parseBalanceChange,
	parseCompensation,
	parseDate,
	parseEmployee,
	parseEmployment,
	parseHours,
	parseOptionalDate
} from './form-parse';

const failure = (r: {
	ok: boolean;
	error?: { message: string; details?: Readonly<Record<string, unknown>> };
}) => (r.ok ? 'parsed' : { message: r.error?.message, field: r.error?.details?.['field'] });

describe('People form parsing', () => {
	it('checks the employment dates and FTE, naming the field by its label', () => {
		const f = { ...employmentForm(), jobTitle: 'Engineer', startDate: '2026-02-30' };
		expect(failure(parseEmployment(f))).toEqual({
			message: 'Start date is not a date (YYYY-MM-DD).',
			field: 'startDate'
		});
		expect(failure(parseEmployment({ ...f, startDate: '2026-02-02', fte: 'half' }))).toEqual({
			message: 'FTE is not an amount.',
			field: 'fte'
		});
		const ok = parseEmployment({ ...f, startDate: '2026-02-02', probationEndDate: '' });
		expect(ok.ok && ok.value).toMatchObject({ startDate: '2026-02-02', fte: '1', probationEndDate: null });
	});

	it('checks a date of birth', () => {
		const f = { ...personalForm(), given: 'Ann', family: 'Lee', dateOfBirth: '1990-13-01' };
		expect(failure(parseEmployee(f, 'p1'))).toEqual({
			message: 'Date of birth is not a date (YYYY-MM-DD).',
			field: 'dateOfBirth'
		});
		const ok = parseEmployee({ ...f, dateOfBirth: '1990-12-01' }, 'p1');
		expect(ok.ok && ok.value.dateOfBirth).toBe('1990-12-01');
	});

	it('names the pay, W-4 and deduction inputs, with the path of the input to mark', () => {
		const f = compensationForm(undefined, 'USD');
		expect(failure(parseCompensation({ ...f, amount: '' }))).toEqual({
			message: 'Annual salary is not an amount.',
			field: 'pay.annualAmount'
		});
		const us = { ...f, amount: '60000', taxKind: 'us' as const, step4c: 'twenty' };
		expect(failure(parseCompensation(us))).toEqual({
			message: 'Form W-4 Step 4(c) (extra withholding) must be an amount of 0 or more, like 2000 or 25.50.',
			field: 'tax.us.step4cExtraWithholding'
		});
		const old = { ...us, step4c: '', w4Form: 'w4-pre2020' as const, allowances: 'two' };
		expect(failure(parseCompensation(old))).toEqual({
			message: 'Form W-4 (before 2020) allowances must be a whole number, 0 or more.',
			field: 'tax.us.allowances'
		});
		const withDeduction = {
			...us,
			step4c: '',
			deductions: [{ id: 'd', kind: 'us401k' as const, label: '', basis: 'percent' as const, amount: 'six' }]
		};
		expect(failure(parseCompensation(withDeduction))).toEqual({
			message: 'Deduction 1 amount is not an amount.',
			field: 'deductions[0].amount'
		});
		const ok = parseCompensation({
			...withDeduction,
			deductions: [{ ...withDeduction.deductions[0]!, amount: '6%' }]
		});
		expect(ok.ok && ok.value).toMatchObject({
			pay: { kind: 'salaried', annualAmount: '60000' },
			currency: 'USD'
		});
	});

	it('checks dates, days and hours of leave and documents', () => {
		expect(failure(parseDate('2026-04-31', 'Effective date'))).toEqual({
			message: 'Effective date is not a date (YYYY-MM-DD).',
			field: 'date'
		});
		expect(parseOptionalDate('  ', 'Expires on')).toEqual({ ok: true, value: null });
		expect(failure(parseBalanceChange({ date: '2026-04-01', days: 'two' }))).toEqual({
			message: 'Days is not an amount.',
			field: 'days'
		});
		expect(failure(parseHours('3,5'))).toEqual({
			message: 'Hours is not an amount.',
			field: 'portion.hours'
		});
		expect(parseHours(' 3.75 ')).toEqual({ ok: true, value: '3.75' });
	});
});
