import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareOrder, isValidKey, keyBetween, keyForPosition, keysBetween, randomSalt } from './ordering';

describe('isValidKey', () => {
	it('accepts keys made here and rejects malformed ones', () => {
		for (const k of ['a0', 'a1', 'Zz', 'b00', 'a0V', 'Yzz']) expect(isValidKey(k)).toBe(true);
		for (const k of ['', 'a', 'b0', 'a00', 'a0V0', '0', 'a-', 'A' + '0'.repeat(26), 'a 1', '~a']) {
			expect(isValidKey(k)).toBe(false);
		}
	});
});

describe('keyBetween', () => {
	it('makes known keys', () => {
		expect(keyBetween(null, null)).toBe('a0');
		expect(keyBetween('a0', null)).toBe('a1');
		expect(keyBetween(null, 'a0')).toBe('Zz');
		expect(keyBetween('az', null)).toBe('b00');
		expect(keyBetween(null, 'b00')).toBe('az');
		expect(keyBetween('Zz', null)).toBe('a0');
		expect(keyBetween('a0', 'a1')).toBe('a0V');
		expect(keyBetween('a0', 'a0V')).toBe('a0G');
	});
	it('rejects neighbours out of order or malformed', () => {
		expect(() => keyBetween('a1', 'a0')).toThrow();
		expect(() => keyBetween('a1', 'a1')).toThrow();
		expect(() => keyBetween('a00', null)).toThrow();
	});

	it('stays strictly between neighbours for random insert sequences', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.nat(), fc.option(fc.string({ maxLength: 4 }), { nil: undefined })), {
					minLength: 1,
					maxLength: 200
				}),
				(ops) => {
					const keys: string[] = [];
					for (const [pick, salt] of ops) {
						const at = pick % (keys.length + 1);
						const a = keys[at - 1] ?? null;
						const b = keys[at] ?? null;
						const k = keyBetween(a, b, salt);
						if (!isValidKey(k)) return false;
						if (a !== null && !(a < k)) return false;
						if (b !== null && !(k < b)) return false;
						keys.splice(at, 0, k);
					}
					return keys.every((k, i) => i === 0 || (keys[i - 1] ?? '') < k);
				}
			),
			{ numRuns: 2000 }
		);
	});

	it('gives distinct keys to two replicas inserting between the same neighbours', () => {
		fc.assert(
			fc.property(fc.array(fc.nat(), { minLength: 2, maxLength: 40 }), fc.nat(), (picks, at) => {
				const keys: string[] = [];
				for (const p of picks) {
					const i = p % (keys.length + 1);
					keys.splice(i, 0, keyBetween(keys[i - 1] ?? null, keys[i] ?? null));
				}
				const i = at % (keys.length + 1);
				const a = keys[i - 1] ?? null;
				const b = keys[i] ?? null;
				const x = keyBetween(a, b, 'replica-1');
				const y = keyBetween(a, b, 'replica-2');
				return x !== y && [x, y].every((k) => (a === null || a < k) && (b === null || k < b));
			}),
			{ numRuns: 1000 }
		);
	});

	it('keeps keys short under repeated insertion at the front, back and middle', () => {
		let first = keyBetween(null, null);
		let last = first;
		for (let i = 0; i < 10_000; i++) {
			first = keyBetween(null, first);
			last = keyBetween(last, null);
		}
		expect(first.length).toBeLessThanOrEqual(4);
		expect(last.length).toBeLessThanOrEqual(4);
		let lo = 'a0';
		const hi = 'a1';
		for (let i = 0; i < 1000; i++) lo = keyBetween(lo, hi);
		// Always halving the same gap costs about 1 character per 6 inserts (log2 62 ≈ 5.95 bits).
		expect(lo.length).toBeLessThanOrEqual(2 + Math.ceil(1000 / 5));
		let mid = 'a1';
		for (let i = 0; i < 1000; i++) mid = keyBetween('a0', mid);
		expect(mid.length).toBeLessThanOrEqual(2 + Math.ceil(1000 / 5));
	});

	it('keeps salted keys short (one suffix, not one per insert)', () => {
		let last = keyBetween(null, null);
		for (let i = 0; i < 500; i++) last = keyBetween(last, null, `r${i}`);
		expect(last.length).toBeLessThanOrEqual(2 + 5 + 5);
	});
});

describe('keysBetween', () => {
	it('returns n ascending keys inside the gap', () => {
		fc.assert(
			fc.property(
				fc.nat({ max: 60 }),
				fc.nat({ max: 3 }),
				fc.option(fc.string({ maxLength: 3 }), { nil: undefined }),
				(n, shape, salt) => {
					const bounds: [string | null, string | null][] = [
						[null, null],
						['a0', null],
						[null, 'a0'],
						['a0', 'a1']
					];
					const [a, b] = bounds[shape] ?? [null, null];
					const keys = keysBetween(a, b, n, salt);
					if (keys.length !== n) return false;
					const all = [a, ...keys, b].filter((k): k is string => k !== null);
					return keys.every(isValidKey) && all.every((k, i) => i === 0 || (all[i - 1] ?? '') < k);
				}
			),
			{ numRuns: 500 }
		);
	});
	it('spreads middle keys so none is much longer than log62(n)', () => {
		const keys = keysBetween('a0', 'a1', 1000);
		expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(2 + 12);
	});
});

describe('compareOrder', () => {
	it('breaks equal keys by id and is a total order', () => {
		const items = [
			{ order: 'a1', id: 'b' },
			{ order: 'a1', id: 'a' },
			{ order: 'a0', id: 'z' },
			{ order: 'Zz', id: 'm' }
		];
		const sorted = [...items].sort(compareOrder).map((x) => x.id);
		expect(sorted).toEqual(['m', 'z', 'a', 'b']);
		expect(
			[...items]
				.reverse()
				.sort(compareOrder)
				.map((x) => x.id)
		).toEqual(sorted);
	});
	it('uses code-unit order, not locale order', () => {
		expect(compareOrder({ order: 'aZ', id: '' }, { order: 'aa', id: '' })).toBeLessThan(0);
		expect(compareOrder({ order: 'a0', id: 'B' }, { order: 'a0', id: 'a' })).toBeLessThan(0);
	});
});

describe('keyForPosition', () => {
	it('puts an item after a block of tied keys rather than inside it', () => {
		const siblings = [
			{ order: 'a0', id: '1' },
			{ order: 'a1', id: '2' },
			{ order: 'a1', id: '3' },
			{ order: 'a2', id: '4' }
		];
		const k = keyForPosition(siblings, 2);
		expect(k > 'a1' && k < 'a2').toBe(true);
		expect(keyForPosition(siblings, 0) < 'a0').toBe(true);
		expect(keyForPosition(siblings, 99) > 'a2').toBe(true);
		const r = keyForPosition(
			siblings,
			1,
			randomSalt(() => 0.5)
		);
		expect(r > 'a0' && r < 'a1').toBe(true);
	});
});
