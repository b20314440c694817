// Computes a pay run: each person's case from their records as of the pay date (base pay for the
// period, hours, off-cycle amounts, retro differences, YTD from finalized runs), then gross-to-net
// for all of them at once. Invariant: a person whose case cannot be built or calculated is listed
// as a problem with the reason and left out — never paid on a guess.
import {
	fail,
	ok,
	roundDecimal,
	signOfDecimal,
	sumDecimals,
	type DecimalString,
	type Result
} from '../../../shared/domain';
import {
	completeAsOf,
	COMPENSATION_REQUIRED,
	type Compensation,
	type Employment,
	type History
} from '../../../people/domain';
import { grossToNetBatch } from '../gross-to-net';
import { missingRulesMessage, missingRulesOf } from '../rules/active';
import { currentOpening } from '../opening/current';
import type { OpeningYtd } from '../opening/types';
import type { Earning, PayCase, Payslip, W4 } from '../types';
import { basePay } from './base-pay';
import { caseDeductions, OVERTIME_MULTIPLIER } from './deductions';
import { employedInPeriod } from './eligibility';
import { knownFactsOf, retroFor } from './retro';
import { engineFrequency, taxYearOf, ukPeriodNumber } from './schedule';
import type {
	FinalizedRun,
	PayRunDraft,
	PaySchedule,
	RetroLine,
	RunPayslip,
	RunProblem,
	RunTotals
} from './types';
import { indexFinalized, ukYearToDate, usYearToDate, type SlipsByPerson } from './ytd';

export interface RunPerson {
	readonly personId: string;
	readonly name: string;
	readonly employment: History<Employment>;
	readonly compensation: History<Compensation>;
	/** The person's opening year-to-date entries from a previous provider (shape-checked), any tax year. */
	readonly openings?: readonly OpeningYtd[];
}

export interface ComputedRun {
	readonly payslips: RunPayslip[];
	readonly problems: RunProblem[];
	/** Paid, but something recorded is not acted on: shown, never hidden. (Student and postgraduate
	 * loans, once warned about here, are now deducted: lines UK.SL and UK.PGL.) */
	readonly warnings: RunProblem[];
	/** Back-dated cuts found: shown for a manual correction, never clawed back automatically. */
	readonly overpaid: (RetroLine & { personId: string })[];
	readonly totals: RunTotals;
}

const D = (s: string) => s as DecimalString;

function w4Of(c: Compensation): Result<W4> {
	const us = c.tax.us;
	if (!us) return fail('payroll/no-tax-settings', 'has no US tax settings (Form W-4)');
	if (us.form === 'w4-2020') {
		const status =
			us.filingStatus === 'marriedJointly'
				? 'married'
				: us.filingStatus === 'headOfHousehold'
					? 'head'
					: 'single';
		return ok({
			version: 2020,
			filingStatus: status,
			step2: us.step2MultipleJobs,
			step3: us.step3Dependents,
			step4a: us.step4aOtherIncome,
			step4b: us.step4bDeductions,
			step4c: us.step4cExtraWithholding,
			...(us.exempt ? { exempt: true } : {})
		});
	}
	const status = us.filingStatus === 'married' ? 'married' : 'single';
	return ok({
		version: 2019,
		filingStatus: status,
		allowances: us.allowances,
		additional: us.additionalWithholding,
		...(us.exempt ? { exempt: true } : {})
	});
}

interface Built {
	readonly case: PayCase;
	readonly basePay: DecimalString;
	readonly basePayBasis: string;
	readonly hours?: DecimalString;
	readonly retro: RetroLine[];
	readonly overpaid: RetroLine[];
}

