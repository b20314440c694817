import { describe, expect, it } from 'vitest';
import { textPdf } from './pdf';

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
	it('keeps to one page and says what it left off', () => {
		const pdf = text(textPdf(Array.from({ length: 100 }, (_, i) => ({ text: `line ${i}` }))));
		expect(pdf).toContain('/Count 1');
		expect(pdf).toMatch(/\.\.\. \d+ more line\(s\) not shown|more line\\\(s\\\) not shown/);
	});
});

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
		expect(pdf).toContain('(Net pay: 2,860.00 USD) Tj');
		expect(pdf).toContain('(Federal income tax: 218.33 USD) Tj');
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
		expect(pdf).toContain('Student loan \\(Plan 2\\): 49.00 GBP');
		expect(pdf).toContain('Postgraduate loan: 75.00 GBP');
	});
});
