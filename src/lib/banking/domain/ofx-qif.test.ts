import { describe, expect, it } from 'vitest';
import { checkBalance } from './balance';
import { brief, parseFixture, parseFixtureResult } from './fixtures.helper';

describe('OFX/QFX fixtures (ofx/actual, ofx/ofxparse SOURCE.md)', () => {
	it('data.ofx: 10 lines, same-day same-payee pairs both kept, FITIDs, ledger balance', () => {
		const [s] = parseFixture('ofx/actual/data.ofx');
		expect(s?.lines).toHaveLength(10);
		expect(brief(s!)[0]).toEqual(['2019-01-23', '-30.00', 'PATIENT FIRST TOKEN 01/22 PURCHA']);
		expect(s?.lines[0]?.bankRef).toBe('00092990122-30.00019012312798.01');
		expect(s?.lines.map((l) => l.amount)).toEqual([
			'-30.00',
			'-3.77',
			'-9.62',
			'-115.99',
			'-10.34',
			'-22.53',
			'-108.71',
			'-25.00',
			'-32.38',
			'-6.07'
		]);
		expect(new Set(s?.lines.map((l) => l.id)).size).toBe(10);
		expect(s?.account).toMatchObject({ bankId: '012345678', accountNumber: '123456789123' });
		expect(s?.closingBalance).toEqual({ amount: '12798.01', date: '2019-01-24' });
		expect(checkBalance(s!).status).toBe('n/a');
	});
	it('credit-card.ofx (one-line SGML), 8859-1.qfx (declared 8859-1, UTF-8 bytes), html-vals.qfx (double escaping)', () => {
		expect(brief(parseFixture('ofx/actual/credit-card.ofx')[0]!)).toEqual([
			['2023-03-30', '-6.00', 'LOUISIANA STATE MUSEUM751 PLACE JOHN PAUL NEW ORLEANS 70116-3205LA USA']
		]);
		const q = parseFixture('ofx/actual/8859-1.qfx')[0]!;
		expect(brief(q)).toEqual([['2022-10-19', '-20.00', 'Paiement facture/Carte prépayée']]);
		expect(q.lines[0]).toMatchObject({ memo: 'PWW', bankRef: 'wSoKuCS77' });
		const h = parseFixture('ofx/actual/html-vals.qfx')[0]!;
		expect(h.lines[0]?.memo).toBe(
			'PREAUTHORIZED DEBIT;B.C. HYDRO & POWER AUTHORITY;Electronic Funds Transfer'
		);
		expect(h.lines[1]?.payee).toBe('TPAY <DEFTPYMT>');
	});
	it('multi-decimal amounts and zero-padded signed amounts keep their value', () => {
		expect(
			parseFixture('ofx/actual/data-multi-decimal.ofx')[0]
				?.lines.slice(0, 2)
				.map((l) => l.amount)
		).toEqual(['-30.00', '-3.77']);
		const f = parseFixture('ofx/ofxparse/fidelity-savings.ofx')[0]!;
		expect(f.lines).toHaveLength(4);
		expect(f.lines[0]).toMatchObject({
			date: '2012-07-20',
			amount: '-1500.00',
			bankRef: 'X0000000000000000000001',
			payee: 'Check Paid #0000001001'
		});
		expect(f.lines[1]).toMatchObject({
			date: '2012-07-27',
			amount: '115.8331',
			memo: 'TRANSFERRED FROM     VS X10-08144-1'
		});
	});
	it('ofxparse bank_medium, anzcc, suncorp CDATA, checking, multiple accounts, empty tags', () => {
		const m = parseFixture('ofx/ofxparse/bank_medium.ofx')[0]!;
		expect(m.lines).toHaveLength(3);
		expect(brief(m)[0]).toEqual(['2009-04-01', '-6.60', "MCDONALD'S #112"]);
		expect(m).toMatchObject({
			currency: 'CAD',
			account: { accountNumber: '12300 000012345678', bankId: '160000100' },
			closingBalance: { amount: '382.34' }
		});
		expect(parseFixture('ofx/ofxparse/anzcc.ofx')[0]).toMatchObject({
			account: { accountNumber: '1234123412341234' },
			closingBalance: { amount: '-123.45' }
		});
		const s = parseFixture('ofx/ofxparse/suncorp.ofx')[0]!;
		expect(s.lines[0]).toMatchObject({
			amount: '-16.85',
			payee: 'EFTPOS WDL HANDYWAY ALDI STORE',
			memo: 'EFTPOS WDL HANDYWAY ALDI STORE   GEELONG WEST VICAU'
		});
		expect(parseFixture('ofx/ofxparse/checking.ofx')[0]?.lines.map((l) => l.amount)).toEqual([
			'0.01',
			'-34.51',
			'-25.00'
		]);
		expect(
			parseFixture('ofx/ofxparse/multiple_accounts2.ofx').map((x) => [
				x.account.accountNumber,
				x.account.type,
				x.closingBalance?.amount
			])
		).toEqual([
			['9100', 'CHECKING', '111.00'],
			['9200', 'SAVINGS', '222.00']
		]);
		const e = parseFixture('ofx/ofxparse/ofx-v102-empty-tags.ofx')[0]!;
		expect(e.currency).toBeUndefined();
		expect(e.account).toMatchObject({ accountNumber: '12345678', bankId: 'NPBS' });
		expect(e.warnings.join(' ')).toMatch(/no currency/);
	});
	it('bank errors and bad transactions are errors naming file, line and field', () => {
		const signon = parseFixtureResult('ofx/ofxparse/signon_fail.ofx');
		expect(!signon.ok && signon.error.message).toMatch(/signon_fail\.ofx.*15500/);
		const stmt = parseFixtureResult('ofx/ofxparse/error_message.ofx');
		expect(!stmt.ok && stmt.error.message).toMatch(/2000, "General Server Error"/);
		const date = parseFixtureResult('ofx/ofxparse/fail_nice/date_missing.ofx');
		expect(!date.ok && date.error).toMatchObject({
			code: 'banking/bad-date',
			details: { file: 'date_missing.ofx', field: 'DTPOSTED' }
		});
		const dec = parseFixtureResult('ofx/ofxparse/fail_nice/decimal_error.ofx');
		expect(dec.ok).toBe(false);
		const empty = parseFixture('ofx/ofxparse/fail_nice/empty_balance.ofx')[0]!;
		expect(empty.lines).toHaveLength(1);
		expect(empty.closingBalance).toBeUndefined();
	});
});

