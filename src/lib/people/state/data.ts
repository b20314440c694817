// Data the People screens start from: public holiday calendars to choose per location, leave policy
// presets, labels for fields in messages, and the conversion of HR errors to form problems. Plain
// values and pure functions only.
import { err, fieldProblems, type DecimalString, type DomainError, type Result } from '$lib/shared/domain';
import {
	ENGLAND_AND_WALES_2025_2027,
	HOLIDAY_CALENDARS,
	NO_HOLIDAYS,
	US_FEDERAL_2025_2027,
	type FieldProblem,
	type HolidayCalendar,
	type LeavePolicy
} from '$lib/people/domain';

// The calendars live in the HR domain, where Payroll's pay-date rule reads them too.
export { NO_HOLIDAYS };
export const CALENDARS: readonly HolidayCalendar[] = HOLIDAY_CALENDARS;

/** The calendar a location gets until someone chooses one: from the organisation's country. */
export function defaultCalendarId(country: string): string {
	if (country === 'GB') return ENGLAND_AND_WALES_2025_2027.id;
	if (country === 'US') return US_FEDERAL_2025_2027.id;
	return NO_HOLIDAYS.id;
}

const n = (s: string) => s as DecimalString;

export interface PolicyPreset {
	readonly label: string;
	readonly policy: Omit<LeavePolicy, 'id'>;
}

export const POLICY_PRESETS: readonly PolicyPreset[] = [
	{
		label: 'UK annual leave: 25 days a year plus bank holidays',
		policy: {
			schemaVersion: 1,
			name: 'Annual leave',
			accrual: { kind: 'annualGrant', daysPerYear: n('25') },
			leaveYearStart: { month: 1, day: 1 },
			waitingPeriodDays: 0,
			capDays: null,
			carryOver: { maxDays: n('5'), expiresAfterMonths: 3 },
			negativeBalance: { allowed: false },
			prorateByFte: true,
			prorateMidYear: true,
			hoursPerDay: n('7.5'),
			places: 2,
			source:
				'Keel preset. Statutory minimum is 5.6 weeks including bank holidays (Working Time Regulations 1998, regs 13 and 13A); 25 days plus 8 bank holidays meets it for a 5-day week.'
		}
	},
	{
		label: 'US paid time off: 1.25 days a month, capped at 20',
		policy: {
			schemaVersion: 1,
			name: 'Paid time off',
			accrual: { kind: 'monthly', daysPerMonth: n('1.25') },
			leaveYearStart: { month: 1, day: 1 },
			waitingPeriodDays: 90,
			capDays: n('20'),
			carryOver: { maxDays: n('5'), expiresAfterMonths: null },
			negativeBalance: { allowed: false },
			prorateByFte: true,
			prorateMidYear: true,
			hoursPerDay: n('8'),
			places: 2,
			source:
				'Keel preset: a common small-employer PTO plan (no federal minimum applies). Edit to match your handbook.'
		}
	}
];

const LABELS: Record<string, string> = {
	'legalName.given': 'Given name',
	'legalName.family': 'Family name',
	'contact.workEmail': 'Work email',
	'contact.personalEmail': 'Personal email',
	dateOfBirth: 'Date of birth',
	'nationalIds.usSsn': 'US SSN',
	'nationalIds.ukNiNumber': 'UK NI number',
	'bank.iban': 'IBAN',
	'bank.routingNumber': 'Routing number',
	'bank.accountNumber': 'Account number',
	'bank.sortCode': 'Sort code',
	'bank.accountHolder': 'Account holder',
	'address.country': 'Country',
	'address.locality': 'Town or city',
	'emergencyContacts[0].name': 'Emergency contact name',
	'emergencyContacts[0].phone': 'Emergency contact phone',
	'emergencyContacts[1].name': 'Second emergency contact name',
	'emergencyContacts[1].phone': 'Second emergency contact phone',
	date: 'Date',
	days: 'Days',
	reason: 'Reason',
	name: 'Label',
	options: 'Options'
};

export interface FormProblem {
	/** The record field, e.g. 'nationalIds.usSsn' or 'jobTitle' (history prefixes removed). */
	readonly field: string;
	/** Label then the engine's sentence, e.g. "US SSN: nationalIds.usSsn must be 9 digits…". */
	readonly message: string;
}

/** Strips history prefixes: 'employment@2026-01-01.fte' → 'fte', 'compensation@….pay.annualAmount' → 'pay.annualAmount'. */
export function formField(field: string): string {
	const m = /^(?:employment|compensation)(?:@[^.]*|\[\d+\])\.(.+)$/.exec(field);
	return m ? (m[1] as string) : field;
}

export function problemsOf(error: DomainError): FormProblem[] {
	const list = error.details?.['problems'] as FieldProblem[] | undefined;
	const raw = list ?? [{ field: String(error.details?.['field'] ?? ''), message: error.message }];
	return raw.map((p) => {
		const field = formField(p.field);
		const label = LABELS[field];
		return { field, message: label ? `${label}: ${p.message}` : p.message };
	});
}

/** A People verb's failure: the domain's error, with the problems its form shows (labelled) in `details.form`. */
export function failed(error: DomainError): Result<never> {
	return err({ ...error, details: { ...error.details, form: problemsOf(error) } });
}

/** A refusal made in the People state: its code, its sentence and the problems the form shows. */
export function refuse(code: string, message: string, problems: FormProblem[]): Result<never> {
	return err({ code, message, details: { form: problems } });
}

/** The problems a form shows for a failure, each with its field (labelled words, never a code). */
export function formProblems(error: DomainError): FormProblem[] {
	return Array.isArray(error.details?.['form'])
		? fieldProblems({ details: { problems: error.details['form'] } })
		: problemsOf(error);
}
