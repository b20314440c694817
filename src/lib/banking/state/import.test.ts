import { describe, expect, it } from 'vitest';
import { checkBalance, parseStatementFile } from '$lib/banking/domain';
import { unwrap } from '$lib/shared/domain';
import { chooseStatements } from './import';

const parsed = (amount: string) => {
	const statements = unwrap(
		parseStatementFile({
			bytes: new TextEncoder().encode(`Date,Payee,Amount\n2026-06-02,Corner Shop,${amount}\n`),
			fileName: 'june.csv',
			format: 'csv'
		})
	);
	return { statements, checks: statements.map(checkBalance) };
};

describe('chooseStatements', () => {
	it('refuses a file with an amount finer than the bank account currency, so nothing is written', () => {
		const r = chooseStatements(parsed('12.345'), ['ba-1'], false, (id) =>
			id === 'ba-1' ? 'USD' : undefined
		);
		expect(r.ok ? '' : r.error.message).toBe(
			'june.csv, line 2, amount: 12.345 has more decimal places than USD amounts have (2). Keel does not round bank amounts: correct the file and import it again'
		);
		expect(chooseStatements(parsed('12.34'), ['ba-1'], false, () => 'USD').ok).toBe(true);
		expect(chooseStatements(parsed('12.345'), ['ba-1'], false, () => 'KWD').ok).toBe(true);
		const none = chooseStatements(parsed('12.34'), ['ba-2'], false, () => undefined);
		expect(none.ok ? '' : none.error.code).toBe('banking/bad-account');
	});
});
