// ISO 20022 camt.053 statements and camt.052 reports into statements. Batch entries are split into their
// transactions only when the parts add up to the entry, so the statement total never changes.
import { Dec, ok, parseIsoDate, type DecimalString, type IsoDate, type Result } from '../../shared/domain';
import { withLineIds } from './dedup';
import { bankFail, clean, normaliseAmount } from './text';
import type { DraftLine, Statement, StatementBalance, StatementFormat } from './types';
import { child, children, parseXml, textAt, type XmlElement } from './xml';

function isoOf(el: XmlElement | undefined): IsoDate | undefined {
	const raw =
		textAt(el, 'Dt') ?? textAt(el, 'DtTm') ?? textAt(el, 'Dt', 'DtTm') ?? (el?.text.trim() || undefined);
	return raw === undefined ? undefined : parseIsoDate(raw.slice(0, 10));
}

function amountOf(el: XmlElement | undefined, negative: boolean): DecimalString | undefined {
	const raw = el?.text.trim();
	if (raw === undefined || !/^\d+(\.\d+)?$/.test(raw)) return undefined;
	return normaliseAmount(raw, negative);
}

function partyName(party: XmlElement | undefined): string | undefined {
	return textAt(party, 'Nm') ?? textAt(party, 'Pty', 'Nm');
}

interface TxText {
	payee?: string;
	memo: string;
	ref?: string;
}

function txText(tx: XmlElement | undefined, credit: boolean): TxText {
	const parties = child(tx, 'RltdPties');
	const counter = credit ? child(parties, 'Dbtr') : child(parties, 'Cdtr');
	const ultimate = credit ? child(parties, 'UltmtDbtr') : child(parties, 'UltmtCdtr');
	const other = credit ? child(parties, 'Cdtr') : child(parties, 'Dbtr');
	const payee = partyName(counter) ?? partyName(ultimate) ?? partyName(other);
	const ustrd = children(child(tx, 'RmtInf'), 'Ustrd')
		.map((u) => clean(u.text))
		.filter((s) => s !== '');
	const strdRef = textAt(child(tx, 'RmtInf'), 'Strd', 'CdtrRefInf', 'Ref');
	const memo = ustrd.length > 0 ? ustrd.join(' ') : clean(textAt(tx, 'AddtlTxInf') ?? strdRef ?? '');
	const ref = textAt(tx, 'Refs', 'AcctSvcrRef');
	return { ...(payee === undefined ? {} : { payee }), memo, ...(ref === undefined ? {} : { ref }) };
}

function balanceOf(
	bal: XmlElement,
	currency: string | undefined,
	warnings: string[]
): { code: string; balance?: StatementBalance } {
	const code = textAt(bal, 'Tp', 'CdOrPrtry', 'Cd') ?? textAt(bal, 'Tp', 'CdOrPrtry', 'Prtry') ?? '';
	const amt = child(bal, 'Amt');
	const negative = textAt(bal, 'CdtDbtInd') === 'DBIT';
	const amount = amountOf(amt, negative);
	const ccy = amt?.attrs.Ccy;
	if (amount === undefined) {
		warnings.push(`line ${bal.line}: balance ${code} has no usable amount; left out`);
		return { code };
	}
	if (currency !== undefined && ccy !== undefined && ccy !== currency) {
		warnings.push(
			`line ${bal.line}: balance ${code} is in ${ccy}, not the account currency ${currency}; left out`
		);
		return { code };
	}
	const date = isoOf(child(bal, 'Dt'));
	return { code, balance: { amount: amount as StatementBalance['amount'], ...(date ? { date } : {}) } };
}

