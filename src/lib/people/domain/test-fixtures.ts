// Builders shared by the HR tests: complete, valid records that each test varies in one place.
import type { DecimalString, IsoDate } from '../../shared/domain';
import type { Compensation } from './compensation';
import type { Employee } from './employee-types';
import type { Employment } from './employment';
import type { Fact } from './history';

export const d = (s: string) => s as IsoDate;
export const n = (s: string) => s as DecimalString;

export function employment(over: Partial<Employment> = {}): Employment {
	return {
		jobTitle: 'Engineer',
		department: 'Engineering',
		managerId: null,
		location: 'london',
		employmentType: 'fullTime',
		fte: n('1'),
		startDate: d('2025-01-06'),
		probationEndDate: null,
		endDate: null,
		endReason: null,
		...over
	};
}

export function compensation(over: Partial<Compensation> = {}): Compensation {
	return {
		pay: { kind: 'salaried', annualAmount: n('50000') },
		schedule: 'monthly',
		currency: 'GBP',
		tax: {
			uk: {
				taxCode: '1257L',
				basis: 'cumulative',
				niCategory: 'A',
				starterDeclaration: null,
				studentLoanPlans: [],
				postgraduateLoan: false
			}
		},
		...over
	};
}

export function fact<T>(
	id: string,
	effectiveDate: string,
	recordedAt: string,
	changes: Partial<T>,
	recordedBy = 'hr-1'
): Fact<T> {
	return { id, effectiveDate: d(effectiveDate), recordedAt, recordedBy, changes };
}

export function employee(over: Partial<Employee> = {}): Employee {
	return {
		schemaVersion: 1,
		id: 'emp-1',
		legalName: { given: 'Zoë', family: 'Ångström' },
		preferredName: 'Zo',
		contact: { workEmail: 'zo@example.com', phone: '+44 20 7946 0000' },
		address: { lines: ['1 High Street'], locality: 'London', postalCode: 'N1 1AA', country: 'GB' },
		dateOfBirth: d('1990-04-01'),
		emergencyContacts: [{ name: 'Sam Ångström', relationship: 'partner', phone: '+44 20 7946 0001' }],
		nationalIds: { ukNiNumber: 'AB123456C' },
		bank: { kind: 'uk', accountHolder: 'Z Angstrom', sortCode: '12-34-56', accountNumber: '31926819' },
		customFields: {},
		notes: [],
		...over
	};
}
