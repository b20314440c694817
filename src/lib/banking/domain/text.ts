// Shared reading helpers for every format: amounts become exact decimal strings (never a JS number), dates become
// real calendar dates or an error, and every error names the file, the line and the field.
import {
	Dec,
	fail,
	isoDate,
	daysInMonth,
	toDecimalString,
	type DecimalString,
	type IsoDate
} from '../../shared/domain';

export type BankErrorCode =
	| 'banking/empty-file'
	| 'banking/unknown-format'
	| 'banking/bad-syntax'
	| 'banking/bad-amount'
	| 'banking/bad-date'
	| 'banking/missing-field'
	| 'banking/no-statement'
	| 'banking/bank-error'
	| 'banking/bad-mapping'
	| 'banking/too-precise';

export function bankFail(
	code: BankErrorCode,
	where: { file: string; line?: number; field?: string },
	problem: string,
	details: Record<string, unknown> = {}
) {
	const at = [where.file, where.line === undefined ? undefined : `line ${where.line}`, where.field]
		.filter((x) => x !== undefined && x !== '')
		.join(', ');
	return fail(code, `${at}: ${problem}`, {
		file: where.file,
		line: where.line,
		field: where.field,
		...details
	});
}

const PLAIN = /^\d+(\.\d+)?$/;

/** Amounts keep their written precision but never fewer than 2 decimals ("80" -> "80.00", "-30.000" -> "-30.00"). */
export function normaliseAmount(plain: string, negative: boolean): DecimalString {
	const d = new Dec(plain);
	const decimals = Math.max(2, d.decimalPlaces());
	return toDecimalString(negative ? d.neg() : d, decimals);
}

export interface AmountStyle {
	/** true: ',' is the decimal mark; false: '.' is; 'auto': decide from this one value. */
	readonly decimalComma: boolean | 'auto';
}

/**
 * Reads a written amount: signs (leading/trailing '-', '+', parentheses), currency symbols and codes, spaces,
 * apostrophe or dot/comma thousands. Returns undefined when the text is not an amount.
 */
export function parseAmountText(
	raw: string,
	style: AmountStyle = { decimalComma: 'auto' }
): DecimalString | undefined {
	let t = raw.trim();
	if (t === '' || t.length > 64) return undefined;
	let negative = false;
	if (t.startsWith('(') && t.endsWith(')')) {
		negative = true;
		t = t.slice(1, -1).trim();
	}
	t = t.replace(/^(?:[A-Z]{3}\s+|[$€£¥₹]\s*)/u, '').replace(/(?:\s+[A-Z]{3}|\s*[$€£¥₹])$/u, '');
	if (t.startsWith('-')) {
		negative = !negative;
		t = t.slice(1);
	} else if (t.startsWith('+')) t = t.slice(1);
	else if (t.endsWith('-')) {
		negative = !negative;
		t = t.slice(0, -1);
	}
	t = t.replace(/^(?:[$€£¥₹])/u, '').replace(/[\s\u00a0\u202f']/g, '');
	if (!/^[\d.,]+$/.test(t) || !/\d/.test(t)) return undefined;
	let decimalMark: ',' | '.' | undefined;
	if (style.decimalComma === true) decimalMark = ',';
	else if (style.decimalComma === false) decimalMark = '.';
	else {
		const lastComma = t.lastIndexOf(',');
		const lastDot = t.lastIndexOf('.');
		if (lastComma >= 0 && lastDot >= 0) decimalMark = lastComma > lastDot ? ',' : '.';
		else if (lastComma >= 0) decimalMark = /^\d{1,3}(,\d{3})+$/.test(t) ? '.' : ',';
		else decimalMark = /^\d{1,3}(\.\d{3}){2,}$/.test(t) ? ',' : '.';
	}
	const thousands = decimalMark === ',' ? '.' : ',';
	if (t.split(decimalMark).length > 2) return undefined;
	let plain = t.split(thousands).join('');
	if (decimalMark === ',') plain = plain.replace(',', '.');
	if (plain.startsWith('.')) plain = '0' + plain;
	if (plain.endsWith('.')) plain = plain.slice(0, -1);
	if (!PLAIN.test(plain)) return undefined;
	return normaliseAmount(plain, negative);
}

/** A calendar date from parts, or undefined (2016-02-30 is not a date). */
export function dateFromParts(year: number, month: number, day: number): IsoDate | undefined {
	if (!Number.isInteger(year) || year < 1900 || year > 2199) return undefined;
	if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
	if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return undefined;
	return isoDate(year, month, day);
}

/** Two-digit years: 00..69 are 2000s, 70..99 are 1900s (bank files predate 1970 rarely, postdate 2069 never yet). */
export function expandYear(text: string): number {
	const y = Number(text);
	if (text.length >= 3) return y;
	return y < 70 ? 2000 + y : 1900 + y;
}

/** Compact `YYYYMMDD...` dates (OFX DTPOSTED, CAMT after stripping). */
export function parseCompactDate(text: string): IsoDate | undefined {
	const m = /^(\d{4})(\d{2})(\d{2})/.exec(text.trim());
	if (!m) return undefined;
	return dateFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Splits text into lines and remembers where each starts (CRLF, LF and lone CR all end a line). */
export function splitLines(text: string): string[] {
	return text.split(/\r\n|\n|\r/);
}

/** 1-based line number of a character offset. */
export function lineAt(text: string, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset && i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10) line++;
		else if (c === 13 && text.charCodeAt(i + 1) !== 10) line++;
	}
	return line;
}

/** Collapses runs of whitespace and trims. */
export function clean(text: string | undefined): string {
	return text === undefined ? '' : text.replace(/\s+/g, ' ').trim();
}
