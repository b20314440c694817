// A UK sort code is exactly 6 digits (stored 12-34-56) and a UK account number exactly 8 digits.
// Modulus checking against the Vocalink table is the bank's job; here only the shape is enforced.
import { ok, type Result } from '../../../shared/domain';
import { fieldError } from '../errors';

export type SortCode = string & { readonly __brand: 'SortCode' };
export type UkAccountNumber = string & { readonly __brand: 'UkAccountNumber' };

export function validateSortCode(input: string, field = 'bank.sortCode'): Result<SortCode> {
	const trimmed = input.trim();
	if (!/^\d{2}([-\s]?)\d{2}\1\d{2}$/.test(trimmed)) {
		return fieldError(field, 'hr/sort-code-format', `${field} must be 6 digits, written 12-34-56`);
	}
	const digits = trimmed.replace(/\D/g, '');
	return ok(`${digits.slice(0, 2)}-${digits.slice(2, 4)}-${digits.slice(4)}` as SortCode);
}

export function validateUkAccountNumber(
	input: string,
	field = 'bank.accountNumber'
): Result<UkAccountNumber> {
	const compact = input.replace(/\s+/g, '');
	if (!/^\d{8}$/.test(compact))
		return fieldError(field, 'hr/uk-account-format', `${field} must be exactly 8 digits`);
	return ok(compact as UkAccountNumber);
}
