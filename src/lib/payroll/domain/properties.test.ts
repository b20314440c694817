// Property tests: tax never falls as pay rises (within one period's rules), no jump at a threshold
// beyond the marginal rate, and every journal built from payslips balances to the cent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, parseDecimal, sum, unwrap, type DecimalString } from '../../shared/domain';
import { grossToNet } from './gross-to-net';
import { buildPayrollJournal } from './journal';
import { ukRulesFor } from './rules/uk-rules';
import { amountOf, ukCase, usCase } from './test-helpers';
import { taxDueByBands } from './uk/paye';

const cents = (n: number) => dec(n).dividedBy(100).toFixed(2) as DecimalString;
const d = (s: string | undefined) => parseDecimal(s ?? '0') ?? dec(0);
const pay = fc.integer({ min: 0, max: 5_000_000 }); // up to 50,000.00 a period

const usArb = fc.record({
	year: fc.constantFrom(2025, 2026),
	frequency: fc.constantFrom(
		'weekly',
		'biweekly',
		'semimonthly',
		'monthly',
		'daily'
	) as fc.Arbitrary<'weekly'>,
	status: fc.constantFrom('single', 'married', 'head') as fc.Arbitrary<'single'>,
	step2: fc.boolean(),
	step3: fc.integer({ min: 0, max: 800_000 }),
	ytdSs: fc.integer({ min: 0, max: 25_000_000 })
});
const ukArb = fc.record({
	year: fc.constantFrom('2025-26', '2026-27'),
	frequency: fc.constantFrom('weekly', 'two-weekly', 'four-weekly', 'monthly') as fc.Arbitrary<'weekly'>,
	code: fc.constantFrom('1257L', 'S1257L', 'C1257L', 'K475', 'BR', 'D0', 'SD1', '0T', '45L', '1257L M1'),
	ni: fc.constantFrom('A', 'B', 'C', 'H', 'J', 'M', 'V', 'Z'),
	period: fc.integer({ min: 1, max: 12 }),
	ytdPay: fc.integer({ min: 0, max: 10_000_000 })
});

