// The exact core agrees with decimal.js: random decimals, small (JS number units) and huge (BigInt
// units), added, multiplied and rounded by every named mode, print the same digits both ways.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import {
	divRound,
	divRoundBig,
	formatUnits,
	formatUnitsTrimmed,
	readDecimal,
	rescaleUnits,
	scanDecimal,
	scanned,
	type RoundingMode
} from './exact';
import {
	addDecimals,
	compareDecimals,
	multiplyDecimals,
	roundDecimal,
	subtractDecimals,
	sumDecimals
} from './exact-sum';
import { Dec, decToUnits, round, roundDec } from './money';

/** Arbitrary-precision reference, wide enough that it never rounds these inputs itself. */
const Ref = Decimal.clone({ precision: 200, toExpNeg: -200, toExpPos: 200 });

const MODES: Record<RoundingMode, Decimal.Rounding> = {
	halfUp: Decimal.ROUND_HALF_UP,
	halfDown: Decimal.ROUND_HALF_DOWN,
	halfEven: Decimal.ROUND_HALF_EVEN,
	down: Decimal.ROUND_DOWN,
	up: Decimal.ROUND_UP,
	floor: Decimal.ROUND_FLOOR,
	ceil: Decimal.ROUND_CEIL
};
const mode = fc.constantFrom(...(Object.keys(MODES) as RoundingMode[]));

/** A plain decimal string: up to `whole` integer digits and `frac` decimals, sometimes negative. */
const decimalText = (whole: number, frac: number) =>
	fc
		.tuple(
			fc.boolean(),
			fc.stringMatching(new RegExp(`^[0-9]{1,${whole}}$`)),
			fc.stringMatching(new RegExp(`^[0-9]{0,${frac}}$`))
		)
		.map(([neg, w, f]) => `${neg ? '-' : ''}${w}${f ? `.${f}` : ''}`);
const small = decimalText(8, 6);
const huge = decimalText(30, 12);
const any = fc.oneof(small, huge);

/** decimal.js's exact text without "-0", the form the core prints. */
const plain = (d: Decimal, places?: number): string => {
	const t = places === undefined ? d.toFixed() : d.toFixed(places);
	return /^-0(\.0+)?$/.test(t) ? t.slice(1) : t;
};

describe('exact core', () => {
	it('reads and prints decimals back exactly', () => {
		fc.assert(
			fc.property(any, (t) => {
				expect(scanDecimal(t)).toBe(true);
				const units = scanned.big ?? scanned.units;
				expect(formatUnitsTrimmed(units, scanned.scale)).toBe(plain(new Ref(t)));
			})
		);
		for (const bad of ['', '-', '1.', '1e3', '1,000', ' 1', '+1', '1.2.3'])
			expect(scanDecimal(bad)).toBe(false);
	});

	it('adds and subtracts like decimal.js', () => {
		fc.assert(
			fc.property(any, any, (a, b) => {
				expect(new Ref(addDecimals(a, b)).eq(new Ref(a).plus(b))).toBe(true);
				expect(new Ref(subtractDecimals(a, b)).eq(new Ref(a).minus(b))).toBe(true);
				expect(compareDecimals(a, b)).toBe(new Ref(a).comparedTo(b));
			})
		);
		fc.assert(
			fc.property(fc.array(any, { maxLength: 40 }), (xs) => {
				const want = xs.reduce((s, x) => s.plus(x), new Ref(0));
				expect(new Ref(sumDecimals(xs)).eq(want)).toBe(true);
			})
		);
	});

	it('multiplies like decimal.js', () => {
		fc.assert(
			fc.property(any, any, (a, b) => {
				expect(plain(new Ref(multiplyDecimals(a, b)))).toBe(plain(new Ref(a).times(b)));
			})
		);
	});

	it('rounds like decimal.js in every named mode', () => {
		fc.assert(
			fc.property(any, fc.integer({ min: 0, max: 8 }), mode, (t, places, m) => {
				const want = plain(new Ref(t).toDecimalPlaces(places, MODES[m]), places);
				expect(roundDecimal(t, places, m)).toBe(want);
			})
		);
	});

	it('divides and rescales integers with the same rounding, number and BigInt alike', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -(2 ** 52), max: 2 ** 52 }),
				fc.integer({ min: 1, max: 10 ** 6 }),
				mode,
				(n, d, m) => {
					const want = new Ref(n).dividedBy(d).toDecimalPlaces(0, MODES[m]);
					expect(plain(new Ref(divRound(n, d, m)))).toBe(plain(want));
					expect(divRoundBig(BigInt(n), BigInt(d), m).toString()).toBe(plain(want));
				}
			)
		);
		fc.assert(
			fc.property(
				fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
				fc.integer({ min: 0, max: 6 }),
				mode,
				(n, k, m) => {
					const want = new Ref(formatUnits(n, 6)).toDecimalPlaces(6 - k, MODES[m]);
					expect(formatUnits(rescaleUnits(n, 6, 6 - k, m), 6 - k)).toBe(plain(want, 6 - k));
				}
			)
		);
	});

	it("keeps money.ts's decimal.js rounding API exactly as decimal.js had it", () => {
		fc.assert(
			fc.property(any, fc.integer({ min: 0, max: 6 }), mode, (t, places, m) => {
				const v = new Dec(t);
				const got = roundDec(v, places, m);
				const want = v.toDecimalPlaces(places, MODES[m]);
				expect(got.toFixed(places)).toBe(want.toFixed(places));
				expect(got.eq(want)).toBe(true);
				// decimal.js keeps a negative zero's sign (isNegative, and toFixed() without places on -0.004 + 0.004).
				expect(got.isNegative()).toBe(want.isNegative());
			})
		);
		expect(round.centsHalfUp(new Dec('-0.004')).isNegative()).toBe(true);
		expect(round.centsHalfUp(new Dec('-0.004')).isZero()).toBe(true);
		expect(round.penceHalfDown(new Dec('1.005')).toFixed()).toBe('1');
		expect(round.toMinorUnits(new Dec('2.5'), 'JPY', 'halfEven').toFixed()).toBe('2');
		expect(round.halfUp(new Dec('NaN'), 2).isNaN()).toBe(true);
	});

	it('turns decimal.js values into units only when exact and safe', () => {
		expect(decToUnits(new Dec('12.34'), 2)).toBe(1234);
		expect(decToUnits(new Dec('0.0185'), 4)).toBe(185);
		expect(decToUnits(new Dec('12.345'), 2)).toBeUndefined();
		expect(decToUnits(new Dec('1e20'), 2)).toBeUndefined();
		fc.assert(
			fc.property(small, (t) => {
				// Units carry no sign of zero: "-0.0" is 0 units, as decimal.js's -0 compares equal.
				expect(decToUnits(new Dec(t), 6)).toBe(new Ref(t).times(1e6).toNumber() + 0);
			})
		);
	});

	it('reads payroll figures with the places it allows', () => {
		expect(readDecimal(' 12.5 ', { trim: true, places: 2 })).toEqual({ n: 125, scale: 1, negative: false });
		expect(readDecimal('-0', { trim: false, places: 2 })).toEqual({ n: 0, scale: 0, negative: true });
		expect(readDecimal('1.234', { trim: false, places: 2 })).toBe('places');
		expect(readDecimal('12345678901234', { trim: false, places: 2 })).toBe('large');
		expect(readDecimal('1e3', { trim: false, places: 2 })).toBe('bad');
	});
});
