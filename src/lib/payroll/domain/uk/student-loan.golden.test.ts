// Student and postgraduate loan deductions, 2025-26 and 2026-27, every frequency and plan, at 0p.
// SOURCE: HMRC's rules as cited in the rule files' `studentLoans.source`: earnings for the employer's
// Class 1 NI; period threshold = annual x weeks / 52 (or / 12) rounded down to the penny (CSLM17065);
// deduction = 9% (plans) or 6% (postgraduate) of the excess, rounded down to the whole pound; several
// plans repay once at the lowest threshold; a postgraduate loan is repaid in addition. The one
// published worked example that holds in both years is gov.uk/masters-loan/repayment: "You earn
// £2,500 a month ... £750 over the monthly threshold. You'll repay £45". HMRC publishes no student
// loan test data set; every other case is worked by hand in its comment. Zero tolerance.
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../shared/domain';
import { grossToNet } from '../gross-to-net';
import { ukRulesFor } from '../rules/uk-rules';
import { amountOf, ukCase } from '../test-helpers';
import type { StudentLoanPlan, UkPayCase } from '../types';

type Loans = { plans?: StudentLoanPlan[]; pgl?: boolean };
const loanCase = (c: Parameters<typeof ukCase>[0], l: Loans): UkPayCase => ({
	...ukCase(c),
	...(l.plans ? { studentLoans: l.plans } : {}),
	...(l.pgl !== undefined ? { postgraduateLoan: l.pgl } : {})
});
const slip = (c: Parameters<typeof ukCase>[0], l: Loans) => unwrap(grossToNet(loanCase(c, l)));
const line = (p: ReturnType<typeof slip>, code: string) => p.lines.find((x) => x.code === code);

describe('per-period thresholds in the rule files (HMRC figures)', () => {
	// 2025-26 weekly/monthly as HMRC and Sage publish them; two-/four-weekly as Moorepay's 2025-26 table.
	const y2025 = {
		weekly: { plan1: '501.25', plan2: '547.50', plan4: '629.71', postgraduate: '403.84' },
		'two-weekly': { plan1: '1002.50', plan2: '1095.00', plan4: '1259.42', postgraduate: '807.69' },
		'four-weekly': { plan1: '2005.00', plan2: '2190.00', plan4: '2518.84', postgraduate: '1615.38' },
		monthly: { plan1: '2172.08', plan2: '2372.50', plan4: '2728.75', postgraduate: '1750.00' }
	};
	// 2026-27: 26,900 / 29,385 / 33,795 / 25,000 / 21,000 by the same rule (e.g. 29,385 / 52 = 565.096 -> 565.09).
	const y2026 = {
		weekly: { plan1: '517.30', plan2: '565.09', plan4: '649.90', plan5: '480.76', postgraduate: '403.84' },
		'two-weekly': {
			plan1: '1034.61',
			plan2: '1130.19',
			plan4: '1299.80',
			plan5: '961.53',
			postgraduate: '807.69'
		},
		'four-weekly': {
			plan1: '2069.23',
			plan2: '2260.38',
			plan4: '2599.61',
			plan5: '1923.07',
			postgraduate: '1615.38'
		},
		monthly: {
			plan1: '2241.66',
			plan2: '2448.75',
			plan4: '2816.25',
			plan5: '2083.33',
			postgraduate: '1750.00'
		}
	};
	it.each([
		['2025-26', y2025],
		['2026-27', y2026]
	] as const)('%s', (year, expected) => {
		const sl = unwrap(ukRulesFor(year)).studentLoans;
		const got = Object.fromEntries(
			Object.entries(sl.perPeriod).map(([f, t]) => [
				f,
				Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.toFixed(2)]))
			])
		);
		expect(got).toEqual(expected);
		expect(sl.planRate.toFixed()).toBe('0.09');
		expect(sl.postgraduateRate.toFixed()).toBe('0.06');
	});
});

