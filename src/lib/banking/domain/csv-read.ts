// Splits delimited text into rows of cells (RFC 4180 quoting, any line ending), remembering each row's first line,
// and guesses the delimiter from which candidate gives the most rows with the same number of cells.
import { ok, type Result } from '../../shared/domain';
import { bankFail } from './text';

export interface CsvRow {
	readonly cells: string[];
	/** 1-based line where the row starts. */
	readonly line: number;
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Reads rows; stops after `limit` rows when given (previews and delimiter guessing read only the head). */
export function readCsvRows(
	text: string,
	delimiter: string,
	file: string,
	limit = Infinity
): Result<CsvRow[]> {
	const rows: CsvRow[] = [];
	let cells: string[] = [];
	let cell = '';
	let quoted = false;
	let line = 1;
	let rowLine = 1;
	let quoteLine = 1;
	let cellStart = true;
	const n = text.length;
	for (let i = 0; i < n; i++) {
		const c = text[i] as string;
		if (quoted) {
			if (c === '"') {
				if (text[i + 1] === '"') {
					cell += '"';
					i++;
				} else quoted = false;
			} else {
				if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
				cell += c;
			}
			continue;
		}
		if (c === '"' && cellStart) {
			quoted = true;
			quoteLine = line;
			cellStart = false;
		} else if (c === delimiter) {
			cells.push(cell);
			cell = '';
			cellStart = true;
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			cells.push(cell);
			rows.push({ cells, line: rowLine });
			if (rows.length >= limit) return ok(rows);
			cells = [];
			cell = '';
			cellStart = true;
			line++;
			rowLine = line;
		} else {
			cell += c;
			cellStart = false;
		}
	}
	if (quoted)
		return bankFail(
			'banking/bad-syntax',
			{ file, line: quoteLine },
			'a quoted field is never closed (missing ")'
		);
	if (cell !== '' || cells.length > 0) {
		cells.push(cell);
		rows.push({ cells, line: rowLine });
	}
	return ok(rows);
}

export function isBlankRow(row: CsvRow): boolean {
	return row.cells.every((c) => c.trim() === '');
}

/** The delimiter under which the most of the first rows share one cell count (of at least 2). */
export function guessDelimiter(text: string): string {
	const head = text.slice(0, 64 * 1024);
	let best: { d: string; score: number; width: number } = { d: ',', score: -1, width: 0 };
	for (const d of DELIMITERS) {
		const r = readCsvRows(head, d, '', 40);
		if (!r.ok) continue;
		const counts = new Map<number, number>();
		for (const row of r.value)
			if (!isBlankRow(row)) counts.set(row.cells.length, (counts.get(row.cells.length) ?? 0) + 1);
		for (const [width, score] of counts) {
			if (width < 2) continue;
			if (score > best.score || (score === best.score && width > best.width)) best = { d, score, width };
		}
	}
	return best.d;
}