function buildCase(
	schedule: PaySchedule,
	run: PayRunDraft,
	p: RunPerson,
	slips: SlipsByPerson
): Result<Built> {
	const { payDate } = run.period;
	const comp =
		completeAsOf(p.compensation, payDate, COMPENSATION_REQUIRED) ??
		completeAsOf(p.compensation, run.period.end, COMPENSATION_REQUIRED);
	if (!comp) return fail('payroll/no-pay', 'has no pay recorded for this period');
	if (comp.currency !== schedule.currency)
		return fail('payroll/currency', `is paid in ${comp.currency}, the schedule in ${schedule.currency}`);
	const freq = engineFrequency(schedule.jurisdiction, schedule.frequency);
	if (!freq.ok) return freq;
	const earnings: Earning[] = [];
	let base: ReturnType<typeof basePay> = { kind: 'none', amount: D('0.00'), basis: 'off-cycle run' };
	let retro: { lines: RetroLine[]; overpaid: RetroLine[] } = { lines: [], overpaid: [] };
	const hours = run.hours[p.personId];
	if (run.kind === 'regular') {
		base = basePay({
			period: run.period,
			frequency: schedule.frequency,
			employment: p.employment,
			compensation: p.compensation,
			...(hours !== undefined ? { hours } : {})
		});
		if (base.kind === 'salary') earnings.push({ kind: 'salary', amount: base.amount, label: 'Salary' });
		else if (base.kind === 'hourly')
			earnings.push({
				kind: 'hourly',
				hours: hours ?? D('0'),
				rate: base.rate as DecimalString,
				label: 'Hours worked'
			});
		retro = retroFor({
			personId: p.personId,
			runId: run.id,
			schedule,
			employment: p.employment,
			compensation: p.compensation,
			slips
		});
		for (const r of retro.lines)
			earnings.push({
				kind: 'salary',
				amount: r.amount,
				label: `Retro pay ${r.periodStart} to ${r.periodEnd}`
			});
		// Who is in the run is decided once (eligibility.ts), as the run screen lists people.
		if (retro.lines.length === 0 && !employedInPeriod(p.employment, run.period))
			return fail('payroll/not-employed', 'is not employed in this period');
		if (base.kind === 'none' && retro.lines.length === 0)
			return fail('payroll/no-pay', 'has no pay recorded for the days employed in this period');
	} else {
		const amount = run.amounts[p.personId];
		if (amount === undefined || signOfDecimal(amount) <= 0)
			return fail('payroll/no-amount', `has no ${run.kind} amount`);
		earnings.push(
			run.kind === 'bonus'
				? { kind: 'bonus', amount, label: 'Bonus' }
				: { kind: 'salary', amount, label: 'Correction' }
		);
	}
	const overtime = run.overtimeHours?.[p.personId];
	if (overtime !== undefined && signOfDecimal(overtime) > 0) {
		if (comp.pay.kind !== 'hourly')
			return fail(
				'payroll/overtime',
				'has overtime hours entered but is salaried: overtime is paid at an hourly rate'
			);
		earnings.push({
			kind: 'overtime',
			hours: overtime,
			rate: comp.pay.hourlyRate,
			multiplier: OVERTIME_MULTIPLIER,
			label: 'Overtime'
		});
	}
	const bonus = run.bonuses?.[p.personId];
	if (bonus !== undefined && signOfDecimal(bonus) > 0)
		earnings.push({ kind: 'bonus', amount: bonus, label: 'Bonus' });
	const reimbursement = run.reimbursements?.[p.personId];
	if (reimbursement !== undefined && signOfDecimal(reimbursement) > 0)
		earnings.push({ kind: 'reimbursement', amount: reimbursement, label: 'Expenses reimbursed' });
	const oneOff = run.oneOffDeductions?.[p.personId];
	const deductions = caseDeductions({
		jurisdiction: schedule.jurisdiction,
		runKind: run.kind,
		earnings,
		recurring: comp.deductions ?? [],
		...(oneOff !== undefined ? { oneOff } : {})
	});
	if (!deductions.ok) return deductions;
	const common = { payDate, earnings, ...deductions.value };
	const taxYear = taxYearOf(schedule.jurisdiction, payDate);
	const ytdArgs = { personId: p.personId, taxYear, payDate, runId: run.id };
	const opening = currentOpening(p.openings ?? [], {
		personId: p.personId,
		jurisdiction: schedule.jurisdiction,
		taxYear
	});
	if (opening.kind === 'conflict')
		return fail(
			'payroll/opening-conflict',
			`has ${opening.entries.length} different year-to-date entries from a previous provider for ${taxYear} (entered at the same time by different people); open their pay page and enter the right figures`
		);
	const entry = opening.kind === 'figures' ? opening.entry : undefined;
	let c: PayCase;
	if (schedule.jurisdiction === 'US') {
		const w4 = w4Of(comp);
		if (!w4.ok) return w4;
		c = {
			...common,
			jurisdiction: 'US',
			taxYear: Number(taxYear),
			frequency: freq.value as never,
			w4: w4.value,
			ytd: usYearToDate(slips, ytdArgs, entry?.jurisdiction === 'US' ? entry.us : undefined)
		};
	} else {
		const uk = comp.tax.uk;
		if (!uk) return fail('payroll/no-tax-settings', 'has no UK tax settings (tax code and NI category)');
		const period = ukPeriodNumber(freq.value as never, payDate);
		if (!period.ok) return period;
		c = {
			...common,
			jurisdiction: 'UK',
			taxYear,
			frequency: freq.value as never,
			period: period.value,
			taxCode: uk.taxCode,
			basis: uk.basis,
			niCategory: uk.niCategory,
			ytd: ukYearToDate(slips, ytdArgs, entry?.jurisdiction === 'UK' ? entry.uk : undefined),
			...(uk.studentLoanPlans.length > 0 ? { studentLoans: [...uk.studentLoanPlans] } : {}),
			...(uk.postgraduateLoan ? { postgraduateLoan: true } : {})
		};
	}
	return ok({
		case: c,
		basePay: base.amount,
		basePayBasis: base.basis,
		...(base.kind === 'hourly' && hours !== undefined ? { hours } : {}),
		retro: retro.lines,
		overpaid: retro.overpaid
	});
}

