// Opening year-to-date figures in the run: a US employee whose earlier pay went through another
// provider pays FUTA and Social Security only up to the wage bases; a UK starter's P45 pay and tax to
// date go into the cumulative PAYE calculation. Expected figures are worked by hand below (Pub 15 /
// Form 940 wage bases; HMRC's PAYE tables method, spec 4.3-4.5), not read back from the engine.
import { describe, expect, it } from 'vitest';
import type { DecimalString } from '../../../shared/domain';
import { computeRun } from '../run/compute';
import { draft, person, schedule, ukComp, usComp } from '../run/fixtures';
import type { OpeningYtd, UkOpeningFigures, UsOpeningFigures } from './types';

const D = (s: string) => s as DecimalString;
const line = (r: ReturnType<typeof computeRun>, code: string) =>
	r.payslips[0]?.payslip.lines.find((l) => l.code === code)?.amount ?? 'absent';

const usZero: UsOpeningFigures = {
	wages: D('0.00'),
	federalIncomeTax: D('0.00'),
	socialSecurityWages: D('0.00'),
	socialSecurityTax: D('0.00'),
	medicareWages: D('0.00'),
	medicareTax: D('0.00'),
	futaWages: D('0.00'),
	supplementalWages: D('0.00')
};
const ukZero: UkOpeningFigures = {
	previousEmploymentPay: D('0.00'),
	previousEmploymentTax: D('0.00'),
	thisEmploymentPay: D('0.00'),
	thisEmploymentTax: D('0.00'),
	ni: [],
	studentLoan: D('0.00'),
	postgraduateLoan: D('0.00')
};

function usOpening(
	id: string,
	personId: string,
	us: Partial<UsOpeningFigures>,
	replaces: string[] = []
): OpeningYtd {
	return {
		schemaVersion: 1,
		id,
		personId,
		jurisdiction: 'US',
		taxYear: '2026',
		us: { ...usZero, ...us },
		replaces,
		recordedAt: '2026-06-01T00:00:00Z',
		recordedBy: 'm1'
	};
}
function ukOpening(
	id: string,
	personId: string,
	uk: Partial<UkOpeningFigures>,
	taxYear = '2026-27'
): OpeningYtd {
	return {
		schemaVersion: 1,
		id,
		personId,
		jurisdiction: 'UK',
		taxYear,
		uk: { ...ukZero, ...uk },
		replaces: [],
		recordedAt: '2026-12-01T00:00:00Z',
		recordedBy: 'm1'
	};
}

const usSched = schedule();
const june = { start: '2026-06-01', end: '2026-06-30', payDate: '2026-06-30' };

function usRun(annual: string, openings: OpeningYtd[]) {
	const p = { ...person('p1', usComp(annual), '2025-03-01'), openings };
	return computeRun({
		schedule: usSched,
		run: draft('r6', usSched, june, ['p1']),
		people: [p],
		finalized: []
	});
}

