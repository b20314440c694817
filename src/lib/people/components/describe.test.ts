import { describe, expect, it } from 'vitest';
import { describeValue, formatAmount } from './describe';

describe('describe', () => {
	it('formats amounts exactly with grouping', () => {
		expect(formatAmount('52000')).toBe('52,000.00');
		expect(formatAmount('1234567.005')).toBe('1,234,567.01');
		expect(formatAmount('0.1')).toBe('0.10');
	});
	it('describes pay, tax and managers in words', () => {
		expect(describeValue('pay', { kind: 'salaried', annualAmount: '48000' }, String, 'GBP')).toBe(
			'48,000.00 GBP a year'
		);
		expect(describeValue('tax', { uk: { taxCode: '1257L', niCategory: 'A' } }, String)).toBe(
			'UK 1257L, NI A'
		);
		expect(describeValue('managerId', 'p1', (id) => `name of ${id}`)).toBe('name of p1');
		expect(describeValue('endDate', null, String)).toBe('—');
	});
});

describe('deductions and W-4 in words', () => {
	it('names deduction kinds and W-4 settings as a person reads them', () => {
		expect(
			describeValue(
				'deductions',
				[
					{ kind: 'us401k', label: '', basis: 'percent', amount: '5' },
					{ kind: 'postTax', label: 'Union dues', basis: 'fixed', amount: '1200' }
				],
				(id) => id,
				'USD'
			)
		).toBe('401(k) (pre-tax) 5% of gross; Union dues 1,200.00 USD');
		expect(
			describeValue(
				'tax',
				{ us: { form: 'w4-2020', filingStatus: 'marriedJointly', step2MultipleJobs: true } },
				(id) => id
			)
		).toBe('US W-4 (2020+) married filing jointly, Step 2(c)');
	});
});
