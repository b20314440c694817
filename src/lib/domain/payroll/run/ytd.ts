// Year-to-date figures are derived from finalized runs, never stored. Invariant: a person's YTD is the
// exact sum over the finalized runs of the same jurisdiction and tax year paid on or before the pay
// date (this run excluded), so it does not depend on the order runs were prepared or merged in.
import { dec, sum, toDecimalString, type DecimalString, type IsoDate } from '../../core';
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
	toDecimalString(sum(values.map((v) => dec(v ?? '0'))), 2);

export function usYearToDate(
	by: SlipsByPerson,
	p: { personId: string; taxYear: string; payDate: IsoDate; runId: string }
): UsPayCase['ytd'] {
	const slips = counted(by, p.personId, 'US', p.taxYear, p.payDate, p.runId).map((s) => s.slip.payslip);
	return {
		socialSecurityWages: total(slips.map((s) => s.us?.socialSecurityWages)),
		medicareWages: total(slips.map((s) => s.us?.medicareWages)),
		futaWages: total(slips.map((s) => s.us?.futaWages)),
		supplementalWages: total(
			slips.flatMap((s) => s.lines.filter((l) => l.code === 'EARN.BONUS').map((l) => l.amount))
		)
	};
}

export function ukYearToDate(
	by: SlipsByPerson,
	p: { personId: string; taxYear: string; payDate: IsoDate; runId: string }
): UkPayCase['ytd'] {
	const slips = counted(by, p.personId, 'UK', p.taxYear, p.payDate, p.runId).map((s) => s.slip.payslip);
	return {
		taxablePay: total(slips.map((s) => s.uk?.taxablePay)),
		taxPaid: total(slips.flatMap((s) => s.lines.filter((l) => l.code === 'UK.PAYE').map((l) => l.amount)))
	};
}

/** A payslip's year-to-date column: its own figures plus the earlier finalized ones of the tax year. */
export interface PayslipYtd {
	/** By `ytdKey(line)`: the same code and label. */
	readonly lines: Readonly<Record<string, DecimalString>>;
	readonly grossPay: DecimalString;
	readonly net: DecimalString;
	readonly employerCost: DecimalString;
}

/** Lines count together when both code and label match (two post-tax deductions share a code). */
export const ytdKey = (l: Pick<PayslipLine, 'code' | 'label'>) => `${l.code} ${l.label}`;

/**
 * Year to date as of this payslip: this slip plus the same person's finalized slips of the same
 * jurisdiction and tax year paid on or before its pay date (the run itself counted once).
 */
export function payslipYearToDate(
	by: SlipsByPerson,
	p: { runId: string; jurisdiction: Jurisdiction; taxYear: string; payDate: IsoDate; slip: RunPayslip }
): PayslipYtd {
	const slips = [
		...counted(by, p.slip.personId, p.jurisdiction, p.taxYear, p.payDate, p.runId).map((s) => s.slip),
		p.slip
	].map((s) => s.payslip);
	const byKey = new Map<string, string[]>();
	for (const s of slips)
		for (const l of s.lines) byKey.set(ytdKey(l), [...(byKey.get(ytdKey(l)) ?? []), l.amount]);
	return {
		lines: Object.fromEntries([...byKey].map(([k, v]) => [k, total(v)])),
		grossPay: total(slips.map((s) => s.grossPay)),
		net: total(slips.map((s) => s.net)),
		employerCost: total(slips.map((s) => s.employerCost))
	};
}