describe('US opening year to date', () => {
	it('FUTA: 7,000 or more FUTA wages from the previous provider means no FUTA in the first Keel run', () => {
		// Without openings: 4,000.00 of June pay is all under the 7,000 wage base: 0.6% = 24.00.
		expect(line(usRun('48000', []), 'US.FUTA.ER')).toBe('24.00');
		// 20,000 paid Jan-May through the previous provider: the base is used up, nothing is due.
		const r = usRun('48000', [usOpening('o1', 'p1', { futaWages: D('20000.00') })]);
		expect(r.problems).toEqual([]);
		expect(line(r, 'US.FUTA.ER')).toBe('0.00');
		expect(r.payslips[0]?.case.ytd).toMatchObject({ futaWages: '20000.00' });
	});

	it('FUTA: 6,500 from the previous provider leaves 500 of the base: 0.6% of 500 = 3.00', () => {
		expect(line(usRun('48000', [usOpening('o1', 'p1', { futaWages: D('6500.00') })]), 'US.FUTA.ER')).toBe(
			'3.00'
		);
	});

	it('Social Security stops at the 2026 wage base (184,500) counting the previous provider; Additional Medicare starts at 200,000', () => {
		// 420,000 a year = 35,000.00 in June. Jan-May: 175,000 SS and Medicare wages elsewhere.
		// SS: room 184,500 - 175,000 = 9,500 x 6.2% = 589.00 (employee and employer alike).
		// Medicare: 35,000 x 1.45% = 507.50; Additional Medicare: 175,000 + 35,000 - 200,000 = 10,000 x 0.9% = 90.00.
		const r = usRun('420000', [
			usOpening('o1', 'p1', {
				socialSecurityWages: D('175000.00'),
				medicareWages: D('175000.00'),
				futaWages: D('7000.00'),
				wages: D('175000.00')
			})
		]);
		expect(line(r, 'US.SS.EE')).toBe('589.00');
		expect(line(r, 'US.SS.ER')).toBe('589.00');
		expect(line(r, 'US.MEDICARE.EE')).toBe('507.50');
		expect(line(r, 'US.ADDL_MEDICARE.EE')).toBe('90.00');
		expect(line(r, 'US.FUTA.ER')).toBe('0.00');
		expect(r.payslips[0]?.payslip.us?.socialSecurityWages).toBe('9500.00');
	});

	it('only the entry no other entry replaces counts; a correction replaces it', () => {
		const first = usOpening('o1', 'p1', { futaWages: D('1000.00') });
		const fixed = usOpening('o2', 'p1', { futaWages: D('7000.00') }, ['o1']);
		expect(line(usRun('48000', [first]), 'US.FUTA.ER')).toBe('24.00');
		expect(line(usRun('48000', [fixed, first]), 'US.FUTA.ER')).toBe('0.00');
	});

	it('two different corrections of the same entry: the person is a problem, never paid on a guess', () => {
		const first = usOpening('o1', 'p1', { futaWages: D('1000.00') });
		const a = usOpening('o2', 'p1', { futaWages: D('7000.00') }, ['o1']);
		const b = usOpening('o3', 'p1', { futaWages: D('3000.00') }, ['o1']);
		const r = usRun('48000', [first, a, b]);
		expect(r.payslips).toEqual([]);
		expect(r.problems[0]?.message).toContain(
			'2 different year-to-date entries from a previous provider for 2026'
		);
		// The same figures entered twice (two devices, or an import run twice) are one entry, not a conflict.
		const same = usOpening('o4', 'p1', { futaWages: D('7000.00') }, ['o1']);
		expect(line(usRun('48000', [first, a, same]), 'US.FUTA.ER')).toBe('0.00');
		// A correction naming both settles it.
		const settle = usOpening('o5', 'p1', { futaWages: D('3000.00') }, ['o2', 'o3']);
		expect(line(usRun('48000', [first, a, b, settle]), 'US.FUTA.ER')).toBe('24.00');
	});

	it("another person's or another year's entry does not count", () => {
		const other = usOpening('o1', 'p2', { futaWages: D('7000.00') });
		const lastYear = { ...usOpening('o2', 'p1', { futaWages: D('7000.00') }), taxYear: '2025' };
		expect(line(usRun('48000', [other, lastYear]), 'US.FUTA.ER')).toBe('24.00');
	});
});

