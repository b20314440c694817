// Proposes a CSV mapping from the file alone: delimiter, header row, column roles (from header words in several
// languages, then from the data), date order (with an ambiguity flag the UI must ask about) and decimal mark.
import { ok, type Result } from '../../shared/domain';
import { guessDateOrder, parseCsvDate } from './csv-dates';
import type { CsvDateOrder } from './csv-dates';
import { DEFAULT_DEBIT_VALUES, type CsvColumns, type CsvMapping } from './csv-mapping';
import { guessDelimiter, isBlankRow, readCsvRows, type CsvRow } from './csv-read';
import { decodeBytes } from './decode';
import { bankFail, parseAmountText } from './text';

export interface CsvDetection {
	readonly mapping: CsvMapping;
	readonly header: readonly string[];
	/** True when the dates fit both day-first and month-first: confirm with the user before importing. */
	readonly dateOrderAmbiguous: boolean;
	readonly dateOrderCandidates: readonly CsvDateOrder[];
	readonly notes: readonly string[];
}

function norm(h: string): string {
	return h
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

type Role =
	| 'date'
	| 'valueDate'
	| 'amount'
	| 'debit'
	| 'credit'
	| 'payee'
	| 'memo'
	| 'reference'
	| 'balance'
	| 'currency'
	| 'account';

// Ordered: earlier patterns are better matches for the role.
const ROLE_WORDS: Readonly<Record<Role, readonly RegExp[]>> = {
	date: [
		/^(posted|posting|booking) date$/,
		/^(buchungstag|buchungsdatum|konyveles datuma|fecha operacion|date operation)$/,
		/^date$/,
		/^(datum|fecha|data|journaldate)$/,
		/^transaction date$/,
		/(^| )(date|datum|fecha)( |$)/
	],
	valueDate: [/^(value date|valuta|wertstellung|date de valeur|valutadatum|fecha valor)$/],
	amount: [
		/^(amount|betrag|importe|montant|osszeg|bedrag|netamount|belopp|kwota)$/,
		/^amount \(?[a-z]{3}\)?$/,
		/^(transaction )?amount/,
		/(^| )(amount|betrag|importe|montant)( |$)/
	],
	debit: [
		/^(debit|withdrawal|withdrawals|debet|soll|ausgang|outflow|paid out|money out|debit amount|charges?)$/,
		/^(debit|withdrawal)/
	],
	credit: [
		/^(credit|deposit|deposits|haben|eingang|inflow|paid in|money in|credit amount)$/,
		/^(credit|deposit)/
	],
	payee: [
		/^(payee|name|merchant name|merchant|beneficiary|counterparty|partner name|partner nev|auftraggeber empfanger|empfanger|beguenstigter|partner)$/,
		/(payee|merchant|beneficiary|counterparty|partner name|auftraggeber)/,
		/^(description|desc|libelle|concepto|beschreibung|omschrijving|description 1)$/
	],
	memo: [
		/^(memo|notes?|purpose|verwendungszweck|reason|comments?|details|payment reference|kozlemeny|additional description|original description|buchungstext)$/,
		/^vwz ?\d+$/,
		/^description [2-9]$/,
		/^(description|desc)$/
	],
	reference: [
		/^(reference id|transaction id|fitid|transaction number|n de transaction|tranzakcioazonosito|check ?number|checknum|cheque number|reference|referenz)$/
	],
	balance: [
		/^(running ?balance|balance|saldo|kontostand|solde|balance after)$/,
		/(balance|saldo|kontostand|solde)/
	],
	currency: [/^(currency|wahrung|devizanem|monn|ccy|wahrung)$/],
	account: [
		/^(account|account name|account number|konto|kontonummer|compte|numero de compte|produit|cuenta|rekening)$/
	]
};

function roleScores(header: readonly string[]): Map<Role, number[]> {
	const found = new Map<Role, number[]>();
	for (const role of Object.keys(ROLE_WORDS) as Role[]) {
		const ranked: { i: number; rank: number }[] = [];
		header.forEach((h, i) => {
			const n = norm(h);
			const rank = ROLE_WORDS[role].findIndex((re) => re.test(n));
			if (rank >= 0) ranked.push({ i, rank });
		});
		ranked.sort((a, b) => a.rank - b.rank || a.i - b.i);
		found.set(
			role,
			ranked.map((r) => r.i)
		);
	}
	return found;
}

function column(rows: readonly CsvRow[], i: number): string[] {
	return rows.map((r) => r.cells[i] ?? '').filter((v) => v.trim() !== '');
}

const isAmount = (v: string) => parseAmountText(v) !== undefined;
const isDateLike = (v: string) =>
	parseCsvDate(v, 'dmy') !== undefined || parseCsvDate(v, 'mdy') !== undefined;

function decimalCommaVote(values: readonly string[]): boolean {
	let comma = 0;
	let dot = 0;
	for (const v of values) {
		const t = v.replace(/[^\d.,]/g, '');
		if (/,\d{1,2}$/.test(t) || /^\d{1,3}(\.\d{3})+,\d+$/.test(t)) comma++;
		else if (/\.\d{1,2}$/.test(t) || /^\d{1,3}(,\d{3})+\.\d+$/.test(t)) dot++;
	}
	return comma > dot;
}

/** Looks at the head of the file and proposes a mapping; fails when no date or amount column can be found. */
export function detectCsvMapping(bytes: Uint8Array, file = 'statement.csv'): Result<CsvDetection> {
	const decoded = decodeBytes(bytes);
	const text = decoded.text;
	if (text.trim() === '') return bankFail('banking/empty-file', { file }, 'the file is empty');
	const delimiter = guessDelimiter(text);
	const read = readCsvRows(text, delimiter, file, 300);
	if (!read.ok) return read;
	const rows = read.value.filter((r) => !isBlankRow(r));
	const widths = new Map<number, number>();
	for (const r of rows) widths.set(r.cells.length, (widths.get(r.cells.length) ?? 0) + 1);
	const width = [...widths.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
	if (width < 2)
		return bankFail(
			'banking/unknown-format',
			{ file },
			'could not find columns (no delimiter gives two or more columns)'
		);
	// Header: the first full-width row none of whose cells is a date or an amount, followed by a full-width row.
	let headerIndex = -1;
	for (let k = 0; k < Math.min(rows.length, 30); k++) {
		const r = rows[k] as CsvRow;
		if (r.cells.length < width - 1) continue;
		const texty = r.cells.every((c) => c.trim() === '' || (!isDateLike(c) && !isAmount(c)));
		if (texty && r.cells.some((c) => /[A-Za-zÀ-ÿ]/.test(c))) headerIndex = k;
		break;
	}
	const header = headerIndex >= 0 ? (rows[headerIndex] as CsvRow).cells.map((c) => c.trim()) : [];
	const data = rows
		.slice(headerIndex + 1)
		.filter((r) => r.cells.length >= width - 1)
		.slice(0, 200);
	const notes: string[] = [...decoded.warnings];
	const scores = roleScores(header);
	const taken = new Set<number>();
	const pick = (role: Role, ok: (i: number) => boolean = () => true): number | undefined => {
		const i = (scores.get(role) ?? []).find((c) => !taken.has(c) && ok(c));
		if (i !== undefined) taken.add(i);
		return i;
	};
	const mostly = (i: number, test: (v: string) => boolean) => {
		const vs = column(data, i);
		return vs.length > 0 && vs.filter(test).length >= vs.length * 0.9;
	};
	let date = pick('date', (i) => mostly(i, isDateLike));
	const valueDate = pick('valueDate', (i) => column(data, i).length === 0 || mostly(i, isDateLike));
	if (date === undefined) {
		for (let i = 0; i < width && date === undefined; i++)
			if (!taken.has(i) && mostly(i, isDateLike)) date = i;
		if (date !== undefined) taken.add(date);
	}
	if (date === undefined)
		return bankFail(
			'banking/bad-mapping',
			{ file, field: 'date' },
			'no column holds dates; choose the date column by hand'
		);
	const debitFirst = (scores.get('debit') ?? []).find((c) => !taken.has(c));
	const creditFirst = (scores.get('credit') ?? []).find((c) => !taken.has(c));
	const split = debitFirst !== undefined && creditFirst !== undefined && debitFirst !== creditFirst;
	let amount = split ? undefined : pick('amount', (i) => mostly(i, isAmount));
	const debit = amount === undefined ? pick('debit') : undefined;
	const credit = amount === undefined ? pick('credit') : undefined;
	if (amount === undefined && debit === undefined && credit === undefined) {
		for (let i = 0; i < width && amount === undefined; i++)
			if (!taken.has(i) && mostly(i, isAmount) && !mostly(i, (v) => /^\d{5,}$/.test(v))) amount = i;
		if (amount !== undefined) taken.add(amount);
	}
	if (amount === undefined && debit === undefined && credit === undefined)
		return bankFail(
			'banking/bad-mapping',
			{ file, field: 'amount' },
			'no column holds amounts; choose the amount column(s) by hand'
		);
	const balance = pick('balance', (i) => mostly(i, isAmount));
	const reference = pick('reference');
	const currency = pick('currency');
	const account = pick('account');
	// UBS (Switzerland) writes the account's own name in "Description" and the transaction in Description 1-3:
	// the other side is Description 2 for money in and Description 3 for money out; fees name it nowhere.
	const described = [1, 2, 3].map((k) => header.findIndex((h) => norm(h) === `description ${k}`));
	const ubs =
		described.every((i) => i >= 0 && !taken.has(i)) &&
		amount === undefined &&
		debit !== undefined &&
		credit !== undefined;
	if (ubs) for (const i of described) taken.add(i);
	const payee = ubs ? described[1] : pick('payee');
	const memo: number[] = ubs ? [...described] : [];
	for (let m = ubs ? undefined : pick('memo'); m !== undefined; m = pick('memo')) memo.push(m);
	memo.sort((a, b) => a - b);
	// A column whose values are all debit/credit words makes the sign.
	let indicator: number | undefined;
	for (let i = 0; i < width && amount !== undefined; i++) {
		if (taken.has(i)) continue;
		const vs = column(data, i).map((v) => v.trim().toLowerCase());
		if (
			vs.length > 0 &&
			vs.every((v) =>
				[...DEFAULT_DEBIT_VALUES, 'c', 'cr', 'credit', 'h', 'haben', 'in', 'deposit'].includes(v)
			) &&
			vs.some((v) => DEFAULT_DEBIT_VALUES.includes(v))
		) {
			const amounts = column(data, amount);
			if (amounts.every((a) => !a.trim().startsWith('-'))) indicator = i;
			break;
		}
	}
	const dateGuess = guessDateOrder(column(data, date));
	if (!dateGuess)
		return bankFail(
			'banking/bad-date',
			{ file, line: data[0]?.line, field: header[date] ?? `column ${date + 1}` },
			'the date column has values that are not dates under any day/month order'
		);
	if (dateGuess.ambiguous)
		notes.push(
			`dates fit both ${dateGuess.candidates.join(' and ')}; assumed ${dateGuess.order}, please confirm`
		);
	const amountCols = [amount, debit, credit, balance].filter((c): c is number => c !== undefined);
	const decimalComma = decimalCommaVote(amountCols.flatMap((c) => column(data, c)));
	const columns: CsvColumns = {
		date,
		...(valueDate === undefined ? {} : { valueDate }),
		...(amount === undefined ? {} : { amount }),
		...(debit === undefined ? {} : { debit }),
		...(credit === undefined ? {} : { credit }),
		...(payee === undefined
			? memo.length > 0
				? { payee: [memo.shift() as number] }
				: {}
			: { payee: [payee] }),
		...(memo.length > 0 ? { memo } : {}),
		...(reference === undefined ? {} : { reference }),
		...(balance === undefined ? {} : { balance }),
		...(indicator === undefined ? {} : { indicator }),
		...(currency === undefined ? {} : { currency }),
		...(account === undefined ? {} : { account }),
		...(ubs ? { payeeOut: [described[2] as number], payeeFallback: [described[0] as number] } : {})
	};
	const mapping: CsvMapping = {
		version: 1,
		delimiter,
		encoding: decoded.encoding,
		headerRow: headerIndex >= 0 ? read.value.indexOf(rows[headerIndex] as CsvRow) : -1,
		columns,
		dateOrder: dateGuess.order,
		decimalComma,
		sign: indicator === undefined ? 'money-in-positive' : 'indicator'
	};
	return ok({
		mapping,
		header,
		dateOrderAmbiguous: dateGuess.ambiguous,
		dateOrderCandidates: dateGuess.candidates,
		notes
	});
}
