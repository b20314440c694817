// Year-to-date figures are derived from finalized runs, never stored. Invariant: a person's YTD is the
// exact sum over the finalized runs of the same jurisdiction and tax year paid on or before the pay
// date (this run excluded), plus the opening figures from a previous provider when there are any, so
// it does not depend on the order runs were prepared or merged in.
import { roundDecimal, sumDecimals, type DecimalString, type IsoDate } from '../../../shared/domain';
import type { OpeningFigures, UkOpeningFigures, UsOpeningFigures } from '../opening/types';
import type { PayslipLine, UkPayCase, UsPayCase } from '../types';
import type { FinalizedRun, Jurisdiction, RunPayslip } from './types';

/** Person id → their payslips in the finalized runs, built once per run computation. */
export type SlipsByPerson = ReadonlyMap<string, readonly { run: FinalizedRun; slip: RunPayslip }[]>;

export function indexFinalized(finals: readonly FinalizedRun[]): SlipsByPerson {
	const out = new Map<string, { run: FinalizedRun; slip: RunPayslip }[]>();
	for (const run of finals)
		for (const slip of run.payslips) {
			const list = out.get(slip.personId);
			if (list) list.push({ run, slip });
			else out.set(slip.personId, [{ run, slip }]);
		}
	return out;
}

function counted(
	by: SlipsByPerson,
	personId: string,
	j: Jurisdiction,
	taxYear: string,
	payDate: IsoDate,
	excludeRun: string
) {
	return (by.get(personId) ?? []).filter(
		({ run }) =>
			run.jurisdiction === j &&
			run.taxYear === taxYear &&
			run.period.payDate <= payDate &&
			run.runId !== excludeRun
	);
}

const total = (values: readonly (string | undefined)[]): DecimalString =>
	roundDecimal(sumDecimals(values.map((v) => v ?? '0')), 2, 'halfUp');

/** The wage bases this year so far; `opening` (same employer, earlier provider) adds to each. */
export function usYearToDate(
	by: SlipsByPerson,
	p: { personId: string; taxYear: string; payDate: IsoDate; runId: string },
	opening?: UsOpeningFigures
): UsPayCase['ytd'] {
	const slips = counted(by, p.personId, 'US', p.taxYear, p.payDate, p.runId).map((s) => s.slip.payslip);
	return {
		socialSecurityWages: total([
			...slips.map((s) => s.us?.socialSecurityWages),
			opening?.socialSecurityWages
		]),
		medicareWages: total([...slips.map((s) => s.us?.medicareWages), opening?.medicareWages]),
		futaWages: total([...slips.map((s) => s.us?.futaWages), opening?.futaWages]),
		supplementalWages: total([
			...slips.flatMap((s) => s.lines.filter((l) => l.code === 'EARN.BONUS').map((l) => l.amount)),
			opening?.supplementalWages
		])
	};
}

/**
 * Pay and tax to date for the cumulative PAYE calculation. With `opening`, the P45's previous
 * employment pay and tax to date count (HMRC: a starter's P45 figures go into the cumulative
 * calculation when the code is cumulative; on week 1 / month 1 the engine ignores YTD anyway), and so
 * do this employment's figures from a previous payroll provider.
 */
export function ukYearToDate(
	by: SlipsByPerson,
	p: { personId: string; taxYear: string; payDate: IsoDate; runId: string },
	opening?: UkOpeningFigures
): UkPayCase['ytd'] {
	const slips = counted(by, p.personId, 'UK', p.taxYear, p.payDate, p.runId).map((s) => s.slip.payslip);
	return {
		taxablePay: total([
			...slips.map((s) => s.uk?.taxablePay),
			opening?.previousEmploymentPay,
			opening?.thisEmploymentPay
		]),
		taxPaid: total([
			...slips.flatMap((s) => s.lines.filter((l) => l.code === 'UK.PAYE').map((l) => l.amount)),
			opening?.previousEmploymentTax,
			opening?.thisEmploymentTax
		])
	};
}