describe('QIF fixtures (qif/actual, qif2json, quiffen SOURCE.md)', () => {
	it('data.qif: 18 lines, net +394.06, non-ASCII payee', () => {
		const s = parseFixture('qif/actual/data.qif')[0]!;
		expect(s.lines).toHaveLength(18);
		const net = s.lines.reduce((t, l) => t + Math.round(Number(l.amount) * 100), 0);
		expect(net).toBe(39406);
		expect(brief(s)[1]).toEqual([
			'2018-12-19',
			'-45.00',
			'õSSELDORF KÖLN SALON - LIBBIE GR 12/18 PURCHASE RICHMOND VA'
		]);
		expect(brief(s)[17]).toEqual(['2018-12-21', '-62.78', 'CVS/PHARM 0154 12/21 PURCHASE RICHMOND VA']);
	});
	it('normalTransactions.qif: splits, thousands comma, space-padded dates', () => {
		const s = parseFixture('qif/qif2json/normalTransactions.qif')[0]!;
		expect(brief(s)).toEqual([
			['1994-06-01', '-1000.00', 'Bank Of Mortgage'],
			['1994-06-02', '75.00', 'Deposit'],
			['1994-06-03', '-10.00', 'JoBob Biggs']
		]);
		expect(s.lines[0]?.splits).toEqual([
			{ category: '[linda]', memo: '', amount: '-253.64' },
			{ category: 'Mort Int', memo: '', amount: '-746.36' }
		]);
		expect(s.lines[2]).toMatchObject({ memo: 'J.B. gets bucks', category: 'Entertain' });
		expect(s.lines[0]?.checkNumber).toBe('1005');
	});
	it('UTF-8 with BOM and Windows-1252 give the same payee', () => {
		for (const f of ['qif/qif2json/utf8.qif', 'qif/qif2json/windows-1252.qif'])
			expect(brief(parseFixture(f)[0]!)).toEqual([['2010-03-03', '-379.00', 'SOME £$™€ CHARACTERS']]);
	});
	it('quiffen: apostrophe years, splits to accounts, opening balance record, non-bank sections left out', () => {
		const t = parseFixture('qif/quiffen/test.qif')[0]!;
		expect(t.openingBalance).toEqual({ amount: '0.00', date: '2020-02-10' });
		expect(t.lines.map((l) => l.amount)).toEqual(['67.50', '32.00', '-10.00', '-25.00', '-100.00']);
		expect(t.lines[0]?.splits?.map((x) => x.amount)).toEqual(['-15.00', '82.50']);
		const sp = parseFixture('qif/quiffen/test_split.qif')[0]!;
		expect(sp.lines[0]).toMatchObject({ date: '2000-01-01', amount: '-10.00' });
		expect(sp.lines[0]?.splits).toEqual([
			{ category: '[An Account]', memo: '', amount: '-9.00' },
			{ category: 'A Category', memo: '', amount: '-1.00' }
		]);
	});
	it('empty, memorised-list and account-only files are rejected with the file name', () => {
		for (const f of [
			'qif/quiffen/empty.qif',
			'qif/qif2json/memorizedList.qif',
			'qif/quiffen/test_clear_autoswitch.qif'
		]) {
			const r = parseFixtureResult(f);
			expect(r.ok).toBe(false);
			expect(!r.ok && r.error.message).toContain(f.split('/').pop());
		}
	});
});
