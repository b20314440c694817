// Parsing what the People forms hold: each draft (forms.ts) is checked against its record's schema,
// so dates and amounts come out *checked* (never cast) and a failure names the field by the label
// the form shows, with `details.field` the record path of the input to mark. The HR engine then
// judges meaning (a start date before the end date, a valid tax code).
import {
	check,
	decimalSchema,
	isDecimalString,
	isoDateSchema,
	ok,
	parseForm,
	v,
	type DecimalString,
	type IsoDate,
	type Result
} from '$lib/shared/domain';
import {
	compensationSchema,
	deductionSchema,
	employeeSchema,
	employmentSchema,
	leavePolicyKind,
	paySchema,
	ukTaxSchema,
	w4Before2020Schema,
	w4From2020Schema,
	type Compensation,
	type Employee,
	type Employment,
	type LeavePolicy
} from '$lib/people/domain';
import {
	compensationFrom,
	employeeFrom,
	employmentFrom,
	type CompensationForm,
	type Draft,
	type EmploymentForm,
	type PersonalForm
} from './forms';

/** Field labels as the forms show them, for parse messages ("Start date is not a date…"). */
const PERSON_LABELS = { dateOfBirth: 'Date of birth', legalName: 'Name', contact: 'Contact details' };
const EMPLOYMENT_LABELS = {
	jobTitle: 'Job title',
	department: 'Department',
	location: 'Location',
	employmentType: 'Employment type',
	fte: 'FTE',
	startDate: 'Start date',
	probationEndDate: 'Probation ends',
	endDate: 'End date',
	endReason: 'End reason'
};
const PAY_LABELS = { annualAmount: 'Annual salary', hourlyRate: 'Hourly rate' };
const COMPENSATION_LABELS = { pay: 'Pay', schedule: 'Pay schedule', currency: 'Currency', tax: 'Tax' };
// The W-4 inputs are named and judged as the HR engine words them (compensation.ts), so a typo and
// a negative figure read the same: "Form W-4 Step 3 (…) must be an amount of 0 or more, …".
const W4_LABELS = {
	filingStatus: 'Form W-4 filing status',
	step3Dependents: 'Form W-4 Step 3 (credits for dependents)',
	step4aOtherIncome: 'Form W-4 Step 4(a) (other income)',
	step4bDeductions: 'Form W-4 Step 4(b) (deductions)',
	step4cExtraWithholding: 'Form W-4 Step 4(c) (extra withholding)',
	allowances: 'Form W-4 (before 2020) allowances',
	additionalWithholding: 'Form W-4 (before 2020) additional withholding'
};
/** A non-negative amount as text, with the engine's wording when it is not one. */
const amountAtLeastZero = (message: string) =>
	v.custom<DecimalString>((x) => typeof x === 'string' && isDecimalString(x) && !x.startsWith('-'), message);
const W4_AMOUNT = amountAtLeastZero('must be an amount of 0 or more, like 2000 or 25.50');
const w4From2020Form = v.object({
	...w4From2020Schema.entries,
	step3Dependents: W4_AMOUNT,
	step4aOtherIncome: W4_AMOUNT,
	step4bDeductions: W4_AMOUNT,
	step4cExtraWithholding: W4_AMOUNT
});
const WHOLE = 'must be a whole number, 0 or more';
const w4Before2020Form = v.object({
	...w4Before2020Schema.entries,
	allowances: v.pipe(v.number(WHOLE), v.integer(WHOLE), v.minValue(0, WHOLE)),
	additionalWithholding: amountAtLeastZero('must be an amount of 0 or more')
});
const UK_LABELS = {
	taxCode: 'Tax code',
	basis: 'Basis',
	niCategory: 'NI category',
	starterDeclaration: 'Starter declaration',
	studentLoanPlans: 'Student loans'
};

/** A part's failure, its field as the whole record names it (`pay.hourlyRate`, `deductions[1].amount`). */
function within<T>(prefix: string, r: Result<T>): Result<T> {
	if (r.ok) return r;
	const field = r.error.details?.['field'];
	return {
		ok: false,
		error: {
			...r.error,
			details: { field: typeof field === 'string' && field ? `${prefix}${field}` : prefix }
		}
	};
}

/** The person on the form, its date of birth checked; a failure names the field by its label. */
export function parseEmployee(f: PersonalForm, id: string, base?: Employee): Result<Employee> {
	return parseForm(employeeSchema, employeeFrom(f, id, base), PERSON_LABELS);
}

