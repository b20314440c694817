// What a payslip says, in order, for the screen, print and the PDF: who, which period, every line
// with its basis, net pay and the employer's cost. Invariant: the amounts are the finalized (or
// previewed) payslip's own figures, formatted, never recomputed.
import { dec } from '../../core';
import { fmt } from '../format';
import type { PayslipLine } from '../types';
import { textPdf, type PdfLine } from './pdf';
import type { PayslipYtd } from './payslip-ytd';
import type { PayPeriod, RunPayslip } from './types';

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

export function payslipPdf(p: {
	organisation: string;
	period: PayPeriod;
	currency: string;
	slip: RunPayslip;
	status: string;
	/** Year-to-date figures (payslipYearToDate), printed beside each line and under the totals. */
	ytd?: PayslipYtd;
}): Uint8Array {
	const { slip, currency } = p;
	const lines: PdfLine[] = [
		{ text: p.organisation, size: 16, bold: true },
		{ text: `Payslip: ${slip.name}`, size: 13, bold: true },
		{ text: `Period ${p.period.start} to ${p.period.end}, paid ${p.period.payDate} (${p.status})` },
		{ text: `Tax year ${slip.payslip.taxYear}, ${slip.payslip.frequency}` },
		{ text: '' }
	];
	for (const s of payslipSections(slip)) {
		lines.push({ text: s.title, bold: true, size: 11 });
		for (const l of s.lines) {
			const ytd = p.ytd?.lines[l.code];
			const toDate = ytd === undefined ? '' : ` (year to date ${money(ytd, currency)})`;
			lines.push({ text: `${l.label}: ${money(l.amount, currency)}${toDate}`, indent: 10 });
			lines.push({
				text: l.basis.length > 110 ? `${l.basis.slice(0, 107)}...` : l.basis,
				size: 7,
				indent: 20
			});
		}
	}
	lines.push({ text: '' }, { text: `Gross pay: ${money(slip.payslip.grossPay, currency)}`, bold: true });
	lines.push({ text: `Net pay: ${money(slip.payslip.net, currency)}`, bold: true, size: 13 });
	lines.push({ text: `Cost to employer: ${money(slip.payslip.employerCost, currency)}` });
	for (const t of p.ytd?.totals ?? []) lines.push({ text: `${t.label}: ${money(t.amount, currency)}` });
	return textPdf(lines);
}

/** The exact total of a payslip's lines of the given kinds. */
export function kindTotal(slip: RunPayslip, kinds: readonly PayslipLine['kind'][]): string {
	return slip.payslip.lines
		.filter((l) => kinds.includes(l.kind))
		.reduce((a, l) => a.plus(dec(l.amount)), dec(0))
		.toFixed(2);
}
