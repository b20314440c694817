// Types only: the Employee record as stored (plain JSON, string ids from the caller, schemaVersion).
// Pay-relevant history (employment, compensation) lives in effective-dated facts, not here.
import type { IsoDate } from '../../shared/domain';

export type EmployeeId = string;

export interface PersonName {
	readonly given: string;
	readonly family: string;
	readonly middle?: string;
}

export interface Address {
	readonly lines: readonly string[];
	readonly locality: string;
	readonly region?: string;
	readonly postalCode: string;
	/** ISO 3166-1 alpha-2, e.g. 'GB', 'US'. */
	readonly country: string;
}

export interface ContactDetails {
	readonly workEmail?: string;
	readonly personalEmail?: string;
	readonly phone?: string;
}

export interface EmergencyContact {
	readonly name: string;
	readonly relationship: string;
	readonly phone: string;
	readonly email?: string;
}

export interface NationalIdentifiers {
	readonly usSsn?: string;
	readonly ukNiNumber?: string;
}

/** Where pay goes. Exactly one shape per account; holder name as the bank knows it. */
export type BankDetails =
	| { readonly kind: 'iban'; readonly accountHolder: string; readonly iban: string; readonly bic?: string }
	| {
			readonly kind: 'us';
			readonly accountHolder: string;
			readonly routingNumber: string;
			readonly accountNumber: string;
			readonly accountType: 'checking' | 'savings';
	  }
	| {
			readonly kind: 'uk';
			readonly accountHolder: string;
			readonly sortCode: string;
			readonly accountNumber: string;
	  };

export type CustomFieldType = 'text' | 'number' | 'date' | 'select';

/** Defined once per workspace; values on each employee are keyed by `id`. */
export interface CustomFieldDefinition {
	readonly id: string;
	readonly name: string;
	readonly type: CustomFieldType;
	/** Only for 'select': the allowed values. */
	readonly options?: readonly string[];
	readonly required?: boolean;
	/** Hidden from forms; values already stored are kept and shown. */
	readonly archived?: boolean;
}

/** Values are text: numbers as decimal strings, dates as ISO dates, selects as one option. */
export type CustomFieldValues = Readonly<Record<string, string>>;

export interface EmployeeNote {
	readonly id: string;
	readonly at: string;
	readonly by: string;
	readonly text: string;
}

export interface Employee {
	/** The version it was written at (see records/: the kind upgrades older ones). */
	readonly schemaVersion: number;
	readonly id: EmployeeId;
	readonly legalName: PersonName;
	readonly preferredName?: string;
	readonly contact: ContactDetails;
	readonly address?: Address;
	readonly dateOfBirth?: IsoDate;
	readonly emergencyContacts: readonly EmergencyContact[];
	readonly nationalIds: NationalIdentifiers;
	readonly bank?: BankDetails;
	readonly customFields: CustomFieldValues;
	readonly notes: readonly EmployeeNote[];
	/** Set by erasePersonalDetails: the person's details are gone, ids and pay history are retained. */
	readonly erasedAt?: string;
}

/** The name to show: preferred given name if set, else the legal one. */
export function displayName(e: Pick<Employee, 'legalName' | 'preferredName'>): string {
	const given = e.preferredName?.trim() || e.legalName.given;
	return `${given} ${e.legalName.family}`.trim();
}
