import { describe, expect, it } from 'vitest';
import { addDays, dec, seededRandom, sum, type IsoDate } from '../../../shared/domain';
import type { Account } from '../../../books/domain';
import {
	computeRun,
	defaultAccountMap,
	paymentJournalEntry,
	periodAt,
	periodIndexOn,
	runJournalEntry,
	taxYearOf,
	ukPeriodNumber,
	usYearToDate,
	indexFinalized,
	type FinalizedRun,
	type ScheduleFrequency
} from './index';
import { basePay } from './base-pay';
import {
	draft,
	fact,
	finalize,
	person,
	schedule,
	testAccounts as accounts,
	ukComp,
	usComp,
	employment
} from './fixtures';

const I = (s: string) => s as IsoDate;

describe('schedules', () => {
	it('periods tile the calendar and each date maps back to its period', () => {
		for (const frequency of [
			'weekly',
			'biweekly',
			'semimonthly',
			'monthly',
			'fourWeekly'
		] as ScheduleFrequency[]) {
			const s = schedule({
				frequency,
				anchor: I('2026-01-05'),
				jurisdiction: frequency === 'fourWeekly' ? 'UK' : 'US'
			});
			for (let n = -30; n < 30; n++) {
				const a = periodAt(s, n);
				const b = periodAt(s, n + 1);
				expect(b.start).toBe(addDays(a.end, 1));
				expect(periodIndexOn(s, a.start)).toBe(n);
				expect(periodIndexOn(s, a.end)).toBe(n);
			}
		}
	});
	it('numbers UK pay dates by tax month and week', () => {
		expect(ukPeriodNumber('monthly', I('2026-04-30'))).toEqual({ ok: true, value: 1 });
		expect(ukPeriodNumber('monthly', I('2026-05-05'))).toEqual({ ok: true, value: 1 });
		expect(ukPeriodNumber('monthly', I('2026-05-06'))).toEqual({ ok: true, value: 2 });
		expect(ukPeriodNumber('monthly', I('2027-03-31'))).toEqual({ ok: true, value: 12 });
		expect(ukPeriodNumber('weekly', I('2026-04-12'))).toEqual({ ok: true, value: 1 });
		expect(ukPeriodNumber('weekly', I('2026-04-13'))).toEqual({ ok: true, value: 2 });
		expect(ukPeriodNumber('four-weekly', I('2026-05-03'))).toEqual({ ok: true, value: 1 });
		expect(ukPeriodNumber('four-weekly', I('2026-05-04'))).toEqual({ ok: true, value: 2 });
		expect(taxYearOf('UK', I('2026-04-05'))).toBe('2025-26');
		expect(taxYearOf('UK', I('2026-04-06'))).toBe('2026-27');
	});
});

describe('base pay', () => {
	const period = { start: I('2026-04-01'), end: I('2026-04-30'), payDate: I('2026-04-30') };
	it('pays a full month of salary, and prorates a joiner and a leaver by days', () => {
		const full = person('a', usComp('60000'));
		expect(
			basePay({ period, frequency: 'monthly', employment: full.employment, compensation: full.compensation })
				.amount
		).toBe('5000.00');
		const joiner = person('b', usComp('60000'), '2026-04-16');
		expect(
			basePay({
				period,
				frequency: 'monthly',
				employment: joiner.employment,
				compensation: joiner.compensation
			}).amount
		).toBe('2500.00');
		const leaver = person('c', usComp('60000'), '2025-01-01', '2026-04-10');
		expect(
			basePay({
				period,
				frequency: 'monthly',
				employment: leaver.employment,
				compensation: leaver.compensation
			}).amount
		).toBe('1666.67');
	});
	it('weights a mid-period raise by days at each rate', () => {
		const p = person('a', usComp('36000'));
		const raised = [
			...p.compensation,
			fact('r', '2026-04-21', { pay: { kind: 'salaried' as const, annualAmount: '72000' } })
		];
		// 3000 x 20/30 + 6000 x 10/30 = 2000 + 2000
		expect(
			basePay({ period, frequency: 'monthly', employment: p.employment, compensation: raised as never })
				.amount
		).toBe('4000.00');
	});
	it('pays hourly staff hours x rate', () => {
		const p = person('h', { ...usComp('1'), pay: { kind: 'hourly', hourlyRate: '22.50' as never } });
		const b = basePay({
			period,
			frequency: 'monthly',
			employment: p.employment,
			compensation: p.compensation,
			hours: '37.5' as never
		});
		expect(b).toMatchObject({ kind: 'hourly', amount: '843.75' });
	});
});

