import { describe, expect, it } from 'vitest';
import { checkBalance } from './balance';
import { brief, parseFixture, parseFixtureResult } from './fixtures.helper';

describe('CAMT fixtures (camt/actual, camt/genkgo SOURCE.md)', () => {
	it('Actual camt.053: 7 lines from 6 entries (batch split), booking dates, payees, refs; balances do NOT reconcile', () => {
		const s = parseFixture('camt/actual/camt.053.xml')[0]!;
		expect(s.lines.map((l) => [l.amount, l.payee, l.bankRef ?? null])).toEqual([
			['0.60', 'Testkonto Nummer 2', '2013123001153870000'],
			['0.50', 'Testkonto Nummer 2', '2013123001153870001'],
			['-89.85', 'Supermarkt A', '640387810124072/2'],
			['1.20', '', '2014010509572410000'],
			['-80.00', 'Rega', '367406715024072/1'],
			['2.25', 'Testkonto Nummer 2', null],
			['1.20', 'Testkonto Nummer 2', null]
		]);
		// Keel dates a line by its booking date and keeps the value date beside it (Actual uses the value date).
		expect(s.lines[2]).toMatchObject({ date: '2024-03-12', valueDate: '2024-03-11' });
		expect(s.lines[3]?.memo.startsWith('Retoure SEPA Lastschrift vom 03.01.2014, Rueckgabegrund: MD06')).toBe(
			true
		);
		expect(s.lines[5]?.memo).toBe('Lastschrift 2. Zahlung TAN:747216');
		expect(s.account).toMatchObject({ iban: 'DE14740618130000033626', bankId: 'GENODEF1PFK' });
		const check = checkBalance(s);
		expect(check).toMatchObject({ status: 'mismatch', opening: '24.16', closing: '27.61' });
	});
	it('camt.052 in ISO-8859-1 decodes umlauts', () => {
		const s = parseFixture('camt/actual/camt.latin1.xml')[0]!;
		expect(s.format).toBe('camt.052');
		expect(s.lines[0]).toMatchObject({ amount: '100.00', memo: 'M-Überschusssparen', date: '2025-09-09' });
		expect(s.lines[1]).toMatchObject({
			amount: '-5.00',
			payee: 'Grüße aus München',
			memo: 'Restaurant Schrödingers Katze und Café Ünique'
		});
	});
	it('genkgo: v2/v3/v4/v8 minimal give +8.85 on 2014-12-31 from opening 18.15; foreign-currency balances left out', () => {
		for (const v of ['v2.minimal', 'v3', 'v4', 'v8']) {
			const s = parseFixture(`camt/genkgo/camt053.${v}.xml`)[0]!;
			expect(brief(s)).toEqual([['2014-12-31', '8.85', 'NAME NAME']]);
			expect(s.lines[0]?.valueDate).toBe('2015-01-02');
			expect(s.openingBalance?.amount).toBe('18.15');
			expect(s.closingBalance).toBeUndefined();
			expect(s.warnings.join(' ')).toMatch(/SEK/);
		}
	});
	it('genkgo: multi statement reconciles per statement; five decimals does not; DtTm in Dt; wrong file rejected', () => {
		const [a, b] = parseFixture('camt/genkgo/camt053.v2.multi.statement.xml');
		expect([a?.openingBalance?.amount, a?.closingBalance?.amount, checkBalance(a!).status]).toEqual([
			'18.15',
			'27.00',
			'ok'
		]);
		expect([b?.lines[0]?.amount, checkBalance(b!).status]).toEqual(['-7.00', 'ok']);
		const five = parseFixture('camt/genkgo/camt053.v2.five.decimals.xml')[0]!;
		expect(checkBalance(five)).toEqual({
			status: 'mismatch',
			opening: '18.15',
			closing: '27.05',
			linesTotal: '8.85',
			difference: '0.05'
		});
		const dt = parseFixture('camt/genkgo/camt53.only-Dt-with-DtTm.xml')[0]!;
		expect([dt.openingBalance?.amount, dt.currency, dt.lines.length]).toEqual(['5442.09', 'RON', 0]);
		const wrong = parseFixtureResult('camt/genkgo/camt053.v2.wrong.xml');
		expect(!wrong.ok && wrong.error.code).toBe('banking/no-statement');
	});
});

