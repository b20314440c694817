import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFileType, FILE_TYPE_SAMPLE_BYTES } from './file-type';

const enc = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (number[] | string)[]) =>
	new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...enc(p)] : p)));
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('checkFileType', () => {
	it('knows PDF, PNG, JPEG, GIF and WebP by their magic numbers', () => {
		expect(checkFileType(bytes('%PDF-1.7\n%âãÏÓ\n'))).toMatchObject({ kind: 'pdf', mime: 'application/pdf' });
		expect(checkFileType(bytes(PNG, [0, 0, 0, 13]))).toMatchObject({ kind: 'image', mime: 'image/png' });
		expect(checkFileType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toMatchObject({ mime: 'image/jpeg' });
		expect(checkFileType(bytes('GIF89a', [1, 0, 1, 0]))).toMatchObject({ mime: 'image/gif' });
		expect(checkFileType(bytes('GIF87a', [1, 0, 1, 0]))).toMatchObject({ mime: 'image/gif' });
		expect(checkFileType(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toMatchObject({ mime: 'image/webp' });
		// A RIFF that is not WebP (a WAV file) is binary and unknown.
		expect(checkFileType(bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ', [16, 0, 0, 0]))).toMatchObject({
			kind: 'unknown'
		});
	});

	it('takes UTF-8 text as plain text, with or without a byte-order mark', () => {
		expect(checkFileType(bytes('Notes: start on Monday.\r\n\tDesk 4'))).toMatchObject({
			kind: 'text',
			mime: 'text/plain;charset=utf-8'
		});
		expect(checkFileType(bytes([0xef, 0xbb, 0xbf], 'Zoë – café'))).toMatchObject({ kind: 'text' });
	});

	it('never takes HTML, SVG or XML for text, nor a name or a stated type for content', () => {
		for (const markup of [
			'<!doctype html><script>parent.pwned=1</script>',
			'\n  <svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
			'<?xml version="1.0"?><x/>',
			'\ufeff<html>'
		])
			expect(checkFileType(enc(markup)).kind).toBe('markup');
		// A PDF header later in the file does not make it a PDF.
		expect(checkFileType(bytes('<html>%PDF-1.4')).kind).toBe('markup');
		expect(checkFileType(bytes(' %PDF-1.4')).kind).toBe('text');
	});

	it('calls binary and broken text unknown', () => {
		expect(checkFileType(bytes([0x50, 0x4b, 0x03, 0x04, 20, 0]))).toMatchObject({ kind: 'unknown' }); // zip
		expect(checkFileType(bytes('abc', [0xc3, 0x28]))).toMatchObject({ kind: 'unknown' }); // bad UTF-8
		expect(checkFileType(bytes('abc', [0]))).toMatchObject({ kind: 'unknown' });
		expect(checkFileType(new Uint8Array())).toMatchObject({ kind: 'unknown' });
		// A truncated last character is bad in a whole file, fine where only the sample was cut.
		const cut = bytes('a'.repeat(FILE_TYPE_SAMPLE_BYTES - 1), [0xc3]);
		expect(checkFileType(cut).kind).toBe('unknown');
		expect(checkFileType(cut, FILE_TYPE_SAMPLE_BYTES + 1).kind).toBe('text');
	});

	it('fuzz: never throws, and whatever it allows starts with the signature or is text', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(10_000), (b, extra) => {
				const t = checkFileType(b, b.length + extra);
				if (t.kind === 'pdf') expect(String.fromCharCode(...b.subarray(0, 5))).toBe('%PDF-');
				if (t.kind === 'image') expect([0x89, 0xff, 0x47, 0x52]).toContain(b[0]);
				if (t.kind === 'text') {
					const s = new TextDecoder().decode(b);
					expect(
						s
							.replace(/^\ufeff/, '')
							.trimStart()
							.startsWith('<')
					).toBe(false);
					// eslint-disable-next-line no-control-regex
					expect(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(s)).toBe(false);
				}
			}),
			{ numRuns: 2000 }
		);
	});

	it('fuzz: any text that opens with markup is never text, whatever follows', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom(' ', '\n', '\t') }), fc.string(), (ws, rest) => {
				expect(checkFileType(enc(`${ws}<${rest}`)).kind).not.toBe('text');
			})
		);
	});
});
