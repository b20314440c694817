// Journal lines and filing summaries from known payslips, checked figure by figure.
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../shared/domain';
import { grossToNet } from './gross-to-net';
import { buildPayrollJournal } from './journal';
import { summarizeForm941, summarizeUkYearToDate, summarizeW2 } from './summaries';
import { ukCase, usCase } from './test-helpers';

// Payslip from us.golden: 3,100 biweekly single 2026 with 401(k) 150: FIT 309.38, SS 192.20, Med 44.95, FUTA 18.60.
const us = unwrap(
	grossToNet(usCase({ gross: '3100.00', preTax: [{ kind: '401k', amount: '150.00' as never }] }))
);

describe('buildPayrollJournal', () => {
	it('posts wages, employer taxes, liabilities and net pay, balanced', () => {
		const lines = unwrap(
			buildPayrollJournal([us], {
				wagesExpense: 'wages',
				employerTaxesExpense: 'er-tax',
				netPayPayable: 'net',
				liabilities: {
					'DED.401K': '401k',
					'US.FIT': 'fit',
					'US.SS.EE': 'fica',
					'US.SS.ER': 'fica',
					'US.MEDICARE.EE': 'fica',
					'US.MEDICARE.ER': 'fica',
					'US.FUTA.ER': 'futa'
				}
			})
		);
		expect(lines).toEqual([
			{ account: 'wages', amount: '3100.00' },
			{ account: '401k', amount: '-150.00' },
			{ account: 'fit', amount: '-309.38' },
			{ account: 'fica', amount: '-474.30' }, // 192.20 x 2 + 44.95 x 2
			{ account: 'er-tax', amount: '255.75' }, // 192.20 + 44.95 + 18.60
			{ account: 'futa', amount: '-18.60' },
			{ account: 'net', amount: '-2403.47' }
		]);
	});

	it('refuses an unmapped liability, naming the code', () => {
		const r = buildPayrollJournal([us], {
			wagesExpense: 'w',
			employerTaxesExpense: 'e',
			netPayPayable: 'n',
			liabilities: {}
		});
		expect(!r.ok && r.error.message).toMatch(/no account for line code DED\.401K/);
	});

	it('refuses a payslip whose lines do not add up to its net', () => {
		const r = buildPayrollJournal([{ ...us, net: '2403.48' as never }], {
			wagesExpense: 'w',
			employerTaxesExpense: 'e',
			netPayPayable: 'n',
			liabilities: {},
			defaultLiability: 'l'
		});
		expect(!r.ok && r.error.code).toBe('payroll/payslip-inconsistent');
	});
});

describe('US summaries', () => {
	// Second payslip crosses Additional Medicare: 10,000 with 195,000 before -> 45.00.
	const big = unwrap(
		grossToNet(
			usCase({
				gross: '10000.00',
				ytd: { socialSecurityWages: '195000', medicareWages: '195000', futaWages: '7000' }
			})
		)
	);
	it('Form 941 lines', () => {
		const f = unwrap(summarizeForm941([us, big]));
		// Line 2: 2,950 + 10,000 (income-tax wages). Line 3: 309.38 + FIT on 10,000.
		expect(f.line2Wages).toBe('12950.00');
		expect(f.line5aSocialSecurityWages).toBe('3100.00'); // big is past the wage base
		expect(f.line5aTax).toBe('384.40'); // 3,100 x 12.4%
		expect(f.line5cMedicareWages).toBe('13100.00');
		expect(f.line5cTax).toBe('379.90'); // 13,100 x 2.9%
		expect(f.line5dAdditionalMedicareWages).toBe('5000.00');
		expect(f.line5dTax).toBe('45.00');
		expect(f.line5eTotal).toBe('809.30');
		expect(f.line7FractionsOfCents).toBe('0.00');
	});
	it('W-2 boxes 1-6 (box 6 includes Additional Medicare)', () => {
		const w = unwrap(summarizeW2([us, big]));
		expect(w.box1Wages).toBe('12950.00');
		expect(w.box3SocialSecurityWages).toBe('3100.00');
		expect(w.box4SocialSecurityTax).toBe('192.20');
		expect(w.box5MedicareWages).toBe('13100.00');
		expect(w.box6MedicareTax).toBe('234.95'); // 44.95 + 145.00 + 45.00
	});
});

describe('UK FPS / P60 figures', () => {
	it('pay and tax to date, NI by letter', () => {
		const m1 = unwrap(grossToNet(ukCase({ gross: '2500.00' })));
		const m2 = unwrap(
			grossToNet(ukCase({ period: 2, gross: '2500.00', ytdPay: '2500.00', ytdTax: '290.20' }))
		);
		const m3 = unwrap(
			grossToNet(ukCase({ period: 3, gross: '500.00', ni: 'M', ytdPay: '5000.00', ytdTax: '580.60' }))
		);
		const y = unwrap(summarizeUkYearToDate([m1, m2, m3]));
		expect(y.taxablePayToDate).toBe('5500.00');
		expect(y.niByLetter).toEqual([
			{
				letter: 'A',
				grossEarningsForNics: '5000.00',
				atLel: '1084.00',
				lelToPt: '1012.00',
				ptToUel: '2904.00',
				employeeNics: '232.32',
				employerNics: '624.90'
			},
			// 500 is below the monthly LEL 542: nothing recorded in the bands.
			{
				letter: 'M',
				grossEarningsForNics: '500.00',
				atLel: '0.00',
				lelToPt: '0.00',
				ptToUel: '0.00',
				employeeNics: '0.00',
				employerNics: '0.00'
			}
		]);
		// Month 3: 5,500 - 3,144.78 = 2,355.22 -> 2,355 x 20% = 471.00; paid 290.20 + 290.40 = 580.60 -> refund 109.60; to date 471.00.
		expect(y.taxToDate).toBe('471.00');
	});

	it('UK: student and postgraduate loans deducted to date (FPS, P60)', () => {
		// 2025-26 monthly, Plan 2 + postgraduate: 3,000 -> SL 56, PGL 75; 2,000 -> SL 0 (under 2,372.50), PGL 15
		// ((2,000 - 1,750) x 6%); to date SL 56, PGL 90. Without loans both are 0.00.
		const loans = { studentLoans: ['plan2' as const], postgraduateLoan: true };
		const a = unwrap(grossToNet({ ...ukCase({ gross: '3000.00' }), ...loans }));
		const b = unwrap(
			grossToNet({
				...ukCase({ period: 2, gross: '2000.00', ytdPay: '3000.00', ytdTax: '390.20' }),
				...loans
			})
		);
		const y = unwrap(summarizeUkYearToDate([a, b]));
		expect([y.studentLoanToDate, y.postgraduateLoanToDate]).toEqual(['56.00', '90.00']);
		const none = unwrap(summarizeUkYearToDate([unwrap(grossToNet(ukCase({ gross: '3000.00' })))]));
		expect([none.studentLoanToDate, none.postgraduateLoanToDate]).toEqual(['0.00', '0.00']);
	});
});
