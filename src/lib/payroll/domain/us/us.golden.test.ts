// Golden US federal cases, worked by hand from Pub 15-T Worksheet 1A and the annual percentage
// method tables (2025 and 2026 editions), Pub 15 FICA rates and wage bases. Zero tolerance.
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../shared/domain';
import { grossToNet } from '../gross-to-net';
import { amountOf, usCase } from '../test-helpers';

const slip = (c: Parameters<typeof usCase>[0]) => unwrap(grossToNet(usCase(c)));

describe('US federal income tax withholding (Worksheet 1A)', () => {
	it('2026 biweekly single, 401(k) 150 off income-tax wages only', () => {
		// 1a 3,100 - 150 = 2,950; 1c 2,950 x 26 = 76,700; 1g 8,600; 1i 68,100.
		// Single standard row 57,900: 5,800 + (68,100 - 57,900) x 22% = 8,044; / 26 = 309.3846 -> 309.38.
		// SS 3,100 x 6.2% = 192.20 (401(k) does not reduce FICA); Medicare 3,100 x 1.45% = 44.95.
		// Net 3,100 - 150 - 309.38 - 192.20 - 44.95 = 2,403.47.
		const p = slip({ gross: '3100.00', preTax: [{ kind: '401k', amount: '150.00' as never }] });
		expect(amountOf(p, 'US.FIT')).toBe('309.38');
		expect(amountOf(p, 'US.SS.EE')).toBe('192.20');
		expect(amountOf(p, 'US.MEDICARE.EE')).toBe('44.95');
		expect(amountOf(p, 'US.FUTA.ER')).toBe('18.60');
		expect(p.net).toBe('2403.47');
		expect(p.lines.find((l) => l.code === 'US.FIT')?.basis).toContain('68,100.00');
	});

	it('2025 weekly married filing jointly', () => {
		// 1,500 x 52 = 78,000 - 12,900 = 65,100; MFJ row 40,950: 2,385 + 24,150 x 12% = 5,283; / 52 = 101.596 -> 101.60.
		const p = slip({ year: 2025, frequency: 'weekly', gross: '1500.00', w4: { filingStatus: 'married' } });
		expect(amountOf(p, 'US.FIT')).toBe('101.60');
		expect(amountOf(p, 'US.SS.EE')).toBe('93.00');
		expect(amountOf(p, 'US.MEDICARE.EE')).toBe('21.75');
	});

	it('2026 monthly head of household, Step 2 checked, Step 3 credits and 4(c) extra', () => {
		// 6,000 x 12 = 72,000; Step 2 checked so 1g = 0; HoH checkbox row 64,925: 8,077.50 + 7,075 x 24% = 9,775.50.
		// 9,775.50 / 12 = 814.625; Step 3 2,000 / 12 = 166.6667; 814.625 - 166.6667 + 25 = 672.9583 -> 672.96.
		const p = slip({
			frequency: 'monthly',
			gross: '6000.00',
			w4: { filingStatus: 'head', step2: true, step3: '2000' as never, step4c: '25' as never }
		});
		expect(amountOf(p, 'US.FIT')).toBe('672.96');
	});

	it('2025 semimonthly single with Step 4(a) other income and 4(b) deductions', () => {
		// 2,500 x 24 = 60,000 + 12,000 = 72,000; 1h = 3,000 + 8,600 = 11,600; 1i = 60,400.
		// Single row 54,875: 5,578.50 + 5,525 x 22% = 6,794.00; / 24 = 283.0833 -> 283.08.
		const p = slip({
			year: 2025,
			frequency: 'semimonthly',
			gross: '2500.00',
			w4: { step4a: '12000' as never, step4b: '3000' as never }
		});
		expect(amountOf(p, 'US.FIT')).toBe('283.08');
	});

	it('2026 biweekly, pre-2020 Form W-4, married with 3 allowances', () => {
		// 4,000 x 26 = 104,000 - 3 x 4,300 = 91,100; MFJ row 44,100: 2,480 + 47,000 x 12% = 8,120; / 26 = 312.3077 -> 312.31.
		const p = slip({
			gross: '4000.00',
			w4: { version: 2019, filingStatus: 'married', allowances: 3, additional: '0' as never }
		});
		expect(amountOf(p, 'US.FIT')).toBe('312.31');
	});

	it('2025 pre-2020 W-4 single, 1 allowance, additional 10 a period', () => {
		// 1,000 x 52 = 52,000 - 4,300 = 47,700; single row 18,325: 1,192.50 + 29,375 x 12% = 4,717.50; / 52 = 90.7212; + 10 = 100.72.
		const p = slip({
			year: 2025,
			frequency: 'weekly',
			gross: '1000.00',
			w4: { version: 2019, filingStatus: 'single', allowances: 1, additional: '10' as never }
		});
		expect(amountOf(p, 'US.FIT')).toBe('100.72');
	});

	it('2026 daily (260 periods) single', () => {
		// 300 x 260 = 78,000 - 8,600 = 69,400; row 57,900: 5,800 + 11,500 x 22% = 8,330; / 260 = 32.0385 -> 32.04.
		expect(amountOf(slip({ frequency: 'daily', gross: '300.00' }), 'US.FIT')).toBe('32.04');
	});

	it('2025 married, Step 2 checked, top of the 10% row', () => {
		// 1,200 x 26 = 31,200; MFJ checkbox row 26,925: 1,192.50 + 4,275 x 12% = 1,705.50; / 26 = 65.5962 -> 65.60.
		expect(
			amountOf(slip({ year: 2025, gross: '1200.00', w4: { filingStatus: 'married', step2: true } }), 'US.FIT')
		).toBe('65.60');
	});

	it('credits larger than the tentative amount withhold nothing (never negative)', () => {
		// 800 x 26 = 20,800 - 8,600 = 12,200; row 7,500: 4,700 x 10% = 470 / 26 = 18.08; Step 3 5,000 / 26 = 192.31 -> 0.
		expect(amountOf(slip({ gross: '800.00', w4: { step3: '5000' as never } }), 'US.FIT')).toBe('0.00');
	});

	it('bonus as supplemental wages at the flat 22%', () => {
		// Regular 3,100: 80,600 - 8,600 = 72,000; 5,800 + 14,100 x 22% = 8,902 / 26 = 342.3846 -> 342.38.
		// Supplemental 1,000 x 22% = 220.00. FIT 562.38. SS 4,100 x 6.2% = 254.20; Medicare 59.45.
		const p = slip({
			earnings: [
				{ kind: 'salary', amount: '3100.00' as never },
				{ kind: 'bonus', amount: '1000.00' as never }
			]
		});
		expect(amountOf(p, 'US.FIT')).toBe('562.38');
		expect(amountOf(p, 'US.SS.EE')).toBe('254.20');
		expect(amountOf(p, 'US.MEDICARE.EE')).toBe('59.45');
	});

	it('supplemental wages crossing $1,000,000 for the year: 37% on the excess', () => {
		// 990,000 already; 20,000 bonus: 10,000 x 22% + 10,000 x 37% = 2,200 + 3,700 = 5,900.
		const p = slip({
			earnings: [{ kind: 'bonus', amount: '20000.00' as never }],
			ytd: { supplementalWages: '990000', socialSecurityWages: '184500', medicareWages: '990000' }
		});
		// Regular wages 0 -> regular FIT 0.
		expect(amountOf(p, 'US.FIT')).toBe('5900.00');
		expect(amountOf(p, 'US.ADDL_MEDICARE.EE')).toBe('180.00'); // 20,000 x 0.9%
	});
});

