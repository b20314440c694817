import { describe, expect, it } from 'vitest';
import { unwrap, type DecimalString } from '../../shared/domain';
import { checkStatementPrecision } from './precision';
import { parseStatementFile } from './statement';
import type { Statement } from './types';

const enc = (s: string) => new TextEncoder().encode(s);
const csv = (amount: string) =>
	unwrap(
		parseStatementFile({
			bytes: enc(`Date,Payee,Amount\n2026-06-01,Acme Ltd,100.00\n2026-06-02,Corner Shop,${amount}\n`),
			fileName: 'june.csv',
			format: 'csv'
		})
	)[0]!;

describe('bank amounts beyond their currency are refused, never rounded', () => {
	it('a USD line written to the tenth of a cent is refused, naming the file, line and amount', () => {
		const statement = csv('-12.345');
		expect(statement.lines[1]?.amount).toBe('-12.345'); // the parser keeps what was written
		const r = checkStatementPrecision(statement, 'USD');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.error.code).toBe('banking/too-precise');
		expect(r.error.message).toBe(
			'june.csv, line 3, amount: -12.345 has more decimal places than USD amounts have (2). Keel does not round bank amounts: correct the file and import it again'
		);
	});

	it('trailing zeros are not extra precision; each currency has its own places', () => {
		expect(checkStatementPrecision(csv('-12.340'), 'USD').ok).toBe(true);
		expect(checkStatementPrecision(csv('-12.345'), 'BHD').ok).toBe(true); // fils: 3 places
		expect(checkStatementPrecision(csv('-1200.5'), 'JPY').ok).toBe(false); // yen: none
		expect(checkStatementPrecision(csv('-1200'), 'JPY').ok).toBe(true);
	});

	it("the statement's own currency wins over the bank account's, and balances and splits are checked", () => {
		const ofx = unwrap(
			parseStatementFile({
				bytes: enc(
					'OFXHEADER:100\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKTRANLIST>' +
						'<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260601<TRNAMT>-5.00<FITID>1<NAME>Cafe</STMTTRN>' +
						'</BANKTRANLIST><LEDGERBAL><BALAMT>100.005<DTASOF>20260601</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>'
				),
				fileName: 'june.ofx'
			})
		)[0]!;
		expect(ofx.currency).toBe('USD');
		const r = checkStatementPrecision(ofx, 'BHD');
		expect(r.ok ? '' : r.error.message).toMatch(
			/^june\.ofx, closing balance: 100\.005 has more decimal places than USD/
		);

		const base = csv('-10.00');
		const amount = '-9.999' as DecimalString;
		const split: Statement = {
			...base,
			lines: [{ ...base.lines[1]!, splits: [{ amount, category: 'Food', memo: '' }] }]
		};
		const s = checkStatementPrecision(split, 'GBP');
		expect(s.ok ? '' : s.error.message).toMatch(/^june\.csv, line 3, split 1 amount: -9\.999 /);
	});
});
