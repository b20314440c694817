import { describe, expect, it } from 'vitest';
import { computeRun, indexFinalized, payslipYearToDate, periodAt, taxYearOf } from './index';
import { draft, finalize, person, schedule, usComp } from './fixtures';

describe("a payslip's year-to-date column", () => {
	const s = schedule({ anchor: '2025-11-01' as never });
	const people = [person('a', usComp('60000')), person('b', usComp('90000'))];
	// November 2025 to February 2026: January starts the next tax year.
	const finals = [0, 1, 2, 3].map((n) => {
		const run = draft(`m${n}`, s, periodAt(s, n), ['a', 'b']);
		return finalize(
			run,
			s,
			computeRun({ schedule: s, run, people, finalized: [] }),
			'x',
			taxYearOf('US', run.period.payDate)
		);
	});
	const slipOf = (n: number) => {
		const slip = finals[n]?.payslips.find((p) => p.personId === 'a');
		if (!slip) throw new Error('no slip');
		return slip;
	};
	const ytdAt = (n: number, known = finals) =>
		payslipYearToDate(indexFinalized(known), {
			runId: `m${n}`,
			jurisdiction: 'US',
			taxYear: finals[n]?.taxYear ?? '',
			payDate: finals[n]?.period.payDate as never,
			slip: slipOf(n)
		});

	it('adds this payslip to the earlier ones of the tax year, counting it once, never a later one', () => {
		// December: November + December, whatever else is finalized.
		const dec = ytdAt(1);
		const gross = Number(slipOf(0).payslip.grossPay) + Number(slipOf(1).payslip.grossPay);
		expect(dec.grossPay).toBe(gross.toFixed(2));
		expect(ytdAt(1, finals.slice(0, 1)).grossPay).toBe(gross.toFixed(2));
		// January 2026 starts a new tax year.
		expect(ytdAt(2).grossPay).toBe(slipOf(2).payslip.grossPay);
		expect(ytdAt(2).lines['US.FIT Federal income tax']).toBe(
			slipOf(2).payslip.lines.find((l) => l.code === 'US.FIT')?.amount
		);
		// Only this person's payslips.
		expect(Number(ytdAt(3).net)).toBeCloseTo(
			[2, 3].reduce((t, n) => t + Number(slipOf(n).payslip.net), 0),
			2
		);
	});
});
