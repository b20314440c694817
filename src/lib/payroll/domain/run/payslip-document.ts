// What a payslip says, in order, for the screen, print and the PDF: who (employer and employee, with
// addresses and the employee's tax number masked), which period, every line with its basis and
// year to date, net pay and the employer's cost. Invariant: the amounts are the finalized (or
// previewed) payslip's own figures and its YTD column, formatted, never recomputed; a full SSN or NI
// number is never printed. The PDF itself is written by payslip-pdf.ts.
import { roundDecimal, sumDecimals } from '../../../shared/domain';
import { maskNiNumber, maskSsn, type Address, type NationalIdentifiers } from '../../../people/domain';
import type { PayslipLine } from '../types';
import type { PageSize } from './pdf-page';
import type { Jurisdiction, RunPayslip } from './types';

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

/** The exact total of a payslip's lines of the given kinds. */
export function kindTotal(slip: RunPayslip, kinds: readonly PayslipLine['kind'][]): string {
	const amounts = slip.payslip.lines.filter((l) => kinds.includes(l.kind)).map((l) => l.amount);
	return roundDecimal(sumDecimals(amounts), 2, 'halfUp');
}
