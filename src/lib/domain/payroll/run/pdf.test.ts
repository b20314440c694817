import { describe, expect, it } from 'vitest';
import type { DecimalString } from '../../core';
import { textPdf } from './pdf';
import { textWidth } from './pdf-metrics';

const text = (b: Uint8Array) => String.fromCharCode(...b);

describe('textPdf', () => {
	it('writes a valid PDF 1.4 structure: header, objects at the xref offsets, trailer', () => {
		const pdf = text(
			textPdf([{ text: 'Payslip (March)', size: 14, bold: true }, { text: 'Net pay 2,860.00 \\ £12' }])
		);
		expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
		expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
		const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(pdf)?.[1]);
		expect(pdf.slice(startxref, startxref + 4)).toBe('xref');
		const table = /xref\n0 (\d+)\n([\s\S]*?)trailer/.exec(pdf);
		const count = Number(table?.[1]);
		expect(count).toBe(7);
		const rows = (table?.[2] ?? '').split('\n').filter(Boolean);
		expect(rows).toHaveLength(count);
		expect(rows.every((r) => r.length === 19)).toBe(true);
		rows.slice(1).forEach((row, i) => {
			const off = Number(row.slice(0, 10));
			expect(pdf.slice(off, off + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
		});
		expect(pdf).toContain(`/Size ${count} /Root 1 0 R`);
		const len = Number(/<< \/Length (\d+) >>\nstream\n/.exec(pdf)?.[1]);
		const start = pdf.indexOf('stream\n') + 'stream\n'.length;
		expect(pdf.slice(start + len, start + len + '\nendstream'.length)).toBe('\nendstream');
		// Parentheses and backslashes are escaped; £ is WinAnsi octal 243.
		expect(pdf).toContain('(Payslip \\(March\\)) Tj');
		expect(pdf).toContain('(Net pay 2,860.00 \\\\ \\24312) Tj');
	});
	it('paginates instead of leaving lines off, numbering the pages', () => {
		const pdf = text(textPdf(Array.from({ length: 100 }, (_, i) => ({ text: `line ${i}` }))));
		expect(pdf).toContain('/Count 2');
		for (let i = 0; i < 100; i++) expect(pdf).toContain(`(line ${i}) Tj`);
		expect(pdf).toContain('(Page 1 of 2) Tj');
		expect(pdf).toContain('(Page 2 of 2) Tj');
		expect(structureOk(pdf)).toBe(true);
	});
	it('wraps a line wider than the page at spaces, and a word wider than a line mid-word', () => {
		const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
		const pdf = text(textPdf([{ text: long }, { text: 'x'.repeat(300) }], { page: 'letter' }));
		const shown = placed(pdf);
		expect(shown.map((t) => t.text).join(' ')).toContain(long);
		expect(
			shown
				.filter((t) => /^x+$/.test(t.text))
				.map((t) => t.text)
				.join('')
		).toBe('x'.repeat(300));
		for (const t of shown)
			expect(t.x + textWidth([...t.codes], t.size, t.bold)).toBeLessThanOrEqual(612 - 40);
	});
	it('Letter is 612 x 792 points and A4 595 x 842', () => {
		expect(text(textPdf([{ text: 'a' }], { page: 'letter' }))).toContain('/MediaBox [0 0 612 792]');
		expect(text(textPdf([{ text: 'a' }]))).toContain('/MediaBox [0 0 595 842]');
	});
});

/** Every object sits at its xref offset and the trailer points at the xref. */
function structureOk(pdf: string): boolean {
	const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(pdf)?.[1]);
	if (pdf.slice(startxref, startxref + 4) !== 'xref') return false;
	const rows = (/xref\n0 \d+\n([\s\S]*?)trailer/.exec(pdf)?.[1] ?? '').split('\n').filter(Boolean);
	return rows.slice(1).every((row, i) => pdf.slice(Number(row.slice(0, 10))).startsWith(`${i + 1} 0 obj`));
}

/** The text drawn: position, font and the WinAnsi bytes of each string. */
function placed(pdf: string) {
	const out: { x: number; y: number; size: number; bold: boolean; codes: number[]; text: string }[] = [];
	const re = /BT \/(F[12]) ([\d.]+) Tf ([\d.]+) ([\d.]+) Td \(((?:\\.|[^\\)])*)\) Tj ET/g;
	for (const m of pdf.matchAll(re)) {
		const codes: number[] = [];
		const raw = m[5] ?? '';
		for (let i = 0; i < raw.length; i++) {
			if (raw[i] !== '\\') codes.push(raw.charCodeAt(i));
			else if (/[0-7]/.test(raw[i + 1] ?? '')) {
				codes.push(parseInt(raw.slice(i + 1, i + 4), 8));
				i += 3;
			} else codes.push(raw.charCodeAt(++i));
		}
		out.push({
			x: Number(m[3]),
			y: Number(m[4]),
			size: Number(m[2]),
			bold: m[1] === 'F2',
			codes,
			text: String.fromCharCode(...codes)
		});
	}
	return out;
}