describe('Form W-4 exempt', () => {
	// The one engine answers (the W-4 exempt fix is made once, here checked against the figures).
	const both = (c: Parameters<typeof usCase>[0]) => unwrap(grossToNet(usCase(c)));

	it('withholds no income tax on regular pay, extra withholding included, and keeps FICA and FUTA', () => {
		const p = both({ gross: '3100.00', w4: { exempt: true, step4c: '25' as never } });
		expect(amountOf(p, 'US.FIT')).toBe('0.00');
		expect(p.lines.find((l) => l.code === 'US.FIT')?.basis).toContain('exempt');
		expect(amountOf(p, 'US.SS.EE')).toBe('192.20');
		expect(amountOf(p, 'US.MEDICARE.EE')).toBe('44.95');
		expect(amountOf(p, 'US.FUTA.ER')).toBe('18.60');
		expect(p.net).toBe('2862.85'); // 3,100 - 192.20 - 44.95
		const old = both({
			gross: '3100.00',
			w4: { version: 2019, filingStatus: 'single', allowances: 0, additional: '10' as never, exempt: true }
		});
		expect(amountOf(old, 'US.FIT')).toBe('0.00');
	});

	it('withholds nothing at the optional flat rate, but the mandatory 37% over $1,000,000 still applies', () => {
		const bonus = both({
			earnings: [
				{ kind: 'salary', amount: '3100.00' as never },
				{ kind: 'bonus', amount: '1000.00' as never }
			],
			w4: { exempt: true }
		});
		expect(amountOf(bonus, 'US.FIT')).toBe('0.00');
		// 990,000 already; 20,000 bonus: 10,000 at 0 (exempt) + 10,000 x 37% = 3,700.00.
		const big = both({
			earnings: [{ kind: 'bonus', amount: '20000.00' as never }],
			w4: { exempt: true },
			ytd: { supplementalWages: '990000', socialSecurityWages: '184500', medicareWages: '990000' }
		});
		expect(amountOf(big, 'US.FIT')).toBe('3700.00');
	});
});

