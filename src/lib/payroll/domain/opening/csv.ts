// Reads opening year-to-date figures from a CSV file: a header line naming the columns in words, then
// one row per person and tax year. The tax year's form says the jurisdiction (2026 = US calendar year,
// 2026-27 = UK tax year). Invariant: either every row reads or the file is refused whole, listing every
// bad cell by line and column as the file names it; a reader never guesses which person a row means.
import { readCsvRows } from '../../../banking/domain';
import { fail, ok, type Result } from '../../../shared/domain';
import type { OpeningFigures } from './types';
import {
	isUkTaxYear,
	isUsTaxYear,
	NI_FIELDS,
	NI_OPENING_LABELS,
	readAmount,
	UK_FIELDS,
	UK_OPENING_LABELS,
	US_FIELDS,
	US_OPENING_LABELS,
	validateOpening,
	type NiMoneyField,
	type OpeningInput,
	type UkMoneyField
} from './validate';
import type { UsOpeningFigures } from './types';

type UsKey = keyof UsOpeningFigures;
type Column =
	| { kind: 'employee' }
	| { kind: 'taxYear' }
	| { kind: 'us'; key: UsKey }
	| { kind: 'uk'; key: UkMoneyField }
	| { kind: 'niLetter' }
	| { kind: 'ni'; key: NiMoneyField };

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Header words → column, the form's labels and a few short names people write. */
const HEADERS = new Map<string, Column>();
const add = (c: Column, ...names: string[]) => names.forEach((n) => HEADERS.set(norm(n), c));
add({ kind: 'employee' }, 'Employee', 'Name', 'Employee name', 'Person');
add({ kind: 'taxYear' }, 'Tax year', 'Year');
for (const k of US_FIELDS) add({ kind: 'us', key: k }, US_OPENING_LABELS[k]);
add({ kind: 'us', key: 'wages' }, 'Federal taxable wages', 'Federal wages', 'W-2 box 1');
add({ kind: 'us', key: 'federalIncomeTax' }, 'Federal income tax', 'Federal tax withheld');
add({ kind: 'us', key: 'socialSecurityTax' }, 'Social Security tax');
add({ kind: 'us', key: 'medicareTax' }, 'Medicare tax');
add({ kind: 'us', key: 'supplementalWages' }, 'Supplemental wages');
for (const k of UK_FIELDS) add({ kind: 'uk', key: k }, UK_OPENING_LABELS[k]);
add({ kind: 'uk', key: 'previousEmploymentPay' }, 'Previous employment pay', 'P45 pay to date', 'P45 pay');
add({ kind: 'uk', key: 'previousEmploymentTax' }, 'Previous employment tax', 'P45 tax to date', 'P45 tax');
add({ kind: 'uk', key: 'thisEmploymentPay' }, 'Pay to date in this employment', 'This employment pay');
add({ kind: 'uk', key: 'thisEmploymentTax' }, 'Tax to date in this employment', 'This employment tax');
add({ kind: 'uk', key: 'studentLoan' }, 'Student loan', 'Student loan to date');
add({ kind: 'uk', key: 'postgraduateLoan' }, 'Postgraduate loan', 'Postgraduate loan to date');
add({ kind: 'niLetter' }, 'NI letter', 'NI category', 'NI category letter');
for (const k of NI_FIELDS) add({ kind: 'ni', key: k }, NI_OPENING_LABELS[k], `NI ${NI_OPENING_LABELS[k]}`);
add({ kind: 'ni', key: 'atLel' }, 'Earnings at LEL', 'NI earnings at LEL');
add({ kind: 'ni', key: 'lelToPt' }, 'Earnings LEL to PT', 'NI earnings LEL to PT', 'LEL to PT');
add({ kind: 'ni', key: 'ptToUel' }, 'Earnings PT to UEL', 'NI earnings PT to UEL', 'PT to UEL');
add({ kind: 'ni', key: 'grossEarnings' }, 'NI gross earnings');

