import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	formatIban,
	maskAccountNumber,
	maskIban,
	maskNiNumber,
	maskSsn,
	validateIban,
	validateNiNumber,
	validateRoutingNumber,
	validateSortCode,
	validateSsn,
	validateUkAccountNumber,
	validateUsAccountNumber
} from './';
import type { Result } from '../../../shared/domain';

function code(r: Result<unknown>): string {
	return r.ok ? 'ok' : r.error.code;
}

describe('SSN', () => {
	it.each(['123-45-6789', '123456789', '665-01-0001', '899-99-9999', '001-01-0001'])('accepts %s', (s) => {
		expect(code(validateSsn(s))).toBe('ok');
	});
	it('normalises to AAA-GG-SSSS', () => {
		const r = validateSsn('123 45 6789');
		expect(r.ok && r.value).toBe('123-45-6789');
	});
	it.each([
		['000-12-3456', 'hr/ssn-area'],
		['666-12-3456', 'hr/ssn-area'],
		['900-12-3456', 'hr/ssn-area'],
		['999-12-3456', 'hr/ssn-area'],
		['123-00-4567', 'hr/ssn-group'],
		['123-45-0000', 'hr/ssn-serial'],
		['12-345-6789', 'hr/ssn-format'],
		['123-45-678', 'hr/ssn-format'],
		['abc-de-fghi', 'hr/ssn-format']
	])('rejects %s with %s', (s, c) => {
		expect(code(validateSsn(s))).toBe(c);
	});
	it('never echoes the number in the error', () => {
		const r = validateSsn('666-12-3456');
		expect(JSON.stringify(r)).not.toContain('3456');
		expect(r.ok ? '' : r.error.message).toContain('nationalIds.usSsn');
	});
	it('masks to the last four', () => {
		expect(maskSsn('123-45-6789')).toBe('***-**-6789');
		expect(maskSsn('12')).toBe('***-**-****');
	});
});

describe('UK National Insurance number', () => {
	it.each(['AB123456C', 'ab 12 34 56 c', 'JG103759A', 'CE123456D', 'NA123456B'])('accepts %s', (s) => {
		expect(code(validateNiNumber(s))).toBe('ok');
	});
	it.each([
		['QQ123456C', 'hr/ni-prefix'],
		['DA123456A', 'hr/ni-prefix'],
		['FA123456A', 'hr/ni-prefix'],
		['AO123456A', 'hr/ni-prefix'],
		['AV123456A', 'hr/ni-prefix'],
		['BG123456A', 'hr/ni-prefix'],
		['GB123456A', 'hr/ni-prefix'],
		['NK123456A', 'hr/ni-prefix'],
		['KN123456A', 'hr/ni-prefix'],
		['TN123456A', 'hr/ni-prefix'],
		['NT123456A', 'hr/ni-prefix'],
		['ZZ123456A', 'hr/ni-prefix'],
		['AB123456E', 'hr/ni-suffix'],
		['AB12345C', 'hr/ni-format'],
		['A1123456C', 'hr/ni-format']
	])('rejects %s with %s', (s, c) => {
		expect(code(validateNiNumber(s))).toBe(c);
	});
	it('masks the digits', () => {
		expect(maskNiNumber('QQ123456C')).toBe('QQ •• •• •• C');
		expect(maskNiNumber('qq 12 34 56 c')).toBe('QQ •• •• •• C');
	});
});

describe('IBAN', () => {
	it.each([
		'GB82 WEST 1234 5698 7654 32',
		'GB33BUKB20201555555555',
		'DE89 3704 0044 0532 0130 00',
		'FR14 2004 1010 0505 0001 3M02 606',
		'FR76 3000 6000 0112 3456 7890 189',
		'NL91 ABNA 0417 1643 00',
		'BE68 5390 0754 7034',
		'NO93 8601 1117 947',
		'CH93 0076 2011 6238 5295 7'
	])('accepts %s', (s) => {
		expect(code(validateIban(s))).toBe('ok');
	});
	it.each([
		['GB82 WEST 1234 5698 7654 33', 'hr/iban-checksum'],
		['DE89 3704 0044 0532 0130 01', 'hr/iban-checksum'],
		['NL91 ABNA 0417 1643 0', 'hr/iban-length'],
		['FR14 2004 1010 0505 0001 3M02 6060', 'hr/iban-length'],
		['US12 3456 7890 1234', 'hr/iban-country'],
		['12GB WEST', 'hr/iban-format']
	])('rejects %s with %s', (s, c) => {
		expect(code(validateIban(s))).toBe(c);
	});
	it('detects any single-character substitution in a valid IBAN', () => {
		const valid = 'DE89370400440532013000';
		fc.assert(
			fc.property(
				fc.integer({ min: 4, max: valid.length - 1 }),
				fc.integer({ min: 1, max: 9 }),
				(pos, delta) => {
					const digit = (Number(valid[pos]) + delta) % 10;
					const changed = valid.slice(0, pos) + String(digit) + valid.slice(pos + 1);
					expect(code(validateIban(changed))).toBe('hr/iban-checksum');
				}
			)
		);
	});
	it('formats and masks', () => {
		expect(formatIban('gb82west12345698765432')).toBe('GB82 WEST 1234 5698 7654 32');
		expect(maskIban('GB82WEST12345698765432')).toBe('GB•• •••• •••• •••• ••54 32');
		expect(maskIban('GB82WEST12345698765432').replace(/\s/g, '').endsWith('5432')).toBe(true);
	});
});

describe('US routing and account numbers', () => {
	it.each(['021000021', '011000015', '121000358', '026009593', '322271627'])('accepts %s', (s) => {
		expect(code(validateRoutingNumber(s))).toBe('ok');
	});
	it.each([
		['021000022', 'hr/routing-checksum'],
		['123456789', 'hr/routing-checksum'],
		['02100002', 'hr/routing-format'],
		['500000006', 'hr/routing-prefix']
	])('rejects %s with %s', (s, c) => {
		expect(code(validateRoutingNumber(s))).toBe(c);
	});
	it('checks account number length and masks it', () => {
		expect(code(validateUsAccountNumber('123'))).toBe('hr/us-account-format');
		expect(code(validateUsAccountNumber('000123456789'))).toBe('ok');
		expect(maskAccountNumber('000123456789')).toBe('••••6789');
	});
});

describe('UK sort code and account', () => {
	it.each(['12-34-56', '123456', '12 34 56'])('accepts sort code %s', (s) => {
		const r = validateSortCode(s);
		expect(r.ok && r.value).toBe('12-34-56');
	});
	it.each(['12-3456', '1234567', '12-34-5x', '12/34/56'])('rejects sort code %s', (s) => {
		expect(code(validateSortCode(s))).toBe('hr/sort-code-format');
	});
	it('accepts only 8-digit accounts', () => {
		expect(code(validateUkAccountNumber('31926819'))).toBe('ok');
		expect(code(validateUkAccountNumber('3192681'))).toBe('hr/uk-account-format');
		expect(code(validateUkAccountNumber('319268190'))).toBe('hr/uk-account-format');
	});
});