describe('UK opening year to date', () => {
	const ukSched = schedule({ jurisdiction: 'UK', currency: 'GBP' });
	const december = { start: '2026-12-01', end: '2026-12-31', payDate: '2026-12-31' };
	function ukRun(openings: OpeningYtd[]) {
		// Started 1 December 2026 on 28,000 a year: December pays 2,333.33 (tax month 9 of 2026-27).
		const p = { ...person('p1', ukComp('28000'), '2026-12-01'), openings };
		return computeRun({
			schedule: ukSched,
			run: draft('r9', ukSched, december, ['p1']),
			people: [p],
			finalized: []
		});
	}

	it('month 9 starter with a P45: previous pay and tax to date count in the cumulative calculation', () => {
		// Without the P45 (the reported bug): free pay to date 9,434.34 exceeds pay to date 2,333.33: no tax.
		const bare = ukRun([]);
		expect(line(bare, 'UK.PAYE')).toBe('0.00');
		expect(bare.payslips[0]?.payslip.uk?.taxDueToDate).toBe('0.00');
		// P45: 8 months at 2,333.33 = 18,666.64 pay to date; tax to date 2,056.00 (month 8: free pay
		// 8 x 1,048.26 = 8,386.08; taxable 10,280.56 -> 10,280 at 20% = 2,056.00).
		// Month 9, code 1257L cumulative (HMRC tables method):
		//   free pay per month = (257 x 10 + 9) / 12 = 214.9166.. rounded up 214.92, + 2 x 416.67 = 1,048.26;
		//   x 9 = 9,434.34. Pay to date 18,666.64 + 2,333.33 = 20,999.97; taxable 11,565.63 -> 11,565
		//   (down to the pound), within the month-9 basic band 37,700 x 9/12 = 28,275: 20% = 2,313.00.
		//   This month: 2,313.00 - 2,056.00 already paid = 257.00.
		const r = ukRun([
			ukOpening('o1', 'p1', { previousEmploymentPay: D('18666.64'), previousEmploymentTax: D('2056.00') })
		]);
		expect(r.problems).toEqual([]);
		expect(r.payslips[0]?.case.ytd).toEqual({ taxablePay: '18666.64', taxPaid: '2056.00' });
		expect(r.payslips[0]?.payslip.uk?.taxDueToDate).toBe('2313.00');
		expect(line(r, 'UK.PAYE')).toBe('257.00');
		// NI is not cumulative between employments: this month's pay alone, 2026-27 monthly thresholds
		// PT 1,048 and ST 417: employee 8% x 1,285.33 = 102.83; employer 15% x 1,916.33 = 287.45.
		expect(line(r, 'UK.NI.EE')).toBe('102.83');
		expect(line(r, 'UK.NI.ER')).toBe('287.45');
	});

	it("this employment's figures from a previous provider count in PAYE too", () => {
		const r = ukRun([
			ukOpening('o1', 'p1', {
				previousEmploymentPay: D('9333.32'),
				previousEmploymentTax: D('1028.00'),
				thisEmploymentPay: D('9333.32'),
				thisEmploymentTax: D('1028.00')
			})
		]);
		expect(r.payslips[0]?.case.ytd).toEqual({ taxablePay: '18666.64', taxPaid: '2056.00' });
		expect(line(r, 'UK.PAYE')).toBe('257.00');
	});

	it('week 1 / month 1: P45 figures do not change the tax (non-cumulative)', () => {
		const comp = ukComp('28000');
		const m1 = { ...comp, tax: { uk: { ...comp.tax.uk!, basis: 'week1month1' as const } } };
		const p = {
			...person('p1', m1, '2026-12-01'),
			openings: [
				ukOpening('o1', 'p1', { previousEmploymentPay: D('18666.64'), previousEmploymentTax: D('2056.00') })
			]
		};
		const r = computeRun({
			schedule: ukSched,
			run: draft('r9', ukSched, december, ['p1']),
			people: [p],
			finalized: []
		});
		// Month 1 basis: (2,333.33 - 1,048.26) = 1,285.07 -> 1,285 x 20% = 257.00, whatever the P45 says.
		expect(line(r, 'UK.PAYE')).toBe('257.00');
		const none = computeRun({
			schedule: ukSched,
			run: draft('r9', ukSched, december, ['p1']),
			people: [{ ...p, openings: [] }],
			finalized: []
		});
		expect(line(none, 'UK.PAYE')).toBe('257.00');
	});
});
