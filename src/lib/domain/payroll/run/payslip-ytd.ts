// The year-to-date figures a payslip carries beside this period's: for each line, the total of that
// line over the person's finalized runs of the same jurisdiction and tax year paid on or before this
// pay date (this payslip included once), plus the opening figure from a previous provider for the
// lines it has one for. Invariant: exact sums of stored figures, never stored themselves.
import { dec, toDecimalString, type DecimalString } from '../../core';
import type { OpeningFigures } from '../opening/types';
import type { FinalizedRun, PayPeriod, RunPayslip } from './types';

export interface PayslipYtd {
	/** Line code → year to date (this period included). */
	readonly lines: Readonly<Record<string, DecimalString>>;
	/** Labelled totals shown under the lines, e.g. "Taxable pay to date, including previous employment". */
	readonly totals: readonly { readonly label: string; readonly amount: DecimalString }[];
}

/** The opening figure that adds to each line code's year to date. */
function openingByLine(o: OpeningFigures | undefined): Record<string, string> {
	if (!o) return {};
	if (o.jurisdiction === 'US')
		return {
			'US.FIT': o.us.federalIncomeTax,
			'US.SS.EE': o.us.socialSecurityTax,
			'US.MEDICARE.EE': o.us.medicareTax
		};
	const ni = (k: 'employeeNics' | 'employerNics') =>
		o.uk.ni.reduce((a, n) => a.plus(dec(n[k])), dec(0)).toFixed(2);
	return {
		'UK.PAYE': o.uk.thisEmploymentTax,
		'UK.NI.EE': ni('employeeNics'),
		'UK.NI.ER': ni('employerNics'),
		'UK.SL': o.uk.studentLoan,
		'UK.PGL': o.uk.postgraduateLoan
	};
}

export function payslipYearToDate(p: {
	slip: RunPayslip;
	runId: string;
	period: PayPeriod;
	finals: readonly FinalizedRun[];
	opening?: OpeningFigures;
}): PayslipYtd {
	const { slip } = p;
	const earlier = p.finals
		.filter(
			(r) =>
				r.runId !== p.runId &&
				r.jurisdiction === slip.payslip.jurisdiction &&
				r.taxYear === slip.payslip.taxYear &&
				r.period.payDate <= p.period.payDate
		)
		.flatMap((r) => r.payslips.filter((s) => s.personId === slip.personId));
	const all = [...earlier, slip];
	const totals = new Map<string, ReturnType<typeof dec>>();
	for (const s of all)
		for (const l of s.payslip.lines) totals.set(l.code, (totals.get(l.code) ?? dec(0)).plus(dec(l.amount)));
	const extra = openingByLine(p.opening);
	const lines: Record<string, DecimalString> = {};
	for (const l of slip.payslip.lines)
		lines[l.code] = toDecimalString((totals.get(l.code) ?? dec(0)).plus(dec(extra[l.code] ?? '0')), 2);
	const sum = (pick: (s: RunPayslip) => string | undefined) =>
		all.reduce((a, s) => a.plus(dec(pick(s) ?? '0')), dec(0));
	const out: { label: string; amount: DecimalString }[] = [];
	if (slip.payslip.uk) {
		out.push({
			label: 'Taxable pay to date, including previous employment',
			amount: slip.payslip.uk.taxablePayToDate
		});
		out.push({
			label: 'Tax paid to date, including previous employment',
			amount: slip.payslip.uk.taxPaidToDate
		});
	} else {
		const wages = sum((s) => s.payslip.us?.federalWages).plus(
			dec(p.opening?.jurisdiction === 'US' ? p.opening.us.wages : '0')
		);
		out.push({ label: 'Federal taxable wages to date', amount: toDecimalString(wages, 2) });
	}
	out.push({
		label: 'Net pay to date (paid through Keel)',
		amount: toDecimalString(
			sum((s) => s.payslip.net),
			2
		)
	});
	return { lines, totals: out };
}
