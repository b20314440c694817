// A US ABA routing number has 9 digits, a Federal Reserve prefix (00-12, 21-32, 61-72, 80) and a
// weighted 3-7-1 checksum divisible by 10. Account numbers are 4-17 digits and only shown masked.
import { ok, type Result } from '../../../shared/domain';
import { fieldError } from '../errors';

export type RoutingNumber = string & { readonly __brand: 'RoutingNumber' };
export type UsAccountNumber = string & { readonly __brand: 'UsAccountNumber' };

const WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7, 1] as const;

function validPrefix(prefix: number): boolean {
	return prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
}

export function validateRoutingNumber(input: string, field = 'bank.routingNumber'): Result<RoutingNumber> {
	const compact = input.replace(/[\s-]+/g, '');
	if (!/^\d{9}$/.test(compact)) return fieldError(field, 'hr/routing-format', `${field} must be 9 digits`);
	if (!validPrefix(Number(compact.slice(0, 2)))) {
		return fieldError(
			field,
			'hr/routing-prefix',
			`${field} does not start with a Federal Reserve routing symbol`
		);
	}
	let total = 0;
	for (let i = 0; i < 9; i++) total += Number(compact[i]) * (WEIGHTS[i] ?? 0);
	if (total % 10 !== 0) {
		return fieldError(field, 'hr/routing-checksum', `${field}: check digit does not match (mistyped digit?)`);
	}
	return ok(compact as RoutingNumber);
}

export function validateUsAccountNumber(
	input: string,
	field = 'bank.accountNumber'
): Result<UsAccountNumber> {
	const compact = input.replace(/[\s-]+/g, '');
	if (!/^\d{4,17}$/.test(compact)) {
		return fieldError(field, 'hr/us-account-format', `${field} must be 4 to 17 digits`);
	}
	return ok(compact as UsAccountNumber);
}

/** Last 4 digits: `••••6789`. */
export function maskAccountNumber(value: string): string {
	const compact = value.replace(/[\s-]+/g, '');
	return compact.length <= 4 ? '••••' : `••••${compact.slice(-4)}`;
}
