// Bytes to text without TextDecoder's surprises: valid UTF-8 (with or without BOM) is read as UTF-8; anything
// else falls back to a declared single-byte charset or Windows-1252, and the fallback is reported, never silent.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-2';

export interface DecodedText {
	readonly text: string;
	readonly encoding: TextEncodingName;
	readonly warnings: readonly string[];
}

// Windows-1252 bytes 0x80..0x9F (the WHATWG mapping; undefined slots keep the C1 code point).
const CP1252_HIGH = [
	0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
	0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
	0x153, 0x9d, 0x17e, 0x178
];

// ISO-8859-2 bytes 0xA0..0xFF (Central European; Hungarian and Polish bank exports).
const LATIN2_HIGH = [
	160, 260, 728, 321, 164, 317, 346, 167, 168, 352, 350, 356, 377, 173, 381, 379, 176, 261, 731, 322, 180,
	318, 347, 711, 184, 353, 351, 357, 378, 733, 382, 380, 340, 193, 194, 258, 196, 313, 262, 199, 268, 201,
	280, 203, 282, 205, 206, 270, 272, 323, 327, 211, 212, 336, 214, 215, 344, 366, 218, 368, 220, 221, 354,
	223, 341, 225, 226, 259, 228, 314, 263, 231, 269, 233, 281, 235, 283, 237, 238, 271, 273, 324, 328, 243,
	244, 337, 246, 247, 345, 367, 250, 369, 252, 253, 355, 729
];

/** Maps a charset label found in a file (XML `encoding=`, OFX `CHARSET:`) to a decoder, or undefined if unknown. */
export function encodingFromLabel(label: string): TextEncodingName | undefined {
	const l = label.trim().toLowerCase().replace(/_/g, '-');
	if (l === 'utf-8' || l === 'utf8') return 'utf-8';
	// WHATWG: the latin-1 labels and US-ASCII all mean windows-1252.
	if (
		/^(windows-?1252|cp1252|1252|iso-?8859-1|8859-1|latin-?1|l1|us-?ascii|usascii|ascii|iso-?8859-15|8859-15)$/.test(
			l
		)
	)
		return 'windows-1252';
	if (/^(iso-?8859-2|8859-2|latin-?2|l2|windows-?1250|cp1250|1250)$/.test(l)) return 'iso-8859-2';
	if (l === 'utf-16le') return 'utf-16le';
	if (l === 'utf-16be' || l === 'utf-16') return 'utf-16be';
	return undefined;
}

function fromCodes(codes: Uint16Array | number[], length: number): string {
	let out = '';
	const CHUNK = 8192;
	for (let i = 0; i < length; i += CHUNK) {
		const part = codes.slice(i, Math.min(length, i + CHUNK));
		out += String.fromCharCode.apply(null, part as unknown as number[]);
	}
	return out;
}

/** Strict UTF-8 decoding; returns undefined on the first invalid sequence. */
export function decodeUtf8Strict(bytes: Uint8Array, start = 0): string | undefined {
	const units = new Uint16Array(bytes.length - start + 1);
	let n = 0;
	let i = start;
	while (i < bytes.length) {
		const b = bytes[i] as number;
		if (b < 0x80) {
			units[n++] = b;
			i++;
			continue;
		}
		let need: number;
		let cp: number;
		let min: number;
		if (b >= 0xc2 && b <= 0xdf) [need, cp, min] = [1, b & 0x1f, 0x80];
		else if (b >= 0xe0 && b <= 0xef) [need, cp, min] = [2, b & 0x0f, 0x800];
		else if (b >= 0xf0 && b <= 0xf4) [need, cp, min] = [3, b & 0x07, 0x10000];
		else return undefined;
		for (let k = 1; k <= need; k++) {
			const c = bytes[i + k];
			if (c === undefined || (c & 0xc0) !== 0x80) return undefined;
			cp = (cp << 6) | (c & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
		if (cp >= 0x10000) {
			const v = cp - 0x10000;
			units[n++] = 0xd800 + (v >> 10);
			units[n++] = 0xdc00 + (v & 0x3ff);
		} else units[n++] = cp;
		i += need + 1;
	}
	return fromCodes(units, n);
}

function decodeSingleByte(bytes: Uint8Array, encoding: 'windows-1252' | 'iso-8859-2', start = 0): string {
	const units = new Uint16Array(bytes.length - start);
	for (let i = start; i < bytes.length; i++) {
		const b = bytes[i] as number;
		let cp = b;
		if (encoding === 'windows-1252' && b >= 0x80 && b < 0xa0) cp = CP1252_HIGH[b - 0x80] as number;
		else if (encoding === 'iso-8859-2' && b >= 0xa0) cp = LATIN2_HIGH[b - 0xa0] as number;
		units[i - start] = cp;
	}
	return fromCodes(units, units.length);
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean, start: number): string {
	const count = Math.floor((bytes.length - start) / 2);
	const units = new Uint16Array(count);
	for (let i = 0; i < count; i++) {
		const a = bytes[start + 2 * i] as number;
		const b = bytes[start + 2 * i + 1] as number;
		units[i] = littleEndian ? a | (b << 8) : (a << 8) | b;
	}
	return fromCodes(units, count);
}

/** Reads the charset a file declares about itself (XML declaration, OFX 1.x header), from its ASCII prefix. */
export function declaredEncoding(bytes: Uint8Array): string | undefined {
	const head = decodeSingleByte(bytes.subarray(0, Math.min(bytes.length, 1024)), 'windows-1252');
	const xml = /<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head);
	if (xml) return xml[1];
	const ofx = /^\s*CHARSET:\s*([^\s<]+)/im.exec(head);
	if (ofx && /OFXHEADER/i.test(head) && ofx[1] && !/^none$/i.test(ofx[1])) return ofx[1];
	return undefined;
}

/**
 * Decodes a file. `preferred` (from a saved CSV mapping) wins when it decodes; otherwise valid UTF-8 wins over a
 * declared single-byte charset (files that declare 8859-1 but hold UTF-8 are common), and invalid UTF-8 falls back to
 * the declared charset or Windows-1252.
 */
export function decodeBytes(bytes: Uint8Array, preferred?: TextEncodingName): DecodedText {
	const warnings: string[] = [];
	if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
		return { text: decodeUtf16(bytes, true, 2), encoding: 'utf-16le', warnings };
	if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
		return { text: decodeUtf16(bytes, false, 2), encoding: 'utf-16be', warnings };
	const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	if (preferred === 'windows-1252' || preferred === 'iso-8859-2')
		return { text: decodeSingleByte(bytes, preferred, bom), encoding: preferred, warnings };
	if (preferred === 'utf-16le' || preferred === 'utf-16be')
		return { text: decodeUtf16(bytes, preferred === 'utf-16le', bom), encoding: preferred, warnings };
	const utf8 = decodeUtf8Strict(bytes, bom);
	if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', warnings };
	const label = declaredEncoding(bytes);
	const declared = label === undefined ? undefined : encodingFromLabel(label);
	const fallback: 'windows-1252' | 'iso-8859-2' = declared === 'iso-8859-2' ? 'iso-8859-2' : 'windows-1252';
	if (declared === 'utf-8' || preferred === 'utf-8')
		warnings.push(`the file says it is UTF-8 but is not valid UTF-8; read as ${fallback}`);
	else if (declared === undefined) warnings.push(`not valid UTF-8; read as ${fallback}`);
	return { text: decodeSingleByte(bytes, fallback, bom), encoding: fallback, warnings };
}