describe('2025-26', () => {
	it.each([
		// Plan 2 monthly: 3,000 − 2,372.50 = 627.50 × 9% = 56.475 → 56.
		['monthly', 'plan2', '3000.00', '56.00'],
		// Plan 1 monthly: 2,500 − 2,172.08 = 327.92 × 9% = 29.5128 → 29.
		['monthly', 'plan1', '2500.00', '29.00'],
		// Plan 4 monthly: 3,000 − 2,728.75 = 271.25 × 9% = 24.4125 → 24.
		['monthly', 'plan4', '3000.00', '24.00'],
		// Plan 4 weekly: 800 − 629.71 = 170.29 × 9% = 15.3261 → 15.
		['weekly', 'plan4', '800.00', '15.00'],
		// Plan 1 weekly: 600 − 501.25 = 98.75 × 9% = 8.8875 → 8.
		['weekly', 'plan1', '600.00', '8.00'],
		// Plan 2 two-weekly: 1,500 − 1,095.00 = 405 × 9% = 36.45 → 36.
		['two-weekly', 'plan2', '1500.00', '36.00'],
		// Plan 1 four-weekly: 2,600 − 2,005.00 = 595 × 9% = 53.55 → 53.
		['four-weekly', 'plan1', '2600.00', '53.00'],
		// Plan 4 four-weekly: 3,000 − 2,518.84 = 481.16 × 9% = 43.3044 → 43.
		['four-weekly', 'plan4', '3000.00', '43.00']
	] as const)('%s %s on %s → %s', (frequency, plan, gross, expected) => {
		const p = slip({ frequency, gross }, { plans: [plan] });
		expect(amountOf(p, 'UK.SL')).toBe(expected);
		expect(line(p, 'UK.SL')?.kind).toBe('post-tax');
		expect(amountOf(p, 'UK.PGL')).toBeUndefined();
	});

	it("postgraduate loan monthly: gov.uk's example, 2,500 a month repays 45", () => {
		// 2,500 − 1,750.00 = 750 × 6% = 45.
		const p = slip({ gross: '2500.00' }, { pgl: true });
		expect(amountOf(p, 'UK.PGL')).toBe('45.00');
		expect(line(p, 'UK.PGL')?.label).toBe('Postgraduate loan');
		expect(amountOf(p, 'UK.SL')).toBeUndefined();
	});

	it.each([
		// Weekly: 500 − 403.84 = 96.16 × 6% = 5.7696 → 5.
		['weekly', '500.00', '5.00'],
		// Two-weekly: 1,000 − 807.69 = 192.31 × 6% = 11.5386 → 11.
		['two-weekly', '1000.00', '11.00'],
		// Four-weekly: 2,000 − 1,615.38 = 384.62 × 6% = 23.0772 → 23.
		['four-weekly', '2000.00', '23.00']
	] as const)('postgraduate loan %s on %s → %s', (frequency, gross, expected) => {
		expect(amountOf(slip({ frequency, gross }, { pgl: true }), 'UK.PGL')).toBe(expected);
	});

	it('Plan 2 and a postgraduate loan: both, each at its own threshold and rate', () => {
		// SL: 56 (above); PGL: 3,000 − 1,750 = 1,250 × 6% = 75. Without loans net is 3,000 − PAYE
		// 390.20 (1,951 × 20%) − NI 156.16 (1,952 × 8%) = 2,453.64; with them 2,453.64 − 131 = 2,322.64.
		const p = slip({ gross: '3000.00' }, { plans: ['plan2'], pgl: true });
		expect(amountOf(p, 'UK.SL')).toBe('56.00');
		expect(amountOf(p, 'UK.PGL')).toBe('75.00');
		expect(unwrap(grossToNet(ukCase({ gross: '3000.00' }))).net).toBe('2453.64');
		expect(p.net).toBe('2322.64');
	});

	it('earnings at or under the threshold: a 0.00 line that says why', () => {
		const at = slip({ gross: '2372.50' }, { plans: ['plan2'] });
		expect(amountOf(at, 'UK.SL')).toBe('0.00');
		expect(line(at, 'UK.SL')?.basis).toMatch(/not above the threshold 2,372\.50 .*nothing due/);
		expect(amountOf(slip({ gross: '1000.00' }, { pgl: true }), 'UK.PGL')).toBe('0.00');
	});

	it('rounds down to the whole pound, never up', () => {
		// 2,383.61 − 2,372.50 = 11.11 × 9% = 0.9999 → 0; 2,383.62: 11.12 × 9% = 1.0008 → 1.
		expect(amountOf(slip({ gross: '2383.61' }, { plans: ['plan2'] }), 'UK.SL')).toBe('0.00');
		expect(amountOf(slip({ gross: '2383.62' }, { plans: ['plan2'] }), 'UK.SL')).toBe('1.00');
		// Postgraduate weekly: 420.50 − 403.84 = 16.66 × 6% = 0.9996 → 0.
		expect(amountOf(slip({ frequency: 'weekly', gross: '420.50' }, { pgl: true }), 'UK.PGL')).toBe('0.00');
	});

	it('Plans 1 and 2: one deduction at the lower (Plan 1) threshold', () => {
		// 3,000 − 2,172.08 = 827.92 × 9% = 74.5128 → 74 (not 56 at Plan 2's, not both).
		const p = slip({ gross: '3000.00' }, { plans: ['plan2', 'plan1'] });
		expect(p.lines.filter((l) => l.code === 'UK.SL')).toHaveLength(1);
		expect(amountOf(p, 'UK.SL')).toBe('74.00');
		expect(line(p, 'UK.SL')?.label).toBe('Student loan (Plans 1 and 2)');
		expect(line(p, 'UK.SL')?.basis).toMatch(/lowest threshold, Plan 1/);
	});

	it('Plan 5 is not collected before 6 April 2026', () => {
		const p = slip({ gross: '4000.00' }, { plans: ['plan5'] });
		expect(amountOf(p, 'UK.SL')).toBe('0.00');
		expect(line(p, 'UK.SL')?.basis).toMatch(/Plan 5 not collected in 2025-26: .*6 April 2026/);
		// With Plan 2 as well, Plan 2 is collected.
		expect(amountOf(slip({ gross: '3000.00' }, { plans: ['plan5', 'plan2'] }), 'UK.SL')).toBe('56.00');
	});

	it('the earnings are NI earnings: salary sacrifice lowers them, a net-pay pension does not', () => {
		// Sacrifice 300: 2,700 − 2,372.50 = 327.50 × 9% = 29.475 → 29. Net pay pension: still 3,000 → 56.
		const sacrifice = slip(
			{ gross: '3000.00', preTax: [{ kind: 'salarySacrifice', amount: '300.00' as never }] },
			{ plans: ['plan2'] }
		);
		expect(amountOf(sacrifice, 'UK.SL')).toBe('29.00');
		const netPay = slip(
			{ gross: '3000.00', preTax: [{ kind: 'netPayPension', amount: '300.00' as never }] },
			{ plans: ['plan2'] }
		);
		expect(amountOf(netPay, 'UK.SL')).toBe('56.00');
	});

	it('the basis says the arithmetic', () => {
		const p = slip({ gross: '3000.00' }, { plans: ['plan2'] });
		expect(line(p, 'UK.SL')).toMatchObject({ label: 'Student loan (Plan 2)', kind: 'post-tax' });
		expect(line(p, 'UK.SL')?.basis).toBe(
			'Plan 2, monthly: earnings for NI 3,000.00 − threshold 2,372.50 (28,470 / 12, down to the penny) = 627.50 × 9% = 56.475 → 56.00 (down to the pound; this period on its own)'
		);
	});
});

