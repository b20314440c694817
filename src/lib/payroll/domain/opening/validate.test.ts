// What the pay page's form accepts: amounts to the cent (blank = 0), tax years in their jurisdiction's
// form, NI rows with figures (an empty row is none), and SS wages within the year's wage base.
import { describe, expect, it } from 'vitest';
import { validateOpening } from './validate';

describe('validateOpening', () => {
	it('reads amounts, drops an NI row with no figures, sorts letters', () => {
		const r = validateOpening({
			jurisdiction: 'UK',
			taxYear: '2026-27',
			uk: { previousEmploymentPay: '4,666.66', previousEmploymentTax: '£514' },
			ni: [{ letter: 'M', employeeNics: '1.5' }, { letter: 'A' }, { letter: 'a', employerNics: '0' }]
		});
		expect(r.ok && r.value).toMatchObject({
			jurisdiction: 'UK',
			uk: {
				previousEmploymentPay: '4666.66',
				previousEmploymentTax: '514.00',
				studentLoan: '0.00',
				ni: [{ letter: 'M', employeeNics: '1.50' }]
			}
		});
	});
	it("names each refused field in the form's words", () => {
		const r = validateOpening({
			jurisdiction: 'UK',
			taxYear: '2026-28',
			uk: { studentLoan: '-3' },
			ni: [
				{ letter: 'A', atLel: '1' },
				{ letter: 'A', atLel: '2' }
			]
		});
		expect(
			r.ok ? [] : (r.error.details?.['problems'] as { message: string }[]).map((p) => p.message)
		).toEqual([
			'Tax year must be a UK tax year like 2026-27.',
			'Student loan deducted to date must be an amount of 0 or more with at most 2 decimals, like 1250.00.',
			'NI row 2: NI letter A is entered twice: put its figures on one row.'
		]);
		const us = validateOpening({
			jurisdiction: 'US',
			taxYear: '2026',
			us: { socialSecurityWages: '184500.01' }
		});
		expect(us.ok ? '' : us.error.message).toBe(
			'Social Security wages (184,500.01) cannot be more than the 2026 wage base of 184,500.00: enter the wages Social Security tax was charged on.'
		);
		expect(
			validateOpening({ jurisdiction: 'US', taxYear: '2026', us: { socialSecurityWages: '184500' } }).ok
		).toBe(true);
	});
});
