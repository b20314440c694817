// Business dates are ISO `YYYY-MM-DD` strings, compared as text and computed in UTC so that no
// time zone can move a date. Instants are ISO timestamps in UTC.

export type IsoDate = string & { readonly __brand: 'IsoDate' };

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month1to12: number): number {
	return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month1to12 - 1] ?? 0;
}

/** Returns the date if `text` is a real calendar date in ISO form, else undefined. */
export function parseIsoDate(text: string): IsoDate | undefined {
	const m = ISO_DATE_RE.exec(text);
	if (!m) return undefined;
	const y = Number(m[1]);
	const mo = Number(m[2]);
	const d = Number(m[3]);
	if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
	return text as IsoDate;
}

export function isoDate(year: number, month1to12: number, day: number): IsoDate {
	const text = `${String(year).padStart(4, '0')}-${String(month1to12).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	const parsed = parseIsoDate(text);
	if (!parsed) throw new Error(`isoDate(): ${text} is not a calendar date`);
	return parsed;
}

export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
	return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

const DAY_MS = 86_400_000;

export function toEpochDay(date: IsoDate): number {
	const { year, month, day } = dateParts(date);
	return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function fromEpochDay(epochDay: number): IsoDate {
	return new Date(epochDay * DAY_MS).toISOString().slice(0, 10) as IsoDate;
}

export function addDays(date: IsoDate, days: number): IsoDate {
	return fromEpochDay(toEpochDay(date) + days);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
	return toEpochDay(to) - toEpochDay(from);
}

/** Adds calendar months, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
	const { year, month, day } = dateParts(date);
	const index = year * 12 + (month - 1) + months;
	const y = Math.floor(index / 12);
	const m = (index % 12) + 1;
	return isoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Day of week, 0 = Monday … 6 = Sunday (ISO). */
export function isoWeekday(date: IsoDate): number {
	return (((toEpochDay(date) + 3) % 7) + 7) % 7;
}

export function todayUtc(now: Date = new Date()): IsoDate {
	return now.toISOString().slice(0, 10) as IsoDate;
}

export function compareDates(a: IsoDate, b: IsoDate): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
