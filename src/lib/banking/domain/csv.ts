// Applies a CSV mapping to a file. Every data row becomes a line or the import fails naming the row, column and
// value; balances come only from a running-balance column whose rows chain together without ambiguity.
import { Dec, err, ok, toDecimalString, type DecimalString, type Result } from '../../shared/domain';
import { parseCsvDate } from './csv-dates';
import { DEFAULT_DEBIT_VALUES, validateCsvMapping, type CsvMapping } from './csv-mapping';
import { isBlankRow, readCsvRows, type CsvRow } from './csv-read';
import { decodeBytes } from './decode';
import { withLineIds } from './dedup';
import { bankFail, clean, parseAmountText } from './text';
import type { DraftLine, Statement, StatementBalance } from './types';

interface RowLine {
	draft: DraftLine;
	balance?: DecimalString;
}
/** A row of a file with a running-balance column. */
type Balanced = RowLine & { balance: DecimalString };

function cellAt(row: CsvRow, i: number | undefined): string {
	return i === undefined ? '' : (row.cells[i] ?? '').trim();
}

function rowToLine(row: CsvRow, m: CsvMapping, header: readonly string[], file: string): Result<RowLine> {
	const c = m.columns;
	const name = (i: number) => header[i] || `column ${i + 1}`;
	const style = { decimalComma: m.decimalComma };
	const rawDate = cellAt(row, c.date);
	const date = parseCsvDate(rawDate, m.dateOrder);
	if (!date)
		return bankFail(
			'banking/bad-date',
			{ file, line: row.line, field: name(c.date) },
			`"${rawDate}" is not a date (${m.dateOrder})`
		);
	const amountCell = (i: number | undefined): Result<Dec | undefined> => {
		const raw = cellAt(row, i);
		if (i === undefined || raw === '') return ok(undefined);
		const a = parseAmountText(raw, style);
		if (a === undefined)
			return bankFail(
				'banking/bad-amount',
				{ file, line: row.line, field: name(i) },
				`"${raw}" is not an amount`
			);
		return ok(new Dec(a));
	};
	let amount: Dec;
	if (c.amount !== undefined) {
		const a = amountCell(c.amount);
		if (!a.ok) return a;
		if (a.value === undefined)
			return bankFail(
				'banking/missing-field',
				{ file, line: row.line, field: name(c.amount) },
				'the amount is empty'
			);
		amount = a.value;
	} else {
		const d = amountCell(c.debit);
		if (!d.ok) return d;
		const cr = amountCell(c.credit);
		if (!cr.ok) return cr;
		if (d.value === undefined && cr.value === undefined)
			return bankFail(
				'banking/missing-field',
				{
					file,
					line: row.line,
					field: `${c.debit === undefined ? '' : name(c.debit)}/${c.credit === undefined ? '' : name(c.credit)}`
				},
				'both money-out and money-in are empty'
			);
		amount = (cr.value?.abs() ?? new Dec(0)).minus(d.value?.abs() ?? new Dec(0));
	}
	if (m.sign === 'inverted') amount = amount.neg();
	else if (m.sign === 'indicator') {
		const flag = cellAt(row, c.indicator).toLowerCase();
		const debitWords = (m.debitValues ?? DEFAULT_DEBIT_VALUES).map((v) => v.toLowerCase());
		if (debitWords.includes(flag)) amount = amount.abs().neg();
		else amount = amount.abs();
	}
	const join = (cols: readonly number[] | undefined) =>
		clean(
			(cols ?? [])
				.map((i) => cellAt(row, i))
				.filter((s) => s !== '')
				.join(' ')
		);
	const ref = cellAt(row, c.reference);
	const valueDate =
		c.valueDate === undefined ? undefined : parseCsvDate(cellAt(row, c.valueDate), m.dateOrder);
	let balance: DecimalString | undefined;
	if (c.balance !== undefined && cellAt(row, c.balance) !== '') {
		const b = amountCell(c.balance);
		if (!b.ok) return b;
		if (b.value) balance = toDecimalString(b.value, Math.max(2, b.value.decimalPlaces()));
	}
	const decimals = Math.max(2, amount.decimalPlaces());
	return ok({
		draft: {
			date,
			...(valueDate ? { valueDate } : {}),
			amount: toDecimalString(amount, decimals),
			payee: (amount.isNeg() && c.payeeOut ? join(c.payeeOut) : join(c.payee)) || join(c.payeeFallback),
			memo: join(c.memo),
			...(ref ? { bankRef: ref } : {}),
			sourceLine: row.line
		},
		...(balance === undefined ? {} : { balance })
	});
}

