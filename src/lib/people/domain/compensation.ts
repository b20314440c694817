// Compensation is effective-dated: salaried pay has a positive annual amount, hourly pay a positive
// rate, a known schedule and ISO currency, and every jurisdiction's tax settings are well formed
// (US W-4 2020+ or pre-2020 shape; UK tax code, NI category, starter declaration, loan plans).
import { minorUnits, parseDecimal, type DecimalString, type IsoDate, type Result } from '../../shared/domain';
import { problem, type FieldProblem } from './errors';
import { checkDeductions, type RecurringDeduction } from './deductions';
import { completeAsOf, validateHistory, type History, type HistoryRules } from './history';

export type Pay =
	| { readonly kind: 'salaried'; readonly annualAmount: DecimalString }
	| { readonly kind: 'hourly'; readonly hourlyRate: DecimalString };

export type PaySchedule = 'weekly' | 'biweekly' | 'semimonthly' | 'monthly' | 'fourWeekly';
export const PAY_SCHEDULES: readonly PaySchedule[] = [
	'weekly',
	'biweekly',
	'semimonthly',
	'monthly',
	'fourWeekly'
];

/** Form W-4 (2020 and later). Amounts are annual dollar decimal strings. */
export interface UsW4From2020 {
	readonly form: 'w4-2020';
	readonly filingStatus: 'singleOrMarriedSeparately' | 'marriedJointly' | 'headOfHousehold';
	/** Step 2(c): multiple jobs or spouse works. */
	readonly step2MultipleJobs: boolean;
	/** Step 3: credits for dependents. */
	readonly step3Dependents: DecimalString;
	/** Step 4(a): other income. */
	readonly step4aOtherIncome: DecimalString;
	/** Step 4(b): deductions. */
	readonly step4bDeductions: DecimalString;
	/** Step 4(c): extra withholding per pay period. */
	readonly step4cExtraWithholding: DecimalString;
	readonly exempt: boolean;
}

/** Form W-4 before 2020, still used by employees who have not filed a new one. */
export interface UsW4Before2020 {
	readonly form: 'w4-pre2020';
	readonly filingStatus: 'single' | 'married' | 'marriedWithholdAtSingleRate';
	readonly allowances: number;
	readonly additionalWithholding: DecimalString;
	readonly exempt: boolean;
}

export type StudentLoanPlan = 'plan1' | 'plan2' | 'plan4' | 'plan5';
export const STUDENT_LOAN_PLANS: readonly StudentLoanPlan[] = ['plan1', 'plan2', 'plan4', 'plan5'];

export interface UkTaxSettings {
	readonly taxCode: string;
	/** Week 1 / Month 1 (non-cumulative) or cumulative. */
	readonly basis: 'cumulative' | 'week1month1';
	readonly niCategory: string;
	/** New starter checklist statement A, B or C; null when a P45 was provided. */
	readonly starterDeclaration: 'A' | 'B' | 'C' | null;
	readonly studentLoanPlans: readonly StudentLoanPlan[];
	readonly postgraduateLoan: boolean;
}

export interface TaxSettings {
	readonly us?: UsW4From2020 | UsW4Before2020;
	readonly uk?: UkTaxSettings;
}

export interface Compensation {
	readonly pay: Pay;
	readonly schedule: PaySchedule;
	/** ISO 4217, e.g. 'GBP', 'USD'. */
	readonly currency: string;
	readonly tax: TaxSettings;
	/** Recurring deductions and employer contributions; absent or empty when there are none. */
	readonly deductions?: readonly RecurringDeduction[];
}

export const COMPENSATION_REQUIRED = [
	'pay',
	'schedule',
	'currency',
	'tax'
] as const satisfies readonly (keyof Compensation)[];

/** HMRC tax codes: optional S/C prefix, then nnnnL/M/N/T, K nnnn, BR, D0-D8, NT or 0T. */
const UK_TAX_CODE_RE = /^(S|C)?(\d{1,6}[LMNT]|K\d{1,6}|BR|D[0-8]|NT|0T)$/;
/** NI category letters in use by HMRC (2024-25 onwards). */
export const NI_CATEGORIES = [
	'A',
	'B',
	'C',
	'D',
	'E',
	'F',
	'H',
	'I',
	'J',
	'K',
	'L',
	'M',
	'N',
	'S',
	'V',
	'X',
	'Z'
] as const;

function nonNegative(value: string): boolean {
	const d = parseDecimal(value);
	return d !== undefined && !d.isNegative();
}

/** Decimal places an hourly rate may have (rates such as 15.125 an hour exist; pay is rounded once, named). */
export const HOURLY_RATE_PLACES = 4;

/** More decimal places than `places`: refused, never rounded (trailing zeros do not count). */
function finerThan(value: string, places: number): boolean {
	const d = parseDecimal(value);
	return d !== undefined && d.decimalPlaces() > places;
}

const W4_2020_AMOUNTS = {
	step3Dependents: 'Form W-4 Step 3 (credits for dependents)',
	step4aOtherIncome: 'Form W-4 Step 4(a) (other income)',
	step4bDeductions: 'Form W-4 Step 4(b) (deductions)',
	step4cExtraWithholding: 'Form W-4 Step 4(c) (extra withholding)'
} as const;

