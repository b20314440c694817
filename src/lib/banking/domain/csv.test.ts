import { describe, expect, it } from 'vitest';
import { unwrap } from '../../shared/domain';
import { checkBalance } from './balance';
import { parseCsv, previewCsv } from './csv';
import { detectCsvMapping } from './csv-detect';
import type { CsvMapping } from './csv-mapping';
import { mergeImport } from './dedup';
import { brief, fixtureBytes } from './fixtures.helper';

const load = (f: string) => {
	const bytes = fixtureBytes(`csv/${f}`);
	const detection = unwrap(detectCsvMapping(bytes, f));
	return { bytes, detection, statement: unwrap(parseCsv(bytes, detection.mapping, f)) };
};

describe('CSV detection and parsing (csv/csv2ofx, csv/actual SOURCE.md)', () => {
	it('ingesp: day-first detected from 24/03/2022 (Keel reads 08/04/2022 as 8 April, csv2ofx as 4 August)', () => {
		const { detection, statement } = load('csv2ofx/ingesp.csv');
		expect(detection.mapping.dateOrder).toBe('dmy');
		expect(detection.dateOrderAmbiguous).toBe(false);
		expect(statement.lines).toHaveLength(10);
		expect(brief(statement)[1]?.[0]).toBe('2022-04-08');
		const net = statement.lines.reduce((t, l) => t + Math.round(Number(l.amount) * 100), 0);
		expect(net).toBe(35021);
		// The sample's running balances skip rows, so they cannot reconcile.
		expect(checkBalance(statement).status).toBe('mismatch');
	});
	it('gls: semicolon, ISO-8859-1, decimal comma with dot thousands, 14 purpose columns', () => {
		const { detection, statement } = load('csv2ofx/gls.csv');
		expect(detection.mapping).toMatchObject({ delimiter: ';', decimalComma: true, encoding: 'windows-1252' });
		expect(brief(statement)).toEqual([['2017-10-10', '-98.76', 'Drillisch Online AG']]);
		expect(statement.closingBalance?.amount).toBe('1234.56');
	});
	it('schwab: $ and thousands in withdrawal/deposit columns; running balance chains in any row order', () => {
		for (const c of [
			'',
			'-baltest-case1',
			'-baltest-case2',
			'-baltest-case3',
			'-baltest-case4',
			'-baltest-case5',
			'-baltest-case6'
		]) {
			const { statement } = load(`csv2ofx/schwab-checking${c}.csv`);
			expect(statement.lines.map((l) => l.amount).sort()).toEqual(['-103.00', '-57.27', '-75.00', '20.00']);
			expect([c, statement.closingBalance?.amount, checkBalance(statement).status]).toEqual([
				c,
				'878.47',
				'ok'
			]);
		}
		// Two same-day rows whose balances point at each other: csv2ofx gives up; Keel trusts the file order,
		// under which the running balances chain (README: deliberate difference).
		const { statement } = load('csv2ofx/schwab-checking-baltest-case7.csv');
		expect([
			statement.openingBalance?.amount,
			statement.closingBalance?.amount,
			checkBalance(statement).status
		]).toEqual(['878.47', '878.47', 'ok']);
		const shuffled = new TextEncoder().encode(
			'Date,Payee,Amount,Balance\n2024-01-01,a,-1.00,9.00\n2024-01-01,b,1.00,10.00\n2024-01-01,c,1.00,11.00\n2024-01-01,d,-1.00,12.00\n'
		);
		const m = unwrap(detectCsvMapping(shuffled)).mapping;
		expect(unwrap(parseCsv(shuffled, m)).closingBalance).toBeUndefined();
	});
	it('payoneer (credit/debit columns, ambiguous 05/03 dates flagged), outbank (M/D/YY, decimal comma), n26, capitalone', () => {
		const p = load('csv2ofx/payoneer.csv');
		expect(p.detection.dateOrderAmbiguous).toBe(true);
		expect(brief(p.statement).map((x) => [x[0], x[1]])).toEqual([
			['2021-05-03', '-100.00'],
			['2021-05-03', '120.00']
		]);
		expect(p.statement.closingBalance?.amount).toBe('200.00');
		expect(brief(load('csv2ofx/outbank.csv').statement)).toEqual([
			['2019-02-20', '100.00', 'Jane Doe'],
			['2019-02-08', '-63.89', 'Shell Gas'],
			['2019-01-21', '-47.00', 'Vattenfall Europe Energy'],
			['2019-01-05', '-25.00', 'PayPal Europe S.a.r.l. et Cie S.C.A']
		]);
		const n26 = load('csv2ofx/n26-fr.csv').statement;
		expect(n26.lines.map((l) => l.amount)).toEqual(['328.00', '-328.00']);
		expect(new Set(n26.lines.map((l) => l.id)).size).toBe(2);
		expect(brief(load('csv2ofx/capitalone.csv').statement)).toEqual([
			['2016-01-02', '-1000.00', 'Airplanes R Us'],
			['2016-01-02', '1000.00', 'CAPITAL ONE AUTOPAY PYMT']
		]);
	});
	it('mint: unsigned amounts with a debit/credit column; pcmastercard: inverted sign chosen by the user', () => {
		const mint = load('csv2ofx/mint.csv');
		expect(mint.detection.mapping.sign).toBe('indicator');
		expect(mint.statement.lines.map((l) => l.amount)).toEqual([
			'-1000.00',
			'-1500.00',
			'2000.00',
			'-2500.00'
		]);
		const pc = load('csv2ofx/pcmastercard.csv');
		const inverted: CsvMapping = { ...pc.detection.mapping, sign: 'inverted' };
		expect(unwrap(parseCsv(pc.bytes, inverted)).lines.map((l) => [l.date, l.amount])).toEqual([
			['2019-01-10', '-36.33'],
			['2018-12-15', '-13.98']
		]);
		expect(brief(load('csv2ofx/creditunion.csv').statement)[0]).toEqual([
			'2015-02-08',
			'50000.00',
			'Ằdøłƥh Noƴa'
		]);
	});
	it('encodings: Windows-1252 with €, UTF-8 BOM kept out of the first header', () => {
		expect(brief(load('actual/windows-1252.csv').statement)).toEqual([
			['2025-12-04', '100.25', 'Café Rémy'],
			['2025-12-05', '-42.10', 'Boulangerie Müller']
		]);
		expect(brief(load('actual/windows-1252-euro.csv').statement)).toEqual([
			['2025-12-04', '100.25', 'Café €Rémy']
		]);
		const bom = load('actual/utf-8-bom.csv');
		expect(bom.detection.header[0]).toBe('Felhasználónév');
		expect(bom.statement.lines[0]).toMatchObject({ date: '2025-12-04', amount: '100.00' });
		expect(bom.statement.currency).toBe('HUF');
	});
	it('a bad row is an error naming file, line and column; preview shows per-row results', () => {
		const text = 'Date,Payee,Amount\n2024-01-02,Shop,-3.50\n2024-01-03,Cafe,abc\n';
		const bytes = new TextEncoder().encode(text);
		const m = unwrap(
			detectCsvMapping(new TextEncoder().encode('Date,Payee,Amount\n2024-01-02,Shop,-3.50\n'))
		).mapping;
		const r = parseCsv(bytes, m, 'x.csv');
		expect(!r.ok && r.error).toMatchObject({
			code: 'banking/bad-amount',
			message: 'x.csv, line 3, Amount: "abc" is not an amount'
		});
		const p = unwrap(previewCsv(bytes, m, 5));
		expect(p.rows.map((x) => x.parsed.ok)).toEqual([true, false]);
		const bad = parseCsv(bytes, { ...m, columns: { date: 0 } });
		expect(!bad.ok && bad.error.code).toBe('banking/bad-mapping');
	});
	it('re-import: identical coffees both stay; the same and an overlapping file add nothing twice', () => {
		const m = unwrap(
			detectCsvMapping(new TextEncoder().encode('Date,Payee,Amount\n2024-01-02,Cafe,-3.50\n'))
		).mapping;
		const a = unwrap(
			parseCsv(
				new TextEncoder().encode(
					'Date,Payee,Amount\n2024-01-02,Cafe,-3.50\n2024-01-02,Cafe,-3.50\n2024-01-03,Shop,-9.00\n'
				),
				m
			)
		);
		expect(new Set(a.lines.map((l) => l.id)).size).toBe(3);
		const first = mergeImport([], a);
		expect(first.fresh).toHaveLength(3);
		expect(mergeImport(first.keys, a).fresh).toHaveLength(0);
		const b = unwrap(
			parseCsv(
				new TextEncoder().encode(
					'Date,Payee,Amount\n2024-01-02,Cafe,-3.50\n2024-01-02,Cafe,-3.50\n2024-01-03,Shop,-9.00\n2024-01-04,Shop,-1.00\n'
				),
				m
			)
		);
		const second = mergeImport(first.keys, b);
		expect([second.fresh.length, second.duplicates.length]).toEqual([1, 3]);
	});
});
