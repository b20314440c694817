import { describe, expect, it } from 'vitest';
import type { DecimalString } from '../../../shared/domain';
import { readPdf, type PdfText } from '../../../../../tests/pdf-text';
import { testFonts } from '../../../../../tests/unit/pdf-fonts';
import { textPdf, type PdfLine, type PageSize } from './pdf';

const text = (b: Uint8Array) => String.fromCharCode(...b);
const make = (lines: readonly PdfLine[], page?: PageSize) =>
	textPdf(lines, page ? { page, fonts: testFonts } : { fonts: testFonts });

describe('textPdf', () => {
	it('writes a valid PDF structure: header, objects at the xref offsets, stream lengths, trailer', async () => {
		const bytes = await make([
			{ text: 'Payslip (March)', size: 14, bold: true },
			{ text: 'Net pay 2,860.00 \\ £12' }
		]);
		const pdf = text(bytes);
		expect(pdf).toMatch(/^%PDF-1\.\d\n/);
		expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
		const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(pdf)?.[1]);
		expect(pdf.slice(startxref, startxref + 4)).toBe('xref');
		const table = /xref\n0 (\d+)\n([\s\S]*?)trailer/.exec(pdf);
		const count = Number(table?.[1]);
		expect(count).toBeGreaterThan(4);
		const rows = (table?.[2] ?? '').split('\n').filter(Boolean);
		expect(rows).toHaveLength(count);
		expect(rows.every((r) => r.length === 19)).toBe(true);
		rows.slice(1).forEach((row, i) => {
			const off = Number(row.slice(0, 10));
			expect(pdf.slice(off, off + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
		});
		expect(Number(/\/Size (\d+)/.exec(pdf.slice(startxref))?.[1])).toBe(count);
		expect(pdf.slice(startxref)).toMatch(/\/Root \d+ 0 R/);
		expect(streamsOk(pdf)).toBeGreaterThan(0);
		// Parentheses, backslashes and the pound sign come out as written.
		const read = await readPdf(bytes);
		expect(read.rows).toEqual(['Payslip (March)', 'Net pay 2,860.00 \\ £12']);
	});
	it('paginates instead of leaving lines off, numbering the pages', async () => {
		const bytes = await make(Array.from({ length: 100 }, (_, i) => ({ text: `line ${i}` })));
		const read = await readPdf(bytes);
		expect(read.pages).toHaveLength(2);
		for (let i = 0; i < 100; i++) expect(read.rows).toContain(`line ${i}`);
		expect(read.texts.find((t) => t.text === 'Page 1 of 2')?.page).toBe(1);
		expect(read.texts.find((t) => t.text === 'Page 2 of 2')?.page).toBe(2);
		expect(structureOk(text(bytes))).toBe(true);
	});
	it('wraps a line wider than the page at spaces, and a word wider than a line mid-word', async () => {
		const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
		const { texts: shown } = await readPdf(await make([{ text: long }, { text: 'x'.repeat(300) }], 'letter'));
		expect(shown.length).toBeGreaterThan(3);
		expect(shown.map((t) => t.text).join(' ')).toContain(long);
		expect(
			shown
				.filter((t) => /^x+$/.test(t.text))
				.map((t) => t.text)
				.join('')
		).toBe('x'.repeat(300));
		for (const t of shown) expect(t.x + t.width).toBeLessThanOrEqual(612 - 40 + 0.001);
	});
	it('Letter is 612 x 792 points and A4 595 x 842', async () => {
		expect((await readPdf(await make([{ text: 'a' }], 'letter'))).pages).toEqual([[612, 792]]);
		expect((await readPdf(await make([{ text: 'a' }]))).pages).toEqual([[595, 842]]);
	});
});

/** Every object sits at its xref offset and the trailer points at the xref. */
function structureOk(pdf: string): boolean {
	const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(pdf)?.[1]);
	if (pdf.slice(startxref, startxref + 4) !== 'xref') return false;
	const rows = (/xref\n0 \d+\n([\s\S]*?)trailer/.exec(pdf)?.[1] ?? '').split('\n').filter(Boolean);
	return rows.slice(1).every((row, i) => pdf.slice(Number(row.slice(0, 10))).startsWith(`${i + 1} 0 obj`));
}

/** Checks that every stream's /Length reaches exactly its endstream; returns how many streams there are. */
function streamsOk(pdf: string): number {
	let n = 0;
	for (let at = pdf.indexOf('>>\nstream\n'); at >= 0; at = pdf.indexOf('>>\nstream\n', at + 1)) {
		const dict = pdf.slice(pdf.lastIndexOf(' 0 obj', at), at);
		const len = Number(/\/Length (\d+)\b/.exec(dict)?.[1]);
		const start = at + '>>\nstream\n'.length;
		expect(pdf.slice(start + len, start + len + '\nendstream'.length)).toBe('\nendstream');
		n++;
	}
	return n;
}