describe('payslipPdf', () => {
	it('carries the net pay and every line of the payslip', async () => {
		const { computeRun, periodAt, payslipPdf } = await import('./index');
		const { draft, person, schedule, usComp } = await import('./fixtures');
		const s = schedule();
		const run = draft('r', s, periodAt(s, 0), ['a']);
		const slip = computeRun({ schedule: s, run, people: [person('a', usComp('40000'))], finalized: [] })
			.payslips[0];
		if (!slip) throw new Error('no payslip');
		const pdf = text(
			payslipPdf({ organisation: 'Acme', period: run.period, currency: 'USD', slip, status: 'finalized' })
		);
		expect(pdf).toMatch(/\(Net pay\) Tj ET\nBT \/F2 13 Tf [\d.]+ \d+ Td \(2,860.00 USD\) Tj/);
		expect(pdf).toMatch(/\(Federal income tax\) Tj ET\nBT \/F1 10 Tf [\d.]+ \d+ Td \(218.33 USD\) Tj/);
		expect(pdf).toContain('/MediaBox [0 0 612 792]');
	});

	it('writes the amounts in the workspace number locale: German marks, French grouping as a no-break space', async () => {
		const { computeRun, periodAt, payslipPdf } = await import('./index');
		const { draft, person, schedule, usComp } = await import('./fixtures');
		const s = schedule();
		const run = draft('r', s, periodAt(s, 0), ['a']);
		const slip = computeRun({ schedule: s, run, people: [person('a', usComp('40000'))], finalized: [] })
			.payslips[0];
		if (!slip) throw new Error('no payslip');
		const pdf = (locale: string) =>
			text(payslipPdf({ organisation: 'Acme', period: run.period, currency: 'USD', slip, status: 'finalized', locale }));
		expect(pdf('de-DE')).toMatch(/\(Net pay\) Tj ET\nBT \/F2 13 Tf [\d.]+ \d+ Td \(2\.860,00 USD\) Tj/);
		// U+202F has no WinAnsi byte; it is drawn as the no-break space (octal 240), never as '?'.
		expect(pdf('fr-FR')).toContain('(2\\240860,00 USD) Tj');
	});

	it('shows addresses, the SSN last four only, a YTD column, and 30 lines with a long name, whole', async () => {
		const { computeRun, periodAt, payslipPdf, payslipYearToDate, indexFinalized, maskedTaxId, addressLines } =
			await import('./index');
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
		const pdf = text(
			payslipPdf({
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
			})
		);
		expect(structureOk(pdf)).toBe(true);
		expect(pdf).toContain('/MediaBox [0 0 612 792]');
		const shown = placed(pdf);
		const all = shown.map((t) => t.text).join(' ');
		expect(all).toContain('SSN: ***-**-6789');
		expect(pdf).not.toMatch(/123-?45-?6789/);
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
		expect(pdf).toMatch(/\/Count [2-9]/);
		for (const t of shown) {
			expect(t.x).toBeGreaterThanOrEqual(40);
			expect(t.x + textWidth(t.codes, t.size, t.bold)).toBeLessThanOrEqual(612 - 40 + 0.01);
			expect(t.y).toBeGreaterThanOrEqual(25);
		}
		// Text drawn on one row (a label, its amount, its year to date) never overlaps.
		shown.forEach((t, i) => {
			const next = shown[i + 1];
			if (next && next.y === t.y) expect(t.x + textWidth(t.codes, t.size, t.bold)).toBeLessThan(next.x);
		});
	});

	it('a UK payslip is A4 and masks the NI number', async () => {
		const { computeRun, periodAt, payslipPdf, maskedTaxId } = await import('./index');
		const { draft, person, schedule, ukComp } = await import('./fixtures');
		const s = schedule({ jurisdiction: 'UK', currency: 'GBP', anchor: '2026-04-01' as never });
		const run = draft('r', s, periodAt(s, 0), ['a']);
		const slip = computeRun({ schedule: s, run, people: [person('a', ukComp('30000'))], finalized: [] })
			.payslips[0];
		if (!slip) throw new Error('no payslip');
		const pdf = text(
			payslipPdf({
				organisation: 'Harbour Trust',
				period: run.period,
				currency: 'GBP',
				slip,
				status: 'finalized',
				employee: { address: [], taxId: maskedTaxId('UK', { ukNiNumber: 'QQ123456C' }) }
			})
		);
		expect(pdf).toContain('/MediaBox [0 0 595 842]');
		expect(pdf).toContain('(NI number: QQ \\225\\225 \\225\\225 \\225\\225 C) Tj');
		expect(pdf).not.toContain('123456');
		expect(maskedTaxId('US', {})).toBeNull();
	});

	it('shows UK student and postgraduate loan lines', async () => {
		const { computeRun, periodAt, payslipPdf } = await import('./index');
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
		const pdf = text(
			payslipPdf({ organisation: 'Acme', period: run.period, currency: 'GBP', slip, status: 'finalized' })
		);
		// 2026-27 month 1, 3,000: Plan 2 (3,000 − 2,448.75) × 9% → 49; postgraduate 1,250 × 6% = 75.
		expect(pdf).toMatch(/\(Student loan \\\(Plan 2\\\)\) Tj ET\nBT \/F1 [\d.]+ Tf [\d.]+ \d+ Td \(49\.00 GBP\) Tj/);
		expect(pdf).toMatch(/\(Postgraduate loan\) Tj ET\nBT \/F1 [\d.]+ Tf [\d.]+ \d+ Td \(75\.00 GBP\) Tj/);
		// The working's arrow is written as '->', never as an unknown '?'.
		expect(pdf).toContain('9% = 49.6125 -> 49.00');
	});
});