describe('MT940 fixtures (mt940/actual, jejik, wolph SOURCE.md)', () => {
	it('Actual data.sta: 6 lines, structured :86: styles, reconciles', () => {
		const s = parseFixture('mt940/actual/data.sta')[0]!;
		expect(s.lines.map((l) => [l.date, l.amount, l.payee, l.memo])).toEqual([
			['2025-08-01', '-42.50', "Boulangerie L'Étoile", 'Facture 2025-0042'],
			['2025-08-02', '1200.00', 'Employeur Acme SARL', 'Salaire août 2025'],
			['2025-08-03', '-89.99', 'MÜLLER GMBH', 'Rechnung 4711 SEPA ÜBERWEISUNG'],
			['2025-08-04', '-15.00', 'RETRAIT GUICHET AUTOMATIQUE', ''],
			['2025-08-05', '-24.80', 'Librairie Gibert Joseph', 'Virement en ligne'],
			['2025-08-06', '-31.00', 'TREMBLAY, MARIE', 'Paiement mobile']
		]);
		expect(s.lines[0]?.bankRef).toBe('BANKREF001');
		expect(checkBalance(s).status).toBe('ok');
	});
	it('jejik: statement counts, openings and per-statement balance checks as SOURCE.md states', () => {
		const cases: [string, number, string, ('ok' | 'mismatch' | 'n/a')[]][] = [
			['abnamro.txt', 2, '3236.28', ['mismatch', 'mismatch']],
			['ing-dos.txt', 1, '0.00', ['mismatch']],
			['knab.txt', 2, '0.00', ['ok', 'mismatch']],
			['rabobank-iban.txt', 2, '1000.00', ['ok', 'ok']],
			['sns.txt', 2, '1234.56', ['ok', 'ok']],
			['triodos.txt', 1, '4975.09', ['mismatch']],
			['sparkasse.txt', 2, '194.57', ['ok', 'ok']],
			['volksbankenraiffeisenbanken.txt', 8, '3085.00', Array<'ok'>(8).fill('ok')],
			['deutschebank.txt', 1, '0.00', ['mismatch']],
			['lbbw.txt', 1, '0.00', ['ok']],
			['generic.txt', 2, '100.00', ['ok', 'ok']]
		];
		for (const [f, n, opening, checks] of cases) {
			const st = parseFixture(`mt940/jejik/${f}`);
			expect([f, st.length, st[0]?.openingBalance?.amount, st.map((x) => checkBalance(x).status)]).toEqual([
				f,
				n,
				opening,
				checks
			]);
		}
		const abn = parseFixture('mt940/jejik/abnamro.txt')[0]!;
		expect(abn.lines).toHaveLength(8);
		expect(abn.lines[0]).toMatchObject({ date: '2011-05-24', amount: '-9.00' });
		const knab = parseFixture('mt940/jejik/knab.txt')[1]!;
		expect(knab.lines[0]).toMatchObject({ date: '2014-07-29', amount: '-7260.00' });
		const spk = parseFixture('mt940/jejik/sparkasse.txt')[1]!;
		expect(spk.lines[0]).toMatchObject({ date: '2019-02-19', amount: '-20.00', payee: 'Max Mustermann' });
		expect(parseFixture('mt940/jejik/postfinance.txt')[0]).toMatchObject({
			currency: 'CHF',
			lines: [{ amount: '79.70', date: '2013-12-09' }, {}]
		});
	});
	it('wolph: debit balances, funds codes, split :61:, impossible dates, missing closing balances', () => {
		const sepa = parseFixture('mt940/wolph/betterplace/sepa_snippet.sta');
		expect(sepa.map((s) => s.lines.length).reduce((a, b) => a + b)).toBe(11);
		expect([sepa[1]?.openingBalance?.amount, sepa[1]?.closingBalance?.amount]).toEqual([
			'-1970431.87',
			'-4472049.09'
		]);
		expect(sepa.map((s) => checkBalance(s).status)).toEqual(['ok', 'mismatch']);
		const cmxl = parseFixture('mt940/wolph/cmxl/mt940.sta');
		expect(cmxl.map((s) => s.lines.length).reduce((a, b) => a + b)).toBe(16);
		expect(cmxl.map((s) => checkBalance(s).status)).toEqual(['ok', 'ok', 'ok']);
		const mbank = parseFixture('mt940/wolph/mBank/mt940.sta')[0]!;
		expect([mbank.lines.map((l) => l.amount), checkBalance(mbank).status]).toEqual([
			['0.01', '0.01', '0.01'],
			'ok'
		]);
		expect(parseFixture('mt940/wolph/sberbank/171011_01234945.sta')[0]?.lines.map((l) => l.amount)).toEqual([
			'-2402.00',
			'-3460.00',
			'-3575.00'
		]);
		const feb = parseFixture('mt940/wolph/self-provided/february_30.sta')[0]!;
		expect(feb.lines[0]).toMatchObject({ valueDate: '2016-02-29', amount: '-6.00' });
		expect(feb.warnings.join(' ')).toMatch(/2016-02-30 does not exist/);
		const multi = parseFixture('mt940/wolph/self-provided/multiline.sta')[0]!;
		expect(multi.lines.map((l) => [l.valueDate, l.amount])).toEqual([
			['2004-08-04', '-5.00'],
			['2022-12-19', '119.00']
		]);
		expect(parseFixture('mt940/wolph/self-provided/sparkassen.sta')[0]?.lines[0]).toMatchObject({
			date: '2018-11-26',
			amount: '30.00'
		});
		const raph = parseFixture('mt940/wolph/self-provided/raphaelm.sta');
		expect(raph.map((s) => s.lines.length).reduce((a, b) => a + b)).toBe(9);
		expect(parseFixture('mt940/wolph/self-provided/whitespace.sta')[0]?.lines[0]).toMatchObject({
			date: '2017-09-14',
			amount: '-233.15'
		});
		expect(
			parseFixture('mt940/wolph/self-provided/raiffeisen-cmi.sta')[0]?.lines.map((l) => l.amount)
		).toEqual(['2066637.00', '-14790.00', '-3051800.00', '-3892.77', '-789.24', '-1578.49', '-6000.00']);
		expect(parseFixture('mt940/wolph/betterplace/missing_crlf_at_end.sta')[0]?.closingBalance?.amount).toBe(
			'42570.04'
		);
		expect(parseFixtureResult('mt940/wolph/betterplace/empty_86.sta').ok).toBe(false);
	});
});