describe('monotonic: more pay never means less tax', () => {
	it('US federal income tax, SS and Medicare', () => {
		fc.assert(
			fc.property(usArb, pay, pay, (a, x, y) => {
				const [lo, hi] = x <= y ? [x, y] : [y, x];
				const run = (g: number) =>
					unwrap(
						grossToNet(
							usCase({
								year: a.year,
								frequency: a.frequency,
								gross: cents(g),
								w4: { filingStatus: a.status, step2: a.step2, step3: cents(a.step3) },
								ytd: { socialSecurityWages: cents(a.ytdSs), medicareWages: cents(a.ytdSs) }
							})
						)
					);
				const p = run(lo);
				const q = run(hi);
				for (const code of ['US.FIT', 'US.SS.EE', 'US.MEDICARE.EE'])
					expect(d(amountOf(q, code)).greaterThanOrEqualTo(d(amountOf(p, code)))).toBe(true);
			}),
			{ numRuns: 300 }
		);
	});

	it('UK PAYE and NI', () => {
		fc.assert(
			fc.property(ukArb, pay, pay, (a, x, y) => {
				const [lo, hi] = x <= y ? [x, y] : [y, x];
				const run = (g: number) =>
					unwrap(
						grossToNet(
							ukCase({
								year: a.year,
								frequency: a.frequency,
								period: a.period,
								code: a.code,
								ni: a.ni,
								gross: cents(g),
								ytdPay: cents(a.ytdPay)
							})
						)
					);
				const p = run(lo);
				const q = run(hi);
				for (const code of ['UK.PAYE', 'UK.NI.EE', 'UK.NI.ER'])
					expect(d(amountOf(q, code)).greaterThanOrEqualTo(d(amountOf(p, code)))).toBe(true);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('continuity at thresholds', () => {
	// The routine's income test compares with v(i), the threshold rounded UP to a pound, so up to £1 at a
	// band edge is taxed at the lower rate and caught up by the next pound: a one-pound step may cost the
	// top rate plus the rate difference, never more, and never less than nothing.
	it('UK tax due never falls and rises by at most top rate + rate gap (+1p) per pound around every band edge', () => {
		for (const year of ['2025-26', '2026-27']) {
			const rules = unwrap(ukRulesFor(year));
			for (const regime of Object.values(rules.regimes))
				for (const [base, n] of [
					[12, 1],
					[12, 7],
					[52, 1],
					[52, 30]
				] as const) {
					let edge = dec(0);
					for (const band of regime.bands) {
						edge = edge.plus(band.width);
						const at = edge.times(n).dividedBy(base).floor();
						for (let t = at.minus(3); t.lessThanOrEqualTo(at.plus(3)); t = t.plus(1)) {
							// The engine works in pence; its tax in pounds for the comparisons.
							const a = dec(taxDueByBands(regime, t.times(100).toNumber(), n, base).tax).dividedBy(100);
							const b = dec(taxDueByBands(regime, t.plus(1).times(100).toNumber(), n, base).tax).dividedBy(
								100
							);
							expect(b.greaterThanOrEqualTo(a)).toBe(true);
							const lowest = regime.bands[0]?.rate ?? dec(0);
							expect(b.minus(a).lessThanOrEqualTo(regime.topRate.times(2).minus(lowest).plus('0.01'))).toBe(
								true
							);
						}
					}
				}
		}
	});

	it('US FIT changes by at most a cent or two across each table row edge', () => {
		// Weekly wage w sits at an annual row edge when w x 52 - 8,600 = edge; a cent either side moves
		// annual wages by 0.52, so the weekly tax moves by at most 0.52 x 37% / 52 plus rounding.
		for (const edge of [19900, 57900, 113200, 209275, 263725, 648100]) {
			const w = dec(edge + 8600).dividedBy(52);
			const at = (v: typeof w) =>
				d(amountOf(unwrap(grossToNet(usCase({ frequency: 'weekly', gross: v.toFixed(2) }))), 'US.FIT'));
			const below = at(w.minus('0.01'));
			const above = at(w.plus('0.01'));
			expect(above.minus(below).lessThanOrEqualTo('0.02')).toBe(true);
			expect(above.greaterThanOrEqualTo(below)).toBe(true);
		}
	});
});

describe('journal', () => {
	const accounts = {
		wagesExpense: '6000',
		employerTaxesExpense: '6100',
		netPayPayable: '2100',
		defaultLiability: '2200',
		liabilities: { 'US.FIT': '2210', 'UK.PAYE': '2310' }
	};
	it('every journal balances to the cent', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.tuple(
						fc.boolean(),
						usArb,
						ukArb,
						pay,
						fc.integer({ min: 0, max: 50_000 }),
						fc.integer({ min: 0, max: 20_000 })
					),
					{ minLength: 1, maxLength: 8 }
				),
				(rows) => {
					const slips = rows.map(([isUs, u, k, g, preRaw, post]) => {
						// A deferral never exceeds half the pay, so FICA on tiny pay cannot push net below zero.
						const pre = Math.min(preRaw, Math.floor(g / 2));
						const gross = g + pre;
						if (isUs)
							return unwrap(
								grossToNet(
									usCase({
										year: u.year,
										frequency: u.frequency,
										gross: cents(gross),
										preTax: [{ kind: '401k', amount: cents(pre) }],
										employerContributions: [{ code: 'ER.401K', label: 'match', amount: cents(post) }],
										w4: { filingStatus: u.status }
									})
								)
							);
						return unwrap(
							grossToNet(
								ukCase({
									year: k.year,
									frequency: k.frequency,
									code: k.code,
									ni: k.ni,
									gross: cents(gross),
									preTax: [{ kind: 'salarySacrifice', amount: cents(pre) }],
									earnings: [
										{ kind: 'salary', amount: cents(gross) },
										{ kind: 'reimbursement', amount: cents(post) }
									]
								})
							)
						);
					});
					const lines = unwrap(buildPayrollJournal(slips, accounts));
					expect(sum(lines.map((l) => d(l.amount))).isZero()).toBe(true);
				}
			),
			{ numRuns: 150 }
		);
	});
});
