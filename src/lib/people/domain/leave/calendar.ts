// Leave years and working days: a leave year runs from the policy's start day to the day before the
// next one (365 or 366 days); a working day is Monday-Friday and not a public holiday of the person's
// location on that day. Dates outside a calendar's covered years are an error, never a guess.
import {
	addDays,
	addMonths,
	fromEpochDay,
	isoDate,
	isoWeekday,
	ok,
	toEpochDay,
	type IsoDate,
	type Result
} from '../../../shared/domain';
import { fieldError } from '../errors';
import type { CalendarsByLocation, LeavePolicy } from './types';

export interface LeaveYear {
	readonly start: IsoDate;
	/** Last day, inclusive. */
	readonly end: IsoDate;
	readonly days: number;
}

export function leaveYearContaining(policy: Pick<LeavePolicy, 'leaveYearStart'>, date: IsoDate): LeaveYear {
	const { month, day } = policy.leaveYearStart;
	const year = Number(date.slice(0, 4));
	const thisStart = isoDate(year, month, day);
	const start = date >= thisStart ? thisStart : isoDate(year - 1, month, day);
	const next = addMonths(start, 12);
	const end = addDays(next, -1);
	return { start, end, days: toEpochDay(next) - toEpochDay(start) };
}

export function nextLeaveYear(policy: Pick<LeavePolicy, 'leaveYearStart'>, year: LeaveYear): LeaveYear {
	return leaveYearContaining(policy, addDays(year.end, 1));
}

/** Every date from `from` to `to`, both included. */
export function eachDay(from: IsoDate, to: IsoDate): IsoDate[] {
	const out: IsoDate[] = [];
	for (let e = toEpochDay(from); e <= toEpochDay(to); e++) out.push(fromEpochDay(e));
	return out;
}

/** Whether `date` is a working day at `location`; fails if the location's calendar does not cover it. */
export function isWorkingDay(
	date: IsoDate,
	location: string,
	calendars: CalendarsByLocation
): Result<boolean> {
	if (isoWeekday(date) >= 5) return ok(false);
	const calendar = calendars[location];
	if (!calendar) {
		return fieldError(
			'location',
			'hr/leave-no-calendar',
			`location ${location} has no public holiday calendar`,
			{ location }
		);
	}
	if (!calendar.years.includes(Number(date.slice(0, 4)))) {
		return fieldError(
			'date',
			'hr/holidays-not-covered',
			`${calendar.name} has no holidays listed for ${date.slice(0, 4)}`,
			{
				calendar: calendar.id,
				date
			}
		);
	}
	return ok(!calendar.holidays.some((h) => h.date === date));
}
