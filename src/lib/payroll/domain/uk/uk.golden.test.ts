// Golden UK cases for 2025-26 and 2026-27, worked by hand from HMRC's PAYE tax table routines
// (pay adjustment 4.3.1, income tests and formulae 4.4, limit 4.5) and the Class 1 NI exact
// percentage method with the year's thresholds. Zero tolerance; the working is in each comment.
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../shared/domain';
import { grossToNet } from '../gross-to-net';
import { amountOf, ukCase } from '../test-helpers';

const slip = (c: Parameters<typeof ukCase>[0]) => unwrap(grossToNet(ukCase(c)));

describe('PAYE 2025-26 (rUK, Scotland, Wales)', () => {
	it('1257L month 1, basic rate', () => {
		// Free pay: 1257 = 2 x 500 + 257; 257 -> (2,579 / 12 = 214.9167 up to 214.92) + 2 x 416.67 = 1,048.26.
		// 2,500 - 1,048.26 = 1,451.74 -> 1,451; c1 = 37,700 / 12 = 3,141.6666 so basic: 1,451 x 20% = 290.20.
		// NI: (2,500 - 1,048) x 8% = 116.16; employer (2,500 - 417) x 15% = 312.45.
		const p = slip({ gross: '2500.00' });
		expect(amountOf(p, 'UK.PAYE')).toBe('290.20');
		expect(amountOf(p, 'UK.NI.EE')).toBe('116.16');
		expect(amountOf(p, 'UK.NI.ER')).toBe('312.45');
		expect(p.net).toBe('2093.64');
		expect(p.uk?.niBands).toEqual({ atLel: '542.00', lelToPt: '506.00', ptToUel: '1452.00' });
	});

	it('1257L month 1, higher rate and NI above the UEL', () => {
		// 6,000 - 1,048.26 = 4,951.74 -> 4,951; above v1 = 3,142, below v2 = ceil(125,140 / 12 = 10,428.3333).
		// k1 = 7,540 / 12 = 628.3333; 628.3333 + (4,951 - 3,141.6666) x 40% = 1,352.0666 -> 1,352.06.
		// NI: 3,141 x 8% = 251.28 + (6,000 - 4,189) x 2% = 36.22 -> 287.50; employer 5,583 x 15% = 837.45.
		const p = slip({ gross: '6000.00' });
		expect(amountOf(p, 'UK.PAYE')).toBe('1352.06');
		expect(amountOf(p, 'UK.NI.EE')).toBe('287.50');
		expect(amountOf(p, 'UK.NI.ER')).toBe('837.45');
	});

	it('month 2 cumulative with the brief example year-to-date', () => {
		// Pay to date 5,000 - 2 x 1,048.26 = 2,903.48 -> 2,903 x 20% = 580.60; less 290.40 paid = 290.20.
		const p = slip({ period: 2, gross: '2500.00', ytdPay: '2500.00', ytdTax: '290.40' });
		expect(amountOf(p, 'UK.PAYE')).toBe('290.20');
		expect(p.uk?.taxDueToDate).toBe('580.60');
	});

	it('Scottish S1257L month 1 reaches the intermediate band', () => {
		// Taxable 1,951.74 -> 1,951. c2 = 14,921 / 12 = 1,243.4166; c3 = 31,092 / 12 = 2,591 -> intermediate (21%).
		// Scotland works k band by band (as HMRC's Scottish test data requires): c1 = 2,827 / 12 = 235.5833,
		// k1 = 235.5833 x 19% = 44.7608; k2 = 44.7608 + (1,243.4166 - 235.5833) x 20% = 246.32746 -> 246.3274.
		// 246.3274 + (1,951 - 1,243.4166) x 21% = 394.919914 -> 394.91 (annual totals, 246.3275, would give 394.92).
		expect(amountOf(slip({ gross: '3000.00', code: 'S1257L' }), 'UK.PAYE')).toBe('394.91');
	});

	it('Welsh C1257L follows the rUK bands', () => {
		expect(amountOf(slip({ gross: '2500.00', code: 'C1257L' }), 'UK.PAYE')).toBe('290.20');
	});

	it('week 1 basis (code marker W1) ignores the year to date', () => {
		// Weekly free pay 2 x 96.16 + (2,579 / 52 = 49.5962 up to 49.60) = 241.92; 600 - 241.92 = 358.08 -> 358 x 20% = 71.60.
		// NI weekly: (600 - 242) x 8% = 28.64; employer (600 - 96) x 15% = 75.60.
		const p = slip({
			frequency: 'weekly',
			period: 10,
			gross: '600.00',
			code: '1257L W1',
			ytdPay: '9000',
			ytdTax: '0'
		});
		expect(amountOf(p, 'UK.PAYE')).toBe('71.60');
		expect(amountOf(p, 'UK.NI.EE')).toBe('28.64');
		expect(amountOf(p, 'UK.NI.ER')).toBe('75.60');
	});

	it('BR, D0, D1, SD2, NT and 0T', () => {
		// BR cumulative month 3: 3,000 x 20% = 600 - 400 paid = 200.00.
		expect(
			amountOf(slip({ period: 3, gross: '1000.00', code: 'BR', ytdPay: '2000', ytdTax: '400' }), 'UK.PAYE')
		).toBe('200.00');
		expect(amountOf(slip({ gross: '2000.00', code: 'D0' }), 'UK.PAYE')).toBe('800.00'); // 2,000 x 40%
		expect(amountOf(slip({ gross: '2000.00', code: 'D1' }), 'UK.PAYE')).toBe('900.00'); // 2,000 x 45%
		expect(amountOf(slip({ gross: '2000.00', code: 'SD0' }), 'UK.PAYE')).toBe('420.00'); // Scottish intermediate 21%
		expect(amountOf(slip({ gross: '2000.00', code: 'SD2' }), 'UK.PAYE')).toBe('900.00'); // Scottish advanced 45%
		expect(amountOf(slip({ gross: '2000.00', code: 'SD3' }), 'UK.PAYE')).toBe('960.00'); // Scottish top 48%
		expect(grossToNet(ukCase({ gross: '2000.00', code: 'D2' })).ok).toBe(false); // rUK has no third rate above basic+2
		expect(amountOf(slip({ gross: '2000.00', code: 'NT' }), 'UK.PAYE')).toBe('0.00');
		expect(amountOf(slip({ gross: '2000.00', code: '0T' }), 'UK.PAYE')).toBe('400.00'); // no free pay
	});

	it('K codes add pay, and the 50% overriding limit caps the deduction', () => {
		// K475: 4,759 / 12 = 396.5833 -> 396.59 added; 1,396.59 -> 1,396 x 20% = 279.20 (limit 500 not reached).
		expect(amountOf(slip({ gross: '1000.00', code: 'K475' }), 'UK.PAYE')).toBe('279.20');
		// K1000: 999 = 1 x 500 + 499 -> 417.42 + 416.67 = 834.09; 300 + 834.09 = 1,134.09 -> 1,134 x 20% = 226.80;
		// capped at 50% of 300 = 150.00.
		const p = slip({ gross: '300.00', code: 'K1000' });
		expect(amountOf(p, 'UK.PAYE')).toBe('150.00');
		expect(p.lines.find((l) => l.code === 'UK.PAYE')?.basis).toContain('overriding limit');
	});

	it('cumulative refund is a negative PAYE line', () => {
		// Month 3, no pay: 4,000 - 3 x 1,048.26 = 855.22 -> 855 x 20% = 171.00; paid 600 -> -429.00.
		const p = slip({ period: 3, gross: '0', ytdPay: '4000', ytdTax: '600' });
		expect(amountOf(p, 'UK.PAYE')).toBe('-429.00');
		expect(p.net).toBe('429.00');
	});

	it("two-weekly period 3 is tax week 6, NI thresholds HMRC's two-weekly figures", () => {
		// Free pay 241.92 x 6 = 1,451.52; 4,500 - 1,451.52 = 3,048.48 -> 3,048 x 20% = 609.60 - 400 paid = 209.60.
		// NI: (1,500 - PT 484) x 8% = 81.28; employer (1,500 - ST 193, not 96 x 2) x 15% = 196.05.
		const p = slip({ frequency: 'two-weekly', period: 3, gross: '1500.00', ytdPay: '3000', ytdTax: '400' });
		expect(amountOf(p, 'UK.PAYE')).toBe('209.60');
		expect(amountOf(p, 'UK.NI.EE')).toBe('81.28');
		expect(amountOf(p, 'UK.NI.ER')).toBe('196.05');
	});

	it('net-pay pension reduces tax but not NI; salary sacrifice reduces both; relief at source is post-tax', () => {
		// Net pay 200: taxable 2,300 - 1,048.26 = 1,251.74 -> 1,251 x 20% = 250.20; NI still on 2,500 = 116.16.
		const np = slip({ gross: '2500.00', preTax: [{ kind: 'netPayPension', amount: '200.00' as never }] });
		expect(amountOf(np, 'UK.PAYE')).toBe('250.20');
		expect(amountOf(np, 'UK.NI.EE')).toBe('116.16');
		// Salary sacrifice 200: NI on 2,300: 1,252 x 8% = 100.16; employer 1,883 x 15% = 282.45.
		const ss = slip({ gross: '2500.00', preTax: [{ kind: 'salarySacrifice', amount: '200.00' as never }] });
		expect(amountOf(ss, 'UK.PAYE')).toBe('250.20');
		expect(amountOf(ss, 'UK.NI.EE')).toBe('100.16');
		expect(amountOf(ss, 'UK.NI.ER')).toBe('282.45');
		// Relief at source 160 (200 gross less 20% relief) comes from net: 2,093.64 - 160 = 1,933.64.
		const ras = slip({
			gross: '2500.00',
			postTax: [{ code: 'DED.PENSION.RAS', label: 'Pension (relief at source)', amount: '160.00' as never }]
		});
		expect(ras.net).toBe('1933.64');
	});
});

