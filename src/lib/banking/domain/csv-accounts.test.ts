// CSV files holding several accounts: one statement per account value, nothing lost or moved between accounts,
// and a row without an account named by line. Property-tested on generated files; the mutated fixtures in
// fuzz.test.ts cover broken bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../shared/domain';
import { parseCsv, parseCsvAccounts } from './csv';
import { detectCsvMapping } from './csv-detect';
import type { CsvMapping } from './csv-mapping';

const enc = (s: string) => new TextEncoder().encode(s);
const mapping: CsvMapping = {
	version: 1,
	delimiter: ',',
	encoding: 'auto',
	headerRow: 0,
	columns: { date: 0, payee: [1], amount: 2, account: 3 },
	dateOrder: 'ymd',
	decimalComma: false,
	sign: 'money-in-positive'
};

describe('parseCsvAccounts', () => {
	it('splits by the account column; parseCsv keeps one statement', () => {
		const file = enc(
			'Date,Payee,Amount,Account\n2026-01-02,Cafe,-3.50,Checking\n2026-01-02,Cafe,-3.50,Savings\n2026-01-03,Rent,-900.00,Checking\n'
		);
		const st = unwrap(parseCsvAccounts(file, mapping, 'two.csv'));
		expect(st.map((s) => [s.account.accountNumber, s.lines.map((l) => l.amount)])).toEqual([
			['Checking', ['-3.50', '-900.00']],
			['Savings', ['-3.50']]
		]);
		expect(unwrap(parseCsv(file, mapping, 'two.csv')).lines).toHaveLength(3);
		const detected = unwrap(detectCsvMapping(file, 'two.csv'));
		expect(detected.mapping.columns.account).toBe(3);
	});
	it('names the line of a row with no account', () => {
		const r = parseCsvAccounts(
			enc('Date,Payee,Amount,Account\n2026-01-02,Cafe,-3.50,Checking\n2026-01-03,Rent,-9.00,\n'),
			mapping,
			'gap.csv'
		);
		expect(r.ok ? '' : r.error.message).toBe('gap.csv, line 3, Account: the account is empty');
	});
	it('property: every row lands in the statement of its account, in file order, with ids unique per statement', () => {
		const row = fc.record({
			day: fc.integer({ min: 1, max: 28 }),
			cents: fc.integer({ min: -500000, max: 500000 }),
			payee: fc.constantFrom('Cafe', 'Rent', 'Shop', 'Payroll'),
			account: fc.constantFrom('A-1', 'B 2', 'Cash')
		});
		fc.assert(
			fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), (rows) => {
				const money = (c: number) =>
					`${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;
				const text =
					'Date,Payee,Amount,Account\n' +
					rows
						.map((r) => `2026-02-${String(r.day).padStart(2, '0')},${r.payee},${money(r.cents)},${r.account}`)
						.join('\n');
				const st = unwrap(parseCsvAccounts(enc(text), mapping, 'p.csv'));
				const accounts = [...new Set(rows.map((r) => r.account))];
				expect(st.map((s) => s.account.accountNumber)).toEqual(accounts);
				for (const s of st) {
					const mine = rows.filter((r) => r.account === s.account.accountNumber);
					expect(s.lines.map((l) => l.amount)).toEqual(mine.map((r) => money(r.cents)));
					expect(new Set(s.lines.map((l) => l.id)).size).toBe(s.lines.length);
				}
			}),
			{ numRuns: 200, seed: 4 }
		);
	});
});