/** The employment on the form, its dates and FTE checked; a failure names the field by its label. */
export function parseEmployment(f: EmploymentForm): Result<Employment> {
	return parseForm(employmentSchema, employmentFrom(f), EMPLOYMENT_LABELS);
}

/**
 * The pay on the form, every amount checked. Pay, tax settings and each deduction are parsed on
 * their own first, so a failure names the input ("Step 4(a) (other income) is not an amount.").
 */
export function parseCompensation(f: CompensationForm): Result<Compensation> {
	const draft = compensationFrom(f);
	const us = draft.tax.us;
	const parts: Result<unknown>[] = [
		within('pay.', parseForm(paySchema, draft.pay, PAY_LABELS)),
		us && us.form === 'w4-2020' ? within('tax.us.', parseForm(w4From2020Form, us, W4_LABELS)) : null,
		us && us.form === 'w4-pre2020' ? within('tax.us.', parseForm(w4Before2020Form, us, W4_LABELS)) : null,
		draft.tax.uk ? within('tax.uk.', parseForm(ukTaxSchema, draft.tax.uk, UK_LABELS)) : null,
		...(draft.deductions ?? []).map((d, i) =>
			within(
				`deductions[${i}].`,
				parseForm(deductionSchema, d, {
					kind: `Deduction ${i + 1} kind`,
					basis: `Deduction ${i + 1} basis`,
					amount: `Deduction ${i + 1} amount`
				})
			)
		)
	].filter((r) => r !== null);
	const failed = parts.find((r) => !r.ok);
	if (failed && !failed.ok) return failed;
	return parseForm(compensationSchema, draft, COMPENSATION_LABELS);
}

/** A date input's text, checked; a failure names the field by its label ("Effective date is not…"). */
export function parseDate(text: string, label: string): Result<IsoDate> {
	const parsed = parseForm(v.object({ date: isoDateSchema }), { date: text.trim() }, { date: label });
	return parsed.ok ? ok(parsed.value.date) : parsed;
}

/** A date input's text as a checked date, or undefined while it is empty or incomplete. */
export function dateOf(text: string): IsoDate | undefined {
	const checked = check(isoDateSchema, text.trim());
	return checked.ok ? checked.value : undefined;
}

/** An optional date input: empty is null, anything else must be a date. */
export function parseOptionalDate(text: string, label: string): Result<IsoDate | null> {
	return text.trim() === '' ? ok(null) : parseDate(text, label);
}

const balanceChangeSchema = v.object({ date: isoDateSchema, days: decimalSchema });

/** A balance change's date and days, checked; the leave engine then judges the days and reason. */
export function parseBalanceChange(f: {
	date: string;
	days: string;
}): Result<{ date: IsoDate; days: DecimalString }> {
	return parseForm(
		balanceChangeSchema,
		{ date: f.date.trim(), days: f.days.trim() },
		{ date: 'Date', days: 'Days' }
	);
}

const leaveDatesSchema = v.object({ start: isoDateSchema, end: isoDateSchema });

/** A leave request's first and last day, checked. */
export function parseLeaveDates(f: { start: string; end: string }): Result<{ start: IsoDate; end: IsoDate }> {
	return parseForm(
		leaveDatesSchema,
		{ start: f.start.trim(), end: f.end.trim() },
		{ start: 'First day', end: 'Last day' }
	);
}

/** Hours of leave, checked as an amount (the form first asks for a positive number). */
export function parseHours(text: string): Result<DecimalString> {
	const parsed = parseForm(v.object({ hours: decimalSchema }), { hours: text.trim() }, { hours: 'Hours' });
	return parsed.ok ? ok(parsed.value.hours) : within('portion.', parsed);
}

const POLICY_LABELS = {
	name: 'Policy name',
	accrual: 'Days',
	leaveYearStart: 'Leave year start',
	waitingPeriodDays: 'Waiting period',
	capDays: 'Cap',
	carryOver: 'Carry-over',
	negativeBalance: 'Negative balance limit',
	hoursPerDay: 'Hours per day'
};

/** A leave policy as the form built it, its amounts and figures checked as numbers. */
export function parsePolicy(draft: Draft<LeavePolicy>): Result<LeavePolicy> {
	return parseForm(leavePolicyKind.schema, draft, POLICY_LABELS);
}