function parseEntry(ntry: XmlElement, file: string, drafts: DraftLine[], warnings: string[]): Result<true> {
	const status = textAt(ntry, 'Sts', 'Cd') ?? textAt(ntry, 'Sts');
	if (status !== undefined && status !== 'BOOK') {
		warnings.push(`line ${ntry.line}: entry with status ${status} (not booked) left out`);
		return ok(true);
	}
	const indicator = textAt(ntry, 'CdtDbtInd');
	if (indicator !== 'CRDT' && indicator !== 'DBIT')
		return bankFail(
			'banking/missing-field',
			{ file, line: ntry.line, field: 'CdtDbtInd' },
			`entry has no credit/debit indicator (found "${indicator ?? ''}")`
		);
	const credit = indicator === 'CRDT';
	const amount = amountOf(child(ntry, 'Amt'), !credit);
	if (amount === undefined)
		return bankFail(
			'banking/bad-amount',
			{ file, line: ntry.line, field: 'Amt' },
			`"${child(ntry, 'Amt')?.text.trim() ?? ''}" is not an amount`
		);
	const booking = isoOf(child(ntry, 'BookgDt'));
	const valueDate = isoOf(child(ntry, 'ValDt'));
	const date = booking ?? valueDate;
	if (!date)
		return bankFail(
			'banking/bad-date',
			{ file, line: ntry.line, field: 'BookgDt' },
			'entry has neither a booking date nor a value date'
		);
	const entryRef = textAt(ntry, 'AcctSvcrRef');
	const extra = clean(textAt(ntry, 'AddtlNtryInf'));
	const txs = children(child(ntry, 'NtryDtls'), 'TxDtls');
	const base = { date, ...(valueDate ? { valueDate } : {}), sourceLine: ntry.line };
	if (txs.length > 1) {
		const parts = txs.map((tx) => {
			const txCredit = (textAt(tx, 'CdtDbtInd') ?? indicator) === 'CRDT';
			const amt = child(tx, 'Amt') ?? child(tx, 'AmtDtls', 'TxAmt', 'Amt');
			return { tx, credit: txCredit, amount: amountOf(amt, !txCredit) };
		});
		const total = parts.reduce((s, p) => (p.amount === undefined ? s : s.plus(p.amount)), new Dec(0));
		if (parts.every((p) => p.amount !== undefined) && total.eq(amount)) {
			for (const p of parts) {
				const t = txText(p.tx, p.credit);
				drafts.push({
					...base,
					amount: p.amount as DraftLine['amount'],
					payee: t.payee ?? extra,
					memo: t.memo,
					...(t.ref ? { bankRef: t.ref } : {}),
					sourceLine: p.tx.line
				});
			}
			return ok(true);
		}
		warnings.push(`line ${ntry.line}: batch entry parts do not add up to ${amount}; kept as one line`);
	}
	const t = txText(txs[0], credit);
	const ref = entryRef ?? t.ref;
	drafts.push({
		...base,
		amount,
		payee: t.payee ?? extra,
		memo: t.memo || (t.payee === undefined ? '' : extra),
		...(ref ? { bankRef: ref } : {})
	});
	return ok(true);
}

export function parseCamt(text: string, file: string): Result<Statement[]> {
	const doc = parseXml(text, file);
	if (!doc.ok) return doc;
	const document = doc.value.children.find((c) => c.name === 'Document');
	const stmtRoot = child(document, 'BkToCstmrStmt');
	const rptRoot = child(document, 'BkToCstmrAcctRpt');
	if (!document || (!stmtRoot && !rptRoot))
		return bankFail(
			'banking/unknown-format',
			{ file },
			'not an ISO 20022 camt.053/camt.052 document (no BkToCstmrStmt or BkToCstmrAcctRpt)'
		);
	const format: StatementFormat = stmtRoot ? 'camt.053' : 'camt.052';
	const blocks = stmtRoot ? children(stmtRoot, 'Stmt') : children(rptRoot, 'Rpt');
	if (blocks.length === 0)
		return bankFail(
			'banking/no-statement',
			{ file, line: (stmtRoot ?? rptRoot)?.line },
			`the ${format} message holds no ${stmtRoot ? 'Stmt' : 'Rpt'} element`
		);
	const statements: Statement[] = [];
	for (const block of blocks) {
		const warnings: string[] = [];
		const acct = child(block, 'Acct');
		const iban = textAt(acct, 'Id', 'IBAN');
		const other = textAt(acct, 'Id', 'Othr', 'Id');
		const bic = textAt(acct, 'Svcr', 'FinInstnId', 'BIC') ?? textAt(acct, 'Svcr', 'FinInstnId', 'BICFI');
		const name = textAt(acct, 'Nm');
		const balances = children(block, 'Bal');
		const currency = textAt(acct, 'Ccy') ?? child(balances[0], 'Amt')?.attrs.Ccy;
		let openingBalance: StatementBalance | undefined;
		let closingBalance: StatementBalance | undefined;
		for (const bal of balances) {
			const { code, balance } = balanceOf(bal, currency, warnings);
			if (!balance) continue;
			if (code === 'OPBD' || (code === 'PRCD' && !openingBalance)) openingBalance = balance;
			if (code === 'CLBD') closingBalance = balance;
		}
		const drafts: DraftLine[] = [];
		for (const ntry of children(block, 'Ntry')) {
			const r = parseEntry(ntry, file, drafts, warnings);
			if (!r.ok) return r;
		}
		const account = {
			...(iban ? { iban } : {}),
			...(other ? { accountNumber: other } : {}),
			...(bic ? { bankId: bic } : {}),
			...(name ? { name } : {})
		};
		statements.push({
			format,
			fileName: file,
			account,
			...(currency ? { currency } : {}),
			...(openingBalance ? { openingBalance } : {}),
			...(closingBalance ? { closingBalance } : {}),
			lines: withLineIds(account, drafts),
			warnings
		});
	}
	return ok(statements);
}
