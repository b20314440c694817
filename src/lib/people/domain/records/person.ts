// Schemas of a person as People stores them: the record's parts (name, contact, address, emergency
// contacts, bank details, notes), the custom field definitions, document metadata and its removal,
// and checklist runs. A person is stored one field per key, so each part is checked on its own and a
// bad one is ignored rather than losing the whole person.
import { isoDateSchema, nonEmptySchema, recordKind, textSchema, v } from '../../../shared/domain/schema';
import type { DocumentMeta } from '../documents';
import type {
	Address,
	BankDetails,
	CustomFieldDefinition,
	EmergencyContact,
	Employee,
	EmployeeNote
} from '../employee-types';
import { count, fields, flag, oneOf, openFields, storedVersion, type Exact, type Same } from './base';

export const addressSchema = fields({
	lines: v.array(textSchema, 'is not a list'),
	locality: textSchema,
	region: v.optional(textSchema),
	postalCode: textSchema,
	country: textSchema
});
const _address: Same<v.InferOutput<typeof addressSchema>, Address> = true;

export const emergencyContactSchema = fields({
	name: textSchema,
	relationship: textSchema,
	phone: textSchema,
	email: v.optional(textSchema)
});
const _contact: Same<v.InferOutput<typeof emergencyContactSchema>, EmergencyContact> = true;
export const emergencyContactsSchema = v.array(emergencyContactSchema, 'is not a list');

export const bankSchema = v.variant(
	'kind',
	[
		fields({
			kind: v.literal('iban'),
			accountHolder: textSchema,
			iban: textSchema,
			bic: v.optional(textSchema)
		}),
		fields({
			kind: v.literal('us'),
			accountHolder: textSchema,
			routingNumber: textSchema,
			accountNumber: textSchema,
			accountType: oneOf(['checking', 'savings'])
		}),
		fields({
			kind: v.literal('uk'),
			accountHolder: textSchema,
			sortCode: textSchema,
			accountNumber: textSchema
		})
	],
	'is not an IBAN, US or UK account'
);
const _bank: Same<v.InferOutput<typeof bankSchema>, BankDetails> = true;

export const noteSchema = fields({ id: nonEmptySchema, at: textSchema, by: textSchema, text: textSchema });
const _note: Same<v.InferOutput<typeof noteSchema>, EmployeeNote> = true;

const employeeEntries = {
	schemaVersion: storedVersion,
	id: nonEmptySchema,
	legalName: fields({ given: textSchema, family: textSchema, middle: v.optional(textSchema) }),
	preferredName: v.optional(textSchema),
	contact: fields({
		workEmail: v.optional(textSchema),
		personalEmail: v.optional(textSchema),
		phone: v.optional(textSchema)
	}),
	address: v.optional(addressSchema),
	dateOfBirth: v.optional(isoDateSchema),
	emergencyContacts: emergencyContactsSchema,
	nationalIds: fields({ usSsn: v.optional(textSchema), ukNiNumber: v.optional(textSchema) }),
	bank: v.optional(bankSchema),
	customFields: v.record(v.string(), textSchema, 'is not a record'),
	notes: v.array(noteSchema, 'is not a list'),
	erasedAt: v.optional(textSchema)
};
/** A whole person. In the shard a person is one key per field (sync/doc.ts reads them one by one). */
export const employeeSchema = fields(employeeEntries);
const _employee: Same<v.InferOutput<typeof employeeSchema>, Employee> = true;
export const employeeKind = recordKind<Employee>({ name: 'person', schema: employeeSchema });

const customFieldEntries = {
	id: nonEmptySchema,
	name: textSchema,
	type: oneOf(['text', 'number', 'date', 'select']),
	options: v.optional(v.array(textSchema, 'is not a list of text')),
	required: v.optional(flag),
	archived: v.optional(flag)
};
const _field: Same<Exact<typeof customFieldEntries>, CustomFieldDefinition> = true;
/** A custom field definition as stored: one key per field, with when it was created. */
export const customFieldKind = recordKind({
	name: 'custom field',
	schema: openFields({ ...customFieldEntries, createdAt: v.optional(textSchema) })
});

const documentEntries = {
	schemaVersion: storedVersion,
	id: nonEmptySchema,
	personId: nonEmptySchema,
	type: oneOf(['contract', 'id', 'certificate', 'other']),
	fileName: textSchema,
	mimeType: textSchema,
	sizeBytes: v.pipe(count, v.minValue(1, 'is not a positive whole number')),
	uploadedAt: textSchema,
	uploadedBy: textSchema,
	expiresOn: v.nullable(isoDateSchema),
	sha256: v.optional(v.pipe(textSchema, v.regex(/^[0-9a-f]{64}$/, 'is not a hex digest')))
};
const _document: Same<Exact<typeof documentEntries>, DocumentMeta> = true;
export const documentKind = recordKind<DocumentMeta>({
	name: 'document',
	schema: openFields(documentEntries)
});

/** A document removed: the metadata stays a fact; this one hides it. */
export const documentRemovalKind = recordKind({
	name: 'document removal',
	schema: openFields({ at: textSchema, by: v.optional(textSchema) })
});

const checklistRunEntries = {
	id: nonEmptySchema,
	personId: nonEmptySchema,
	templateId: textSchema,
	taskIds: v.array(textSchema, 'is not a list of ids'),
	createdAt: textSchema,
	createdBy: textSchema
};
/** A checklist started for a person: which template, and the tasks it made. */
export type ChecklistRun = Readonly<Exact<typeof checklistRunEntries>>;
export const checklistRunKind = recordKind<ChecklistRun>({
	name: 'checklist',
	schema: openFields(checklistRunEntries)
});
