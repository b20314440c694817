// Class 1 National Insurance for one earnings period by the exact percentage method: earnings in
// each band times the category letter's rate, summed, then rounded to the nearest penny with an
// exact half penny rounding down (HMRC). Invariant: thresholds come only from the rule file.
import type Decimal from 'decimal.js';
import { dec, fail, ok, round, type Result } from '../../core';
import { fmt, pct } from '../format';
import type { NiThresholdName, UkRules } from '../rules/uk-rules';
import type { UkFrequency } from '../types';

export interface NiResult {
	readonly employee: Decimal;
	readonly employer: Decimal;
	readonly atLel: Decimal;
	readonly lelToPt: Decimal;
	readonly ptToUel: Decimal;
	readonly employeeBasis: string;
	readonly employerBasis: string;
}

const WEEKS: Record<Exclude<UkFrequency, 'monthly'>, number> = { weekly: 1, 'two-weekly': 2, 'four-weekly': 4 };

/** Per-period threshold: HMRC's weekly figure times the weeks in the period, or the monthly figure. */
export function niThreshold(rules: UkRules, frequency: UkFrequency, name: NiThresholdName): Decimal {
	return frequency === 'monthly' ? rules.niMonthly[name] : rules.niWeekly[name].times(WEEKS[frequency]);
}

const slice = (pay: Decimal, from: Decimal, to?: Decimal): Decimal => {
	const top = to !== undefined && pay.greaterThan(to) ? to : pay;
	return top.greaterThan(from) ? top.minus(from) : dec(0);
};

export function calculateNi(rules: UkRules, frequency: UkFrequency, letter: string, niablePay: Decimal): Result<NiResult> {
	const cat = rules.niCategories[letter];
	if (!cat)
		return fail('payroll/ni-category', `niCategory: expected one of ${Object.keys(rules.niCategories).join('|')}, got '${letter}'`, { niCategory: letter });
	const pay = niablePay.isNegative() ? dec(0) : niablePay;
	const t = (n: NiThresholdName) => niThreshold(rules, frequency, n);
	const lel = t('LEL');
	const pt = t('PT');
	const uel = t('UEL');
	const mainBand = slice(pay, pt, uel);
	const upperBand = slice(pay, uel);
	const eeExact = mainBand.times(cat.employeePtToUel).plus(upperBand.times(cat.employeeAboveUel));
	const employee = round.penceHalfDown(eeExact);
	const erFrom = t(cat.employerFrom);
	const erBand = slice(pay, erFrom);
	const employer = round.penceHalfDown(erBand.times(cat.employerRate));
	const reachesLel = pay.greaterThanOrEqualTo(lel);
	return ok({
		employee,
		employer,
		atLel: reachesLel ? lel : dec(0),
		lelToPt: reachesLel ? slice(pay, lel, pt) : dec(0),
		ptToUel: mainBand,
		employeeBasis: `category ${letter}, ${frequency}: ${fmt(mainBand)} between PT ${fmt(pt, 0)} and UEL ${fmt(uel, 0)} at ${pct(cat.employeePtToUel)} + ${fmt(upperBand)} above UEL at ${pct(cat.employeeAboveUel)} = ${eeExact.toFixed()} → ${fmt(employee)} (nearest penny, half down)`,
		employerBasis: `category ${letter}, ${frequency}: ${fmt(erBand)} above ${cat.employerFrom} ${fmt(erFrom, 0)} at ${pct(cat.employerRate)} = ${erBand.times(cat.employerRate).toFixed()} → ${fmt(employer)} (nearest penny, half down)`
	});
}
