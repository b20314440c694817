// Canonical JSON is what every signature and audit hash is taken over, so its faster build
// (canonicalWithout: concatenation, sorting only unsorted keys) must write exactly the text of its
// definition for any JSON-like value: here checked against that definition, written out plainly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalWithout } from './audit';

/** The definition, as it was first written. */
function byDefinition(x: unknown): string {
	if (Array.isArray(x)) return `[${x.map(byDefinition).join(',')}]`;
	if (x !== null && typeof x === 'object') {
		const o = x as Record<string, unknown>;
		return `{${Object.keys(o)
			.filter((k) => o[k] !== undefined)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${byDefinition(o[k])}`)
			.join(',')}}`;
	}
	return JSON.stringify(x) ?? 'null';
}

const key = fc.oneof(fc.string(), fc.constantFrom('10', '9', '0', 'seal', 'a', 'B', 'é', '\u{1F600}'));
const value = fc.letrec((tie) => ({
	leaf: fc.oneof(
		fc.string(),
		fc.integer(),
		fc.double(),
		fc.boolean(),
		fc.constant(null),
		fc.constant(undefined),
		fc.constant(-0)
	),
	node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('array'), tie('object')),
	array: fc.array(tie('node'), { maxLength: 5 }),
	object: fc.dictionary(key, tie('node'), { maxKeys: 6 })
})).node;

describe('canonicalJson', () => {
	it('writes exactly the text of its definition, whatever the value', () => {
		fc.assert(
			fc.property(value, (x) => {
				expect(canonicalJson(x)).toBe(byDefinition(x));
			}),
			{ numRuns: 2000 }
		);
	});

	it('leaves out only the top-level key it is told to, and keeps holes and undefined elements apart', () => {
		fc.assert(
			fc.property(fc.dictionary(key, value, { maxKeys: 6 }), (o) => {
				const { seal: _seal, ...rest } = o;
				expect(canonicalWithout(o, 'seal')).toBe(byDefinition(rest));
			}),
			{ numRuns: 1000 }
		);
		// eslint-disable-next-line no-sparse-arrays
		expect(canonicalJson([1, , undefined, 3])).toBe(byDefinition([1, , undefined, 3]));
		expect(canonicalWithout({ a: { seal: 1 }, seal: 2 }, 'seal')).toBe('{"a":{"seal":1}}');
	});
});
