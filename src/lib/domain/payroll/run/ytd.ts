// Year-to-date figures are derived from finalized runs, never stored. Invariant: a person's YTD is the
// exact sum over the finalized runs of the same jurisdiction and tax year paid on or before the pay
// date (this run excluded), plus the opening figures from a previous provider when there are any, so
// it does not depend on the order runs were prepared or merged in.
import { dec, sum, toDecimalString, type DecimalString, type IsoDate } from '../../core';
import type { UkOpeningFigures, UsOpeningFigures } from '../opening/types';
import type { UkPayCase, UsPayCase } from '../types';
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
	toDecimalString(sum(values.map((v) => dec(v ?? '0'))), 2);

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
