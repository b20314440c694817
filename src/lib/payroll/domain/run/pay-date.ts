// Pay dates on business days. Invariant: a schedule's pay date is the period's nominal pay day (last
// day + offset) moved by the schedule's rule past weekends and the holidays of its calendar; a year
// the calendar does not list is checked for weekends only and reported, never guessed. The move
// keeps order: a later period never pays before an earlier one.
import { addDays, isoWeekday, type IsoDate } from '../../../shared/domain';
import { holidayCalendarById, type HolidayCalendar } from '../../../people/domain';
import type { Jurisdiction, PayDateRule, PaySchedule } from './types';

export const PAY_DATE_RULES: readonly { id: PayDateRule; label: string }[] = [
	{ id: 'previousBusinessDay', label: 'the business day before' },
	{ id: 'nextBusinessDay', label: 'the next business day' },
	{ id: 'onTheDay', label: 'on the day anyway' }
];

/** Schedules saved before the rule existed read as this, the usual payroll practice. */
export const DEFAULT_PAY_DATE_RULE: PayDateRule = 'previousBusinessDay';

/** The calendar a schedule uses until someone chooses one: the jurisdiction's usual holidays. */
export const defaultHolidayCalendar = (j: Jurisdiction): string => (j === 'US' ? 'us-federal' : 'gb-eaw');

export const payDateRuleOf = (s: Pick<PaySchedule, 'payDateRule'>): PayDateRule =>
	s.payDateRule ?? DEFAULT_PAY_DATE_RULE;

export const holidayCalendarOf = (
	s: Pick<PaySchedule, 'holidayCalendar' | 'jurisdiction'>
): HolidayCalendar | undefined =>
	holidayCalendarById(s.holidayCalendar ?? defaultHolidayCalendar(s.jurisdiction));

export interface PayDate {
	/** The day pay is made. */
	readonly date: IsoDate;
	/** Last day of the period + the offset, before the rule moved it. */
	readonly nominal: IsoDate;
	/** Days passed over, with why ("Saturday", "Christmas Day"), nearest first. */
	readonly skipped: readonly { date: IsoDate; why: string }[];
	/** Years looked at that the calendar does not list (weekends checked only). */
	readonly unchecked: readonly number[];
}

const WEEKEND = ['Saturday', 'Sunday'];

/** Why `date` is not a business day, or null; records years the calendar cannot answer for. */
function notBusiness(
	date: IsoDate,
	calendar: HolidayCalendar | undefined,
	unchecked: Set<number>
): string | null {
	const weekday = isoWeekday(date);
	if (weekday >= 5) return WEEKEND[weekday - 5] ?? 'weekend';
	const year = Number(date.slice(0, 4));
	if (!calendar || !calendar.years.includes(year)) {
		unchecked.add(year);
		return null;
	}
	return calendar.holidays.find((h) => h.date === date)?.name ?? null;
}

export function businessPayDate(p: {
	nominal: IsoDate;
	rule: PayDateRule;
	calendar: HolidayCalendar | undefined;
}): PayDate {
	const unchecked = new Set<number>();
	const skipped: { date: IsoDate; why: string }[] = [];
	let date = p.nominal;
	if (p.rule !== 'onTheDay') {
		const step = p.rule === 'previousBusinessDay' ? -1 : 1;
		// A run of holidays and a weekend is a few days; 14 bounds any real calendar.
		for (let i = 0; i < 14; i++) {
			const why = notBusiness(date, p.calendar, unchecked);
			if (why === null) break;
			skipped.push({ date, why });
			date = addDays(date, step);
		}
	}
	return { date, nominal: p.nominal, skipped, unchecked: [...unchecked].sort() };
}

/** The pay date of the period ending `periodEnd` on schedule `s`. */
export function payDateFor(s: PaySchedule, periodEnd: IsoDate): PayDate {
	return businessPayDate({
		nominal: addDays(periodEnd, s.payDayOffset),
		rule: payDateRuleOf(s),
		calendar: holidayCalendarOf(s)
	});
}

/** What a person should know about a pay date: why it moved, or that holidays could not be checked. */
export function payDateNote(s: PaySchedule, periodEnd: IsoDate): string | null {
	const pd = payDateFor(s, periodEnd);
	const calendar = holidayCalendarOf(s);
	const notes: string[] = [];
	if (pd.skipped.length)
		notes.push(
			`Moved from ${pd.nominal} to ${pd.date}: ${pd.skipped.map((k) => `${k.date} is ${k.why}`).join(', ')}.`
		);
	if (pd.unchecked.length)
		notes.push(
			calendar
				? `${calendar.name} are listed for ${calendar.years[0]}-${calendar.years.at(-1)} only, so the pay date ${pd.date} was checked for weekends, not public holidays.`
				: `This schedule's holiday calendar is not one this version of Keel knows, so the pay date ${pd.date} was checked for weekends only.`
		);
	return notes.length ? notes.join(' ') : null;
}
