// Class 1 National Insurance for one earnings period by the exact percentage method: earnings in
// each band times the category letter's rate, each band's contribution rounded to the nearest penny
// on its third decimal place (a halfpenny or less dropped, niPence below), then summed, as
// HMRC's own NIC test data requires; in integer pence with rates at 4 places (fixed.ts).
// Invariant: thresholds come only from the rule file, per frequency as HMRC publishes them (two-
// and four-weekly are not always weekly x 2 or x 4).
import {
	addUnits,
	type Dec,
	decToUnits,
	ExactRangeError,
	fail,
	formatUnitsTrimmed,
	mulUnits,
	ok,
	rescaleUnits,
	type Result
} from '../../../shared/domain';
import { fmtFx } from '../format';
import { fmt } from '../format';
import type { NiThresholdName, UkRules } from '../rules/uk-rules';
import type { UkFrequency } from '../types';
import { rateOf } from './paye';

/** Every amount in pence. */
export interface NiResult {
	readonly employee: number;
	readonly employer: number;
	readonly atLel: number;
	readonly lelToPt: number;
	readonly ptToUel: number;
	readonly employeeBasis: string;
	readonly employerBasis: string;
}

/** Per-period threshold: HMRC's published figure for the frequency, as the rule file holds it. */
export function niThreshold(rules: UkRules, frequency: UkFrequency, name: NiThresholdName): Dec {
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

interface Threshold {
	readonly p: number;
	readonly text: string;
}
interface Category {
	readonly ee1: ReturnType<typeof rateOf>;
	readonly ee2: ReturnType<typeof rateOf>;
	readonly er: ReturnType<typeof rateOf>;
	readonly employerFrom: NiThresholdName;
}
interface NiFigures {
	readonly categories: Map<string, Category>;
	readonly thresholds: Map<string, Threshold>;
}
const figures = new WeakMap<UkRules, NiFigures>();

function category(rules: UkRules, letter: string): Category | undefined {
	let f = figures.get(rules);
	if (!f) {
		f = { categories: new Map(), thresholds: new Map() };
		figures.set(rules, f);
	}
	let c = f.categories.get(letter);
	if (!c && Object.prototype.hasOwnProperty.call(rules.niCategories, letter)) {
		const cat = rules.niCategories[letter];
		if (!cat) return undefined;
		c = {
			ee1: rateOf(cat.employeePtToUel),
			ee2: rateOf(cat.employeeAboveUel),
			er: rateOf(cat.employerRate),
			employerFrom: cat.employerFrom
		};
		f.categories.set(letter, c);
	}
	return c;
}

function threshold(rules: UkRules, frequency: UkFrequency, name: NiThresholdName): Threshold {
	const f = figures.get(rules) as NiFigures;
	const key = `${frequency}/${name}`;
	let t = f.thresholds.get(key);
	if (!t) {
		const v = niThreshold(rules, frequency, name);
		const p = decToUnits(v, 2);
		if (p === undefined) throw new ExactRangeError('not exact');
		t = { p, text: fmt(v, 0) };
		f.thresholds.set(key, t);
	}
	return t;
}

/**
 * HMRC Class 1 NI (SS(C)R 2001 reg 12(1); HMRC's NICs guidance for software developers): to the
 * nearest penny judged on the third decimal place alone, 5 or less down, 6 or more up; so 0.56p
 * is a halfpenny "or less" and goes (0.0056 -> 0.00), while 0.6p rounds up. On pence x rate
 * (scale 6, non-negative): drop past the third decimal, then a half penny down.
 */
const niPence = (exact: number): number => rescaleUnits(rescaleUnits(exact, 6, 3, 'down'), 3, 2, 'halfDown');

const slice = (pay: number, from: number, to?: number) => {
	const top = to !== undefined && pay > to ? to : pay;
	return top > from ? top - from : 0;
};

/** Class 1 NI on this period's NI pay (pence; below zero counts as zero). */
export function calculateNi(
	rules: UkRules,
	frequency: UkFrequency,
	letter: string,
	niablePay: number
): Result<NiResult> {
	const cat = typeof letter === 'string' ? category(rules, letter) : undefined;
	if (!cat)
		return fail(
			'payroll/ni-category',
			`niCategory: expected one of ${Object.keys(rules.niCategories).join('|')}, got '${letter}'`,
			{ niCategory: letter }
		);
	const pay = niablePay < 0 ? 0 : niablePay;
	const lel = threshold(rules, frequency, 'LEL');
	const pt = threshold(rules, frequency, 'PT');
	const uel = threshold(rules, frequency, 'UEL');
	const mainBand = slice(pay, pt.p, uel.p);
	const upperBand = slice(pay, uel.p);
	const mainExact = mulUnits(mainBand, cat.ee1.r);
	const upperExact = mulUnits(upperBand, cat.ee2.r);
	const main = niPence(mainExact);
	const upper = niPence(upperExact);
	const employee = addUnits(main, upper);
	const erFrom = threshold(rules, frequency, cat.employerFrom);
	const erBand = slice(pay, erFrom.p);
	const erExact = mulUnits(erBand, cat.er.r);
	const employer = niPence(erExact);
	const reachesLel = pay >= lel.p;
	return ok({
		employee,
		employer,
		atLel: reachesLel ? lel.p : 0,
		lelToPt: reachesLel ? slice(pay, lel.p, pt.p) : 0,
		ptToUel: mainBand,
		employeeBasis: `category ${letter}, ${frequency}: ${fmtFx(mainBand, 2)} between PT ${pt.text} and UEL ${uel.text} at ${cat.ee1.pct} = ${formatUnitsTrimmed(mainExact, 6)} → ${fmtFx(main, 2)}; ${fmtFx(upperBand, 2)} above UEL at ${cat.ee2.pct} = ${formatUnitsTrimmed(upperExact, 6)} → ${fmtFx(upper, 2)}; total ${fmtFx(employee, 2)} (each band to the nearest penny, a halfpenny or less dropped)`,
		employerBasis: `category ${letter}, ${frequency}: ${fmtFx(erBand, 2)} above ${cat.employerFrom} ${erFrom.text} at ${cat.er.pct} = ${formatUnitsTrimmed(erExact, 6)} → ${fmtFx(employer, 2)} (nearest penny, a halfpenny or less dropped)`
	});
}