describe('2026-27', () => {
	it.each([
		// Plan 2 monthly: 3,000 − 2,448.75 = 551.25 × 9% = 49.6125 → 49.
		['monthly', ['plan2'], '3000.00', '49.00'],
		// Plan 1 two-weekly: 1,200 − 1,034.61 = 165.39 × 9% = 14.8851 → 14.
		['two-weekly', ['plan1'], '1200.00', '14.00'],
		// Plan 4 four-weekly: 3,000 − 2,599.61 = 400.39 × 9% = 36.0351 → 36.
		['four-weekly', ['plan4'], '3000.00', '36.00'],
		// Plan 5 weekly: 600 − 480.76 = 119.24 × 9% = 10.7316 → 10.
		['weekly', ['plan5'], '600.00', '10.00'],
		// Plan 5 monthly: 2,500 − 2,083.33 = 416.67 × 9% = 37.5003 → 37.
		['monthly', ['plan5'], '2500.00', '37.00'],
		// Plans 2 and 5: Plan 5's lower threshold, 3,000 − 2,083.33 = 916.67 × 9% = 82.5003 → 82.
		['monthly', ['plan2', 'plan5'], '3000.00', '82.00'],
		// Plans 1 and 4 weekly: Plan 1's 517.30; 700 − 517.30 = 182.70 × 9% = 16.443 → 16.
		['weekly', ['plan4', 'plan1'], '700.00', '16.00'],
		// Plan 1 monthly exactly at 2,241.66: nothing.
		['monthly', ['plan1'], '2241.66', '0.00']
	] as const)('%s %j on %s → %s', (frequency, plans, gross, expected) => {
		expect(amountOf(slip({ year: '2026-27', frequency, gross }, { plans: [...plans] }), 'UK.SL')).toBe(
			expected
		);
	});

	it('Plan 2 and postgraduate loan, monthly 4,000', () => {
		// SL: 4,000 − 2,448.75 = 1,551.25 × 9% = 139.6125 → 139; PGL: 2,250 × 6% = 135.
		const p = slip({ year: '2026-27', gross: '4000.00' }, { plans: ['plan2'], pgl: true });
		expect(amountOf(p, 'UK.SL')).toBe('139.00');
		expect(amountOf(p, 'UK.PGL')).toBe('135.00');
	});

	it('postgraduate loan two-weekly: 1,500 − 807.69 = 692.31 × 6% = 41.5386 → 41', () => {
		expect(
			amountOf(slip({ year: '2026-27', frequency: 'two-weekly', gross: '1500.00' }, { pgl: true }), 'UK.PGL')
		).toBe('41.00');
	});
});

describe('the one engine and refusals', () => {
	it('the engine answers a case with a loan and one without', () => {
		expect(grossToNet(loanCase({ gross: '3000.00' }, { plans: ['plan2'] })).ok).toBe(true);
		expect(grossToNet(loanCase({ gross: '3000.00' }, { pgl: true })).ok).toBe(true);
		expect(grossToNet(loanCase({ gross: '3000.00' }, { plans: [], pgl: false })).ok).toBe(true);
	});

	it('empty plans and no postgraduate loan: no loan lines', () => {
		const p = slip({ gross: '3000.00' }, { plans: [], pgl: false });
		expect(p.lines.some((l) => l.code === 'UK.SL' || l.code === 'UK.PGL')).toBe(false);
	});

	it('an unknown plan is refused naming the field', () => {
		const r = grossToNet({ ...ukCase({ gross: '3000.00' }), studentLoans: ['plan3' as StudentLoanPlan] });
		expect(!r.ok && r.error.message).toMatch(/^studentLoans\[0\]: expected plan1\|plan2\|plan4\|plan5/);
	});
});