export function runTotals(slips: readonly Payslip[]): RunTotals {
	const of = (pick: (s: Payslip) => DecimalString[]) =>
		roundDecimal(sumDecimals(slips.flatMap(pick)), 2, 'halfUp');
	const lines = (s: Payslip, kinds: string[]) =>
		s.lines.filter((l) => kinds.includes(l.kind)).map((l) => l.amount);
	return {
		gross: of((s) => [s.grossPay]),
		net: of((s) => [s.net]),
		employeeTaxes: of((s) => lines(s, ['employee-tax'])),
		employerTaxes: of((s) => lines(s, ['employer-tax'])),
		deductions: of((s) => lines(s, ['pre-tax', 'post-tax'])),
		employerContributions: of((s) => lines(s, ['employer-contribution'])),
		employerCost: of((s) => [s.employerCost])
	};
}

/** The run's payslips (in person order given), problems per person, and totals. */
export function computeRun(p: {
	schedule: PaySchedule;
	run: PayRunDraft;
	people: readonly RunPerson[];
	finalized: readonly FinalizedRun[];
}): ComputedRun {
	const slips = indexFinalized(p.finalized);
	const problems: RunProblem[] = [];
	const warnings: RunProblem[] = [];
	const overpaid: ComputedRun['overpaid'] = [];
	const built: { person: RunPerson; b: Built }[] = [];
	for (const person of p.people) {
		const b = buildCase(p.schedule, p.run, person, slips);
		if (!b.ok)
			problems.push({
				personId: person.personId,
				name: person.name,
				message: `${person.name} ${b.error.message}`
			});
		else {
			built.push({ person, b: b.value });
			overpaid.push(...b.value.overpaid.map((o) => ({ ...o, personId: person.personId })));
		}
	}
	const results = grossToNetBatch(built.map((x) => x.b.case));
	const payslips: RunPayslip[] = [];
	results.forEach((r, i) => {
		const { person, b } = built[i] as (typeof built)[number];
		if (!r.ok) {
			// Tables no loaded pack covers: a typed problem the run page links to Setup's Tax tables.
			const missing = missingRulesOf(r.error, b.case);
			problems.push({
				personId: person.personId,
				name: person.name,
				message: `${person.name}: ${missing ? missingRulesMessage(missing) : r.error.message}`,
				...(missing ? { missingRules: missing } : {})
			});
			return;
		}
		payslips.push({
			personId: person.personId,
			name: person.name,
			case: b.case,
			payslip: r.value,
			basePay: b.basePay,
			basePayBasis: b.basePayBasis,
			...(b.hours !== undefined ? { hours: b.hours } : {}),
			retro: b.retro,
			knownFacts: knownFactsOf(person)
		});
	});
	return { payslips, problems, warnings, overpaid, totals: runTotals(payslips.map((s) => s.payslip)) };
}