describe('US FICA and FUTA', () => {
	it('Social Security wage-base crossing (2025 base 176,100)', () => {
		// 170,000 already taxed; room 6,100 of 10,000: 6,100 x 6.2% = 378.20 each side.
		const p = slip({
			year: 2025,
			frequency: 'semimonthly',
			gross: '10000.00',
			ytd: { socialSecurityWages: '170000', medicareWages: '170000', futaWages: '7000' }
		});
		expect(amountOf(p, 'US.SS.EE')).toBe('378.20');
		expect(amountOf(p, 'US.SS.ER')).toBe('378.20');
		expect(amountOf(p, 'US.MEDICARE.EE')).toBe('145.00');
		expect(amountOf(p, 'US.ADDL_MEDICARE.EE')).toBeUndefined();
		expect(amountOf(p, 'US.FUTA.ER')).toBe('0.00');
		expect(p.us?.socialSecurityWages).toBe('6100.00');
	});

	it('2026 wage base is 184,500', () => {
		// 180,000 already; room 4,500: 4,500 x 6.2% = 279.00.
		expect(amountOf(slip({ gross: '10000.00', ytd: { socialSecurityWages: '180000' } }), 'US.SS.EE')).toBe(
			'279.00'
		);
	});

	it('Additional Medicare crossing $200,000 (employee only)', () => {
		// 195,000 + 10,000 = 205,000: 5,000 over x 0.9% = 45.00; Medicare 10,000 x 1.45% = 145.00 each side; SS base passed.
		const p = slip({
			gross: '10000.00',
			ytd: { socialSecurityWages: '195000', medicareWages: '195000', futaWages: '7000' }
		});
		expect(amountOf(p, 'US.ADDL_MEDICARE.EE')).toBe('45.00');
		expect(amountOf(p, 'US.MEDICARE.EE')).toBe('145.00');
		expect(amountOf(p, 'US.MEDICARE.ER')).toBe('145.00');
		expect(amountOf(p, 'US.SS.EE')).toBe('0.00');
		expect(p.lines.some((l) => l.code === 'US.ADDL_MEDICARE.ER')).toBe(false);
	});

	it('section 125 reduces income tax, FICA and FUTA wages', () => {
		// Wages 2,000 - 100 = 1,900 for every base. SS 117.80, Medicare 27.55, FUTA 11.40.
		// FIT: 1,900 x 26 = 49,400 - 8,600 = 40,800; row 19,900: 1,240 + 20,900 x 12% = 3,748 / 26 = 144.1538 -> 144.15.
		const p = slip({ gross: '2000.00', preTax: [{ kind: 'section125', amount: '100.00' as never }] });
		expect(amountOf(p, 'US.SS.EE')).toBe('117.80');
		expect(amountOf(p, 'US.MEDICARE.EE')).toBe('27.55');
		expect(amountOf(p, 'US.FUTA.ER')).toBe('11.40');
		expect(amountOf(p, 'US.FIT')).toBe('144.15');
	});

	it('FUTA stops at the first $7,000', () => {
		// 6,500 already; 500 x 0.6% = 3.00.
		expect(amountOf(slip({ gross: '1000.00', ytd: { futaWages: '6500' } }), 'US.FUTA.ER')).toBe('3.00');
	});

	it('hourly, overtime and reimbursement: reimbursement untaxed but paid', () => {
		// 80 h x 20.00 = 1,600; 5 h x 20.00 x 1.5 = 150; gross 1,750; reimbursement 45.
		// FIT: 1,750 x 26 = 45,500 - 8,600 = 36,900; 1,240 + 17,000 x 12% = 3,280 / 26 = 126.1538 -> 126.15.
		// SS 108.50, Medicare 25.375 -> 25.38 (half up). Net 1,750 + 45 - 126.15 - 108.50 - 25.38 = 1,534.97.
		const p = slip({
			earnings: [
				{ kind: 'hourly', hours: '80' as never, rate: '20.00' as never },
				{ kind: 'overtime', hours: '5' as never, rate: '20.00' as never, multiplier: '1.5' as never },
				{ kind: 'reimbursement', amount: '45.00' as never }
			]
		});
		expect(p.grossPay).toBe('1750.00');
		expect(amountOf(p, 'US.FIT')).toBe('126.15');
		expect(amountOf(p, 'US.MEDICARE.EE')).toBe('25.38');
		expect(p.net).toBe('1534.97');
	});
});

describe('US rule selection', () => {
	it('refuses a pay date outside the file and a year with no file', () => {
		const c = { ...usCase({ gross: '1000' }), payDate: '2027-01-02' as never };
		const r = grossToNet(c);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.message).toMatch(/payDate: 2027-01-02 is outside/);
		const r2 = grossToNet(usCase({ year: 2024, gross: '1000' }));
		expect(!r2.ok && r2.error.code).toBe('payroll/no-rules');
	});
});
