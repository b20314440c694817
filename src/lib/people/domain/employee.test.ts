import { describe, expect, it } from 'vitest';
import { validateEmployee } from './employee';
import { activeCustomFields, checkCustomFieldDefinitions, checkCustomFieldValues } from './custom-fields';
import { displayName, type CustomFieldDefinition } from './employee-types';
import { d, employee } from './test-fixtures';

const today = d('2026-01-15');
const defs: CustomFieldDefinition[] = [
	{ id: 'shirt', name: 'Shirt size', type: 'select', options: ['S', 'M', 'L'] },
	{ id: 'badge', name: 'Badge number', type: 'number', required: true },
	{ id: 'visa', name: 'Visa expiry', type: 'date' },
	{ id: 'nick', name: 'Nickname', type: 'text' }
];

describe('validateEmployee', () => {
	it('accepts a complete record', () => {
		expect(
			validateEmployee(employee({ customFields: { badge: '42', shirt: 'M' } }), {
				customFieldDefinitions: defs,
				today
			}).ok
		).toBe(true);
	});
	it('reports every problem by field without leaking identifiers or bank numbers', () => {
		const bad = employee({
			legalName: { given: '', family: 'X' },
			contact: { workEmail: 'not-an-email' },
			dateOfBirth: d('2030-01-01'),
			nationalIds: { usSsn: '666-12-3456', ukNiNumber: 'QQ123456C' },
			bank: {
				kind: 'us',
				accountHolder: 'X',
				routingNumber: '021000022',
				accountNumber: '12',
				accountType: 'checking'
			},
			customFields: { shirt: 'XXL', visa: '2026-13-01', ghost: 'boo' }
		});
		const r = validateEmployee(bad, { customFieldDefinitions: defs, today });
		expect(r.ok).toBe(false);
		const fields = r.ok ? [] : (r.error.details?.['problems'] as { field: string }[]).map((p) => p.field);
		expect(fields).toEqual(
			expect.arrayContaining([
				'legalName.given',
				'contact.workEmail',
				'dateOfBirth',
				'nationalIds.usSsn',
				'nationalIds.ukNiNumber',
				'bank.routingNumber',
				'bank.accountNumber',
				'customFields.shirt',
				'customFields.visa',
				'customFields.ghost',
				'customFields.badge'
			])
		);
		const text = JSON.stringify(r);
		for (const secret of ['3456', 'QQ123456C', '021000022']) expect(text).not.toContain(secret);
	});
	it('checks IBAN bank details', () => {
		const r = validateEmployee(
			employee({ bank: { kind: 'iban', accountHolder: 'Z', iban: 'DE89370400440532013001' } }),
			{ today }
		);
		expect(r.ok ? '' : r.error.message).toContain('bank.iban');
	});
});

describe('custom field definitions', () => {
	it('rejects selects without options, duplicates and options on non-selects', () => {
		const problems = checkCustomFieldDefinitions([
			{ id: 'a', name: 'A', type: 'select' },
			{ id: 'a', name: 'A2', type: 'text', options: ['x'] }
		]);
		expect(problems.map((p) => p.field)).toEqual([
			'customFieldDefinitions[0].options',
			'customFieldDefinitions[1].id',
			'customFieldDefinitions[1].options'
		]);
	});
	it('accepts the example definitions', () => {
		expect(checkCustomFieldDefinitions(defs)).toEqual([]);
	});
});

describe('displayName', () => {
	it('prefers the preferred name', () => {
		expect(displayName(employee())).toBe('Zo Ångström');
		expect(displayName(employee({ preferredName: ' ' }))).toBe('Zoë Ångström');
	});
});

describe('custom fields: archived, labels and messages', () => {
	it('names the field by its label in value messages', () => {
		const problems = checkCustomFieldValues(defs, { badge: 'abc', shirt: 'XL', visa: '2026-02-30' });
		expect(problems.map((p) => p.message)).toEqual([
			'Shirt size must be one of: S, M, L',
			'Badge number must be a number',
			'Visa expiry must be a date YYYY-MM-DD'
		]);
		expect(checkCustomFieldValues(defs, {}).map((p) => p.message)).toEqual(['Badge number is required']);
	});
	it('keeps values of archived fields without checking or requiring them', () => {
		const archived = defs.map((d) => ({ ...d, archived: true }));
		expect(checkCustomFieldValues(archived, { badge: 'old text', shirt: 'XXL' })).toEqual([]);
		expect(activeCustomFields([...archived, { id: 'n', name: 'N', type: 'text' }]).map((d) => d.id)).toEqual([
			'n'
		]);
	});
	it('refuses repeated labels among active fields, blank and repeated options', () => {
		const problems = checkCustomFieldDefinitions([
			{ id: 'a', name: 'Team', type: 'text' },
			{ id: 'b', name: ' team ', type: 'text' },
			{ id: 'c', name: 'Team', type: 'text', archived: true },
			{ id: 'd', name: 'Size', type: 'select', options: ['S', ' ', 'S'] }
		]);
		expect(problems.map((p) => p.message)).toEqual([
			'Field "team": another field already has this label',
			'Field "Size" has a blank option',
			'Field "Size" lists an option twice'
		]);
	});
});
