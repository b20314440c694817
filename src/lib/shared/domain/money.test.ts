import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate, dec, parseDecimal, round, sum, toDecimalString } from './money';

describe('money', () => {
	it('parses only plain decimals', () => {
		expect(parseDecimal('1234.50')?.toFixed(2)).toBe('1234.50');
		expect(parseDecimal('-0.5')?.toFixed()).toBe('-0.5');
		for (const bad of ['1e3', '1,000', '', '.5', '1.', 'NaN', '--1'])
			expect(parseDecimal(bad)).toBeUndefined();
	});

	it('never prints negative zero or exponents', () => {
		expect(toDecimalString(dec('-0.001'), 2)).toBe('0.00');
		expect(toDecimalString(dec('1e-12'))).toBe('0.000000000001');
		expect(toDecimalString(dec('123456789012345678901234567890'))).toBe('123456789012345678901234567890');
	});

	it('refuses fractional JS numbers', () => {
		expect(() => dec(0.1)).toThrow(/fractional/);
	});

	it('rounds by the named rules', () => {
		expect(round.centsHalfUp(dec('2.345')).toFixed(2)).toBe('2.35');
		expect(round.centsHalfUp(dec('-2.345')).toFixed(2)).toBe('-2.35');
		expect(round.penceHalfDown(dec('2.345')).toFixed(2)).toBe('2.34');
		expect(round.penceHalfDown(dec('2.3451')).toFixed(2)).toBe('2.35');
		expect(round.penceDown(dec('2.349')).toFixed(2)).toBe('2.34');
		expect(round.poundsDown(dec('1234.99')).toFixed(0)).toBe('1234');
	});

	it('allocates by largest remainder so parts sum exactly', () => {
		expect(allocate(dec('100.00'), [dec(1), dec(1), dec(1)]).map((d) => d.toFixed(2))).toEqual([
			'33.34',
			'33.33',
			'33.33'
		]);
		fc.assert(
			fc.property(
				fc.bigInt({ min: -10_000_000n, max: 10_000_000n }),
				fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 }),
				(cents, weights) => {
					const total = dec(cents.toString()).dividedBy(100);
					const parts = allocate(
						total,
						weights.map((w) => dec(w))
					);
					expect(sum(parts).equals(total)).toBe(true);
					for (const p of parts) expect(p.decimalPlaces()).toBeLessThanOrEqual(2);
				}
			)
		);
	});
});