/** A payslip's year-to-date column: its own figures plus the earlier finalized ones of the tax year. */
export interface PayslipYtd {
	/** By `ytdKey(line)`: the same code and label; taxes include the previous provider's figures. */
	readonly lines: Readonly<Record<string, DecimalString>>;
	/** Paid through Keel this tax year. */
	readonly grossPay: DecimalString;
	readonly net: DecimalString;
	readonly employerCost: DecimalString;
	/** Labelled totals under the lines, e.g. "Taxable pay to date, including previous employment". */
	readonly totals: readonly { readonly label: string; readonly amount: DecimalString }[];
}

/** Lines count together when both code and label match (two post-tax deductions share a code). */
export const ytdKey = (l: Pick<PayslipLine, 'code' | 'label'>) => `${l.code} ${l.label}`;

/** The opening figure (from a previous provider) that adds to each line code's year to date. */
function openingByCode(o: OpeningFigures | undefined): Record<string, string> {
	if (!o) return {};
	if (o.jurisdiction === 'US')
		return {
			'US.FIT': o.us.federalIncomeTax,
			'US.SS.EE': o.us.socialSecurityTax,
			'US.MEDICARE.EE': o.us.medicareTax
		};
	const ni = (k: 'employeeNics' | 'employerNics') => total(o.uk.ni.map((n) => n[k]));
	return {
		// This employment's tax with the earlier provider; the P45's previous employment shows in the totals.
		'UK.PAYE': o.uk.thisEmploymentTax,
		'UK.NI.EE': ni('employeeNics'),
		'UK.NI.ER': ni('employerNics'),
		'UK.SL': o.uk.studentLoan,
		'UK.PGL': o.uk.postgraduateLoan
	};
}

/**
 * Year to date as of this payslip: this slip plus the same person's finalized slips of the same
 * jurisdiction and tax year paid on or before its pay date (the run itself counted once), plus the
 * opening figures from a previous provider on the tax lines they belong to (once, on the first line of
 * that code).
 */
export function payslipYearToDate(
	by: SlipsByPerson,
	p: {
		runId: string;
		jurisdiction: Jurisdiction;
		taxYear: string;
		payDate: IsoDate;
		slip: RunPayslip;
		opening?: OpeningFigures;
	}
): PayslipYtd {
	const slips = [
		...counted(by, p.slip.personId, p.jurisdiction, p.taxYear, p.payDate, p.runId).map((s) => s.slip),
		p.slip
	].map((s) => s.payslip);
	const byKey = new Map<string, string[]>();
	for (const s of slips)
		for (const l of s.lines) byKey.set(ytdKey(l), [...(byKey.get(ytdKey(l)) ?? []), l.amount]);
	const opening = openingByCode(p.opening);
	for (const [code, amount] of Object.entries(opening)) {
		const line = p.slip.payslip.lines.find((l) => l.code === code);
		if (line) byKey.set(ytdKey(line), [...(byKey.get(ytdKey(line)) ?? []), amount]);
	}
	const own = p.slip.payslip;
	const totals: { label: string; amount: DecimalString }[] = own.uk
		? [
				{ label: 'Taxable pay to date, including previous employment', amount: own.uk.taxablePayToDate },
				{ label: 'Tax paid to date, including previous employment', amount: own.uk.taxPaidToDate }
			]
		: [
				{
					label: 'Federal taxable wages to date',
					amount: total([
						...slips.map((s) => s.us?.federalWages),
						p.opening?.jurisdiction === 'US' ? p.opening.us.wages : undefined
					])
				}
			];
	return {
		lines: Object.fromEntries([...byKey].map(([k, v]) => [k, total(v)])),
		grossPay: total(slips.map((s) => s.grossPay)),
		net: total(slips.map((s) => s.net)),
		employerCost: total(slips.map((s) => s.employerCost)),
		totals
	};
}