function checkUs(us: UsW4From2020 | UsW4Before2020, field: string, out: FieldProblem[]): void {
	const say = (key: string, text: string) => out.push(problem(`${field}.${key}`, 'hr/tax-settings', text));
	if (us.form === 'w4-2020') {
		if (!['singleOrMarriedSeparately', 'marriedJointly', 'headOfHousehold'].includes(us.filingStatus))
			say(
				'filingStatus',
				'Form W-4 Step 1(c) filing status must be single or married filing separately, married filing jointly, or head of household'
			);
		for (const [key, label] of Object.entries(W4_2020_AMOUNTS) as [keyof typeof W4_2020_AMOUNTS, string][]) {
			if (!nonNegative(us[key])) say(key, `${label} must be an amount of 0 or more, like 2000 or 25.50`);
			else if (finerThan(us[key], 2)) say(key, `${label} must be to the cent (at most 2 decimal places)`);
		}
	} else if (us.form === 'w4-pre2020') {
		if (!['single', 'married', 'marriedWithholdAtSingleRate'].includes(us.filingStatus))
			say(
				'filingStatus',
				'Form W-4 (before 2020) marital status must be single, married, or married but withhold at the higher single rate'
			);
		if (!Number.isInteger(us.allowances) || us.allowances < 0)
			say('allowances', 'Form W-4 (before 2020) allowances must be a whole number, 0 or more');
		if (!nonNegative(us.additionalWithholding))
			say(
				'additionalWithholding',
				'Form W-4 (before 2020) additional withholding must be an amount of 0 or more'
			);
		else if (finerThan(us.additionalWithholding, 2))
			say(
				'additionalWithholding',
				'Form W-4 (before 2020) additional withholding must be to the cent (at most 2 decimal places)'
			);
	} else say('form', 'Form W-4 version must be 2020 and later, or before 2020');
}

function checkUk(uk: UkTaxSettings, field: string, out: FieldProblem[]): void {
	const say = (key: string, text: string) => out.push(problem(`${field}.${key}`, 'hr/tax-settings', text));
	if (!UK_TAX_CODE_RE.test(uk.taxCode.replace(/\s+/g, '').toUpperCase()))
		say('taxCode', `Tax code "${uk.taxCode}" is not an HMRC tax code (like 1257L, BR, K475, S1257L)`);
	if (uk.basis !== 'cumulative' && uk.basis !== 'week1month1')
		say('basis', 'Tax basis must be cumulative or week 1 / month 1');
	if (!(NI_CATEGORIES as readonly string[]).includes(uk.niCategory))
		say('niCategory', `NI category letter "${uk.niCategory}" is not an HMRC category letter`);
	if (uk.starterDeclaration !== null && !['A', 'B', 'C'].includes(uk.starterDeclaration))
		say('starterDeclaration', 'Starter declaration must be A, B, C, or a P45');
	if (!uk.studentLoanPlans.every((p) => STUDENT_LOAN_PLANS.includes(p)))
		say('studentLoanPlans', 'Student loan plan must be plan 1, 2, 4 or 5');
	if (new Set(uk.studentLoanPlans).size !== uk.studentLoanPlans.length)
		say('studentLoanPlans', 'Student loan plans list a plan twice');
	if (typeof uk.postgraduateLoan !== 'boolean')
		say('postgraduateLoan', 'Postgraduate loan must be yes or no');
}

export function checkCompensation(c: Compensation, field: string): FieldProblem[] {
	const out: FieldProblem[] = [];
	const say = (key: string, text: string) =>
		out.push(problem(`${field}.${key}`, 'hr/compensation', `${field}.${key} ${text}`));
	const amount = c.pay.kind === 'salaried' ? c.pay.annualAmount : c.pay.hourlyRate;
	const parsed = parseDecimal(amount);
	if (!parsed || parsed.lte(0))
		say(c.pay.kind === 'salaried' ? 'pay.annualAmount' : 'pay.hourlyRate', 'must be a positive amount');
	else if (
		c.pay.kind === 'salaried' &&
		/^[A-Z]{3}$/.test(c.currency) &&
		finerThan(amount, minorUnits(c.currency))
	)
		out.push(
			problem(
				`${field}.pay.annualAmount`,
				'hr/compensation',
				`Annual salary ${amount} has more decimal places than ${c.currency} has (${minorUnits(c.currency)}); Keel does not round pay, so enter it exactly`
			)
		);
	else if (c.pay.kind === 'hourly' && finerThan(amount, HOURLY_RATE_PLACES))
		out.push(
			problem(
				`${field}.pay.hourlyRate`,
				'hr/compensation',
				`Hourly rate ${amount} has more than ${HOURLY_RATE_PLACES} decimal places; Keel does not round pay, so enter it exactly`
			)
		);
	if (!PAY_SCHEDULES.includes(c.schedule))
		say('schedule', 'must be weekly, biweekly, semimonthly, monthly or fourWeekly');
	if (!/^[A-Z]{3}$/.test(c.currency)) say('currency', 'must be a 3-letter ISO 4217 code');
	if (c.tax.us) checkUs(c.tax.us, `${field}.tax.us`, out);
	if (c.tax.uk) checkUk(c.tax.uk, `${field}.tax.uk`, out);
	if (c.deductions) {
		const jurisdiction = c.tax.us && !c.tax.uk ? 'US' : c.tax.uk && !c.tax.us ? 'UK' : undefined;
		out.push(...checkDeductions(c.deductions, `${field}.deductions`, jurisdiction));
	}
	return out;
}

export const compensationRules: HistoryRules<Compensation> = {
	name: 'compensation',
	required: COMPENSATION_REQUIRED,
	check: checkCompensation
};

export function validateCompensationHistory(history: History<Compensation>): Result<History<Compensation>> {
	return validateHistory(history, compensationRules);
}

export function compensationAsOf(history: History<Compensation>, date: IsoDate): Compensation | undefined {
	return completeAsOf(history, date, COMPENSATION_REQUIRED);
}
