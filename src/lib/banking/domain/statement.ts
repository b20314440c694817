// One entry point for every format: bytes + file name in, statements out, or an error value naming the file.
// Format detection looks at content first and the file extension second, so a mislabelled file still parses.
import { ok, type Result } from '../../shared/domain';
import { parseCamt } from './camt';
import { parseCsvAccounts } from './csv';
import { detectCsvMapping } from './csv-detect';
import { decodeBytes } from './decode';
import { parseMt940 } from './mt940';
import { parseOfx } from './ofx';
import { parseQif, type QifOptions } from './qif';
import { bankFail } from './text';
import type { Statement } from './types';

export type FormatChoice = 'auto' | 'csv' | 'ofx' | 'qif' | 'camt' | 'mt940';

export interface ParseStatementInput {
	readonly bytes: Uint8Array;
	readonly fileName: string;
	readonly format?: FormatChoice;
	/** A saved CSV mapping; without one, CSV files are read with the detected mapping. */
	readonly csvMapping?: unknown;
	readonly qif?: QifOptions;
}

/** Guesses the format from the first kilobytes and the extension. */
export function detectFormat(text: string, fileName: string): Exclude<FormatChoice, 'auto'> | undefined {
	const head = text.slice(0, 4096);
	if (/<(\w+:)?(BkToCstmrStmt|BkToCstmrAcctRpt)[\s>]/.test(head) || /camt\.05[234]/.test(head)) return 'camt';
	if (/OFXHEADER|<OFX[\s>]/i.test(head)) return 'ofx';
	if (/^\s*(!Type:|!Account|!Option:|!Clear:)/im.test(head)) return 'qif';
	if (/^:?(20|25|28C?|60[FM]):/m.test(head) || /\{4:/.test(head)) return 'mt940';
	const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
	if (ext === 'ofx' || ext === 'qfx') return 'ofx';
	if (ext === 'qif') return 'qif';
	if (ext === 'sta' || ext === 'mt940' || ext === '940') return 'mt940';
	if (ext === 'xml') return 'camt';
	if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
	return undefined;
}

/** Parses a statement file. Multi-statement files (MT940, camt, OFX with several accounts) give several statements. */
export function parseStatementFile(input: ParseStatementInput): Result<Statement[]> {
	const { bytes, fileName } = input;
	if (bytes.length === 0) return bankFail('banking/empty-file', { file: fileName }, 'the file is empty');
	const decoded = decodeBytes(bytes);
	const text = decoded.text;
	if (text.trim() === '')
		return bankFail('banking/empty-file', { file: fileName }, 'the file holds only blanks');
	const format = !input.format || input.format === 'auto' ? detectFormat(text, fileName) : input.format;
	if (!format)
		return bankFail(
			'banking/unknown-format',
			{ file: fileName },
			'not a bank statement format Keel reads (CSV, OFX/QFX, QIF, camt.053/052, MT940)'
		);
	const addWarnings = (r: Result<Statement[]>): Result<Statement[]> =>
		r.ok && decoded.warnings.length > 0
			? ok(r.value.map((s) => ({ ...s, warnings: [...decoded.warnings, ...s.warnings] })))
			: r;
	switch (format) {
		case 'ofx':
			return addWarnings(parseOfx(text, fileName));
		case 'camt':
			return addWarnings(parseCamt(text, fileName));
		case 'mt940':
			return addWarnings(parseMt940(text, fileName));
		case 'qif':
			return addWarnings(parseQif(text, fileName, input.qif));
		case 'csv': {
			let mapping = input.csvMapping;
			if (mapping === undefined) {
				const detected = detectCsvMapping(bytes, fileName);
				if (!detected.ok) return detected;
				mapping = detected.value.mapping;
			}
			return parseCsvAccounts(bytes, mapping, fileName);
		}
	}
}
