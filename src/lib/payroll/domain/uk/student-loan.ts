// Student loan (UK.SL) and postgraduate loan (UK.PGL) deductions for one pay period, after tax.
// HMRC's rules: the earnings are those for the employer's Class 1 NI; each period stands alone
// (non-cumulative); the period threshold comes from the rule file (annual share, down to the penny);
// the deduction is the rate times earnings above it, rounded DOWN to the whole pound. Someone with
// several of Plans 1, 2, 4 and 5 repays once, at the lowest of their plans' thresholds; a postgraduate
// loan is repaid in addition. Invariant: a recorded loan always gives its line (0.00 when nothing is
// due), so the payslip says why; a plan the year's rules do not know is refused, never skipped.
import { dec, type Dec, fail, ok, type Result, toDecimalString } from '../../../shared/domain';
import { fmt, pct } from '../format';
import { payrollRound } from '../rounding';
import type { UkRules } from '../rules/uk-rules';
import type { LoanKind } from '../rules/uk-student-loans';
import type { PayslipLine, StudentLoanPlan, UkFrequency } from '../types';

const payslipLine = (
	code: string,
	label: string,
	kind: PayslipLine['kind'],
	value: Dec,
	basis: string
): PayslipLine => ({
	code,
	label,
	kind,
	amount: toDecimalString(value, 2),
	basis
});

export const STUDENT_LOAN_PLANS: readonly StudentLoanPlan[] = ['plan1', 'plan2', 'plan4', 'plan5'];
const PLAN_NUMBER: Readonly<Record<StudentLoanPlan, string>> = {
	plan1: '1',
	plan2: '2',
	plan4: '4',
	plan5: '5'
};

/** "Plan 2", "Plans 1 and 2", "Plans 1, 2 and 4". */
export function planWords(plans: readonly StudentLoanPlan[]): string {
	const n = plans.map((p) => PLAN_NUMBER[p]);
	if (n.length === 1) return `Plan ${n[0]}`;
	return `Plans ${n.slice(0, -1).join(', ')} and ${n[n.length - 1]}`;
}

const share = (frequency: UkFrequency) =>
	({ weekly: '/ 52', 'two-weekly': '× 2 / 52', 'four-weekly': '× 4 / 52', monthly: '/ 12' })[frequency];

interface Deduction {
	readonly amount: Dec;
	readonly working: string;
}

function deduct(rules: UkRules, frequency: UkFrequency, kind: LoanKind, rate: Dec, earnings: Dec): Deduction {
	const sl = rules.studentLoans;
	const threshold = sl.perPeriod[frequency][kind] as Dec;
	const annual = sl.annual[kind] as Dec;
	const t = `threshold ${fmt(threshold)} (${fmt(annual, 0)} ${share(frequency)}, down to the penny)`;
	if (!earnings.greaterThan(threshold))
		return {
			amount: dec(0),
			working: `earnings for NI ${fmt(earnings)} are not above the ${t}: nothing due`
		};
	const excess = earnings.minus(threshold);
	const exact = excess.times(rate);
	const amount = payrollRound.loanPoundsDown(exact);
	return {
		amount,
		working: `earnings for NI ${fmt(earnings)} − ${t} = ${fmt(excess)} × ${pct(rate)} = ${exact.toFixed()} → ${fmt(amount)} (down to the pound; this period on its own)`
	};
}

function planLine(
	rules: UkRules,
	frequency: UkFrequency,
	plans: readonly StudentLoanPlan[],
	earnings: Dec
): Result<PayslipLine> {
	const sl = rules.studentLoans;
	for (const [i, p] of plans.entries()) {
		if (!STUDENT_LOAN_PLANS.includes(p))
			return fail('payroll/invalid-input', `studentLoans[${i}]: expected ${STUDENT_LOAN_PLANS.join('|')}`, {
				field: `studentLoans[${i}]`
			});
		if (sl.annual[p] === undefined && sl.notCollected[p] === undefined)
			return fail(
				'payroll/no-rules',
				`studentLoans[${i}]: the ${rules.taxYear} rules have no ${planWords([p])} threshold`,
				{ field: `studentLoans[${i}]`, taxYear: rules.taxYear }
			);
	}
	const recorded = STUDENT_LOAN_PLANS.filter((p) => plans.includes(p));
	const label = `Student loan (${planWords(recorded)})`;
	const notes = recorded
		.filter((p) => sl.notCollected[p] !== undefined)
		.map((p) => `${planWords([p])} not collected in ${rules.taxYear}: ${sl.notCollected[p]}`);
	const collected = recorded.filter((p) => sl.annual[p] !== undefined);
	const lowest = collected.reduce<StudentLoanPlan | undefined>((best, p) => {
		if (best === undefined) return p;
		return (sl.perPeriod[frequency][p] as Dec).lessThan(sl.perPeriod[frequency][best] as Dec) ? p : best;
	}, undefined);
	if (lowest === undefined)
		return ok(payslipLine('UK.SL', label, 'post-tax', dec(0), `${notes.join('; ')}: nothing due`));
	const d = deduct(rules, frequency, lowest, sl.planRate, earnings);
	const which =
		collected.length > 1
			? `${planWords(collected)}: one deduction at the lowest threshold, ${planWords([lowest])}; `
			: '';
	const note = notes.length > 0 ? ` (${notes.join('; ')})` : '';
	return ok(
		payslipLine(
			'UK.SL',
			label,
			'post-tax',
			d.amount,
			`${planWords([lowest])}, ${frequency}: ${which}${d.working}${note}`
		)
	);
}

/** The loan lines for a UK case: UK.SL when any plan is recorded, UK.PGL for a postgraduate loan. */
export function studentLoanLines(p: {
	rules: UkRules;
	frequency: UkFrequency;
	plans: readonly StudentLoanPlan[] | undefined;
	postgraduate: boolean | undefined;
	/** Pay for the employer's Class 1 NI this period (never negative). */
	earnings: Dec;
}): Result<PayslipLine[]> {
	const lines: PayslipLine[] = [];
	if (p.plans !== undefined && !Array.isArray(p.plans))
		return fail(
			'payroll/invalid-input',
			`studentLoans: expected an array of ${STUDENT_LOAN_PLANS.join('|')}`,
			{ field: 'studentLoans' }
		);
	if (p.postgraduate !== undefined && typeof p.postgraduate !== 'boolean')
		return fail('payroll/invalid-input', 'postgraduateLoan: expected true or false', {
			field: 'postgraduateLoan'
		});
	if (p.plans && p.plans.length > 0) {
		const line = planLine(p.rules, p.frequency, p.plans, p.earnings);
		if (!line.ok) return line;
		lines.push(line.value);
	}
	if (p.postgraduate) {
		const sl = p.rules.studentLoans;
		if (sl.annual.postgraduate === undefined) {
			const why = sl.notCollected.postgraduate ?? 'no threshold in the rule file';
			lines.push(
				payslipLine(
					'UK.PGL',
					'Postgraduate loan',
					'post-tax',
					dec(0),
					`not collected in ${p.rules.taxYear}: ${why}`
				)
			);
		} else {
			const d = deduct(p.rules, p.frequency, 'postgraduate', sl.postgraduateRate, p.earnings);
			lines.push(
				payslipLine(
					'UK.PGL',
					'Postgraduate loan',
					'post-tax',
					d.amount,
					`postgraduate loan, ${p.frequency}: ${d.working}`
				)
			);
		}
	}
	return ok(lines);
}
