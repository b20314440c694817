// The opening-figures CSV: header names in words, one row per person and tax year, every bad cell
// named by line and column, nothing returned unless every row reads; and a fuzz test that no input
// throws and every refusal names lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOpeningCsv, type CsvProblem } from './csv';

const people = [
	{ id: 'p1', names: ['Dana Ruiz', 'dana@example.com'] },
	{ id: 'p2', names: ['Alex Moore'] },
	{ id: 'p3', names: ['Sam Lee', 'sam.one@example.com'] },
	{ id: 'p4', names: ['Sam Lee', 'sam.two@example.com'] }
];
const problems = (r: ReturnType<typeof parseOpeningCsv>): CsvProblem[] =>
	r.ok ? [] : ((r.error.details?.['problems'] ?? []) as CsvProblem[]);

describe('opening figures CSV', () => {
	it('reads US and UK rows, header words in any case, amounts with thousands separators', () => {
		const text = [
			'Employee,Tax year,Federal taxable wages,Federal income tax withheld,Social Security wages,Social Security tax,Medicare wages,Medicare tax,FUTA wages,P45 pay to date,P45 tax to date,NI letter,Employee NICs,Student loan',
			'Dana Ruiz,2026,"20,000.00",2100.5,20000,1240,20000,290,7000,,,,,',
			'alex moore,2026-27,,,,,,,,18666.64,£2056,A,120.00,45',
			''
		].join('\r\n');
		const r = parseOpeningCsv(text, { people });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value).toHaveLength(2);
		const [us, uk] = r.value;
		expect(us).toMatchObject({ line: 2, personId: 'p1', taxYear: '2026' });
		expect(us?.figures).toEqual({
			jurisdiction: 'US',
			us: {
				wages: '20000.00',
				federalIncomeTax: '2100.50',
				socialSecurityWages: '20000.00',
				socialSecurityTax: '1240.00',
				medicareWages: '20000.00',
				medicareTax: '290.00',
				futaWages: '7000.00',
				supplementalWages: '0.00'
			}
		});
		expect(uk).toMatchObject({ line: 3, personId: 'p2', taxYear: '2026-27' });
		expect(uk?.figures).toMatchObject({
			jurisdiction: 'UK',
			uk: {
				previousEmploymentPay: '18666.64',
				previousEmploymentTax: '2056.00',
				studentLoan: '45.00',
				ni: [{ letter: 'A', employeeNics: '120.00', employerNics: '0.00' }]
			}
		});
	});

	it('names every bad cell by line and column, and returns nothing', () => {
		const text = [
			'Employee,Tax year,FUTA wages,Social Security wages,P45 pay to date,NI letter',
			'Dana Ruiz,2026,seven thousand,,,',
			'Nobody Here,2026,1,,,',
			'Sam Lee,2026,1,,,',
			'Alex Moore,2026/27,,,,',
			'Alex Moore,2026-27,5,,,',
			'dana@example.com,2026,,190000,,',
			'Alex Moore,2025-26,,,1.234,AB'
		].join('\n');
		const r = parseOpeningCsv(text, { people, file: 'openings.csv' });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.error.message).toContain('openings.csv: nothing was imported.');
		expect(problems(r)).toEqual([
			{
				line: 2,
				column: 'FUTA wages',
				message: '"seven thousand" is not an amount of 0 or more with at most 2 decimals, like 1250.00.'
			},
			{ line: 3, column: 'Employee', message: 'no one in People is called "Nobody Here".' },
			{
				line: 4,
				column: 'Employee',
				message: '2 people are called "Sam Lee": use their work email instead.'
			},
			{
				line: 5,
				column: 'Tax year',
				message:
					'"2026/27" is not a tax year: write 2026 for a US calendar year or 2026-27 for a UK tax year.'
			},
			{
				line: 6,
				column: 'FUTA wages',
				message: 'this row is for the UK tax year 2026-27, so this cell must be empty.'
			},
			{
				line: 7,
				message: 'dana@example.com already has a row for 2026 on line 2: one row per person and tax year.'
			},
			{
				line: 7,
				column: 'Social Security wages',
				message:
					'Social Security wages (190,000.00) cannot be more than the 2026 wage base of 184,500.00: enter the wages Social Security tax was charged on.'
			},
			{
				line: 8,
				column: 'P45 pay to date',
				message: '"1.234" is not an amount of 0 or more with at most 2 decimals, like 1250.00.'
			},
			{ line: 8, column: 'NI letter', message: 'NI letter must be one category letter, like A.' }
		]);
	});

	it('refuses unknown and missing columns on the header line', () => {
		const r = parseOpeningCsv('Name,Bonus paid,Name\nDana Ruiz,1,Dana Ruiz\n', { people });
		expect(problems(r)).toEqual([
			{
				line: 1,
				column: 'Bonus paid',
				message: 'Keel does not know this column; see the column names in the guide beside the import.'
			},
			{ line: 1, column: 'Name', message: 'this column appears twice.' },
			{ line: 1, message: 'there is no Tax year column.' }
		]);
		expect(problems(parseOpeningCsv('', { people }))).toEqual([
			{ line: 1, message: 'the file is empty: the first line must name the columns.' }
		]);
		expect(problems(parseOpeningCsv('Employee,Tax year\n', { people }))).toEqual([
			{ line: 1, message: 'there are no rows under the header.' }
		]);
		expect(
			problems(parseOpeningCsv('Employee,Tax year\n"Dana Ruiz,2026\n', { people }))[0]?.message
		).toContain('never closed');
	});

	it('fuzz: never throws; a refusal lists problems with line numbers in the file, a success one row per data line', () => {
		const cell = fc.oneof(
			fc.constantFrom(
				'Dana Ruiz',
				'Alex Moore',
				'Sam Lee',
				'2026',
				'2026-27',
				'2025-26',
				'A',
				'Z',
				'',
				'0',
				'12.5',
				'7,000.00',
				'"',
				'x'
			),
			fc.string({ maxLength: 8 })
		);
		const header = fc.shuffledSubarray(
			[
				'Employee',
				'Tax year',
				'FUTA wages',
				'Medicare wages',
				'P45 pay to date',
				'NI letter',
				'Employer NICs',
				'Unknown'
			],
			{ minLength: 0 }
		);
		fc.assert(
			fc.property(header, fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 6 }), (h, rows) => {
				const text = [h.join(','), ...rows.map((r) => r.join(','))].join('\n');
				const lines = text.split('\n').length;
				const r = parseOpeningCsv(text, { people });
				if (r.ok) {
					for (const row of r.value) expect(row.line).toBeGreaterThan(1);
					expect(new Set(r.value.map((x) => `${x.personId}|${x.taxYear}`)).size).toBe(r.value.length);
				} else {
					const list = problems(r);
					expect(list.length).toBeGreaterThan(0);
					for (const p of list) {
						expect(p.line).toBeGreaterThanOrEqual(1);
						expect(p.line).toBeLessThanOrEqual(lines);
					}
				}
			}),
			{ numRuns: 800, seed: 1106 }
		);
	});
});
