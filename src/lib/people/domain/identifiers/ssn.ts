// A US Social Security number is accepted only if it has 9 digits and could have been issued: the
// SSA never issues area 000, 666 or 900-999, group 00 or serial 0000. Errors never echo the number.
import { ok, type Result } from '../../../shared/domain';
import { fieldError } from '../errors';

/** Normalised form `AAA-GG-SSSS`. */
export type Ssn = string & { readonly __brand: 'Ssn' };

const SSN_RE = /^(\d{3})-?(\d{2})-?(\d{4})$/;

export function validateSsn(input: string, field = 'nationalIds.usSsn'): Result<Ssn> {
	const m = SSN_RE.exec(input.replace(/\s+/g, ''));
	if (!m) return fieldError(field, 'hr/ssn-format', `${field} must be 9 digits, written 123-45-6789`);
	const [, area = '', group = '', serial = ''] = m;
	const areaNumber = Number(area);
	if (areaNumber === 0 || areaNumber === 666 || areaNumber >= 900) {
		return fieldError(
			field,
			'hr/ssn-area',
			`${field} has an area number (first 3 digits) the SSA never issues`
		);
	}
	if (group === '00')
		return fieldError(field, 'hr/ssn-group', `${field} has group 00 (digits 4-5), never issued`);
	if (serial === '0000') {
		return fieldError(field, 'hr/ssn-serial', `${field} has serial 0000 (last 4 digits), never issued`);
	}
	return ok(`${area}-${group}-${serial}` as Ssn);
}

/** `***-**-6789`; anything that is not 9 digits masks completely. */
export function maskSsn(value: string): string {
	const digits = value.replace(/\D/g, '');
	return digits.length === 9 ? `***-**-${digits.slice(5)}` : '***-**-****';
}
