// Every HR failure is a DomainError whose code starts with 'hr/' and whose message names the field.
// No message or details may carry an identifier, bank number or name in clear: at most a mask.
import { defineMessages, err, type DomainError } from '../../shared/domain';

export type HrErrorCode = `hr/${string}`;

/** One problem with one field; forms show `message` next to `field`. */
export interface FieldProblem {
	readonly field: string;
	readonly code: HrErrorCode;
	readonly message: string;
}

export function problem(field: string, code: HrErrorCode, message: string): FieldProblem {
	return { field, code, message };
}

/** A failure for a single field. `details` always carries the field name for the form. */
export function fieldError(
	field: string,
	code: HrErrorCode,
	message: string,
	extra?: Record<string, unknown>
) {
	return err({ code, message, details: { field, ...extra } } satisfies DomainError);
}

/** Folds many field problems into one failure, so a form can show all of them at once. */
export function problemsError(code: HrErrorCode, what: string, problems: readonly FieldProblem[]) {
	const first = problems[0];
	const message =
		problems.length === 1 && first
			? `${what}: ${first.message}`
			: `${what}: ${problems.length} problems (${problems.map((p) => p.field).join(', ')})`;
	return err({ code, message, details: { problems } } satisfies DomainError);
}

/** What each HR code means to a person (registered in the one map of shared/domain/messages). */
export const HR_MESSAGES = defineMessages({
	'hr/required': 'A required field is empty.',
	'hr/schema-version': 'The record was saved by another version of Keel.',
	'hr/duplicate-id': 'Two records share one identifier.',
	'hr/unknown-person': 'That person is not in the People records.',
	'hr/unknown-policy': 'That leave policy is not here.',
	'hr/unknown-request': 'That leave request is not here.',
	'hr/invalid-employee': 'The person record is not filled in correctly.',
	'hr/invalid-history': 'The history is not filled in correctly.',
	'hr/invalid-leave-policy': 'The leave policy is not filled in correctly.',
	'hr/nothing-changed': 'Nothing changed.',
	'hr/tasks-unavailable': 'Tasks are not available here.',
	'hr/storage-full': 'This browser is out of storage space; the file was not added.',
	'hr/date-format': 'A date is not a calendar date (YYYY-MM-DD).',
	'hr/date-order': 'An end date comes before its start date.',
	'hr/date-range': 'A date is outside the range allowed.',
	'hr/instant-format': 'A time stamp is not in the expected form.',
	'hr/email-format': 'An email address is not in the expected form.',
	'hr/country-code': 'A country is not a known two-letter country code.',
	'hr/fte-range': 'Full-time equivalent must be between 0 and 1.',
	'hr/compensation': 'The pay settings are not filled in correctly.',
	'hr/deduction': 'A deduction is not filled in correctly.',
	'hr/tax-settings': 'The tax settings are not filled in correctly.',
	'hr/custom-field-definition': 'The custom field is not defined correctly.',
	'hr/custom-field-option': 'A value is not one of the custom field’s options.',
	'hr/custom-field-required': 'A required custom field is empty.',
	'hr/custom-field-type': 'A custom field holds a value of the wrong kind.',
	'hr/custom-field-unknown': 'A custom field is not defined in this workspace.',
	'hr/history-conflict': 'Two changes for the same day disagree.',
	'hr/history-duplicate-id': 'Two changes share one identifier.',
	'hr/history-incomplete': 'The history lacks a first record.',
	'hr/holidays-not-covered': 'The public holiday calendar does not cover these dates.',
	'hr/ssn-format': 'A US Social Security number must be 9 digits.',
	'hr/ssn-area': 'The first part of the Social Security number is not one the SSA issues.',
	'hr/ssn-group': 'The middle part of the Social Security number cannot be 00.',
	'hr/ssn-serial': 'The last part of the Social Security number cannot be 0000.',
	'hr/ni-format': 'A National Insurance number must be two letters, six digits and a letter.',
	'hr/ni-prefix': 'The National Insurance number starts with letters HMRC does not issue.',
	'hr/ni-suffix': 'The National Insurance number must end with A, B, C or D.',
	'hr/iban-format': 'An IBAN must be letters and digits only.',
	'hr/iban-country': 'The IBAN starts with an unknown country.',
	'hr/iban-length': 'The IBAN has the wrong length for its country.',
	'hr/iban-checksum': 'The IBAN’s check digits do not match: look for a mistyped character.',
	'hr/routing-format': 'A US routing number must be 9 digits.',
	'hr/routing-prefix': 'The routing number does not start like a US bank’s.',
	'hr/routing-checksum': 'The routing number’s check digit does not match: look for a mistyped digit.',
	'hr/us-account-format': 'A US account number must be 4 to 17 digits.',
	'hr/sort-code-format': 'A UK sort code must be 6 digits.',
	'hr/uk-account-format': 'A UK account number must be 8 digits.',
	'hr/document': 'The document could not be added.',
	'hr/document-size': 'The document is too large.',
	'hr/document-type': 'The document is of a type Keel does not keep.',
	'hr/checklist': 'The checklist could not be made.',
	'hr/checklist-date': 'The checklist needs a start or end date.',
	'hr/checklist-role': 'The checklist names a role nobody holds.',
	'hr/checklist-template': 'That checklist is not here.',
	'hr/leave-days': 'The number of leave days is not valid.',
	'hr/leave-hours': 'The number of leave hours is not valid.',
	'hr/leave-event': 'The leave change is not filled in correctly.',
	'hr/leave-insufficient-balance': 'There is not enough leave left for this request.',
	'hr/leave-no-calendar': 'The person’s work location has no holiday calendar.',
	'hr/leave-no-employment': 'The person is not employed on these dates.',
	'hr/leave-no-working-days': 'The request covers no working days.',
	'hr/leave-not-approver': "Only this person's manager or an HR approver can decide this request.",
	'hr/leave-policy': 'The leave policy is not filled in correctly.',
	'hr/leave-portion': 'A part-day request must be a single day.',
	'hr/leave-reason': 'The leave change needs a reason.',
	'hr/leave-self-approval': 'You cannot decide your own leave request.',
	'hr/leave-transition': 'The request cannot move to that status from where it is.'
});