/**
 * Opening and closing balance from a running-balance column. Rows are chained by "balance before = balance - amount";
 * when exactly one chain covers every row (in any file order) it gives both balances; otherwise the earliest and
 * latest dated rows are used if they are unique, and the balance check will judge them.
 */
export function balancesFromRunning(all: readonly RowLine[]): {
	opening?: StatementBalance;
	closing?: StatementBalance;
	note?: string;
} {
	const rows = all.filter((r): r is Balanced => r.balance !== undefined);
	if (rows.length === 0 || rows.length !== all.length) return {};
	const cents = (d: string) => new Dec(d).times(100).toFixed(0);
	// Most files list rows in order (oldest or newest first): check that before searching for a chain.
	const chainsInOrder = (order: readonly Balanced[]) =>
		order.every(
			(r, i) => i === 0 || new Dec((order[i - 1] as Balanced).balance).plus(r.draft.amount).eq(r.balance)
		);
	for (const order of [rows, [...rows].reverse()]) {
		if (order.length < 2 || !chainsInOrder(order)) continue;
		const first = order[0] as Balanced;
		const last = order[order.length - 1] as Balanced;
		return {
			opening: {
				amount: toDecimalString(new Dec(first.balance).minus(first.draft.amount), 2),
				date: first.draft.date
			},
			closing: { amount: last.balance, date: last.draft.date }
		};
	}
	const byAfter = new Map<string, number[]>();
	rows.forEach((r, i) => {
		const k = cents(r.balance);
		const list = byAfter.get(k);
		if (list) list.push(i);
		else byAfter.set(k, [i]);
	});
	const before = rows.map((r) => cents(new Dec(r.balance).minus(r.draft.amount).toFixed()));
	const byBefore = new Map<string, number[]>();
	before.forEach((b, i) => {
		const list = byBefore.get(b);
		if (list) list.push(i);
		else byBefore.set(b, [i]);
	});
	const starts = rows.map((_, i) => i).filter((i) => !byAfter.has(before[i] as string));
	if (starts.length === 1) {
		const order = [starts[0] as number];
		const used = new Set(order);
		for (;;) {
			const last = rows[order[order.length - 1] as number] as Balanced;
			const next = (byBefore.get(cents(last.balance)) ?? []).filter((i) => !used.has(i));
			if (next.length !== 1) break;
			order.push(next[0] as number);
			used.add(next[0] as number);
		}
		if (order.length === rows.length) {
			const first = rows[order[0] as number] as Balanced;
			const last = rows[order[order.length - 1] as number] as Balanced;
			const opening = new Dec(first.balance).minus(first.draft.amount);
			return {
				opening: { amount: toDecimalString(opening, 2), date: first.draft.date },
				closing: { amount: last.balance, date: last.draft.date }
			};
		}
	}
	const dates = rows.map((r) => r.draft.date).sort();
	const min = dates[0];
	const max = dates[dates.length - 1];
	const firsts = rows.filter((r) => r.draft.date === min);
	const lasts = rows.filter((r) => r.draft.date === max);
	if (firsts.length !== 1 || lasts.length !== 1 || rows.length < 2)
		return {
			note: 'the running-balance column does not give a unique first and last row; balances left out'
		};
	const first = firsts[0] as Balanced;
	const last = lasts[0] as Balanced;
	return {
		opening: {
			amount: toDecimalString(new Dec(first.balance).minus(first.draft.amount), 2),
			date: first.draft.date
		},
		closing: { amount: last.balance, date: last.draft.date },
		note: 'running balances do not chain row to row'
	};
}

