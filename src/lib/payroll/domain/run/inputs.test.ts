// One-off run inputs (overtime, bonus, reimbursement, one-off deduction), recurring deductions and
// employer contributions from People, UK student and postgraduate loans, and their posting to Books.
import { describe, expect, it } from 'vitest';
import { dec, seededRandom, sum, type DecimalString, type IsoDate } from '../../../shared/domain';
import type { Compensation, DeductionKind, RecurringDeduction } from '../../../people/domain';
import { grossToNet } from '../gross-to-net';
import { caseDeductions, grossOfEarnings, RETIREMENT_CODES } from './deductions';
import { draft, fact, finalize, person, schedule, testAccounts, ukComp, usComp } from './fixtures';
import {
	computeRun,
	periodAt,
	runJournalEntry,
	STUDENT_LOAN_CODES,
	taxYearOf,
	type PayrollAccounts
} from './index';

const D = (s: string) => s as DecimalString;
const I = (s: string) => s as IsoDate;
const ded = (
	kind: DeductionKind,
	basis: 'fixed' | 'percent',
	amount: string,
	label = ''
): RecurringDeduction => ({
	id: `${kind}-${amount}`,
	kind,
	label,
	basis,
	amount: D(amount)
});
const withDeductions = (c: Compensation, deductions: RecurringDeduction[]): Compensation => ({
	...c,
	deductions
});
const hourly = (c: Compensation, rate: string): Compensation => ({
	...c,
	pay: { kind: 'hourly', hourlyRate: D(rate) }
});
const accounts: PayrollAccounts = {
	...testAccounts,
	retirementLiability: 'plan',
	employerContributionsExpense: 'erplan',
	studentLoanLiability: 'sl'
};

describe('caseDeductions', () => {
	const earnings = [
		{ kind: 'hourly', hours: D('10.5'), rate: D('20.33'), label: 'h' },
		{ kind: 'bonus', amount: D('100.00') },
		{ kind: 'reimbursement', amount: D('40.00') }
	] as const;

	it('counts gross as the engine does: each line to the cent, reimbursements left out', () => {
		expect(grossOfEarnings(earnings).toFixed(2)).toBe('313.47'); // 213.465 -> 213.47, + 100
		const c = {
			jurisdiction: 'US',
			taxYear: 2026,
			frequency: 'monthly',
			earnings,
			preTax: [],
			postTax: [],
			employerContributions: []
		} as const;
		const slip = grossToNet({
			...c,
			w4: {
				version: 2020,
				filingStatus: 'single',
				step2: false,
				step3: D('0'),
				step4a: D('0'),
				step4b: D('0'),
				step4c: D('0')
			},
			ytd: {
				socialSecurityWages: D('0'),
				medicareWages: D('0'),
				futaWages: D('0'),
				supplementalWages: D('0')
			}
		});
		expect(slip.ok && slip.value.grossPay).toBe('313.47');
	});

	it('maps each kind to the engine treatment it already has, percent of gross to the cent half up', () => {
		const got = caseDeductions({
			jurisdiction: 'US',
			runKind: 'regular',
			earnings,
			recurring: [
				ded('us401k', 'percent', '5'),
				ded('usSection125', 'fixed', '45.10'),
				ded('usRoth401k', 'percent', '2.5'),
				ded('postTax', 'fixed', '12', 'Union dues'),
				ded('employer401kMatch', 'percent', '3')
			],
			oneOff: D('7.25')
		});
		if (!got.ok) throw new Error(got.error.message);
		expect(got.value.preTax).toEqual([
			{ kind: '401k', amount: '15.67', label: '401(k) (pre-tax) (5% of 313.47)' }, // 15.6735
			{ kind: 'section125', amount: '45.10', label: 'Section 125 cafeteria plan (health premiums)' }
		]);
		expect(got.value.postTax.map((d) => [d.code, d.amount, d.label])).toEqual([
			['DED.ROTH401K', '7.84', 'Roth 401(k) (after tax) (2.5% of 313.47)'], // 7.83675
			['DED.OTHER', '12.00', 'Union dues'],
			['DED.ONEOFF', '7.25', 'One-off deduction']
		]);
		expect(got.value.employerContributions).toEqual([
			{ code: 'ER.401K', label: 'Employer 401(k) contribution (3% of 313.47)', amount: '9.40' }
		]);
	});

	it('takes fixed amounts on regular runs only, percentages on every run', () => {
		const got = caseDeductions({
			jurisdiction: 'US',
			runKind: 'bonus',
			earnings: [{ kind: 'bonus', amount: D('1000.00') }],
			recurring: [ded('usSection125', 'fixed', '45'), ded('us401k', 'percent', '10')]
		});
		expect(got.ok && got.value.preTax).toEqual([
			{ kind: '401k', amount: '100.00', label: '401(k) (pre-tax) (10% of 1,000.00)' }
		]);
	});

	it('takes 80% of a relief-at-source pension contribution from pay', () => {
		const got = caseDeductions({
			jurisdiction: 'UK',
			runKind: 'regular',
			earnings: [{ kind: 'salary', amount: D('2500.00') }],
			recurring: [ded('ukReliefAtSourcePension', 'percent', '5')]
		});
		expect(got.ok && got.value.postTax).toEqual([
			{
				code: 'DED.PENSION.RAS',
				amount: '100.00',
				label: 'Pension, relief at source (5% of 2,500.00): contribution 125.00 less 20% relief'
			}
		]);
	});

	it('refuses a kind of the other jurisdiction, naming it', () => {
		const got = caseDeductions({
			jurisdiction: 'UK',
			runKind: 'regular',
			earnings: [],
			recurring: [ded('us401k', 'fixed', '10')]
		});
		expect(!got.ok && got.error.message).toBe(
			'has a 401(k) (pre-tax) (a US item) but is paid on a UK schedule'
		);
	});
});

