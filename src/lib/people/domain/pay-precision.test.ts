import { describe, expect, it } from 'vitest';
import { checkCompensation, validateCompensationHistory, type Compensation } from './compensation';
import { compensation, fact, n } from './test-fixtures';

const messages = (c: Compensation) => checkCompensation(c, 'c').map((p) => [p.field, p.message]);

describe('pay figures beyond the supported precision are refused, never rounded', () => {
	it('an annual salary finer than its currency names the field and the currency', () => {
		expect(messages(compensation({ pay: { kind: 'salaried', annualAmount: n('40000.005') } }))).toEqual([
			[
				'c.pay.annualAmount',
				'Annual salary 40000.005 has more decimal places than GBP has (2); Keel does not round pay, so enter it exactly'
			]
		]);
		expect(messages(compensation({ pay: { kind: 'salaried', annualAmount: n('40000.50') } }))).toEqual([]);
		expect(messages(compensation({ pay: { kind: 'salaried', annualAmount: n('40000.500') } }))).toEqual([]);
		expect(
			messages(
				compensation({ currency: 'JPY', pay: { kind: 'salaried', annualAmount: n('4000000.5') } })
			)[0]?.[1]
		).toContain('more decimal places than JPY has (0)');
		// And the effective-dated history refuses it as a whole.
		const h = validateCompensationHistory([
			fact<Compensation>(
				'c',
				'2025-01-01',
				'2025-01-01T00:00:00Z',
				compensation({ pay: { kind: 'salaried', annualAmount: n('1.001') } })
			)
		]);
		expect(h.ok).toBe(false);
	});

	it('an hourly rate may have 4 decimals, not 5', () => {
		const hourly = (rate: string) => compensation({ pay: { kind: 'hourly', hourlyRate: n(rate) } });
		expect(messages(hourly('15.1250'))).toEqual([]);
		expect(messages(hourly('15.12505'))).toEqual([
			[
				'c.pay.hourlyRate',
				'Hourly rate 15.12505 has more than 4 decimal places; Keel does not round pay, so enter it exactly'
			]
		]);
	});

	it('W-4 amounts are to the cent', () => {
		const w4 = compensation({
			currency: 'USD',
			tax: {
				us: {
					form: 'w4-2020',
					filingStatus: 'marriedJointly',
					step2MultipleJobs: false,
					step3Dependents: n('2000.001'),
					step4aOtherIncome: n('0'),
					step4bDeductions: n('0'),
					step4cExtraWithholding: n('25.50'),
					exempt: false
				}
			}
		});
		expect(messages(w4)).toEqual([
			[
				'c.tax.us.step3Dependents',
				'Form W-4 Step 3 (credits for dependents) must be to the cent (at most 2 decimal places)'
			]
		]);
	});
});
