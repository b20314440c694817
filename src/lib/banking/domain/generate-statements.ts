// Writes synthetic statement files of any size in every format (for timing and load tests), with balances
// that reconcile, so a parse of a generated file must come back 'ok'.
export type GeneratedFormat = 'csv' | 'ofx' | 'qif' | 'camt' | 'mt940';

function cents(i: number): number {
	// Deterministic spread of amounts, money out more often than in.
	const v = ((i * 7919) % 50000) + 100;
	return i % 5 === 0 ? v * 3 : -v;
}

const money = (c: number, sep = '.') =>
	`${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}${sep}${String(Math.abs(c) % 100).padStart(2, '0')}`;
const day = (i: number) => {
	const d = new Date(Date.UTC(2024, 0, 1) + Math.floor(i / 30) * 86400000);
	return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
};
const pad = (n: number) => String(n).padStart(2, '0');

/** A statement file of `n` lines in the given format; opening 1000.00, closing = opening + lines. */
export function generateStatementText(format: GeneratedFormat, n: number): string {
	const opening = 100000;
	let total = 0;
	const rows: string[] = [];
	for (let i = 0; i < n; i++) {
		const c = cents(i);
		total += c;
		const { y, m, d } = day(i);
		const payee = `MERCHANT ${i % 97} STORE ${i % 13}`;
		if (format === 'csv')
			rows.push(
				`${pad(d)}.${pad(m)}.${y};"${payee}";"memo ${i}";${money(c, ',')};${money(opening + total, ',')}`
			);
		else if (format === 'ofx')
			rows.push(
				`<STMTTRN><TRNTYPE>OTHER<DTPOSTED>${y}${pad(m)}${pad(d)}<TRNAMT>${money(c)}<FITID>F${i}<NAME>${payee}<MEMO>memo ${i}</STMTTRN>`
			);
		else if (format === 'qif') rows.push(`D${pad(m)}/${pad(d)}/${y}\nT${money(c)}\nP${payee}\nMmemo ${i}\n^`);
		else if (format === 'camt')
			rows.push(
				`<Ntry><Amt Ccy="EUR">${money(Math.abs(c))}</Amt><CdtDbtInd>${c < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>${y}-${pad(m)}-${pad(d)}</Dt></BookgDt><AcctSvcrRef>R${i}</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><${c < 0 ? 'Cdtr' : 'Dbtr'}><Nm>${payee}</Nm></${c < 0 ? 'Cdtr' : 'Dbtr'}></RltdPties><RmtInf><Ustrd>memo ${i}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`
			);
		else
			rows.push(
				`:61:${String(y).slice(2)}${pad(m)}${pad(d)}${c < 0 ? 'D' : 'C'}${money(Math.abs(c), ',')}NTRFNONREF//B${i}\n:86:/NAME/${payee}/REMI/memo ${i}`
			);
	}
	const close = opening + total;
	const last = day(n - 1);
	const lastIso = `${last.y}-${pad(last.m)}-${pad(last.d)}`;
	switch (format) {
		case 'csv':
			return `Buchungstag;Empfänger;Verwendungszweck;Betrag;Saldo\n${rows.join('\n')}\n`;
		case 'ofx':
			return `OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nCHARSET:1252\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR<BANKACCTFROM><BANKID>1<ACCTID>2<ACCTTYPE>CHECKING</BANKACCTFROM><BANKTRANLIST>\n${rows.join('\n')}\n</BANKTRANLIST><LEDGERBAL><BALAMT>${money(close)}<DTASOF>${lastIso.replace(/-/g, '')}</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n`;
		case 'qif':
			return `!Type:Bank\n${rows.join('\n')}\n`;
		case 'camt': {
			const bal = (code: string, c: number) =>
				`<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${money(Math.abs(c))}</Amt><CdtDbtInd>${c < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>2024-01-01</Dt></Dt></Bal>`;
			return `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id><Ccy>EUR</Ccy></Acct>${bal('OPBD', opening)}${bal('CLBD', close)}\n${rows.join('\n')}\n</Stmt></BkToCstmrStmt></Document>\n`;
		}
		case 'mt940': {
			const b = (tag: string, c: number) => `:${tag}:${c < 0 ? 'D' : 'C'}240101EUR${money(Math.abs(c), ',')}`;
			return `:20:GEN\n:25:DE02120300000000202051\n:28C:1/1\n${b('60F', opening)}\n${rows.join('\n')}\n${b('62F', close)}\n-\n`;
		}
	}
}
