// A payslip as a PDF: the lines of payslip-document.ts laid out on Letter for a US payslip and A4 for
// a UK one, every line whole, names in any Latin or CJK script printed as written. Imported directly
// (not through the run index) by code that makes a PDF, so pdf-lib loads only then.
import { formatMoney } from '../../../shared/domain';
import { payslipPage, payslipSections } from './payslip-document';
import { textPdf, PAGE_SIZES, type PdfFontSource, type PdfLine } from './pdf';
import type { PayPeriod, RunPayslip } from './types';
import { ytdKey, type PayslipYtd } from './ytd';

export interface PayslipPdfInput {
	organisation: string;
	period: PayPeriod;
	currency: string;
	slip: RunPayslip;
	status: string;
	/** The employer's address lines (workspace profile). */
	employerAddress?: readonly string[];
	/** The employee's address lines and masked tax number (People record). */
	employee?: { address: readonly string[]; taxId: { label: string; masked: string } | null };
	/** The year-to-date column and totals (payslipYearToDate); left out when absent. */
	ytd?: PayslipYtd;
	/** The workspace's number locale for the amounts (default en-US). */
	locale?: string;
}

/** The payslip as a PDF; `fonts` gives the font files (the CJK one only when a name or line needs it). */
export function payslipPdf(p: PayslipPdfInput, fonts: PdfFontSource): Promise<Uint8Array> {
	const { slip, currency, ytd } = p;
	const money = (v: string, c: string) => formatMoney(v, c, p.locale);
	const page = payslipPage(slip.payslip.jurisdiction);
	const width = (PAGE_SIZES[page][0] as number) - 80;
	const amountAt = ytd ? width - 110 : width;
	const cells = (amount: string, y: string | undefined, bold?: boolean) => [
		{ text: money(amount, currency), right: amountAt, bold },
		...(ytd ? [{ text: y === undefined ? '' : money(y, currency), right: width, bold }] : [])
	];
	const lines: PdfLine[] = [
		{ text: p.organisation, size: 16, bold: true },
		...(p.employerAddress ?? []).map((text) => ({ text, size: 9 })),
		{ text: '' },
		{ text: `Payslip: ${slip.name}`, size: 13, bold: true },
		...(p.employee?.address ?? []).map((text) => ({ text, size: 9 })),
		...(p.employee?.taxId
			? [{ text: `${p.employee.taxId.label}: ${p.employee.taxId.masked}`, size: 9 }]
			: []),
		{ text: `Period ${p.period.start} to ${p.period.end}, paid ${p.period.payDate} (${p.status})` },
		{ text: `Tax year ${slip.payslip.taxYear}, ${slip.payslip.frequency}` },
		{ text: '' }
	];
	if (ytd)
		lines.push({
			text: '',
			size: 8,
			cells: [
				{ text: 'This period', right: amountAt, bold: true },
				{ text: 'Year to date', right: width, bold: true }
			]
		});
	for (const s of payslipSections(slip)) {
		lines.push({ text: s.title, bold: true, size: 11 });
		for (const l of s.lines) {
			lines.push({ text: l.label, indent: 10, cells: cells(l.amount, ytd?.lines[ytdKey(l)]) });
			lines.push({ text: l.basis, size: 7, indent: 20 });
		}
	}
	if (slip.retro.length) {
		lines.push({ text: 'Retro pay included', bold: true, size: 11 });
		for (const r of slip.retro) lines.push({ text: `${money(r.amount, currency)}: ${r.basis}`, indent: 10 });
	}
	lines.push(
		{ text: '' },
		{ text: 'Gross pay', bold: true, cells: cells(slip.payslip.grossPay, ytd?.grossPay) },
		{ text: 'Net pay', bold: true, size: 13, cells: cells(slip.payslip.net, ytd?.net) },
		{ text: 'Cost to employer', cells: cells(slip.payslip.employerCost, ytd?.employerCost) }
	);
	for (const t of ytd?.totals ?? [])
		lines.push({ text: t.label, cells: [{ text: money(t.amount, currency), right: width }] });
	return textPdf(lines, { page, fonts });
}