describe('a run with inputs and deductions', () => {
	it('pays overtime at 1.5x, a bonus, a reimbursement, takes 401(k) and a one-off deduction, adds the match', () => {
		const s = schedule();
		const p = person(
			'a',
			withDeductions(hourly(usComp('1'), '30.00'), [
				ded('us401k', 'percent', '5'),
				ded('employer401kMatch', 'percent', '3')
			])
		);
		const run = draft('r', s, periodAt(s, 0), ['a'], {
			hours: { a: D('160') },
			overtimeHours: { a: D('10') },
			bonuses: { a: D('500.00') },
			reimbursements: { a: D('60.00') },
			oneOffDeductions: { a: D('25.00') }
		});
		const c = computeRun({ schedule: s, run, people: [p], finalized: [] });
		expect(c.problems).toEqual([]);
		const slip = c.payslips[0]?.payslip;
		const amount = (code: string) => slip?.lines.find((l) => l.code === code)?.amount;
		expect(amount('EARN.HOURLY')).toBe('4800.00');
		expect(amount('EARN.OVERTIME')).toBe('450.00'); // 10 h x 30 x 1.5
		expect(amount('EARN.BONUS')).toBe('500.00');
		expect(amount('EARN.REIMBURSEMENT')).toBe('60.00');
		expect(slip?.grossPay).toBe('5750.00');
		expect(amount('DED.401K')).toBe('287.50');
		expect(amount('ER.401K')).toBe('172.50');
		expect(amount('DED.ONEOFF')).toBe('25.00');
		// 401(k) reduces income tax wages only.
		expect(slip?.us?.federalWages).toBe('5462.50');
		expect(slip?.us?.socialSecurityWages).toBe('5750.00');
		expect(c.totals.employerContributions).toBe('172.50');
		// Posted: the plan is owed employee and employer parts; the match is an expense.
		const e = runJournalEntry(finalize(run, s, c, '2026-02-01T00:00:00Z', '2026'), accounts);
		if (!e.ok) throw new Error(e.error.message);
		const at = (acct: string) => e.value.lines.find((l) => l.account === acct)?.amount;
		expect(at('plan')).toBe('-460.00');
		expect(at('erplan')).toBe('172.50');
		expect(at('ded')).toBe('-25.00');
		expect(at('wages')).toBe('5810.00');
		expect(sum(e.value.lines.map((l) => dec(l.amount))).toFixed(2)).toBe('0.00');
	});

	it('posts plan lines to deductions owed and the match to wages when no plan accounts are chosen', () => {
		const s = schedule();
		const p = person(
			'a',
			withDeductions(usComp('60000'), [
				ded('us401k', 'fixed', '100'),
				ded('employer401kMatch', 'fixed', '50')
			])
		);
		const run = draft('r', s, periodAt(s, 0), ['a']);
		const c = computeRun({ schedule: s, run, people: [p], finalized: [] });
		const { retirementLiability: _r, employerContributionsExpense: _e, ...basic } = accounts;
		const e = runJournalEntry(finalize(run, s, c, '2026-02-01T00:00:00Z', '2026'), basic);
		if (!e.ok) throw new Error(e.error.message);
		const at = (acct: string) => e.value.lines.find((l) => l.account === acct)?.amount;
		expect(at('ded')).toBe('-150.00');
		expect(at('wages')).toBe('5050.00');
	});

	it('refuses overtime for salaried staff and names the person', () => {
		const s = schedule();
		const run = draft('r', s, periodAt(s, 0), ['a'], { overtimeHours: { a: D('3') } });
		const c = computeRun({ schedule: s, run, people: [person('a', usComp('60000'))], finalized: [] });
		expect(c.payslips).toEqual([]);
		expect(c.problems[0]?.message).toMatch(/^Person a has overtime hours entered but is salaried/);
	});

	it('deducts the UK student and postgraduate loans recorded and posts them to the student loan account', () => {
		// April 2026 (2026-27, month 1), 36,000 a year = 3,000.00. Plan 2: (3,000 − 2,448.75) × 9%
		// = 49.6125 → 49; postgraduate: (3,000 − 1,750) × 6% = 75. Person b has no loan: no lines.
		const uk = schedule({ id: 'uk', jurisdiction: 'UK', currency: 'GBP', anchor: I('2026-04-01') });
		const comp = ukComp('36000');
		const loans: Compensation = {
			...comp,
			tax: { uk: { ...comp.tax.uk!, studentLoanPlans: ['plan2'], postgraduateLoan: true } }
		};
		const run = draft('r', uk, periodAt(uk, 0), ['a', 'b']);
		const c = computeRun({
			schedule: uk,
			run,
			people: [person('a', loans), person('b', comp)],
			finalized: []
		});
		expect(c.problems).toEqual([]);
		expect(c.warnings).toEqual([]);
		const [a, b] = c.payslips;
		expect(a?.case).toMatchObject({ studentLoans: ['plan2'], postgraduateLoan: true });
		expect(b?.case).not.toHaveProperty('studentLoans');
		const amount = (code: string) => a?.payslip.lines.find((l) => l.code === code);
		expect(amount('UK.SL')).toMatchObject({ label: 'Student loan (Plan 2)', amount: '49.00' });
		expect(amount('UK.PGL')).toMatchObject({ label: 'Postgraduate loan', amount: '75.00' });
		expect(b?.payslip.lines.some((l) => STUDENT_LOAN_CODES.includes(l.code))).toBe(false);
		const f = finalize(run, uk, c, '2026-05-01T00:00:00Z', '2026-27');
		const e = runJournalEntry(f, accounts);
		if (!e.ok) throw new Error(e.error.message);
		const at = (acct: string) => e.value.lines.find((l) => l.account === acct)?.amount;
		expect(at('sl')).toBe('-124.00');
		expect(sum(e.value.lines.map((l) => dec(l.amount))).toFixed(2)).toBe('0.00');
		// No student loan account chosen: they join the other deductions owed.
		const { studentLoanLiability: _sl, ...basic } = accounts;
		const e2 = runJournalEntry(f, basic);
		if (!e2.ok) throw new Error(e2.error.message);
		expect(e2.value.lines.find((l) => l.account === 'ded')?.amount).toBe('-124.00');
		expect(e2.value.lines.some((l) => l.account === 'sl')).toBe(false);
	});

	it('applies a deduction from the date its pay record is effective', () => {
		const s = schedule();
		const base = usComp('60000');
		const p = {
			...person('a', base),
			compensation: [
				fact<Compensation>('c1', '2025-01-01', base),
				fact<Compensation>('c2', '2026-02-01', { deductions: [ded('us401k', 'fixed', '200')] })
			]
		};
		const jan = computeRun({
			schedule: s,
			run: draft('r1', s, periodAt(s, 0), ['a']),
			people: [p],
			finalized: []
		});
		const feb = computeRun({
			schedule: s,
			run: draft('r2', s, periodAt(s, 1), ['a']),
			people: [p],
			finalized: []
		});
		expect(jan.payslips[0]?.payslip.lines.some((l) => l.code === 'DED.401K')).toBe(false);
		expect(feb.payslips[0]?.payslip.lines.find((l) => l.code === 'DED.401K')?.amount).toBe('200.00');
	});
});