/** A person the file may name: by full name, legal name or work email (compared case-insensitively). */
export interface CsvPerson {
	readonly id: string;
	readonly names: readonly string[];
}

export interface OpeningCsvRow {
	readonly line: number;
	readonly personId: string;
	readonly taxYear: string;
	readonly figures: OpeningFigures;
}

export interface CsvProblem {
	readonly line: number;
	/** The column as the file's header names it (absent for problems with a whole row or file). */
	readonly column?: string;
	readonly message: string;
}

const MAX_SHOWN = 20;

function refuse(file: string, problems: CsvProblem[]) {
	const shown = problems
		.slice(0, MAX_SHOWN)
		.map((p) =>
			p.column === undefined
				? `Line ${p.line}: ${p.message}`
				: `Line ${p.line}, column "${p.column}": ${p.message}`
		);
	const more = problems.length > MAX_SHOWN ? ` …and ${problems.length - MAX_SHOWN} more.` : '';
	return fail('payroll/opening-csv', `${file}: nothing was imported. ${shown.join(' ')}${more}`, {
		problems
	});
}

/** Every row of the file as opening figures for a person and tax year, or every problem found. */
export function parseOpeningCsv(
	text: string,
	p: { people: readonly CsvPerson[]; file?: string }
): Result<OpeningCsvRow[]> {
	const file = p.file ?? 'the file';
	const clean = text.replace(/^\uFEFF/, '');
	const delimiter =
		clean.split(/\r?\n/, 1)[0]?.includes(';') && !clean.split(/\r?\n/, 1)[0]?.includes(',') ? ';' : ',';
	const read = readCsvRows(clean, delimiter, file);
	if (!read.ok)
		return refuse(file, [
			{
				line: Number(read.error.details?.['line'] ?? 1),
				message: 'a quoted cell is never closed (a " is missing).'
			}
		]);
	const rows = read.value.filter((r) => r.cells.some((c) => c.trim() !== ''));
	const header = rows[0];
	if (!header)
		return refuse(file, [{ line: 1, message: 'the file is empty: the first line must name the columns.' }]);
	const problems: CsvProblem[] = [];
	const columns: (Column | undefined)[] = [];
	const seen = new Set<string>();
	header.cells.forEach((h, i) => {
		const name = h.trim();
		if (name === '') return;
		const c = HEADERS.get(norm(name));
		if (!c) {
			problems.push({
				line: header.line,
				column: name,
				message: 'Keel does not know this column; see the column names in the guide beside the import.'
			});
			return;
		}
		const id = c.kind + ('key' in c ? c.key : '');
		if (seen.has(id))
			problems.push({ line: header.line, column: name, message: 'this column appears twice.' });
		seen.add(id);
		columns[i] = c;
	});
	if (!seen.has('employee'))
		problems.push({ line: header.line, message: 'there is no Employee column naming each person.' });
	if (!seen.has('taxYear')) problems.push({ line: header.line, message: 'there is no Tax year column.' });
	if (problems.length) return refuse(file, problems);

	const byName = new Map<string, Set<string>>();
	for (const person of p.people)
		for (const n of person.names) {
			const k = n.trim().toLowerCase().replace(/\s+/g, ' ');
			if (k === '') continue;
			const set = byName.get(k) ?? new Set<string>();
			set.add(person.id);
			byName.set(k, set);
		}
	const out: OpeningCsvRow[] = [];
	const done = new Map<string, number>();
	for (const row of rows.slice(1)) {
		const at = (i: number) => (header.cells[i] ?? '').trim();
		let employee = '';
		let employeeCol = '';
		let taxYear = '';
		let taxYearCol = '';
		const us: Partial<Record<UsKey, string>> = {};
		const uk: Partial<Record<UkMoneyField, string>> = {};
		const ni: { letter?: string } & Partial<Record<NiMoneyField, string>> = {};
		const colOf = new Map<string, string>();
		const filled: { kind: 'us' | 'uk'; column: string }[] = [];
		const badKeys = new Set<string>();
		if (
			row.cells.length > header.cells.length &&
			row.cells.slice(header.cells.length).some((c) => c.trim() !== '')
		)
			problems.push({
				line: row.line,
				message: `the row has more cells (${row.cells.length}) than the header has columns (${header.cells.length}).`
			});
		columns.forEach((c, i) => {
			if (!c) return;
			const cell = (row.cells[i] ?? '').trim();
			if (c.kind === 'employee') [employee, employeeCol] = [cell, at(i)];
			else if (c.kind === 'taxYear') [taxYear, taxYearCol] = [cell, at(i)];
			else {
				const key = c.kind === 'niLetter' ? 'letter' : c.key;
				colOf.set(key, at(i));
				if (c.kind === 'us') us[c.key] = cell;
				else if (c.kind === 'uk') uk[c.key] = cell;
				else if (c.kind === 'niLetter') ni.letter = cell;
				else ni[c.key] = cell;
				if (cell !== '') filled.push({ kind: c.kind === 'us' ? 'us' : 'uk', column: at(i) });
				if (c.kind !== 'niLetter' && cell !== '' && readAmount(cell) === null) {
					badKeys.add(key);
					problems.push({
						line: row.line,
						column: at(i),
						message: `"${cell}" is not an amount of 0 or more with at most 2 decimals, like 1250.00.`
					});
				}
			}
		});
		let personId: string | undefined;
		const matches = byName.get(employee.toLowerCase().replace(/\s+/g, ' '));
		if (employee === '')
			problems.push({ line: row.line, column: employeeCol, message: 'the name is empty.' });
		else if (!matches)
			problems.push({
				line: row.line,
				column: employeeCol,
				message: `no one in People is called "${employee}".`
			});
		else if (matches.size > 1)
			problems.push({
				line: row.line,
				column: employeeCol,
				message: `${matches.size} people are called "${employee}": use their work email instead.`
			});
		else personId = [...matches][0];
		const jurisdiction = isUsTaxYear(taxYear) ? 'US' : isUkTaxYear(taxYear) ? 'UK' : null;
		if (!jurisdiction)
			problems.push({
				line: row.line,
				column: taxYearCol,
				message:
					taxYear === ''
						? 'the tax year is empty.'
						: `"${taxYear}" is not a tax year: write 2026 for a US calendar year or 2026-27 for a UK tax year.`
			});
		else
			for (const f of filled.filter((x) => x.kind !== (jurisdiction === 'US' ? 'us' : 'uk')))
				problems.push({
					line: row.line,
					column: f.column,
					message: `this row is for ${jurisdiction === 'US' ? 'the US year' : 'the UK tax year'} ${taxYear}, so this cell must be empty.`
				});
		if (personId && jurisdiction) {
			const key = `${personId}|${taxYear}`;
			const first = done.get(key);
			if (first !== undefined)
				problems.push({
					line: row.line,
					message: `${employee} already has a row for ${taxYear} on line ${first}: one row per person and tax year.`
				});
			done.set(key, row.line);
		}
		if (!jurisdiction) continue;
		const input: OpeningInput =
			jurisdiction === 'US' ? { jurisdiction, taxYear, us } : { jurisdiction, taxYear, uk, ni: [ni] };
		const valid = validateOpening(input);
		if (!valid.ok) {
			const list = (valid.error.details?.['problems'] ?? []) as { key?: string; message: string }[];
			for (const q of list) {
				// A cell that is not an amount was named above, with its text.
				if (q.key !== undefined && badKeys.has(q.key)) continue;
				const column = q.key === undefined ? undefined : colOf.get(q.key);
				problems.push({ line: row.line, ...(column !== undefined ? { column } : {}), message: q.message });
			}
		} else if (personId) out.push({ line: row.line, personId, taxYear, figures: valid.value });
	}
	if (rows.length === 1) problems.push({ line: header.line, message: 'there are no rows under the header.' });
	return problems.length ? refuse(file, problems) : ok(out);
}
