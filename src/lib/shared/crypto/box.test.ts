// Sealed boxes round-trip for their recipient only, under their context only, and refuse any change.
import { describe, expect, it } from 'vitest';
import { generateBoxKey, openBox, sealBox } from './box';

describe('box', () => {
	it('opens for its recipient under the same context, and for nobody else', async () => {
		const bea = await generateBoxKey();
		const cat = await generateBoxKey();
		expect(bea.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
		expect(bea.privateKey.extractable).toBe(false);
		const box = await sealBox(bea.publicKey, 'new secrets', 'ctx-1');
		expect(await openBox(bea, box, 'ctx-1')).toBe('new secrets');
		expect(await openBox(cat, box, 'ctx-1')).toBeNull();
		expect(await openBox(bea, box, 'ctx-2')).toBeNull();
		const again = await sealBox(bea.publicKey, 'new secrets', 'ctx-1');
		expect(again.epk).not.toBe(box.epk);
		expect(again.iv).not.toBe(box.iv);
	});
	it('refuses a changed ciphertext, IV or ephemeral key without throwing', async () => {
		const bea = await generateBoxKey();
		const other = await generateBoxKey();
		const box = await sealBox(bea.publicKey, 'x'.repeat(40), 'c');
		const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
		expect(await openBox(bea, { ...box, ct: flip(box.ct) }, 'c')).toBeNull();
		expect(await openBox(bea, { ...box, iv: flip(box.iv) }, 'c')).toBeNull();
		expect(await openBox(bea, { ...box, epk: other.publicKey }, 'c')).toBeNull();
		expect(await openBox(bea, { ...box, epk: 'not a key' }, 'c')).toBeNull();
	});
});
