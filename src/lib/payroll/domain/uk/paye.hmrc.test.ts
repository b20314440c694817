// HMRC's own published PAYE test data (Annex B, "Test Data 2009-2010", HMRC Notes for Payroll
// Software Developers): cumulative pay adjustment and tax due to date for codes 510L (weekly),
// 560T and K255 (monthly). The year's bands are supplied here as the test's own rule set
// (basic rate 20% on the first 37,400 of taxable pay, higher rate 40% above), so these vectors
// check the routine itself — pay adjustment by units of 500, rounding of taxable pay, band formulae.
import { describe, expect, it } from 'vitest';
import { dec, formatUnits, unwrap } from '../../../shared/domain';
import type { UkRules } from '../rules/uk-rules';
import { calculatePaye, periodOneAdjustment } from './paye';
import { parseTaxCode } from './tax-code';

const regime = {
	bands: [{ rate: dec('0.20'), width: dec('37400') }],
	topRate: dec('0.40'),
	basicRateIndex: 0,
	bandTaxToDate: 'annualTotals'
};
const rules2009 = {
	taxYear: '2009-10',
	regimes: { rUK: regime, scotland: regime, wales: regime },
	payAdjustmentPer500: { weekly: dec('96.16'), monthly: dec('416.67') },
	regulatoryLimit: dec('0.5')
} as unknown as UkRules;

/** An amount in pence, as the engine works it. */
const pence = (text: string): number => dec(text).times(100).toNumber();

// [code, base, period, gross pay to date, pay adjustment to date, taxable pay, tax due to date]
const VECTORS: [string, 52 | 12, number, string, string, string, string][] = [
	['510L', 52, 8, '2046.15', '786.08', '1260.07', '252.00'],
	['510L', 52, 29, '3091.22', '2849.54', '241.68', '48.20'],
	['560T', 12, 3, '2750.00', '1402.26', '1347.74', '269.40'],
	['560T', 12, 10, '21287.75', '4674.20', '16613.55', '3322.60'],
	['K255', 12, 5, '6023.66', '1066.25', '7089.91', '1417.80'],
	['K255', 12, 8, '32799.98', '1706.00', '34505.98', '8815.33']
];

describe('PAYE routine against HMRC test data 2009-10', () => {
	for (const [codeText, base, n, gross, adjustment, taxable, due] of VECTORS) {
		it(`${codeText} ${base === 52 ? 'week' : 'month'} ${n}`, () => {
			const code = unwrap(parseTaxCode(codeText));
			expect(periodOneAdjustment(rules2009, code.number, base).times(n).toFixed(2)).toBe(adjustment);
			// Whole year-to-date pay arrives in this period; nothing paid before.
			const r = unwrap(
				calculatePaye({
					rules: rules2009,
					code,
					cumulative: true,
					period: { base, number: n, span: 1 },
					pay: pence(gross),
					payToDateBefore: 0,
					taxPaidBefore: 0
				})
			);
			expect(formatUnits(r.taxablePayToDate, 2)).toBe(taxable);
			expect(formatUnits(r.taxDueToDate, 2)).toBe(due);
		});
	}

	it('K code: the period deduction is capped at 50% of the period pay (overriding limit)', () => {
		// K255 month 8: due 8,815.33 with nothing paid; this month's pay 1,000 -> at most 500.00.
		const code = unwrap(parseTaxCode('K255'));
		const r = unwrap(
			calculatePaye({
				rules: rules2009,
				code,
				cumulative: true,
				period: { base: 12, number: 8, span: 1 },
				pay: pence('1000'),
				payToDateBefore: pence('31799.98'),
				taxPaidBefore: 0
			})
		);
		expect(formatUnits(r.taxDueToDate, 2)).toBe('8815.33');
		expect(formatUnits(r.tax, 2)).toBe('500.00');
		expect(r.regulatoryLimitApplied).toBe(true);
	});
});
