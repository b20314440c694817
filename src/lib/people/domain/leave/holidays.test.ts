// Golden check: the holiday data must agree with the statutory rules computed independently here.
import { describe, expect, it } from 'vitest';
import { addDays, daysInMonth, isoDate, isoWeekday, type IsoDate } from '../../../shared/domain';
import { ENGLAND_AND_WALES_2025_2027, US_FEDERAL_2025_2027 } from './holidays';
import { isWorkingDay } from './calendar';
import { calendars } from './leave-fixtures';

/** Easter Sunday, anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easter(y: number): IsoDate {
	const a = y % 19,
		b = Math.floor(y / 100),
		c = y % 100,
		dd = Math.floor(b / 4),
		e = b % 4;
	const f = Math.floor((b + 8) / 25),
		g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - dd - g + 15) % 30,
		i = Math.floor(c / 4),
		k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7,
		m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31),
		day = ((h + l - 7 * m + 114) % 31) + 1;
	return isoDate(y, month, day);
}
/** nth (1-based) Monday..Sunday (0..6) of a month; n = -1 for the last. */
function nth(y: number, month: number, weekday: number, n: number): IsoDate {
	if (n > 0) {
		const first = isoDate(y, month, 1);
		return addDays(first, ((weekday - isoWeekday(first) + 7) % 7) + 7 * (n - 1));
	}
	const last = isoDate(y, month, daysInMonth(y, month));
	return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
}
/** Nearest weekday rule for US federal holidays: Saturday → Friday, Sunday → Monday. */
function observedUs(date: IsoDate): IsoDate {
	const w = isoWeekday(date);
	return w === 5 ? addDays(date, -1) : w === 6 ? addDays(date, 1) : date;
}
/** E&W: a weekend holiday moves to the next weekday not already a holiday. */
function substituteAll(dates: IsoDate[]): IsoDate[] {
	const taken = new Set<string>();
	return dates.map((date) => {
		let out = date;
		while (isoWeekday(out) >= 5 || taken.has(out)) out = addDays(out, 1);
		taken.add(out);
		return out;
	});
}

describe('England and Wales bank holidays match the rules', () => {
	for (const y of [2025, 2026, 2027, 2028]) {
		it(`${y}`, () => {
			const e = easter(y);
			const expected = [
				...substituteAll([isoDate(y, 1, 1)]),
				addDays(e, -2),
				addDays(e, 1),
				nth(y, 5, 0, 1),
				nth(y, 5, 0, -1),
				nth(y, 8, 0, -1),
				...substituteAll([isoDate(y, 12, 25), isoDate(y, 12, 26)])
			].sort();
			const listed = ENGLAND_AND_WALES_2025_2027.holidays
				.filter((h) => h.date.startsWith(String(y)))
				.map((h) => h.date);
			expect(listed).toEqual(expected);
		});
	}
});

describe('US federal holidays match 5 U.S.C. 6103', () => {
	for (const y of [2025, 2026, 2027, 2028]) {
		it(`${y}`, () => {
			const expected = [
				observedUs(isoDate(y, 1, 1)),
				nth(y, 1, 0, 3),
				nth(y, 2, 0, 3),
				nth(y, 5, 0, -1),
				observedUs(isoDate(y, 6, 19)),
				observedUs(isoDate(y, 7, 4)),
				nth(y, 9, 0, 1),
				nth(y, 10, 0, 2),
				observedUs(isoDate(y, 11, 11)),
				nth(y, 11, 3, 4),
				observedUs(isoDate(y, 12, 25)),
				observedUs(isoDate(y + 1, 1, 1))
			]
				.filter((date) => date.startsWith(String(y)))
				.sort();
			const listed = US_FEDERAL_2025_2027.holidays
				.filter((h) => h.date.startsWith(String(y)))
				.map((h) => h.date);
			expect(listed).toEqual([...new Set(expected)]);
		});
	}
	it('every listed holiday is a weekday', () => {
		for (const h of [...US_FEDERAL_2025_2027.holidays, ...ENGLAND_AND_WALES_2025_2027.holidays])
			expect(isoWeekday(h.date), h.date).toBeLessThan(5);
	});
});

describe('isWorkingDay', () => {
	it('excludes weekends and the location holidays only', () => {
		expect(isWorkingDay('2025-07-04' as IsoDate, 'nyc', calendars)).toEqual({ ok: true, value: false });
		expect(isWorkingDay('2025-07-04' as IsoDate, 'london', calendars)).toEqual({ ok: true, value: true });
		expect(isWorkingDay('2025-07-05' as IsoDate, 'london', calendars)).toEqual({ ok: true, value: false });
	});
});
