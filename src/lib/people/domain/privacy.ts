// Privacy: an export holds everything Keel keeps about one person as plain JSON; erasure removes the
// personal details from the record while the ids (and, by choice, tax identifiers) stay, so the
// effective-dated pay history that statutory retention requires still resolves to the same person.
import type { DocumentMeta } from './documents';
import type { Employee } from './employee-types';
import type { History, Instant } from './history';
import type { LeaveEvent } from './leave';
import { personExportKind } from './records/bundles';

export interface PersonExport {
	readonly format: 'keel.person-export';
	/** The version it was written at (see records/bundles.ts). */
	readonly schemaVersion: number;
	readonly exportedAt: Instant;
	readonly person: Employee;
	readonly histories: Readonly<Record<string, History<unknown>>>;
	readonly leaveEvents: readonly LeaveEvent[];
	readonly documents: readonly DocumentMeta[];
}

/** Deep copy through JSON: proves the bundle is serialisable and shares nothing with live records. */
function plain<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

export function personExport(
	person: Employee,
	histories: Readonly<Record<string, History<unknown>>>,
	leaveEvents: readonly LeaveEvent[],
	documentsMeta: readonly DocumentMeta[],
	{ exportedAt }: { exportedAt: Instant }
): PersonExport {
	return plain({
		format: 'keel.person-export',
		schemaVersion: personExportKind.version,
		exportedAt,
		person,
		histories,
		leaveEvents: leaveEvents.filter((e) => e.kind !== 'request' || e.personId === person.id),
		documents: documentsMeta.filter((doc) => doc.personId === person.id)
	});
}

/**
 * Returns the record with names, contact details, address, date of birth, emergency contacts, bank
 * details, custom fields and notes removed. Tax identifiers are kept unless `keepTaxIdentifiers` is
 * false: payroll filings made under them must stay traceable for the retention period (HMRC: 3 years
 * after the tax year; IRS: 4 years).
 */
export function erasePersonalDetails(
	person: Employee,
	{ erasedAt, keepTaxIdentifiers = true }: { erasedAt: Instant; keepTaxIdentifiers?: boolean }
): Employee {
	return {
		schemaVersion: person.schemaVersion,
		id: person.id,
		legalName: { given: '', family: '' },
		contact: {},
		emergencyContacts: [],
		nationalIds: keepTaxIdentifiers ? { ...person.nationalIds } : {},
		customFields: {},
		notes: [],
		erasedAt
	};
}

/** True when the record has been through erasure. */
export function isErased(person: Employee): boolean {
	return person.erasedAt !== undefined;
}
