// What a document's bytes say it is, never what its name or the uploader's stated type says: the
// magic numbers of PDF, PNG, JPEG, GIF and WebP, or UTF-8 plain text that is not markup. Anything
// else (HTML, SVG, XML, scripts, archives, unknown bytes) is `unknown`, and is never rendered.

/** A checked file kind and the one MIME type a preview may give its bytes. */
export type CheckedFileType =
	| { readonly kind: 'pdf'; readonly mime: 'application/pdf'; readonly label: 'PDF' }
	| {
			readonly kind: 'image';
			readonly mime: 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';
			readonly label: 'PNG image' | 'JPEG image' | 'GIF image' | 'WebP image';
	  }
	| { readonly kind: 'text'; readonly mime: 'text/plain;charset=utf-8'; readonly label: 'plain text' }
	| { readonly kind: 'markup'; readonly label: 'web page or drawing (HTML, SVG or XML)' }
	| { readonly kind: 'unknown'; readonly label: 'unknown' };

/** How many leading bytes `checkFileType` looks at (callers may pass more; the rest is ignored). */
export const FILE_TYPE_SAMPLE_BYTES = 64 * 1024;

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean =>
	bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const PDF = ascii('%PDF-');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = ascii('GIF87a');
const GIF89 = ascii('GIF89a');
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Control characters other than tab, line feed, form feed and carriage return mark a binary file. */
// eslint-disable-next-line no-control-regex
const BINARY_CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;
/** Text that a browser would treat as markup if it were ever given a markup type. */
const MARKUP_START = /^\s*</;

/**
 * The kind of file whose first bytes are `head` (at least FILE_TYPE_SAMPLE_BYTES of them, or the
 * whole file) and whose size is `sizeBytes`. Text must be valid UTF-8 (a character cut where the
 * sample ends is allowed) with no binary control characters, and must not open with `<` (HTML, SVG
 * and XML can carry scripts; they are offered as downloads only).
 */
export function checkFileType(head: Uint8Array, sizeBytes: number = head.length): CheckedFileType {
	const bytes = head;
	if (startsWith(bytes, PDF)) return { kind: 'pdf', mime: 'application/pdf', label: 'PDF' };
	if (startsWith(bytes, PNG)) return { kind: 'image', mime: 'image/png', label: 'PNG image' };
	if (startsWith(bytes, JPEG)) return { kind: 'image', mime: 'image/jpeg', label: 'JPEG image' };
	if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89))
		return { kind: 'image', mime: 'image/gif', label: 'GIF image' };
	if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8))
		return { kind: 'image', mime: 'image/webp', label: 'WebP image' };
	const sample = bytes.subarray(0, FILE_TYPE_SAMPLE_BYTES);
	const body = startsWith(sample, UTF8_BOM) ? sample.subarray(UTF8_BOM.length) : sample;
	if (body.length === 0) return { kind: 'unknown', label: 'unknown' };
	let text: string;
	try {
		// `stream: true` keeps a character cut by the end of the sample from counting as invalid.
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body, {
			stream: sample.length < sizeBytes
		});
	} catch {
		return { kind: 'unknown', label: 'unknown' };
	}
	if (BINARY_CONTROL.test(text)) return { kind: 'unknown', label: 'unknown' };
	if (MARKUP_START.test(text)) return { kind: 'markup', label: 'web page or drawing (HTML, SVG or XML)' };
	return { kind: 'text', mime: 'text/plain;charset=utf-8', label: 'plain text' };
}