describe('Class 1 NI by category letter, 2025-26 monthly, pay 5,000', () => {
	// Main band 4,189 - 1,048 = 3,141; above UEL 811; above ST 4,583; above UST/AUST/VUST 811.
	const cases: [string, string, string][] = [
		['A', '267.50', '687.45'], // 251.28 + 16.22; 4,583 x 15%
		['B', '74.33', '687.45'], // 3,141 x 1.85% = 58.1085 + 16.22 = 74.3285 -> 74.33
		['C', '0.00', '687.45'],
		['H', '267.50', '121.65'], // employer 811 x 15% above AUST
		['J', '79.04', '687.45'], // 3,952 x 2%
		['M', '267.50', '121.65'],
		['V', '267.50', '121.65'],
		['Z', '79.04', '121.65']
	];
	for (const [letter, ee, er] of cases)
		it(`category ${letter}`, () => {
			const p = slip({ gross: '5000.00', ni: letter });
			expect(amountOf(p, 'UK.NI.EE')).toBe(ee);
			expect(amountOf(p, 'UK.NI.ER')).toBe(er);
		});

	it('an exact half penny rounds down', () => {
		// Category B, 10.00 over the PT: 10 x 1.85% = 0.185 -> 0.18. Employer 0.10 over ST: 0.015 -> 0.01.
		expect(amountOf(slip({ gross: '1058.00', ni: 'B' }), 'UK.NI.EE')).toBe('0.18');
		expect(amountOf(slip({ gross: '417.10' }), 'UK.NI.ER')).toBe('0.01');
	});

	it('refuses an unknown letter, naming the field', () => {
		const r = grossToNet(ukCase({ gross: '100', ni: 'Q' }));
		expect(!r.ok && r.error.message).toMatch(/^niCategory:/);
	});
});

describe('2026-27', () => {
	it('new LEL 559 monthly in the FPS bands', () => {
		expect(slip({ year: '2026-27', gross: '1000.00' }).uk?.niBands).toEqual({
			atLel: '559.00',
			lelToPt: '441.00',
			ptToUel: '0.00'
		});
	});

	it('Scottish S1257L month 1 with the wider starter and basic bands', () => {
		// c2 = 16,956 / 12 = 1,413; c3 = 2,591; taxable 1,951.74 -> intermediate.
		// k2 = (3,967 x 19% + 12,989 x 20%) / 12 = 3,351.53 / 12 = 279.2941; 279.2941 + 538 x 21% = 392.2741 -> 392.27.
		expect(amountOf(slip({ year: '2026-27', gross: '3000.00', code: 'S1257L' }), 'UK.PAYE')).toBe('392.27');
	});

	it('refuses a pay date outside the tax year', () => {
		const r = grossToNet({ ...ukCase({ year: '2025-26', gross: '100' }), payDate: '2026-04-06' as never });
		expect(!r.ok && r.error.code).toBe('payroll/out-of-range');
	});
});
