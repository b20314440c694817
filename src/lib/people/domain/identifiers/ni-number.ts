// A UK National Insurance number is two prefix letters, six digits and a suffix A-D, with HMRC's
// prefix rules: first letter not D F I Q U V, second not D F I O Q U V, and never BG GB NK KN TN NT ZZ.
import { ok, type Result } from '../../../shared/domain';
import { fieldError } from '../errors';

/** Normalised form `AB123456C`, no spaces. */
export type NiNumber = string & { readonly __brand: 'NiNumber' };

const NI_RE = /^([A-Z])([A-Z])(\d{6})([A-Z])$/;
const BAD_FIRST = new Set(['D', 'F', 'I', 'Q', 'U', 'V']);
const BAD_SECOND = new Set(['D', 'F', 'I', 'O', 'Q', 'U', 'V']);
const BAD_PREFIXES = new Set(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ']);

export function validateNiNumber(input: string, field = 'nationalIds.ukNiNumber'): Result<NiNumber> {
	const compact = input.replace(/\s+/g, '').toUpperCase();
	const m = NI_RE.exec(compact);
	if (!m) {
		return fieldError(
			field,
			'hr/ni-format',
			`${field} must be 2 letters, 6 digits and a letter, e.g. QQ 12 34 56 C`
		);
	}
	const [, first = '', second = '', , suffix = ''] = m;
	if (BAD_FIRST.has(first)) {
		return fieldError(
			field,
			'hr/ni-prefix',
			`${field}: HMRC never uses D, F, I, Q, U or V as the first letter`
		);
	}
	if (BAD_SECOND.has(second)) {
		return fieldError(
			field,
			'hr/ni-prefix',
			`${field}: HMRC never uses D, F, I, O, Q, U or V as the second letter`
		);
	}
	if (BAD_PREFIXES.has(first + second)) {
		return fieldError(
			field,
			'hr/ni-prefix',
			`${field}: prefixes BG, GB, NK, KN, TN, NT and ZZ are not allocated`
		);
	}
	if (!'ABCD'.includes(suffix)) return fieldError(field, 'hr/ni-suffix', `${field} must end in A, B, C or D`);
	return ok(compact as NiNumber);
}

/** `QQ •• •• •• C`: prefix and suffix stay, the six digits never show. */
export function maskNiNumber(value: string): string {
	const compact = value.replace(/\s+/g, '').toUpperCase();
	const m = NI_RE.exec(compact);
	return m ? `${m[1]}${m[2]} •• •• •• ${m[4]}` : '•• •• •• •• •';
}
