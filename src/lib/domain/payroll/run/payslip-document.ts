// What a payslip says, in order, for the screen, print and the PDF: who (employer and employee, with
// addresses and the employee's tax number masked), which period, every line with its basis and
// year to date, net pay and the employer's cost. Invariant: the amounts are the finalized (or
// previewed) payslip's own figures and its YTD column, formatted, never recomputed; a full SSN or NI
// number is never printed; the PDF is Letter for a US payslip and A4 for a UK one, every line whole,
// names in any Latin or CJK script printed as written.
import { dec } from '../../core';
import { maskNiNumber, maskSsn, type Address, type NationalIdentifiers } from '../../hr';
import { fmt } from '../format';
import type { PayslipLine } from '../types';
import { textPdf, PAGE_SIZES, type PageSize, type PdfFontSource, type PdfLine } from './pdf';
import type { Jurisdiction, PayPeriod, RunPayslip } from './types';
import { ytdKey, type PayslipYtd } from './ytd';

const SECTIONS: { title: string; kinds: PayslipLine['kind'][] }[] = [
	{ title: 'Earnings', kinds: ['earning'] },
	{ title: 'Before tax', kinds: ['pre-tax'] },
	{ title: 'Taxes', kinds: ['employee-tax'] },
	{ title: 'After tax', kinds: ['post-tax'] },
	{ title: "Employer's costs (not taken from pay)", kinds: ['employer-tax', 'employer-contribution'] }
];

export interface PayslipSection {
	readonly title: string;
	readonly lines: readonly PayslipLine[];
}

export const money = (v: string, currency: string) => `${fmt(dec(v))} ${currency}`;

export function payslipSections(slip: RunPayslip): PayslipSection[] {
	return SECTIONS.map((s) => ({
		title: s.title,
		lines: slip.payslip.lines.filter((l) => s.kinds.includes(l.kind))
	})).filter((s) => s.lines.length > 0);
}

/** An address as printed: its lines, then town, region and postal code. */
export function addressLines(a: Address | undefined): string[] {
	if (!a) return [];
	const place = [a.locality, [a.region, a.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
	return [...a.lines.filter((l) => l.trim()), ...(place ? [place] : [])];
}

/** The employee's tax number as a payslip shows it: SSN last four only (US), NI number masked (UK). */
export function maskedTaxId(
	j: Jurisdiction,
	ids: NationalIdentifiers | undefined
): { label: string; masked: string } | null {
	if (j === 'US') return ids?.usSsn ? { label: 'SSN', masked: maskSsn(ids.usSsn) } : null;
	return ids?.ukNiNumber ? { label: 'NI number', masked: maskNiNumber(ids.ukNiNumber) } : null;
}

/** US payslips on Letter paper, UK ones on A4. */
export const payslipPage = (j: Jurisdiction): PageSize => (j === 'US' ? 'letter' : 'a4');

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
}

/** The payslip as a PDF; `fonts` gives the font files (the CJK one only when a name or line needs it). */
export function payslipPdf(p: PayslipPdfInput, fonts: PdfFontSource): Promise<Uint8Array> {
	const { slip, currency, ytd } = p;
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
	for (const t of ytd?.totals ?? []) lines.push({ text: t.label, cells: [{ text: money(t.amount, currency), right: width }] });
	return textPdf(lines, { page, fonts });
}

/** The exact total of a payslip's lines of the given kinds. */
export function kindTotal(slip: RunPayslip, kinds: readonly PayslipLine['kind'][]): string {
	return slip.payslip.lines
		.filter((l) => kinds.includes(l.kind))
		.reduce((a, l) => a.plus(dec(l.amount)), dec(0))
		.toFixed(2);
}
