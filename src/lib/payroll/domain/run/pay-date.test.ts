import { describe, expect, it } from 'vitest';
import { isoWeekday, seededRandom, type IsoDate } from '../../../shared/domain';
import { holidayCalendarById } from '../../../people/domain';
import {
	businessPayDate,
	payDateFor,
	payDateNote,
	periodAt,
	taxYearOf,
	validateSchedule,
	type PayDateRule,
	type ScheduleFrequency
} from './index';
import { schedule } from './fixtures';

const I = (s: string) => s as IsoDate;
const ukMonthly = (payDateRule?: PayDateRule) =>
	schedule({
		jurisdiction: 'UK',
		currency: 'GBP',
		anchor: I('2026-04-01'),
		...(payDateRule ? { payDateRule } : {})
	});
const gb = holidayCalendarById('gb-eaw');
const us = holidayCalendarById('us-federal');

describe('pay dates on weekends and holidays', () => {
	it('UK monthly: Saturday 2026-10-31 and Sunday 2027-01-31 pay on the Friday before by default', () => {
		const s = ukMonthly();
		expect(periodAt(s, 6)).toEqual({ start: '2026-10-01', end: '2026-10-31', payDate: '2026-10-30' });
		expect(periodAt(s, 9).payDate).toBe('2027-01-29');
		expect(payDateNote(s, I('2026-10-31'))).toBe(
			'Moved from 2026-10-31 to 2026-10-30: 2026-10-31 is Saturday.'
		);
		// A weekday month end is left alone.
		expect(periodAt(s, 5).payDate).toBe('2026-09-30');
		expect(payDateNote(s, I('2026-09-30'))).toBeNull();
	});

	it('the rule chosen: next business day, or on the day anyway', () => {
		expect(periodAt(ukMonthly('nextBusinessDay'), 6).payDate).toBe('2026-11-02');
		expect(periodAt(ukMonthly('nextBusinessDay'), 9).payDate).toBe('2027-02-01');
		expect(periodAt(ukMonthly('onTheDay'), 6).payDate).toBe('2026-10-31');
	});

	it("US biweekly: New Year's Day 2027 pays on 31 December, and so in tax year 2026", () => {
		const s = schedule({ frequency: 'biweekly', anchor: I('2026-12-19') });
		const p = periodAt(s, 0);
		expect(p).toEqual({ start: '2026-12-19', end: '2027-01-01', payDate: '2026-12-31' });
		expect(taxYearOf('US', p.payDate)).toBe('2026');
		// The next business day after a Friday holiday is the Monday.
		expect(periodAt({ ...s, payDateRule: 'nextBusinessDay' }, 0).payDate).toBe('2027-01-04');
	});

	it('a run of holidays: Christmas, a weekend and a substitute Boxing Day', () => {
		const run = (nominal: string, rule: PayDateRule) =>
			businessPayDate({ nominal: I(nominal), rule, calendar: gb });
		// 2026: Fri 25 Christmas, Sat, Sun, Mon 28 Boxing Day (substitute).
		expect(run('2026-12-25', 'previousBusinessDay').date).toBe('2026-12-24');
		const next = run('2026-12-25', 'nextBusinessDay');
		expect(next.date).toBe('2026-12-29');
		expect(next.skipped.map((k) => k.why)).toEqual([
			'Christmas Day',
			'Saturday',
			'Sunday',
			'Boxing Day (substitute day)'
		]);
		// 2027: Sat 25, Sun 26, then both substitute days Mon 27 and Tue 28.
		expect(run('2027-12-27', 'previousBusinessDay').date).toBe('2027-12-24');
		expect(run('2027-12-25', 'nextBusinessDay').date).toBe('2027-12-29');
	});

	it('year boundaries: Easter 2026 moves a UK pay date into the previous tax year', () => {
		// 6 April 2026 is Easter Monday; 3 April Good Friday; 4-5 the weekend.
		const pd = businessPayDate({ nominal: I('2026-04-06'), rule: 'previousBusinessDay', calendar: gb });
		expect(pd.date).toBe('2026-04-02');
		expect(taxYearOf('UK', pd.date)).toBe('2025-26');
		expect(taxYearOf('UK', pd.nominal)).toBe('2026-27');
	});

	it('a year the calendar does not list is checked for weekends only, and says so', () => {
		// 29 Dec 2028 is a Friday; the next business day is in 2029, which is not listed.
		const pd = businessPayDate({ nominal: I('2028-12-30'), rule: 'nextBusinessDay', calendar: us });
		expect(pd.date).toBe('2029-01-01');
		expect(pd.unchecked).toEqual([2029]);
		const s = schedule({ payDateRule: 'nextBusinessDay' });
		expect(payDateNote(s, I('2028-12-30'))).toContain(
			'US federal holidays (observed) are listed for 2025-2028 only, so the pay date 2029-01-01 was checked for weekends, not public holidays.'
		);
		// Listed years still count their holidays: 31 Dec 2027 is the observed New Year's Day 2028.
		expect(
			businessPayDate({ nominal: I('2027-12-31'), rule: 'previousBusinessDay', calendar: us }).date
		).toBe('2027-12-30');
	});

	it('"no public holidays" and an unknown calendar: weekends only', () => {
		const none = schedule({ holidayCalendar: 'none', anchor: I('2026-12-01') });
		expect(periodAt(none, 0).payDate).toBe('2026-12-31');
		expect(payDateFor({ ...none, anchor: I('2026-11-26') }, I('2026-12-25')).date).toBe('2026-12-25');
		const unknown = { ...none, holidayCalendar: 'fr-public' };
		expect(payDateFor(unknown, I('2026-12-25')).date).toBe('2026-12-25');
		expect(payDateNote(unknown, I('2026-12-25'))).toContain('not one this version of Keel knows');
	});

	it('schedules saved before the rule existed read as the business day before, with the usual calendar', () => {
		const old = schedule({ frequency: 'biweekly', anchor: I('2026-12-19') });
		expect(old.payDateRule).toBeUndefined();
		expect(periodAt(old, 0).payDate).toBe(
			periodAt({ ...old, payDateRule: 'previousBusinessDay', holidayCalendar: 'us-federal' }, 0).payDate
		);
	});

	it('refuses an unknown rule or calendar, naming the field', () => {
		const bad = validateSchedule(schedule({ payDateRule: 'nearest' as never }));
		expect(!bad.ok && bad.error.message).toBe('Pay date on a weekend or holiday: choose one of the options.');
		const cal = validateSchedule(schedule({ holidayCalendar: 'mars' }));
		expect(!cal.ok && cal.error.details).toEqual({ field: 'holidayCalendar' });
		expect(validateSchedule(schedule({ payDateRule: 'onTheDay', holidayCalendar: 'none' })).ok).toBe(true);
	});

	it('property: pay dates keep their order and land on business days in the years listed', () => {
		const rnd = seededRandom(11);
		const rules: PayDateRule[] = ['previousBusinessDay', 'nextBusinessDay'];
		const freqs: ScheduleFrequency[] = ['weekly', 'biweekly', 'semimonthly', 'monthly', 'fourWeekly'];
		for (let t = 0; t < 60; t++) {
			const uk = rnd() < 0.5;
			const s = schedule({
				jurisdiction: uk ? 'UK' : 'US',
				frequency: freqs[Math.floor(rnd() * freqs.length)] as ScheduleFrequency,
				anchor: I(
					`2025-0${1 + Math.floor(rnd() * 9)}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`
				),
				payDayOffset: Math.floor(rnd() * 8),
				payDateRule: rules[Math.floor(rnd() * 2)] as PayDateRule
			});
			const cal = uk ? gb : us;
			let last = '';
			for (let n = 0; n < 40; n++) {
				const p = periodAt(s, n);
				expect(p.payDate >= last, `${JSON.stringify(s)} period ${n}`).toBe(true);
				last = p.payDate;
				if (!p.payDate.startsWith('2028')) {
					expect(isoWeekday(p.payDate)).toBeLessThan(5);
					expect(cal?.holidays.some((h) => h.date === p.payDate)).toBe(false);
				}
			}
		}
	});
});
