// Turns a person's recurring deductions and employer contributions (from their compensation) and
// this run's one-off inputs into the engine's pre-tax, post-tax and employer-contribution lists.
// Invariants: each kind maps to the tax treatment the engine already has (PRE_TAX_KINDS) and to
// nothing else; a percentage is of this run's gross pay (earnings other than reimbursements) and
// rounded once to the cent, half up; a fixed per-period amount applies on regular runs only, so an
// off-cycle run never takes a second month's premium; a kind of the other jurisdiction is refused.
import {
	dec,
	type Dec,
	type DecimalString,
	fail,
	ok,
	type Result,
	round,
	sum,
	toDecimalString
} from '../../../shared/domain';
import {
	DEDUCTION_KINDS,
	deductionLabel,
	type DeductionKind,
	type RecurringDeduction
} from '../../../people/domain';
import { fmt } from '../format';
import type { EmployerContribution, Earning, PostTaxDeduction, PreTaxDeduction, PreTaxKind } from '../types';
import type { Jurisdiction, RunKind } from './types';

/** Overtime premium on the hourly rate (time and a half). */
export const OVERTIME_MULTIPLIER = '1.5' as DecimalString;
/** Relief at source: the scheme claims basic-rate relief, so pay gives 80% of the contribution. */
const RELIEF_AT_SOURCE_NET = dec('0.8');

type Target =
	| { readonly list: 'preTax'; readonly kind: Exclude<PreTaxKind, 'custom'> }
	| { readonly list: 'postTax' | 'employer'; readonly code: string };

const TARGET: Readonly<Record<DeductionKind, Target>> = {
	us401k: { list: 'preTax', kind: '401k' },
	usSection125: { list: 'preTax', kind: 'section125' },
	ukNetPayPension: { list: 'preTax', kind: 'netPayPension' },
	ukSalarySacrificePension: { list: 'preTax', kind: 'salarySacrifice' },
	usRoth401k: { list: 'postTax', code: 'DED.ROTH401K' },
	ukReliefAtSourcePension: { list: 'postTax', code: 'DED.PENSION.RAS' },
	postTax: { list: 'postTax', code: 'DED.OTHER' },
	employer401kMatch: { list: 'employer', code: 'ER.401K' },
	employerPension: { list: 'employer', code: 'ER.PENSION' }
};

/** Line codes owed to a retirement plan (401(k), pension), employee or employer side. */
export const RETIREMENT_CODES: readonly string[] = [
	'DED.401K',
	'DED.ROTH401K',
	'DED.PENSION.NETPAY',
	'DED.PENSION.RAS',
	'DED.SALARY_SACRIFICE',
	'ER.401K',
	'ER.PENSION'
];
export const ONE_OFF_DEDUCTION_CODE = 'DED.ONEOFF';

export interface CaseDeductions {
	readonly preTax: PreTaxDeduction[];
	readonly postTax: PostTaxDeduction[];
	readonly employerContributions: EmployerContribution[];
}

/** Gross pay of these earnings as the engine counts it: each line to the cent, half up. */
export function grossOfEarnings(earnings: readonly Earning[]): Dec {
	return sum(
		earnings.map((e) =>
			e.kind === 'reimbursement'
				? dec(0)
				: e.kind === 'hourly'
					? round.centsHalfUp(dec(e.hours).times(e.rate))
					: e.kind === 'overtime'
						? round.centsHalfUp(dec(e.hours).times(e.rate).times(e.multiplier))
						: dec(e.amount)
		)
	);
}

export function caseDeductions(p: {
	jurisdiction: Jurisdiction;
	runKind: RunKind;
	earnings: readonly Earning[];
	recurring: readonly RecurringDeduction[];
	/** This run's one-off deduction, taken after tax. */
	oneOff?: DecimalString;
}): Result<CaseDeductions> {
	const gross = grossOfEarnings(p.earnings);
	const out: CaseDeductions = { preTax: [], postTax: [], employerContributions: [] };
	for (const d of p.recurring) {
		const info = DEDUCTION_KINDS[d.kind];
		if (!info) return fail('payroll/deduction', `has a deduction of an unknown kind (${d.kind})`);
		if (info.jurisdiction !== 'any' && info.jurisdiction !== p.jurisdiction)
			return fail(
				'payroll/deduction',
				`has a ${info.label} (a ${info.jurisdiction} item) but is paid on a ${p.jurisdiction} schedule`
			);
		if (d.basis === 'fixed' && p.runKind !== 'regular') continue;
		let amount = d.basis === 'percent' ? round.centsHalfUp(gross.times(d.amount).div(100)) : dec(d.amount);
		let label = deductionLabel(d);
		if (d.basis === 'percent') label = `${label} (${dec(d.amount).toFixed()}% of ${fmt(gross)})`;
		if (d.kind === 'ukReliefAtSourcePension') {
			const contribution = amount;
			amount = round.centsHalfUp(contribution.times(RELIEF_AT_SOURCE_NET));
			label = `${label}: contribution ${fmt(contribution)} less 20% relief`;
		}
		if (amount.isZero()) continue;
		const value = toDecimalString(amount, 2);
		const t = TARGET[d.kind];
		if (t.list === 'preTax') out.preTax.push({ kind: t.kind, amount: value, label });
		else if (t.list === 'postTax') out.postTax.push({ code: t.code, label, amount: value });
		else out.employerContributions.push({ code: t.code, label, amount: value });
	}
	if (p.oneOff !== undefined && dec(p.oneOff).gt(0))
		out.postTax.push({
			code: ONE_OFF_DEDUCTION_CODE,
			label: 'One-off deduction',
			amount: toDecimalString(dec(p.oneOff), 2)
		});
	return ok(out);
}
