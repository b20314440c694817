// Class 1 National Insurance for one earnings period by the exact percentage method: earnings in
// each band times the category letter's rate, each band's contribution rounded to the nearest penny
// on its third decimal place (a halfpenny or less dropped, payrollRound.niPence), then summed, as
// HMRC's own NIC test data requires. Invariant: thresholds come only from the rule file, per
// frequency as HMRC publishes them (two- and four-weekly are not always weekly x 2 or x 4).
import type Decimal from 'decimal.js';
import { dec, fail, ok, type Result } from '../../core';
import { fmt, pct } from '../format';
import { payrollRound } from '../rounding';
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

/** Per-period threshold: HMRC's published figure for the frequency, as the rule file holds it. */
export function niThreshold(rules: UkRules, frequency: UkFrequency, name: NiThresholdName): Decimal {
	switch (frequency) {
		case 'weekly':
			return rules.niWeekly[name];
		case 'two-weekly':
			return rules.niTwoWeekly[name];
		case 'four-weekly':
			return rules.niFourWeekly[name];
		case 'monthly':
			return rules.niMonthly[name];
	}
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
	const mainExact = mainBand.times(cat.employeePtToUel);
	const upperExact = upperBand.times(cat.employeeAboveUel);
	const main = payrollRound.niPence(mainExact);
	const upper = payrollRound.niPence(upperExact);
	const employee = main.plus(upper);
	const erFrom = t(cat.employerFrom);
	const erBand = slice(pay, erFrom);
	const erExact = erBand.times(cat.employerRate);
	const employer = payrollRound.niPence(erExact);
	const reachesLel = pay.greaterThanOrEqualTo(lel);
	return ok({
		employee,
		employer,
		atLel: reachesLel ? lel : dec(0),
		lelToPt: reachesLel ? slice(pay, lel, pt) : dec(0),
		ptToUel: mainBand,
		employeeBasis: `category ${letter}, ${frequency}: ${fmt(mainBand)} between PT ${fmt(pt, 0)} and UEL ${fmt(uel, 0)} at ${pct(cat.employeePtToUel)} = ${mainExact.toFixed()} → ${fmt(main)}; ${fmt(upperBand)} above UEL at ${pct(cat.employeeAboveUel)} = ${upperExact.toFixed()} → ${fmt(upper)}; total ${fmt(employee)} (each band to the nearest penny, a halfpenny or less dropped)`,
		employerBasis: `category ${letter}, ${frequency}: ${fmt(erBand)} above ${cat.employerFrom} ${fmt(erFrom, 0)} at ${pct(cat.employerRate)} = ${erExact.toFixed()} → ${fmt(employer)} (nearest penny, a halfpenny or less dropped)`
	});
}
