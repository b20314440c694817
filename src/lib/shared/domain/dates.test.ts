import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, isoWeekday, parseIsoDate } from './dates';

const d = (s: string) => {
	const v = parseIsoDate(s);
	if (!v) throw new Error(s);
	return v;
};

describe('dates', () => {
	it('accepts only real calendar dates', () => {
		expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
		expect(parseIsoDate('2023-02-29')).toBeUndefined();
		expect(parseIsoDate('1900-02-29')).toBeUndefined();
		expect(parseIsoDate('2000-02-29')).toBe('2000-02-29');
		expect(parseIsoDate('2024-13-01')).toBeUndefined();
		expect(parseIsoDate('24-01-01')).toBeUndefined();
	});
	it('adds months clamping to month end', () => {
		expect(addMonths(d('2024-01-31'), 1)).toBe('2024-02-29');
		expect(addMonths(d('2023-01-31'), 1)).toBe('2023-02-28');
		expect(addMonths(d('2023-12-15'), 1)).toBe('2024-01-15');
		expect(addMonths(d('2024-03-31'), -1)).toBe('2024-02-29');
		expect(addMonths(d('2024-02-29'), 12)).toBe('2025-02-28');
	});
	it('counts days across leap years', () => {
		expect(daysBetween(d('2024-02-28'), d('2024-03-01'))).toBe(2);
		expect(addDays(d('2023-12-31'), 1)).toBe('2024-01-01');
		expect(isoWeekday(d('2026-11-23'))).toBe(0); // a Monday
	});
});
