// The CSV mapping is plain JSON saved per bank account: it says which column plays which role and how dates,
// decimals and signs are written. `validateCsvMapping` rejects a mapping that cannot be applied before any row is read.
import { ok, type Result } from '../../shared/domain';
import type { CsvDateOrder } from './csv-dates';
import type { TextEncodingName } from './decode';
import { bankFail } from './text';

export interface CsvColumns {
	readonly date: number;
	readonly valueDate?: number;
	/** One signed amount column... */
	readonly amount?: number;
	/** ...or separate money-out / money-in columns. */
	readonly debit?: number;
	readonly credit?: number;
	/** Several columns are joined with a space (e.g. VWZ1..VWZ14). */
	readonly payee?: readonly number[];
	/** Payee columns for money-out rows when the bank names the other side elsewhere (UBS: Description 3). */
	readonly payeeOut?: readonly number[];
	/** Used when the payee columns are empty on a row (UBS fees: Description 1). */
	readonly payeeFallback?: readonly number[];
	readonly memo?: readonly number[];
	readonly reference?: number;
	readonly balance?: number;
	/** A D/C (debit/credit) indicator column, used when `sign` is 'indicator'. */
	readonly indicator?: number;
	readonly currency?: number;
	/** The account each row belongs to, in files holding several accounts: one statement per value. */
	readonly account?: number;
}

export interface CsvMapping {
	readonly version: 1;
	readonly delimiter: string;
	readonly encoding: 'auto' | TextEncodingName;
	/** 0-based index of the header row among the file's rows; -1 when the file has no header. */
	readonly headerRow: number;
	readonly columns: CsvColumns;
	readonly dateOrder: CsvDateOrder;
	readonly decimalComma: boolean;
	/** 'inverted': the file shows money out as positive (card statements); 'indicator': sign comes from a D/C column. */
	readonly sign: 'money-in-positive' | 'inverted' | 'indicator';
	/** Indicator values meaning money out (case-insensitive); default d, dr, debit, s, soll, db. */
	readonly debitValues?: readonly string[];
}

export const DEFAULT_DEBIT_VALUES = ['d', 'dr', 'debit', 'db', 's', 'soll', 'debet', 'out', 'withdrawal'];

/** Checks a mapping (possibly read from storage or a user's JSON file) against the width of the file. */
export function validateCsvMapping(m: unknown, file: string, width?: number): Result<CsvMapping> {
	const bad = (problem: string) => bankFail('banking/bad-mapping', { file, field: 'mapping' }, problem);
	if (typeof m !== 'object' || m === null) return bad('the mapping is not a JSON object');
	const x = m as Partial<CsvMapping>;
	if (typeof x.delimiter !== 'string' || x.delimiter.length !== 1)
		return bad('delimiter must be one character');
	if (typeof x.headerRow !== 'number' || !Number.isInteger(x.headerRow) || x.headerRow < -1)
		return bad('headerRow must be -1 or a row index');
	if (!['ymd', 'dmy', 'mdy'].includes(x.dateOrder as string)) return bad('dateOrder must be ymd, dmy or mdy');
	if (!['money-in-positive', 'inverted', 'indicator'].includes(x.sign as string))
		return bad('sign must be money-in-positive, inverted or indicator');
	if (typeof x.decimalComma !== 'boolean') return bad('decimalComma must be true or false');
	if (
		!['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-2'].includes(
			(x.encoding ?? 'auto') as string
		)
	)
		return bad(`unknown encoding "${String(x.encoding)}"`);
	const c = x.columns;
	if (typeof c !== 'object' || c === null) return bad('columns is missing');
	const singles = [
		'date',
		'valueDate',
		'amount',
		'debit',
		'credit',
		'reference',
		'balance',
		'indicator',
		'currency',
		'account'
	] as const;
	for (const k of singles) {
		const v = c[k];
		if (v === undefined && k !== 'date') continue;
		if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || (width !== undefined && v >= width))
			return bad(
				`column "${k}" must be a column index${width === undefined ? '' : ` below ${width}`} (got ${String(v)})`
			);
	}
	for (const k of ['payee', 'payeeOut', 'payeeFallback', 'memo'] as const) {
		const v = c[k];
		if (v === undefined) continue;
		if (
			!Array.isArray(v) ||
			v.some(
				(i) => typeof i !== 'number' || !Number.isInteger(i) || i < 0 || (width !== undefined && i >= width)
			)
		)
			return bad(`column "${k}" must be a list of column indexes`);
	}
	if (c.amount === undefined && c.debit === undefined && c.credit === undefined)
		return bad('no amount column (amount, or debit and/or credit)');
	if (x.sign === 'indicator' && c.indicator === undefined)
		return bad('sign "indicator" needs an indicator column');
	return ok({ ...(x as CsvMapping), encoding: x.encoding ?? 'auto', version: 1 });
}
