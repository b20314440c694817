// Pay periods of a schedule, and where a pay date falls in its tax year. Invariant: periods of one
// schedule tile the calendar (each starts the day after the previous ends); a UK pay date maps to
// the tax week or month HMRC numbers it by (6 April starts week 1 and month 1). A pay date is a
// business day under the schedule's rule (pay-date.ts); a run records its period when it is made, so
// a later change to the schedule never moves a run already made.
import {
	addDays,
	addMonths,
	daysBetween,
	daysInMonth,
	dateParts,
	fail,
	isoDate,
	ok,
	type IsoDate,
	type Result
} from '../../../shared/domain';
import type { UkFrequency, UsFrequency } from '../types';
import { PAY_DATE_RULES, holidayCalendarOf, payDateFor } from './pay-date';
import type { Jurisdiction, PayPeriod, PaySchedule, ScheduleFrequency } from './types';

export const PERIODS_PER_YEAR: Readonly<Record<ScheduleFrequency, number>> = {
	weekly: 52,
	biweekly: 26,
	semimonthly: 24,
	monthly: 12,
	fourWeekly: 13
};

const STEP_DAYS: Partial<Record<ScheduleFrequency, number>> = { weekly: 7, biweekly: 14, fourWeekly: 28 };

function withPay(s: PaySchedule, start: IsoDate, end: IsoDate): PayPeriod {
	return { start, end, payDate: payDateFor(s, end).date };
}

/** Period number `n` (0 = the one starting at the anchor; negative = earlier). */
export function periodAt(s: PaySchedule, n: number): PayPeriod {
	const step = STEP_DAYS[s.frequency];
	if (step !== undefined) {
		const start = addDays(s.anchor, n * step);
		return withPay(s, start, addDays(start, step - 1));
	}
	const { year, month } = dateParts(s.anchor);
	if (s.frequency === 'monthly') {
		const start = addMonths(s.anchor, n);
		return withPay(s, start, addDays(addMonths(s.anchor, n + 1), -1));
	}
	// Semimonthly: the 1st-15th and the 16th-last day of each month, from the anchor's month.
	const monthIndex = year * 12 + (month - 1) + Math.floor(n / 2);
	const y = Math.floor(monthIndex / 12);
	const m = (monthIndex % 12) + 1;
	const second = ((n % 2) + 2) % 2 === 1;
	return second
		? withPay(s, isoDate(y, m, 16), isoDate(y, m, daysInMonth(y, m)))
		: withPay(s, isoDate(y, m, 1), isoDate(y, m, 15));
}

/** The index of the period containing `date`. */
export function periodIndexOn(s: PaySchedule, date: IsoDate): number {
	const step = STEP_DAYS[s.frequency];
	if (step !== undefined) return Math.floor(daysBetween(s.anchor, date) / step);
	const a = dateParts(s.anchor);
	const d = dateParts(date);
	let n =
		s.frequency === 'monthly'
			? (d.year - a.year) * 12 + (d.month - a.month)
			: ((d.year - a.year) * 12 + (d.month - a.month)) * 2;
	// Walk to the exact period (at most a couple of steps).
	while (periodAt(s, n).start > date) n--;
	while (periodAt(s, n).end < date) n++;
	return n;
}

/** `count` periods before and after the one containing `date`, oldest first. */
export function periodsAround(s: PaySchedule, date: IsoDate, before = 3, after = 2): PayPeriod[] {
	const at = periodIndexOn(s, date);
	const out: PayPeriod[] = [];
	for (let n = at - before; n <= at + after; n++) out.push(periodAt(s, n));
	return out;
}

/** The engine's frequency name for a schedule, or why it cannot be run in that jurisdiction. */
export function engineFrequency(j: Jurisdiction, f: ScheduleFrequency): Result<UsFrequency | UkFrequency> {
	if (j === 'US') {
		if (f === 'fourWeekly')
			return fail(
				'payroll/schedule',
				'A four-weekly schedule is not a US federal pay frequency; use weekly, biweekly, semimonthly or monthly.'
			);
		return ok(f);
	}
	if (f === 'semimonthly')
		return fail(
			'payroll/schedule',
			'HMRC has no semimonthly pay frequency; use weekly, two-weekly, four-weekly or monthly.'
		);
	return ok(f === 'biweekly' ? 'two-weekly' : f === 'fourWeekly' ? 'four-weekly' : f);
}

/** The UK tax year a date falls in, as "2025-26". */
export function ukTaxYear(date: IsoDate): string {
	const { year, month, day } = dateParts(date);
	const start = month > 4 || (month === 4 && day >= 6) ? year : year - 1;
	return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The tax year a pay date belongs to: the calendar year (US) or 6 April to 5 April (UK). */
export function taxYearOf(j: Jurisdiction, payDate: IsoDate): string {
	return j === 'US' ? String(dateParts(payDate).year) : ukTaxYear(payDate);
}

/** HMRC's period number for a pay date: tax month 1-12, or week 1-52 grouped by 2 or 4. */
export function ukPeriodNumber(f: UkFrequency, payDate: IsoDate): Result<number> {
	const start = isoDate(Number(ukTaxYear(payDate).slice(0, 4)), 4, 6);
	if (f === 'monthly') {
		const { month, day } = dateParts(payDate);
		const m = ((month - 4 + 12) % 12) + (day >= 6 ? 1 : 0);
		return ok(m === 0 ? 12 : m);
	}
	const week = Math.floor(daysBetween(start, payDate) / 7) + 1;
	if (week > 52)
		return fail(
			'payroll/week-53',
			`Pay date ${payDate} falls in tax week ${week}; week 53 payments are not supported.`
		);
	return ok(f === 'weekly' ? week : Math.ceil(week / (f === 'two-weekly' ? 2 : 4)));
}

/** A schedule is usable when its name, dates and currency are real and its frequency fits its jurisdiction. */
export function validateSchedule(s: PaySchedule): Result<PaySchedule> {
	if (!s.name.trim()) return fail('payroll/schedule', 'Schedule name: required.', { field: 'name' });
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s.anchor) || Number.isNaN(Date.parse(s.anchor)))
		return fail('payroll/schedule', 'First period starts: enter a date.', { field: 'anchor' });
	if (s.frequency === 'monthly' && dateParts(s.anchor).day > 28)
		return fail('payroll/schedule', 'First period starts: a monthly period must start on day 1-28.', {
			field: 'anchor'
		});
	if (!Number.isInteger(s.payDayOffset) || s.payDayOffset < 0 || s.payDayOffset > 31)
		return fail('payroll/schedule', 'Pay day: 0 to 31 days after the period ends.', {
			field: 'payDayOffset'
		});
	if (s.payDateRule !== undefined && !PAY_DATE_RULES.some((r) => r.id === s.payDateRule))
		return fail('payroll/schedule', 'Pay date on a weekend or holiday: choose one of the options.', {
			field: 'payDateRule'
		});
	if (s.holidayCalendar !== undefined && !holidayCalendarOf(s))
		return fail('payroll/schedule', 'Public holidays: choose one of the calendars listed.', {
			field: 'holidayCalendar'
		});
	if (!/^[A-Z]{3}$/.test(s.currency))
		return fail('payroll/schedule', 'Currency: a 3-letter code.', { field: 'currency' });
	const f = engineFrequency(s.jurisdiction, s.frequency);
	return f.ok ? ok(s) : fail(f.error.code, f.error.message, { field: 'frequency' });
}
