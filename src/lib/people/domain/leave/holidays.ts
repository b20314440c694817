// Public holiday calendars are data with a cited source. Each lists every holiday (as observed, i.e.
// substitute days included) for the years in `years`; a date outside those years is not guessed.
import { check, isoDateSchema, unwrap } from '../../../shared/domain';
import type { HolidayCalendar } from './types';

/** One holiday; its date is checked when the module loads (a typo is a bug in Keel). */
const h = (date: string, name: string) => ({ date: unwrap(check(isoDateSchema, date)), name });

/**
 * Source: GOV.UK, "UK bank holidays" (https://www.gov.uk/bank-holidays), England and Wales, for 2025-2027.
 * 2028 is not yet listed there: its dates follow the Banking and Financial Dealings Act 1971, Schedule 1
 * (Easter Monday, last Mondays of May and August, 26 December or its substitute) and the royal
 * proclamations made every year since 1978 for New Year's Day (or the next weekday) and the first Monday
 * of May, with Good Friday and Christmas Day as common-law holidays. Replace them if a proclamation differs.
 */
export const ENGLAND_AND_WALES_2025_2027: HolidayCalendar = {
	id: 'gb-eaw',
	name: 'England and Wales bank holidays',
	years: [2025, 2026, 2027, 2028],
	source:
		'https://www.gov.uk/bank-holidays (England and Wales), retrieved 2025; 2028 by the 1971 Act and the yearly proclamations',
	holidays: [
		h('2025-01-01', "New Year's Day"),
		h('2025-04-18', 'Good Friday'),
		h('2025-04-21', 'Easter Monday'),
		h('2025-05-05', 'Early May bank holiday'),
		h('2025-05-26', 'Spring bank holiday'),
		h('2025-08-25', 'Summer bank holiday'),
		h('2025-12-25', 'Christmas Day'),
		h('2025-12-26', 'Boxing Day'),
		h('2026-01-01', "New Year's Day"),
		h('2026-04-03', 'Good Friday'),
		h('2026-04-06', 'Easter Monday'),
		h('2026-05-04', 'Early May bank holiday'),
		h('2026-05-25', 'Spring bank holiday'),
		h('2026-08-31', 'Summer bank holiday'),
		h('2026-12-25', 'Christmas Day'),
		h('2026-12-28', 'Boxing Day (substitute day)'),
		h('2027-01-01', "New Year's Day"),
		h('2027-03-26', 'Good Friday'),
		h('2027-03-29', 'Easter Monday'),
		h('2027-05-03', 'Early May bank holiday'),
		h('2027-05-31', 'Spring bank holiday'),
		h('2027-08-30', 'Summer bank holiday'),
		h('2027-12-27', 'Christmas Day (substitute day)'),
		h('2027-12-28', 'Boxing Day (substitute day)'),
		h('2028-01-03', "New Year's Day (substitute day)"),
		h('2028-04-14', 'Good Friday'),
		h('2028-04-17', 'Easter Monday'),
		h('2028-05-01', 'Early May bank holiday'),
		h('2028-05-29', 'Spring bank holiday'),
		h('2028-08-28', 'Summer bank holiday'),
		h('2028-12-25', 'Christmas Day'),
		h('2028-12-26', 'Boxing Day')
	]
};

/**
 * Source: U.S. Office of Personnel Management, "Federal Holidays"
 * (https://www.opm.gov/policy-data-oversight/pay-leave/federal-holidays/), 5 U.S.C. 6103.
 * Observed dates: a Saturday holiday is observed the Friday before, a Sunday holiday the Monday after.
 */
export const US_FEDERAL_2025_2027: HolidayCalendar = {
	id: 'us-federal',
	name: 'US federal holidays (observed)',
	years: [2025, 2026, 2027, 2028],
	source: 'https://www.opm.gov/policy-data-oversight/pay-leave/federal-holidays/ (5 U.S.C. 6103)',
	holidays: [
		h('2025-01-01', "New Year's Day"),
		h('2025-01-20', 'Birthday of Martin Luther King, Jr.'),
		h('2025-02-17', "Washington's Birthday"),
		h('2025-05-26', 'Memorial Day'),
		h('2025-06-19', 'Juneteenth National Independence Day'),
		h('2025-07-04', 'Independence Day'),
		h('2025-09-01', 'Labor Day'),
		h('2025-10-13', 'Columbus Day'),
		h('2025-11-11', 'Veterans Day'),
		h('2025-11-27', 'Thanksgiving Day'),
		h('2025-12-25', 'Christmas Day'),
		h('2026-01-01', "New Year's Day"),
		h('2026-01-19', 'Birthday of Martin Luther King, Jr.'),
		h('2026-02-16', "Washington's Birthday"),
		h('2026-05-25', 'Memorial Day'),
		h('2026-06-19', 'Juneteenth National Independence Day'),
		h('2026-07-03', 'Independence Day (observed)'),
		h('2026-09-07', 'Labor Day'),
		h('2026-10-12', 'Columbus Day'),
		h('2026-11-11', 'Veterans Day'),
		h('2026-11-26', 'Thanksgiving Day'),
		h('2026-12-25', 'Christmas Day'),
		h('2027-01-01', "New Year's Day"),
		h('2027-01-18', 'Birthday of Martin Luther King, Jr.'),
		h('2027-02-15', "Washington's Birthday"),
		h('2027-05-31', 'Memorial Day'),
		h('2027-06-18', 'Juneteenth National Independence Day (observed)'),
		h('2027-07-05', 'Independence Day (observed)'),
		h('2027-09-06', 'Labor Day'),
		h('2027-10-11', 'Columbus Day'),
		h('2027-11-11', 'Veterans Day'),
		h('2027-11-25', 'Thanksgiving Day'),
		h('2027-12-24', 'Christmas Day (observed)'),
		h('2027-12-31', "New Year's Day 2028 (observed)"),
		h('2028-01-17', 'Birthday of Martin Luther King, Jr.'),
		h('2028-02-21', "Washington's Birthday"),
		h('2028-05-29', 'Memorial Day'),
		h('2028-06-19', 'Juneteenth National Independence Day'),
		h('2028-07-04', 'Independence Day'),
		h('2028-09-04', 'Labor Day'),
		h('2028-10-09', 'Columbus Day'),
		h('2028-11-10', 'Veterans Day (observed)'),
		h('2028-11-23', 'Thanksgiving Day'),
		h('2028-12-25', 'Christmas Day')
	]
};

/** Weekends only, for a location whose holidays the organisation does not observe or has not set. */
export const NO_HOLIDAYS: HolidayCalendar = {
	id: 'none',
	name: 'No public holidays (weekends only)',
	years: Array.from({ length: 100 }, (_, i) => 2000 + i),
	holidays: [],
	source: 'Chosen in Keel: no public holidays observed at this location'
};

/** Every calendar a location (People) or a pay schedule (Payroll) can choose. */
export const HOLIDAY_CALENDARS: readonly HolidayCalendar[] = [
	ENGLAND_AND_WALES_2025_2027,
	US_FEDERAL_2025_2027,
	NO_HOLIDAYS
];

export const holidayCalendarById = (id: string): HolidayCalendar | undefined =>
	HOLIDAY_CALENDARS.find((c) => c.id === id);