function readWithMapping(bytes: Uint8Array, mapping: unknown, file: string) {
	const pre = validateCsvMapping(mapping, file);
	if (!pre.ok) return pre;
	const m = pre.value;
	const decoded = decodeBytes(bytes, m.encoding === 'auto' ? undefined : m.encoding);
	const rows = readCsvRows(decoded.text, m.delimiter, file);
	if (!rows.ok) return rows;
	const header = m.headerRow >= 0 ? (rows.value[m.headerRow]?.cells ?? []).map((h) => h.trim()) : [];
	return ok({ m, decoded, header, data: rows.value.slice(m.headerRow + 1).filter((r) => !isBlankRow(r)) });
}

/** Applies a mapping (from `detectCsvMapping` or saved JSON) to the whole file, as one statement. */
export function parseCsv(bytes: Uint8Array, mapping: unknown, file = 'statement.csv'): Result<Statement> {
	const r = readStatements(bytes, mapping, file, false);
	return r.ok ? ok(r.value[0] as Statement) : r;
}

/**
 * Like parseCsv, but a file whose mapping names an account column gives one statement per account value, in
 * the order the values first appear; each statement's `account.accountNumber` is the value.
 */
export function parseCsvAccounts(
	bytes: Uint8Array,
	mapping: unknown,
	file = 'statement.csv'
): Result<Statement[]> {
	return readStatements(bytes, mapping, file, true);
}

function readStatements(
	bytes: Uint8Array,
	mapping: unknown,
	file: string,
	byAccount: boolean
): Result<Statement[]> {
	if (bytes.length === 0) return bankFail('banking/empty-file', { file }, 'the file is empty');
	const read = readWithMapping(bytes, mapping, file);
	if (!read.ok) return read;
	const { m, decoded, header, data } = read.value;
	if (data.length === 0)
		return bankFail('banking/no-statement', { file }, 'the file has no data rows after the header');
	const groups = new Map<string, { rows: RowLine[]; currencies: Set<string> }>();
	const accountColumn = byAccount ? m.columns.account : undefined;
	for (const row of data) {
		const r = rowToLine(row, m, header, file);
		if (!r.ok) return r;
		const key = accountColumn === undefined ? '' : cellAt(row, accountColumn);
		if (accountColumn !== undefined && key === '')
			return bankFail(
				'banking/missing-field',
				{ file, line: row.line, field: header[accountColumn] || `column ${accountColumn + 1}` },
				'the account is empty'
			);
		let g = groups.get(key);
		if (!g) groups.set(key, (g = { rows: [], currencies: new Set() }));
		g.rows.push(r.value);
		const ccy = cellAt(row, m.columns.currency);
		if (ccy) g.currencies.add(ccy.toUpperCase());
	}
	return ok(
		[...groups].map(([key, g]): Statement => {
			const warnings = [...decoded.warnings];
			const bal = m.columns.balance === undefined ? {} : balancesFromRunning(g.rows);
			if (bal.note) warnings.push(bal.note);
			const currency = g.currencies.size === 1 ? [...g.currencies][0] : undefined;
			const account = key === '' ? {} : { accountNumber: key };
			return {
				format: 'csv',
				fileName: file,
				account,
				...(currency ? { currency } : {}),
				...(bal.opening ? { openingBalance: bal.opening } : {}),
				...(bal.closing ? { closingBalance: bal.closing } : {}),
				lines: withLineIds(
					account,
					g.rows.map((r) => r.draft)
				),
				warnings
			};
		})
	);
}

export interface CsvPreviewRow {
	readonly line: number;
	readonly cells: readonly string[];
	/** The line the mapping makes of the row, or why it cannot (with its code). */
	readonly parsed: Result<DraftLine>;
}

/** The header and the first rows, each with what the mapping makes of it, for a live preview while mapping. */
export function previewCsv(
	bytes: Uint8Array,
	mapping: unknown,
	maxRows = 10,
	file = 'statement.csv'
): Result<{ header: readonly string[]; rows: CsvPreviewRow[] }> {
	const read = readWithMapping(bytes, mapping, file);
	if (!read.ok) return read;
	const { m, header, data } = read.value;
	const rows = data.slice(0, maxRows).map((row): CsvPreviewRow => {
		const r = rowToLine(row, m, header, file);
		return {
			line: row.line,
			cells: row.cells,
			parsed: r.ok ? ok(r.value.draft) : err(r.error)
		};
	});
	return ok({ header, rows });
}
