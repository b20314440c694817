// An Employee is valid when names are present, the date of birth is a real past date, every
// identifier and bank number passes its validator, and custom fields match their definitions.
// All problems are reported together, each naming its field; none quotes a sensitive value.
import { ok, parseIsoDate, type IsoDate, type Result } from '../../shared/domain';
import { problem, problemsError, type FieldProblem } from './errors';
import type { CustomFieldDefinition, Employee } from './employee-types';
import { checkCustomFieldValues } from './custom-fields';
import { employeeKind } from './records/person';
import {
	validateIban,
	validateNiNumber,
	validateRoutingNumber,
	validateSortCode,
	validateSsn,
	validateUkAccountNumber,
	validateUsAccountNumber
} from './identifiers';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function collect(problems: FieldProblem[], result: Result<unknown>): void {
	if (result.ok) return;
	const field = String(result.error.details?.['field'] ?? 'unknown');
	problems.push(problem(field, result.error.code as `hr/${string}`, result.error.message));
}

function checkBank(e: Employee, problems: FieldProblem[]): void {
	const bank = e.bank;
	if (!bank) return;
	if (!bank.accountHolder.trim())
		problems.push(problem('bank.accountHolder', 'hr/required', 'bank.accountHolder is required'));
	if (bank.kind === 'iban') collect(problems, validateIban(bank.iban));
	if (bank.kind === 'us') {
		collect(problems, validateRoutingNumber(bank.routingNumber));
		collect(problems, validateUsAccountNumber(bank.accountNumber));
	}
	if (bank.kind === 'uk') {
		collect(problems, validateSortCode(bank.sortCode));
		collect(problems, validateUkAccountNumber(bank.accountNumber));
	}
}

export function validateEmployee(
	e: Employee,
	{
		customFieldDefinitions = [],
		today
	}: { customFieldDefinitions?: readonly CustomFieldDefinition[]; today: IsoDate }
): Result<Employee> {
	const problems: FieldProblem[] = [];
	if (e.schemaVersion !== employeeKind.version)
		problems.push(
			problem('schemaVersion', 'hr/schema-version', `schemaVersion must be ${employeeKind.version}`)
		);
	if (!e.id.trim()) problems.push(problem('id', 'hr/required', 'id is required'));
	if (!e.erasedAt) {
		if (!e.legalName.given.trim())
			problems.push(problem('legalName.given', 'hr/required', 'legalName.given is required'));
		if (!e.legalName.family.trim())
			problems.push(problem('legalName.family', 'hr/required', 'legalName.family is required'));
	}
	for (const key of ['workEmail', 'personalEmail'] as const) {
		const value = e.contact[key];
		if (value !== undefined && !EMAIL_RE.test(value)) {
			problems.push(problem(`contact.${key}`, 'hr/email-format', `contact.${key} is not an email address`));
		}
	}
	if (e.dateOfBirth !== undefined) {
		const dob = parseIsoDate(e.dateOfBirth);
		if (!dob)
			problems.push(problem('dateOfBirth', 'hr/date-format', 'dateOfBirth must be a date YYYY-MM-DD'));
		else if (dob >= today)
			problems.push(problem('dateOfBirth', 'hr/date-range', 'dateOfBirth must be in the past'));
	}
	if (e.address) {
		if (!/^[A-Z]{2}$/.test(e.address.country)) {
			problems.push(
				problem('address.country', 'hr/country-code', 'address.country must be a 2-letter ISO code')
			);
		}
		if (!e.address.locality.trim())
			problems.push(problem('address.locality', 'hr/required', 'address.locality is required'));
	}
	e.emergencyContacts.forEach((c, i) => {
		if (!c.name.trim())
			problems.push(
				problem(`emergencyContacts[${i}].name`, 'hr/required', `emergencyContacts[${i}].name is required`)
			);
		if (!c.phone.trim())
			problems.push(
				problem(`emergencyContacts[${i}].phone`, 'hr/required', `emergencyContacts[${i}].phone is required`)
			);
	});
	if (e.nationalIds.usSsn !== undefined) collect(problems, validateSsn(e.nationalIds.usSsn));
	if (e.nationalIds.ukNiNumber !== undefined) collect(problems, validateNiNumber(e.nationalIds.ukNiNumber));
	checkBank(e, problems);
	problems.push(...checkCustomFieldValues(customFieldDefinitions, e.customFields));
	return problems.length === 0 ? ok(e) : problemsError('hr/invalid-employee', `Employee ${e.id}`, problems);
}
