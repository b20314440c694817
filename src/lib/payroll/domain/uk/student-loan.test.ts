// Properties of student and postgraduate loan deductions over random pay, frequencies and plans:
// whole pounds, within a pound below the exact rate times the excess, never falling as pay rises,
// several plans = the single plan with the lowest threshold, and net pay lower by exactly the loans.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, unwrap, type DecimalString } from '../../../shared/domain';
import { grossToNet } from '../gross-to-net';
import { ukRulesFor } from '../rules/uk-rules';
import { amountOf, ukCase } from '../test-helpers';
import type { StudentLoanPlan, UkFrequency } from '../types';

const pence = (n: number) => dec(n).dividedBy(100).toFixed(2) as DecimalString;
const arb = fc.record({
	year: fc.constantFrom('2025-26', '2026-27'),
	frequency: fc.constantFrom<UkFrequency>('weekly', 'two-weekly', 'four-weekly', 'monthly'),
	plans: fc.subarray<StudentLoanPlan>(['plan1', 'plan2', 'plan4', 'plan5'], { minLength: 1 }),
	pgl: fc.boolean(),
	pay: fc.integer({ min: 0, max: 2_000_000 }),
	more: fc.integer({ min: 0, max: 500_000 })
});

function loans(
	a: { year: string; frequency: UkFrequency; plans: StudentLoanPlan[]; pgl: boolean },
	pay: number
) {
	const c = {
		...ukCase({ year: a.year, frequency: a.frequency, gross: pence(pay) }),
		studentLoans: a.plans,
		postgraduateLoan: a.pgl
	};
	const slip = unwrap(grossToNet(c));
	return {
		slip,
		sl: dec(amountOf(slip, 'UK.SL') ?? 'NaN'),
		pgl: a.pgl ? dec(amountOf(slip, 'UK.PGL') ?? 'NaN') : dec(0)
	};
}

describe('student loan properties', () => {
	it('whole pounds, within a pound of the exact figure at the lowest threshold, monotone in pay', () => {
		fc.assert(
			fc.property(arb, (a) => {
				const sl = unwrap(ukRulesFor(a.year)).studentLoans;
				const got = loans(a, a.pay);
				expect(got.sl.isInteger() && got.pgl.isInteger()).toBe(true);
				const earnings = dec(pence(a.pay));
				const collected = a.plans.filter((p) => sl.annual[p] !== undefined);
				const lowest = collected
					.map((p) => sl.perPeriod[a.frequency][p]!)
					.reduce<ReturnType<typeof dec> | undefined>(
						(x, y) => (x === undefined || y.lessThan(x) ? y : x),
						undefined
					);
				const exact =
					lowest === undefined || earnings.lessThanOrEqualTo(lowest)
						? dec(0)
						: earnings.minus(lowest).times(sl.planRate);
				expect(got.sl.lessThanOrEqualTo(exact) && exact.minus(got.sl).lessThan(1)).toBe(true);
				// Several plans: the same as the lowest-threshold plan alone.
				const alone = collected.map((p) => loans({ ...a, plans: [p], pgl: false }, a.pay).sl);
				if (alone.length > 0)
					expect(got.sl.toFixed(2)).toBe(alone.reduce((x, y) => (y.greaterThan(x) ? y : x)).toFixed(2));
				const higher = loans(a, a.pay + a.more);
				expect(higher.sl.greaterThanOrEqualTo(got.sl) && higher.pgl.greaterThanOrEqualTo(got.pgl)).toBe(true);
				// Net is exactly the loan-free net less the loans.
				const plain = unwrap(
					grossToNet(ukCase({ year: a.year, frequency: a.frequency, gross: pence(a.pay) }))
				);
				expect(dec(plain.net).minus(got.sl).minus(got.pgl).toFixed(2)).toBe(got.slip.net);
			}),
			{ numRuns: 300, seed: 20261207 }
		);
	});
});
