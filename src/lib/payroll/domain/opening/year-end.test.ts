// Opening figures in the year-end summaries and on the payslip: W-2 boxes add the previous provider's
// figures; the UK P60 keeps previous employment (P45) apart from this employment and totals both; FPS
// "this employment" figures and NI by letter add the earlier provider's; the payslip's year-to-date
// column adds the opening figure to the lines it has one for.
import { describe, expect, it } from 'vitest';
import type { DecimalString, IsoDate } from '../../../shared/domain';
import { summarizeUkYearToDate, summarizeW2 } from '../summaries';
import { computeRun } from '../run/compute';
import { draft, finalize, person, schedule, ukComp, usComp } from '../run/fixtures';
import type { FinalizedRun } from '../run/types';
import { indexFinalized, payslipYearToDate, ytdKey } from '../run/ytd';
import { ukYearEnd, w2WithOpening } from './year-end';
import type { UkOpeningFigures, UsOpeningFigures } from './types';

const D = (s: string) => s as DecimalString;
const usOpen: UsOpeningFigures = {
	wages: D('20000.00'),
	federalIncomeTax: D('2100.00'),
	socialSecurityWages: D('20000.00'),
	socialSecurityTax: D('1240.00'),
	medicareWages: D('20000.00'),
	medicareTax: D('290.00'),
	futaWages: D('7000.00'),
	supplementalWages: D('0.00')
};
const ukOpen: UkOpeningFigures = {
	previousEmploymentPay: D('4666.66'),
	previousEmploymentTax: D('514.00'),
	thisEmploymentPay: D('1000.00'),
	thisEmploymentTax: D('10.00'),
	ni: [
		{
			letter: 'A',
			grossEarnings: D('1000.00'),
			atLel: D('542.00'),
			lelToPt: D('458.00'),
			ptToUel: D('0.00'),
			employeeNics: D('0.00'),
			employerNics: D('87.45')
		}
	],
	studentLoan: D('12.00'),
	postgraduateLoan: D('0.00')
};

describe('year-end figures with opening figures', () => {
	const usS = schedule();
	const usRunDraft = draft('r6', usS, { start: '2026-06-01', end: '2026-06-30', payDate: '2026-06-30' }, [
		'p1'
	]);
	const usRun = computeRun({
		schedule: usS,
		run: usRunDraft,
		people: [{ ...person('p1', usComp('48000')), openings: [] }],
		finalized: []
	});

	it("W-2: each box adds the previous provider's figure", () => {
		const slip = usRun.payslips[0]!;
		const w2 = summarizeW2([slip.payslip]);
		if (!w2.ok) throw new Error('W-2');
		const both = w2WithOpening(w2.value, usOpen);
		expect(both.box1Wages).toBe('24000.00');
		expect(both.box3SocialSecurityWages).toBe('24000.00');
		// 4,000 x 6.2% = 248.00 in June + 1,240.00 = 1,488.00.
		expect(both.box4SocialSecurityTax).toBe('1488.00');
		expect(both.box6MedicareTax).toBe('348.00');
		expect(w2WithOpening(undefined, usOpen).box2FederalIncomeTax).toBe('2100.00');
	});

	it('payslip year to date: finalized runs so far plus the opening figure, line by line', () => {
		const slip = usRun.payslips[0]!;
		const at = (runId: string, period: { payDate: string }, s: typeof slip, finals: FinalizedRun[]) =>
			payslipYearToDate(indexFinalized(finals), {
				runId,
				jurisdiction: 'US',
				taxYear: '2026',
				payDate: period.payDate as IsoDate,
				slip: s,
				opening: { jurisdiction: 'US', us: usOpen }
			});
		const line = (s: typeof slip, code: string) => ytdKey(s.payslip.lines.find((l) => l.code === code)!);
		const ytd = at('r6', usRunDraft.period, slip, []);
		expect(ytd.lines[line(slip, 'US.SS.EE')]).toBe('1488.00');
		expect(ytd.lines[ytdKey(slip.payslip.lines[0]!)]).toBe('4000.00');
		expect(ytd.totals.find((t) => t.label === 'Federal taxable wages to date')?.amount).toBe('24000.00');
		// A later run counts the June run once, and the opening once.
		const final = finalize(usRunDraft, usS, usRun, '2026-06-30T00:00:00Z', '2026');
		const julyDraft = draft('r7', usS, { start: '2026-07-01', end: '2026-07-31', payDate: '2026-07-31' }, [
			'p1'
		]);
		const july = computeRun({
			schedule: usS,
			run: julyDraft,
			people: [person('p1', usComp('48000'))],
			finalized: [final]
		});
		const julySlip = july.payslips[0]!;
		expect(at('r7', julyDraft.period, julySlip, [final]).lines[line(julySlip, 'US.SS.EE')]).toBe('1736.00');
		// The June payslip reopened later does not count July.
		expect(at('r6', usRunDraft.period, slip, [final]).lines[line(slip, 'US.SS.EE')]).toBe('1488.00');
	});

	it('UK P60: previous employment apart, this employment with the earlier provider, total for year; NI letters merged', () => {
		const ukS = schedule({ jurisdiction: 'UK', currency: 'GBP' });
		const run = computeRun({
			schedule: ukS,
			run: draft('r3', ukS, { start: '2026-06-01', end: '2026-06-30', payDate: '2026-06-30' }, ['p1']),
			people: [{ ...person('p1', ukComp('28000'), '2026-05-01'), openings: [] }],
			finalized: []
		});
		const slips = run.payslips.map((s) => s.payslip);
		const ytd = summarizeUkYearToDate(slips);
		if (!ytd.ok) throw new Error('ytd');
		const y = ukYearEnd(ytd.value, slips, ukOpen);
		expect(y.previousEmployment).toEqual({ pay: '4666.66', tax: '514.00' });
		expect(y.thisEmployment.taxablePayToDate).toBe('3333.33');
		expect(y.totalForYear.pay).toBe('7999.99');
		expect(y.thisEmployment.niByLetter).toHaveLength(1);
		// June: employer NI 15% x (2,333.33 - 417) = 287.45, + 87.45 from the earlier provider; earnings
		// at the LEL: the 2026-27 monthly LEL 559 + 542.00.
		expect(y.thisEmployment.niByLetter[0]).toMatchObject({
			letter: 'A',
			employerNics: '374.90',
			atLel: '1101.00'
		});
		expect(y.studentLoanToDate).toBe('12.00');
		// Month 3 with no year to date in the run: pay 2,333.33 is under free pay 3,144.78, no tax;
		// the year's total is the P45's 514.00 and the earlier provider's 10.00.
		expect(y.thisEmployment.taxToDate).toBe('10.00');
		expect(y.totalForYear.tax).toBe('524.00');
	});
});