describe('property: runs with random deductions, contributions and inputs', () => {
	const US_KINDS: DeductionKind[] = ['us401k', 'usRoth401k', 'usSection125', 'postTax', 'employer401kMatch'];
	const UK_KINDS: DeductionKind[] = [
		'ukNetPayPension',
		'ukReliefAtSourcePension',
		'ukSalarySacrificePension',
		'postTax',
		'employerPension'
	];
	it('every journal balances to the cent; plan, contribution, loan and net lines match the payslips', () => {
		let paid = 0;
		let everyone = 0;
		let withLoans = 0;
		for (let seed = 1; seed <= 60; seed++) {
			const rnd = seededRandom(seed * 7919);
			const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
			const money = (max: number) =>
				`${Math.floor(rnd() * max)}.${String(Math.floor(rnd() * 100)).padStart(2, '0')}`;
			const uk = rnd() < 0.5;
			const s = uk
				? schedule({ jurisdiction: 'UK', currency: 'GBP', anchor: I('2026-04-06'), frequency: 'monthly' })
				: schedule({ frequency: pick(['biweekly', 'monthly'] as const) });
			const n = 1 + Math.floor(rnd() * 5);
			type Inputs = Record<
				'hours' | 'overtimeHours' | 'bonuses' | 'reimbursements' | 'oneOffDeductions',
				Record<string, DecimalString>
			>;
			const inputs: Inputs = {
				hours: {},
				overtimeHours: {},
				bonuses: {},
				reimbursements: {},
				oneOffDeductions: {}
			};
			const people = Array.from({ length: n }, (_, i) => {
				const id = `p${i}`;
				const isHourly = rnd() < 0.4;
				let comp = uk
					? ukComp(`${20000 + Math.floor(rnd() * 90000)}`, s.frequency)
					: usComp(`${20000 + Math.floor(rnd() * 200000)}`, s.frequency);
				if (isHourly) comp = hourly(comp, money(60));
				if (uk && comp.tax.uk) {
					const plans = (['plan1', 'plan2', 'plan4', 'plan5'] as const).filter(() => rnd() < 0.25);
					comp = {
						...comp,
						tax: { uk: { ...comp.tax.uk, studentLoanPlans: plans, postgraduateLoan: rnd() < 0.3 } }
					};
				}
				const deductions = Array.from({ length: Math.floor(rnd() * 4) }, (_, j) => ({
					...(rnd() < 0.5
						? ded(
								pick(uk ? UK_KINDS : US_KINDS),
								'percent',
								`${1 + Math.floor(rnd() * 8)}.${Math.floor(rnd() * 10)}`
							)
						: ded(pick(uk ? UK_KINDS : US_KINDS), 'fixed', money(60))),
					id: `d${j}`
				}));
				if (isHourly) inputs.hours[id] = D(`${80 + Math.floor(rnd() * 100)}`);
				if (isHourly && rnd() < 0.5)
					inputs.overtimeHours[id] = D(`${Math.floor(rnd() * 20)}.${Math.floor(rnd() * 4) * 25}`);
				if (rnd() < 0.4) inputs.bonuses[id] = D(money(3000));
				if (rnd() < 0.4) inputs.reimbursements[id] = D(money(300));
				if (rnd() < 0.3) inputs.oneOffDeductions[id] = D(money(80));
				return person(id, withDeductions(comp, deductions));
			});
			const r = draft(
				`r${seed}`,
				s,
				periodAt(s, 1),
				people.map((p) => p.personId),
				inputs
			);
			const c = computeRun({ schedule: s, run: r, people, finalized: [] });
			// Deductions larger than the pay are refused for that person (named), never paid wrong.
			for (const problem of c.problems)
				expect(problem.message, `seed ${seed}`).toMatch(/net pay negative|exceed gross pay/);
			expect(c.payslips.length + c.problems.length).toBe(n);
			paid += c.payslips.length;
			everyone += n;
			const f = finalize(r, s, c, '2026-06-01T00:00:00Z', taxYearOf(s.jurisdiction, r.period.payDate));
			const e = runJournalEntry(f, accounts);
			if (!e.ok) throw new Error(e.error.message);
			expect(sum(e.value.lines.map((l) => dec(l.amount))).toFixed(2), `seed ${seed}`).toBe('0.00');
			const at = (acct: string) => dec(e.value.lines.find((l) => l.account === acct)?.amount ?? '0');
			const lines = c.payslips.flatMap((p) => p.payslip.lines);
			const total = (keep: (l: (typeof lines)[number]) => boolean) =>
				sum(lines.filter(keep).map((l) => dec(l.amount))).toFixed(2);
			expect(at('plan').negated().toFixed(2)).toBe(total((l) => RETIREMENT_CODES.includes(l.code)));
			expect(at('erplan').toFixed(2)).toBe(c.totals.employerContributions);
			expect(at('sl').negated().toFixed(2)).toBe(total((l) => STUDENT_LOAN_CODES.includes(l.code)));
			if (at('sl').isNegative()) withLoans++;
			expect(at('net').negated().toFixed(2)).toBe(c.totals.net);
		}
		expect(paid / everyone).toBeGreaterThan(0.9);
		expect(withLoans).toBeGreaterThan(5);
	});
});
