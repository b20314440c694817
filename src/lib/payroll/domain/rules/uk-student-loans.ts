// The `studentLoans` section of a UK rule file: annual thresholds per plan and for the postgraduate
// loan, the two rates, and per-period thresholds. Invariant: every per-period threshold equals the
// period's share of the annual one (x weeks / 52, or / 12) rounded down to the penny (HMRC CSLM17065),
// so a mistyped figure refuses the whole file instead of deducting the wrong amount.
import { dec, type Dec } from '../../../shared/domain';
import { payrollRound } from '../rounding';
import type { StudentLoanPlan, UkFrequency } from '../types';
import type { RuleReader } from './read';

export type LoanKind = StudentLoanPlan | 'postgraduate';
export const LOAN_KINDS: readonly LoanKind[] = ['plan1', 'plan2', 'plan4', 'plan5', 'postgraduate'];
const FREQUENCIES: readonly UkFrequency[] = ['weekly', 'two-weekly', 'four-weekly', 'monthly'];
const WEEKS: Readonly<Record<Exclude<UkFrequency, 'monthly'>, number>> = {
	weekly: 1,
	'two-weekly': 2,
	'four-weekly': 4
};

export interface StudentLoanRules {
	/** Plans 1, 2, 4 and 5 (HMRC: 9%). */
	readonly planRate: Dec;
	readonly postgraduateRate: Dec;
	/** Annual thresholds of the loans collected this tax year. */
	readonly annual: Readonly<Partial<Record<LoanKind, Dec>>>;
	/** Loans not collected through PAYE this tax year, with the reason (e.g. Plan 5 before April 2026). */
	readonly notCollected: Readonly<Partial<Record<LoanKind, string>>>;
	readonly perPeriod: Readonly<Record<UkFrequency, Readonly<Partial<Record<LoanKind, Dec>>>>>;
}

/** The period's share of an annual threshold, rounded down to the penny (HMRC CSLM17065). */
export function loanPeriodThreshold(annual: Dec, frequency: UkFrequency): Dec {
	const share = frequency === 'monthly' ? annual.dividedBy(12) : annual.times(WEEKS[frequency]).dividedBy(52);
	return payrollRound.loanThresholdPenceDown(share);
}

export function readStudentLoans(r: RuleReader, raw: unknown): StudentLoanRules {
	const path = '$.studentLoans';
	const o = r.object(raw, path);
	r.text(o, 'source', path);
	r.text(o, 'confirmedBy', path);
	const planRate = r.decimal(o, 'planRate', path, { min: '0', max: '1' });
	const postgraduateRate = r.decimal(o, 'postgraduateRate', path, { min: '0', max: '1' });
	const annualRaw = r.object(o['annual'], `${path}.annual`);
	const notRaw = o['notCollected'] === undefined ? {} : r.object(o['notCollected'], `${path}.notCollected`);
	const annual: Partial<Record<LoanKind, Dec>> = {};
	const notCollected: Partial<Record<LoanKind, string>> = {};
	for (const k of Object.keys(annualRaw))
		r.check(
			(LOAN_KINDS as readonly string[]).includes(k),
			`${path}.annual.${k}`,
			`expected one of ${LOAN_KINDS.join('|')}`
		);
	for (const k of LOAN_KINDS) {
		const has = annualRaw[k] !== undefined;
		const not = notRaw[k] !== undefined;
		if (has) annual[k] = r.decimal(annualRaw, k, `${path}.annual`, { min: '1' });
		if (not) notCollected[k] = r.text(notRaw, k, `${path}.notCollected`);
		r.check(
			has !== not,
			`${path}.annual.${k}`,
			has
				? 'a loan cannot have a threshold and be not collected'
				: 'needs an annual threshold, or a notCollected reason'
		);
	}
	const thresholdsRaw = r.object(o['thresholds'], `${path}.thresholds`);
	const perPeriod = {} as Record<UkFrequency, Partial<Record<LoanKind, Dec>>>;
	for (const f of FREQUENCIES) {
		const p = `${path}.thresholds.${f}`;
		const fr = r.object(thresholdsRaw[f], p);
		perPeriod[f] = {};
		for (const k of Object.keys(fr))
			r.check(annual[k as LoanKind] !== undefined, `${p}.${k}`, 'no annual threshold for this loan');
		for (const [k, a] of Object.entries(annual) as [LoanKind, Dec][]) {
			const v = r.decimal(fr, k, p, { min: '0' });
			const expected = loanPeriodThreshold(a, f);
			r.check(
				v.equals(expected),
				`${p}.${k}`,
				`expected ${expected.toFixed(2)}: annual ${a.toFixed()} ${f === 'monthly' ? '/ 12' : `x ${WEEKS[f]} / 52`}, rounded down to the penny`
			);
			perPeriod[f][k] = v;
		}
	}
	r.check(!planRate.isZero() && !postgraduateRate.isZero(), path, 'rates must be above zero');
	r.check(
		annual.postgraduate === undefined || annual.postgraduate.greaterThan(dec(0)),
		`${path}.annual.postgraduate`,
		'must be above zero'
	);
	return { planRate, postgraduateRate, annual, notCollected, perPeriod };
}
