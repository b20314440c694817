// The fixture files no other test named, checked against what their SOURCE.md states; where Keel
// deliberately reads a file differently from the source program, the test says so.
import { describe, expect, it } from 'vitest';
import { checkBalance } from './balance';
import { brief, parseFixture, parseFixtureResult } from './fixtures.helper';
import { sumDecimals } from '../../books/domain';

describe('remaining MT940 fixtures (jejik, wolph SOURCE.md)', () => {
	it('rabobank: 4 statements, opening 473.17; statements 1 and 3 reconcile, 0 and 2 do not', () => {
		const st = parseFixture('mt940/jejik/rabobank.txt');
		expect(st.map((s) => checkBalance(s).status)).toEqual(['mismatch', 'ok', 'mismatch', 'ok']);
		expect(st[0]?.openingBalance).toMatchObject({ amount: '473.17', date: '2011-06-14' });
		expect(st[1]?.lines).toHaveLength(0);
		expect(st[2]?.lines.map((l) => l.amount)).toEqual(['-44.95', '-236.56']);
		expect(brief(st[3]!)[1]?.slice(0, 2)).toEqual(['2012-08-29', '-6.20']);
	});
	it('ing-unix: the same statement as ing-dos (7 lines from 0.00, does not reconcile)', () => {
		const [s] = parseFixture('mt940/jejik/ing-unix.txt');
		expect([s?.openingBalance?.amount, s?.lines.length, s?.lines[0]?.amount, s?.lines[0]?.date]).toEqual([
			'0.00',
			7,
			'-25.03',
			'2010-07-22'
		]);
		expect(checkBalance(s!).status).toBe('mismatch');
	});
	it('sparkasse_interim_balance: 3 statements, every one reconciles', () => {
		const st = parseFixture('mt940/jejik/sparkasse_interim_balance.txt');
		expect(st.map((s) => checkBalance(s).status)).toEqual(['ok', 'ok', 'ok']);
		expect(st[0]?.openingBalance?.amount).toBe('194.57');
	});
	it('with_binary_character: a stray byte in :20: is read past; 4 lines, both statements reconcile', () => {
		const st = parseFixture('mt940/wolph/betterplace/with_binary_character.sta');
		expect(st.reduce((n, s) => n + s.lines.length, 0)).toBe(4);
		expect(st.at(-1)).toMatchObject({
			openingBalance: { amount: '130073.19' },
			closingBalance: { amount: '131193.19' }
		});
		expect(st.map((s) => checkBalance(s).status)).toEqual(['ok', 'ok']);
	});
});

describe('remaining CSV fixtures (csv2ofx SOURCE.md)', () => {
	it('ubs-ch-fr: separate Débit/Crédit columns and DD.MM.YYYY give the 3 stated lines; the running balance reconciles', () => {
		const [s] = parseFixture('csv/csv2ofx/ubs-ch-fr_trimmed.csv');
		expect(s?.lines.map((l) => [l.date, l.amount])).toEqual([
			['2019-03-31', '-10.00'],
			['2019-02-28', '240.00'],
			['2019-04-27', '-200.00']
		]);
		expect(checkBalance(s!).status).toBe('ok');
		// csv2ofx's payee (expected/ubs-ch-fr.qif): Description 2 for money in, Description 3 for money out;
		// the fee line names nobody, so Keel falls back to Description 1 (the label SOURCE.md gives it).
		expect(s?.lines.map((l) => l.payee)).toEqual([
			'Solde prix prestations',
			'ASSOCIATION FOO-BAR',
			'Quuz-baz SàrL, CH - 1203 GENEVE, E-Banking CHF intérieur'
		]);
		expect(s?.lines.map((l) => l.bankRef)).toEqual([
			'A01234BC01234567',
			'3456789ZT1234567',
			'9979360TI2115087'
		]);
		expect(s?.account.accountNumber).toBe('0123 45678901.23A');
	});
	it('default: the 8 stated lines, one statement per value of its Account column (as csv2ofx: 2 statements)', () => {
		const st = parseFixture('csv/csv2ofx/default.csv');
		expect(st.map((s) => [s.account.accountNumber, s.lines.length])).toEqual([
			['Checking', 6],
			['Cash', 2]
		]);
		expect(brief(st[0]!)[0]).toEqual(['2015-02-08', '50000.00', 'Ằdøłƥh Noƴa']);
		expect(brief(st[1]!)).toEqual([
			['2015-03-24', '45000.00', 'Tchênzema Tchênzema'],
			['2015-03-25', '50000.00', 'Ƣunȡuƙi Chairman']
		]);
	});
	it('xero: a journal export, read as 13 plain lines that sum to zero (Keel does not regroup journals into splits)', () => {
		const [s] = parseFixture('csv/csv2ofx/xero.csv');
		expect(s?.lines).toHaveLength(13);
		expect(sumDecimals(s!.lines.map((l) => l.amount))).toMatch(/^-?0(\.0+)?$/);
	});
});

describe('remaining QIF fixtures (quiffen SOURCE.md)', () => {
	it('files with no bank register are refused with a message naming the file', () => {
		for (const f of ['test_option_autoswitch.qif', 'test_unknown_account_type.qif']) {
			const r = parseFixtureResult(`qif/quiffen/${f}`);
			expect(r.ok).toBe(false);
			if (!r.ok)
				expect(r.error.message).toMatch(
					new RegExp(`^${f.replace('.', '\\.')}: the file holds no bank transactions`)
				);
		}
	});
});
