import { describe, expect, it } from 'vitest';
import { Dec, round } from './money';
import { formatDecimal, formatMoney, isNumberLocale, NUMBER_LOCALES } from './money-format';
import { minorUnits } from './currency';

describe('formatMoney: one display format for every screen', () => {
	it('keeps en-US output as Books has always shown it', () => {
		expect(formatMoney('5000', 'USD')).toBe('5,000.00 USD');
		expect(formatMoney('-10', '$')).toBe('$-10.00');
		expect(formatMoney('1234.5', '€')).toBe('€1,234.50');
		expect(formatMoney('5', 'ABC 1')).toBe('5 "ABC 1"');
		expect(formatMoney('1234.5', '')).toBe('1,234.5');
	});

	it('groups and marks by locale', () => {
		const shown = (locale: string) => formatDecimal('1234567.89', { locale });
		expect(shown('en-US')).toBe('1,234,567.89');
		expect(shown('en-GB')).toBe('1,234,567.89');
		expect(shown('de-DE')).toBe('1.234.567,89');
		// French groups with a narrow no-break space (U+202F).
		expect(shown('fr-FR')).toBe('1\u202f234\u202f567,89');
		expect(shown('en-IN')).toBe('12,34,567.89');
		expect(formatMoney('1234.56', 'EUR', 'de-DE')).toBe('1.234,56 EUR');
		for (const { code } of NUMBER_LOCALES) expect(isNumberLocale(code)).toBe(true);
		expect(isNumberLocale('xx-nope')).toBe(false);
	});

	it('shows negative amounts with their sign, and zero without one', () => {
		expect(formatMoney('-1234.5', 'USD')).toBe('-1,234.50 USD');
		expect(formatMoney('-1234.5', 'USD', 'de-DE')).toBe('-1.234,50 USD');
		expect(formatMoney('-0.00', 'USD')).toBe('0.00 USD');
		expect(formatMoney('-0.5', '£', 'en-GB')).toBe('£-0.50');
	});

	it('pads to the currency minor unit from Intl: none for JPY, three for BHD', () => {
		expect(minorUnits('JPY')).toBe(0);
		expect(minorUnits('USD')).toBe(2);
		expect(minorUnits('BHD')).toBe(3);
		expect(minorUnits('shares')).toBe(0);
		expect(formatMoney('1500', 'JPY')).toBe('1,500 JPY');
		expect(formatMoney('1500', 'JPY', 'de-DE')).toBe('1.500 JPY');
		expect(formatMoney('1.5', 'BHD')).toBe('1.500 BHD');
	});

	it('formats big values exactly, never through a float', () => {
		// 12345678901234567.89 as a JS number is 12345678901234568.
		expect(formatMoney('12345678901234567.89', 'USD')).toBe('12,345,678,901,234,567.89 USD');
		expect(formatMoney('-98765432109876543210.01', 'EUR', 'de-DE')).toBe(
			'-98.765.432.109.876.543.210,01 EUR'
		);
		expect(formatDecimal('0.1')).toBe('0.1');
	});

	it('keeps places written beyond the minor unit, even past Intl’s 20-digit limit', () => {
		expect(formatMoney('1234.5678', 'USD')).toBe('1,234.5678 USD');
		expect(formatMoney('0.125', 'JPY')).toBe('0.125 JPY');
		const long = '1234.1234567890123456789012345';
		expect(formatDecimal(long)).toBe('1,234.1234567890123456789012345');
		expect(formatDecimal(`-${long}`, { locale: 'de-DE' })).toBe('-1.234,1234567890123456789012345');
	});

	it('leaves text that is not a decimal alone, and can skip grouping', () => {
		expect(formatDecimal('n/a')).toBe('n/a');
		expect(formatDecimal('1234.5', { grouping: false, minPlaces: 2 })).toBe('1234.50');
	});
});

describe('round: the one rounding API', () => {
	it('rounds half up, half even, down and to a currency’s minor unit', () => {
		expect(round.halfUp(new Dec('2.345'), 2).toFixed()).toBe('2.35');
		expect(round.halfEven(new Dec('2.345'), 2).toFixed()).toBe('2.34');
		expect(round.halfEven(new Dec('2.355'), 2).toFixed()).toBe('2.36');
		expect(round.down(new Dec('-2.349'), 2).toFixed()).toBe('-2.34');
		expect(round.toMinorUnits(new Dec('1234.5'), 'JPY').toFixed()).toBe('1235');
		expect(round.toMinorUnits(new Dec('1234.5'), 'JPY', 'halfEven').toFixed()).toBe('1234');
		expect(round.toMinorUnits(new Dec('1.2345'), 'BHD').toFixed()).toBe('1.235');
		expect(round.toMinorUnits(new Dec('-1.005'), 'USD').toFixed()).toBe('-1.01');
	});
});
