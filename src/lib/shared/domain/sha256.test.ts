// The pure SHA-256 agrees with FIPS 180-4's examples and with Node's own on random inputs of every
// length around the padding boundaries.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seededRandom } from './random';
import { sha256Base64Url, sha256Bytes, sha256Hex } from './sha256';

describe('sha256', () => {
	it('FIPS 180-4 examples', () => {
		expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
		expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
			'248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'
		);
	});

	it('matches node:crypto on random bytes of lengths 0 to 300', () => {
		const random = seededRandom(11);
		for (let n = 0; n <= 300; n++) {
			const bytes = new Uint8Array(n).map(() => Math.floor(random() * 256));
			expect(sha256Bytes(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
		}
	});

	it('hashes text as UTF-8', () => {
		const text = 'Tax tables — £ and € 2027-28';
		expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
	});

	it('gives the same digest as URL-safe base64, for texts of every length around the block boundaries', () => {
		const random = seededRandom(12);
		const alphabet = [...'ab€£\u{1F600}z"\\\n'];
		for (let n = 0; n <= 200; n++) {
			let text = '';
			for (let i = 0; i < n; i++) text += alphabet[Math.floor(random() * alphabet.length)];
			const want = createHash('sha256').update(text, 'utf8').digest();
			expect(sha256Base64Url(text)).toBe(want.toString('base64url'));
			expect(sha256Hex(text)).toBe(want.toString('hex'));
		}
	});

	it('is unaffected by what it hashed before (a long text, then a short one) and hashes megabytes', () => {
		const long = 'x'.repeat(3_000_000) + '€';
		expect(sha256Hex(long)).toBe(createHash('sha256').update(long, 'utf8').digest('hex'));
		const mid = 'y'.repeat(70_000);
		expect(sha256Hex(mid)).toBe(createHash('sha256').update(mid, 'utf8').digest('hex'));
		expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		const bytes = new Uint8Array(100).fill(7);
		expect(sha256Bytes(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
	});
});