/** The text drawn right after `label` on its row (the amount beside a payslip line). */
function besideLabel(texts: readonly PdfText[], label: string): PdfText | undefined {
	const i = texts.findIndex((t) => t.text === label);
	const at = texts[i];
	return texts.slice(i + 1).find((t) => at && t.page === at.page && t.y === at.y);
}

describe('payslipPdf', () => {
	it('carries the net pay and every line of the payslip', async () => {
		const { computeRun, periodAt } = await import('./index');
		const { payslipPdf } = await import('./payslip-pdf');
		const { draft, person, schedule, usComp } = await import('./fixtures');
		const s = schedule();
		const run = draft('r', s, periodAt(s, 0), ['a']);
		const slip = computeRun({ schedule: s, run, people: [person('a', usComp('40000'))], finalized: [] })
			.payslips[0];
		if (!slip) throw new Error('no payslip');
		const read = await readPdf(
			await payslipPdf(
				{ organisation: 'Acme', period: run.period, currency: 'USD', slip, status: 'finalized' },
				testFonts
			)
		);
		expect(besideLabel(read.texts, 'Net pay')).toMatchObject({
			text: '2,860.00 USD',
			size: 13,
			font: 'NotoSans-Bold'
		});
		expect(besideLabel(read.texts, 'Federal income tax')).toMatchObject({
			text: '218.33 USD',
			size: 10,
			font: 'NotoSans-Regular'
		});
		expect(read.pages[0]).toEqual([612, 792]);
	});

	it('writes the amounts in the workspace number locale: German marks, French grouping as a no-break space', async () => {
		const { computeRun, periodAt } = await import('./index');
		const { payslipPdf } = await import('./payslip-pdf');
		const { draft, person, schedule, usComp } = await import('./fixtures');
		const s = schedule();
		const run = draft('r', s, periodAt(s, 0), ['a']);
		const slip = computeRun({ schedule: s, run, people: [person('a', usComp('40000'))], finalized: [] })
			.payslips[0];
		if (!slip) throw new Error('no payslip');
		const pdf = async (locale: string) =>
			readPdf(
				await payslipPdf(
					{ organisation: 'Acme', period: run.period, currency: 'USD', slip, status: 'finalized', locale },
					testFonts
				)
			);
		expect(besideLabel((await pdf('de-DE')).texts, 'Net pay')).toMatchObject({
			text: '2.860,00 USD',
			size: 13,
			font: 'NotoSans-Bold'
		});
		// U+202F, the narrow no-break space French groups digits with, is drawn as itself (in the Latin
		// font), never as '?'; pdf.js reads any such space back as a plain one.
		const fr = await pdf('fr-FR');
		expect(besideLabel(fr.texts, 'Net pay')?.text).toMatch(/^2[\u202f\u00a0 ]860,00 USD$/);
		expect(fr.all).not.toContain('?');
	});

	it('shows addresses, the SSN last four only, a YTD column, and 30 lines with a long name, whole', async () => {
		const { computeRun, periodAt, payslipYearToDate, indexFinalized, maskedTaxId, addressLines } =
			await import('./index');
		const { payslipPdf } = await import('./payslip-pdf');
		const { draft, finalize, person, schedule, usComp } = await import('./fixtures');
		const s = schedule();
		const name = 'Maximiliana Alexandra Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh de la Cruz';
		const who = { ...person('a', usComp('52000')), name };
		const jan = draft('jan', s, periodAt(s, 0), ['a']);
		const janFinal = finalize(
			jan,
			s,
			computeRun({ schedule: s, run: jan, people: [who], finalized: [] }),
			'x',
			'2026'
		);
		const feb = draft('feb', s, periodAt(s, 1), ['a'], {
			oneOffDeductions: { a: '10.00' as never },
			reimbursements: { a: '25.00' as never }
		});
		const base = computeRun({ schedule: s, run: feb, people: [who], finalized: [janFinal] }).payslips[0];
		if (!base) throw new Error('no payslip');
		// 30 more lines, as a payslip with many deductions would have.
		const extra = Array.from({ length: 30 }, (_, i) => ({
			code: `DED.X${i}`,
			label: `Garnishment order ${i} for the County of Los Angeles Superior Court case number ${1000 + i}`,
			kind: 'post-tax' as const,
			amount: '-1.00' as DecimalString,
			basis: 'A court order with a long explanation of how this amount was worked out, repeated. '.repeat(3)
		}));
		const slip = { ...base, name, payslip: { ...base.payslip, lines: [...base.payslip.lines, ...extra] } };
		const ytd = payslipYearToDate(indexFinalized([janFinal]), {
			runId: 'feb',
			jurisdiction: 'US',
			taxYear: '2026',
			payDate: feb.period.payDate,
			slip
		});
		const bytes = await payslipPdf(
			{
				organisation: 'Acme Widgets, Inc.',
				period: feb.period,
				currency: 'USD',
				slip,
				status: 'finalized',
				employerAddress: ['1 Main Street', 'Springfield, IL 62701'],
				employee: {
					address: addressLines({
						lines: ['742 Evergreen Terrace'],
						locality: 'Springfield',
						region: 'IL',
						postalCode: '62704',
						country: 'US'
					}),
					taxId: maskedTaxId('US', { usSsn: '123-45-6789' })
				},
				ytd
			},
			testFonts
		);
		const pdf = text(bytes);
		expect(structureOk(pdf)).toBe(true);
		const read = await readPdf(bytes);
		expect(read.pages.every(([w, h]) => w === 612 && h === 792)).toBe(true);
		const shown = read.texts;
		const all = shown.map((t) => t.text).join(' ');
		expect(all).toContain('SSN: ***-**-6789');
		expect(pdf).not.toMatch(/123-?45-?6789/);
		expect(all).not.toMatch(/123-?45-?6789/);
		expect(all).toContain('1 Main Street');
		expect(all).toContain('742 Evergreen Terrace');
		expect(all).toContain('Springfield, IL 62704');
		for (const word of name.split(' ')) expect(all).toContain(word);
		for (const l of extra) for (const word of l.label.split(' ')) expect(all).toContain(word);
		expect(all).toContain('Year to date');
		// Federal income tax: this period and the year to date (January + February).
		const fit = slip.payslip.lines.find((l) => l.code === 'US.FIT');
		const janFit = janFinal.payslips[0]?.payslip.lines.find((l) => l.code === 'US.FIT');
		expect(ytd.lines['US.FIT Federal income tax']).toBe(
			(Number(fit?.amount) + Number(janFit?.amount)).toFixed(2)
		);
		// More than one page: nothing is left off.
		expect(read.pages.length).toBeGreaterThanOrEqual(2);
		for (const t of shown) {
			expect(t.x).toBeGreaterThanOrEqual(40);
			expect(t.x + t.width).toBeLessThanOrEqual(612 - 40 + 0.01);
			expect(t.y).toBeGreaterThanOrEqual(25);
		}
		// Text drawn on one row (a label, its amount, its year to date) never overlaps.
		shown.forEach((t, i) => {
			const next = shown[i + 1];
			if (next && next.page === t.page && next.y === t.y) expect(t.x + t.width).toBeLessThan(next.x);
		});
	});

	it('a UK payslip is A4 and masks the NI number', async () => {
		const { computeRun, periodAt, maskedTaxId } = await import('./index');
		const { payslipPdf } = await import('./payslip-pdf');
		const { draft, person, schedule, ukComp } = await import('./fixtures');
		const s = schedule({ jurisdiction: 'UK', currency: 'GBP', anchor: '2026-04-01' as never });
		const run = draft('r', s, periodAt(s, 0), ['a']);
		const slip = computeRun({ schedule: s, run, people: [person('a', ukComp('30000'))], finalized: [] })
			.payslips[0];
		if (!slip) throw new Error('no payslip');
		const bytes = await payslipPdf(
			{
				organisation: 'Harbour Trust',
				period: run.period,
				currency: 'GBP',
				slip,
				status: 'finalized',
				employee: { address: [], taxId: maskedTaxId('UK', { ukNiNumber: 'QQ123456C' }) }
			},
			testFonts
		);
		const read = await readPdf(bytes);
		expect(read.pages[0]).toEqual([595, 842]);
		expect(read.rows).toContain('NI number: QQ •• •• •• C');
		expect(text(bytes)).not.toContain('123456');
		expect(read.all).not.toContain('123456');
		expect(maskedTaxId('US', {})).toBeNull();
	});

	it('shows UK student and postgraduate loan lines', async () => {
		const { computeRun, periodAt } = await import('./index');
		const { payslipPdf } = await import('./payslip-pdf');
		const { draft, person, schedule, ukComp } = await import('./fixtures');
		const s = schedule({ jurisdiction: 'UK', currency: 'GBP', anchor: '2026-04-01' as never });
		const comp = ukComp('36000');
		const uk = { ...comp.tax.uk!, studentLoanPlans: ['plan2' as const], postgraduateLoan: true };
		const run = draft('r', s, periodAt(s, 0), ['a']);
		const slip = computeRun({
			schedule: s,
			run,
			people: [person('a', { ...comp, tax: { uk } })],
			finalized: []
		}).payslips[0];
		if (!slip) throw new Error('no payslip');
		const read = await readPdf(
			await payslipPdf(
				{ organisation: 'Acme', period: run.period, currency: 'GBP', slip, status: 'finalized' },
				testFonts
			)
		);
		// 2026-27 month 1, 3,000: Plan 2 (3,000 − 2,448.75) × 9% → 49; postgraduate 1,250 × 6% = 75.
		expect(besideLabel(read.texts, 'Student loan (Plan 2)')).toMatchObject({
			text: '49.00 GBP',
			font: 'NotoSans-Regular'
		});
		expect(besideLabel(read.texts, 'Postgraduate loan')).toMatchObject({
			text: '75.00 GBP',
			font: 'NotoSans-Regular'
		});
		// The working's arrow (not in the Latin font) is written as '->', never as an unknown '?'.
		expect(read.all).toContain('9% = 49.6125 -> 49.00');
	});
});
