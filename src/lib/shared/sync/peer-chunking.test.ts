import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fragment, reassemble } from './peer-chunking';

describe('data-channel fragmentation', () => {
	it('leaves small messages alone', () => {
		const m = new Uint8Array([0, 1, 2]);
		expect(fragment(m, 1, 16)).toEqual([m]);
		expect(reassemble(new Map(), m)).toBe(m);
	});

	it('reassembles any message from fragments delivered in order, with others interleaved', () => {
		fc.assert(
			fc.property(
				fc.uint8Array({ minLength: 0, maxLength: 5000 }),
				fc.integer({ min: 8, max: 700 }),
				(bytes, size) => {
					const message = new Uint8Array([0, ...bytes]); // y-webrtc messages start with a small type byte
					const frames = fragment(message, 7, size);
					const other = fragment(new Uint8Array([1, ...bytes.slice(0, 900)]), 8, size);
					const parts = new Map();
					const out: Uint8Array[] = [];
					const maxLen = Math.max(frames.length, other.length);
					for (let i = 0; i < maxLen; i++) {
						for (const f of [frames[i], other[i]]) {
							if (!f) continue;
							const whole = reassemble(parts, f);
							if (whole) out.push(whole);
						}
					}
					expect(out).toContainEqual(message);
					expect(parts.size).toBe(0);
					for (const f of frames) expect(f.byteLength).toBeLessThanOrEqual(size + 13);
				}
			)
		);
	});

	it('drops malformed fragments instead of throwing', () => {
		const bad = new Uint8Array(13);
		bad[0] = 0xff; // count 0
		expect(reassemble(new Map(), bad)).toBeNull();
	});
});