function months(year: number, from: number, to: number) {
	const s = schedule();
	return Array.from({ length: to - from + 1 }, (_, i) => periodAt(s, (year - 2026) * 12 + from - 1 + i));
}

describe('pay runs', () => {
	it('computes a US and a UK run whose journals balance, and lists who cannot be paid', () => {
		const us = schedule();
		const run = draft('r1', us, periodAt(us, 0), ['a', 'b', 'x']);
		const people = [
			person('a', usComp('60000')),
			person('b', usComp('250000')),
			person('x', ukComp('30000'))
		];
		const c = computeRun({ schedule: us, run, people, finalized: [] });
		expect(c.payslips.map((s) => s.personId)).toEqual(['a', 'b']);
		expect(c.problems[0]?.message).toMatch(/is paid in GBP/);
		const entry = runJournalEntry(finalize(run, us, c, '2026-01-31T12:00:00Z', '2026'), accounts);
		expect(entry.ok && sum(entry.value.lines.map((l) => dec(l.amount))).isZero()).toBe(true);
		const uk = schedule({ id: 'uk', jurisdiction: 'UK', currency: 'GBP', anchor: I('2026-04-01') });
		const ukc = computeRun({
			schedule: uk,
			run: draft('r2', uk, periodAt(uk, 0), ['x']),
			people: people.slice(2),
			finalized: []
		});
		expect(ukc.problems).toEqual([]);
		expect(ukc.payslips[0]?.case).toMatchObject({
			jurisdiction: 'UK',
			period: 1,
			taxYear: '2026-27',
			taxCode: '1257L'
		});
	});

	it('property: every run journal balances to the cent and payment moves exactly the net pay', () => {
		for (let seed = 1; seed <= 40; seed++) {
			const rnd = seededRandom(seed);
			const uk = rnd() < 0.5;
			const s = schedule(
				uk
					? {
							jurisdiction: 'UK',
							currency: 'GBP',
							frequency: rnd() < 0.5 ? 'weekly' : 'monthly',
							anchor: I('2026-04-06')
						}
					: { frequency: rnd() < 0.5 ? 'biweekly' : 'semimonthly' }
			);
			const n = 1 + Math.floor(rnd() * 8);
			const period = periodAt(s, 1);
			const people = Array.from({ length: n }, (_, i) => {
				const annual =
					String(8000 + Math.floor(rnd() * 400000)) + '.' + String(Math.floor(rnd() * 100)).padStart(2, '0');
				return person(
					`p${i}`,
					uk ? ukComp(annual, s.frequency) : usComp(annual, s.frequency),
					rnd() < 0.3 ? addDays(period.start, 1 + Math.floor(rnd() * 5)) : '2025-01-01'
				);
			});
			const run = draft(
				`r${seed}`,
				s,
				period,
				people.map((p) => p.personId)
			);
			const c = computeRun({ schedule: s, run, people, finalized: [] });
			expect(c.problems).toEqual([]);
			const f = finalize(run, s, c, '2026-06-01T00:00:00Z', taxYearOf(s.jurisdiction, run.period.payDate));
			const e = runJournalEntry(f, accounts);
			if (!e.ok) throw new Error(e.error.message);
			expect(sum(e.value.lines.map((l) => dec(l.amount))).toFixed(2)).toBe('0.00');
			const net = e.value.lines.find((l) => l.account === 'net');
			expect(
				dec(net?.amount ?? '0')
					.negated()
					.toFixed(2)
			).toBe(c.totals.net);
			const paid = paymentJournalEntry(f, accounts, run.period.payDate);
			expect(paid.ok && paid.value.lines[0]?.amount).toBe(c.totals.net);
		}
	});

	it('property: YTD is the sum of finalized runs, whatever order they were prepared in', () => {
		const s = schedule();
		const people = [person('a', usComp('190000')), person('b', usComp('420000'))];
		const finals: FinalizedRun[] = months(2026, 1, 6).map((p, i) => {
			const run = draft(`m${i}`, s, p, ['a', 'b']);
			return finalize(
				run,
				s,
				computeRun({ schedule: s, run, people, finalized: [] }),
				`2026-0${i + 1}-28T00:00:00Z`,
				'2026'
			);
		});
		const july = periodAt(s, 6);
		const expected = usYearToDate(indexFinalized(finals), {
			personId: 'b',
			taxYear: '2026',
			payDate: july.payDate,
			runId: 'x'
		});
		expect(expected.socialSecurityWages).toBe(
			sum(finals.map((f) => dec(f.payslips[1]?.payslip.us?.socialSecurityWages ?? 'x'))).toFixed(2)
		);
		for (let seed = 1; seed <= 20; seed++) {
			const rnd = seededRandom(seed);
			const shuffled = [...finals].sort(() => rnd() - 0.5);
			expect(
				usYearToDate(indexFinalized(shuffled), {
					personId: 'b',
					taxYear: '2026',
					payDate: july.payDate,
					runId: 'x'
				})
			).toEqual(expected);
			const c = computeRun({
				schedule: s,
				run: draft('jul', s, july, ['a', 'b']),
				people,
				finalized: shuffled
			});
			expect(c.payslips[1]?.case.ytd).toEqual(expected);
		}
		// A finalized run is a value: computing later runs never changes it.
		const before = JSON.stringify(finals);
		computeRun({ schedule: s, run: draft('aug', s, periodAt(s, 7), ['a', 'b']), people, finalized: finals });
		expect(JSON.stringify(finals)).toBe(before);
	});

	it('pays a back-dated raise as a retro difference in the next run, once', () => {
		const s = schedule();
		const p = person('a', usComp('60000'));
		const jan = draft('jan', s, periodAt(s, 0), ['a']);
		const fJan = finalize(
			jan,
			s,
			computeRun({ schedule: s, run: jan, people: [p], finalized: [] }),
			'2026-01-31T12:00:00Z',
			'2026'
		);
		// Recorded in February, effective 16 January: January should have paid 5000 x 15/31 + 6000 x 16/31.
		const raised = {
			...p,
			compensation: [
				...p.compensation,
				fact(
					'raise',
					'2026-01-16',
					{ pay: { kind: 'salaried' as const, annualAmount: '72000' } },
					'2026-02-10T09:00:00Z'
				)
			] as never
		};
		const feb = draft('feb', s, periodAt(s, 1), ['a']);
		const cFeb = computeRun({ schedule: s, run: feb, people: [raised], finalized: [fJan] });
		const retro = cFeb.payslips[0]?.retro ?? [];
		expect(retro).toHaveLength(1);
		expect(retro[0]?.amount).toBe('516.13');
		expect(cFeb.payslips[0]?.payslip.lines.filter((l) => l.kind === 'earning').map((l) => l.amount)).toEqual([
			'6000.00',
			'516.13'
		]);
		expect(fJan.payslips[0]?.basePay).toBe('5000.00');
		const fFeb = finalize(feb, s, cFeb, '2026-02-28T12:00:00Z', '2026');
		const cMar = computeRun({
			schedule: s,
			run: draft('mar', s, periodAt(s, 2), ['a']),
			people: [raised],
			finalized: [fJan, fFeb]
		});
		expect(cMar.payslips[0]?.retro).toEqual([]);
	});

	it('off-cycle bonus runs pay only the bonus, taxed as supplemental wages', () => {
		const s = schedule();
		const run = draft('b1', s, periodAt(s, 0), ['a'], { kind: 'bonus', amounts: { a: '1000.00' as never } });
		const c = computeRun({ schedule: s, run, people: [person('a', usComp('60000'))], finalized: [] });
		expect(c.payslips[0]?.payslip.grossPay).toBe('1000.00');
		expect(c.payslips[0]?.payslip.lines.find((l) => l.code === 'US.FIT')?.amount).toBe('220.00');
	});

	it('defaults the account map from a chart by subtype and name', () => {
		const acc = (id: string, name: string, type: Account['type'], subtype: Account['subtype']): Account => ({
			schemaVersion: 1,
			id,
			name,
			type,
			subtype
		});
		const chart = [
			acc('1', 'Checking', 'asset', 'bank'),
			acc('2', 'Federal Withholding', 'liability', 'payroll-liability'),
			acc('3', 'Wages and Salaries', 'expense', 'payroll-expense'),
			acc('4', 'Payroll Taxes', 'expense', 'payroll-expense')
		];
		expect(defaultAccountMap(chart)).toEqual({
			wagesExpense: '3',
			employerTaxesExpense: '4',
			taxLiability: '2',
			deductionsLiability: '2',
			bank: '1'
		});
		expect(employment('2026-01-01').startDate).toBe('2026-01-01');
		// A "Student loan deductions payable" account is the student loan role, never "deductions owed".
		const withLoans = [
			...chart,
			acc('5', 'Student loan deductions payable', 'liability', 'payroll-liability'),
			acc('6', 'Pension and other deductions', 'liability', 'payroll-liability')
		];
		expect(defaultAccountMap(withLoans)).toMatchObject({
			studentLoanLiability: '5',
			deductionsLiability: '6'
		});
	});
});
