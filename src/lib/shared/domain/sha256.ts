// SHA-256 (FIPS 180-4) of a UTF-8 string, synchronous and dependency-free, so a checksum can be
// checked the same way in Node (the CLI), a worker and a page while reading a document (Web Crypto
// is asynchronous). Invariant: output is 64 lowercase hex digits (or the 32 raw bytes, or their
// URL-safe base64), equal to any standard SHA-256.
//
// Speed matters: the seal checker digests every sealed fact it reads (fact-seal.ts: one digest per
// posted entry of a seal chain), so a 450-byte message must cost a couple of microseconds. Hence:
// one reused scratch buffer (text is encoded into it with encodeInto, no allocation per call), the
// message schedule in a reused Int32Array, big-endian words assembled from bytes by hand, and the
// output written through lookup tables.

/** First 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const K = new Int32Array([
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
	0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
	0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
	0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
	0xc67178f2
]);

/** The message schedule and the running state, reused by every call (the functions never re-enter). */
const W = new Int32Array(64);
const H = new Int32Array(8);

/** Scratch space for text and padding, grown as needed; never handed out. */
let scratch = new Uint8Array(4096);
const encoder = new TextEncoder();

/** Hashes `len` message bytes already in `buf` (which must have room for the padding after them). */
function digestInPlace(buf: Uint8Array, len: number): void {
	const total = Math.ceil((len + 9) / 64) * 64;
	buf.fill(0, len, total);
	buf[len] = 0x80;
	const bits = len * 8;
	const hi = Math.floor(bits / 0x100000000);
	buf[total - 8] = hi >>> 24;
	buf[total - 7] = hi >>> 16;
	buf[total - 6] = hi >>> 8;
	buf[total - 5] = hi;
	buf[total - 4] = bits >>> 24;
	buf[total - 3] = bits >>> 16;
	buf[total - 2] = bits >>> 8;
	buf[total - 1] = bits;

	let h0 = 0x6a09e667 | 0;
	let h1 = 0xbb67ae85 | 0;
	let h2 = 0x3c6ef372 | 0;
	let h3 = 0xa54ff53a | 0;
	let h4 = 0x510e527f | 0;
	let h5 = 0x9b05688c | 0;
	let h6 = 0x1f83d9ab | 0;
	let h7 = 0x5be0cd19 | 0;
	const w = W;
	const k = K;
	for (let off = 0; off < total; off += 64) {
		for (let t = 0, p = off; t < 16; t++, p += 4)
			w[t] =
				((buf[p] as number) << 24) |
				((buf[p + 1] as number) << 16) |
				((buf[p + 2] as number) << 8) |
				(buf[p + 3] as number);
		for (let t = 16; t < 64; t++) {
			const a = w[t - 15] as number;
			const b = w[t - 2] as number;
			const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
			const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
			w[t] = ((w[t - 16] as number) + s0 + (w[t - 7] as number) + s1) | 0;
		}
		let a = h0;
		let b = h1;
		let c = h2;
		let d = h3;
		let e = h4;
		let f = h5;
		let g = h6;
		let h = h7;
		for (let t = 0; t < 64; t++) {
			const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
			const ch = (e & f) ^ (~e & g);
			const t1 = (h + S1 + ch + (k[t] as number) + (w[t] as number)) | 0;
			const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
			const maj = (a & b) ^ (a & c) ^ (b & c);
			const t2 = (S0 + maj) | 0;
			h = g;
			g = f;
			f = e;
			e = (d + t1) | 0;
			d = c;
			c = b;
			b = a;
			a = (t1 + t2) | 0;
		}
		h0 = (h0 + a) | 0;
		h1 = (h1 + b) | 0;
		h2 = (h2 + c) | 0;
		h3 = (h3 + d) | 0;
		h4 = (h4 + e) | 0;
		h5 = (h5 + f) | 0;
		h6 = (h6 + g) | 0;
		h7 = (h7 + h) | 0;
	}
	H[0] = h0;
	H[1] = h1;
	H[2] = h2;
	H[3] = h3;
	H[4] = h4;
	H[5] = h5;
	H[6] = h6;
	H[7] = h7;
}

/** A scratch buffer holding at least `n` bytes. */
function room(n: number): Uint8Array {
	// A large document gets a buffer of its own, so the scratch never keeps megabytes alive.
	if (n > 1 << 20) return new Uint8Array(n);
	if (scratch.length < n) scratch = new Uint8Array(Math.max(n, scratch.length * 2));
	return scratch;
}

/** Digests `bytes` into H. */
function digestBytes(bytes: Uint8Array): void {
	const buf = room(bytes.length + 72);
	buf.set(bytes);
	digestInPlace(buf, bytes.length);
}

/** Digests the UTF-8 bytes of `text` into H. */
function digestText(text: string): void {
	// UTF-8 takes at most 3 bytes per UTF-16 code unit.
	const buf = room(text.length * 3 + 72);
	const { written } = encoder.encodeInto(text, buf);
	digestInPlace(buf, written);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hexOfH(): string {
	let out = '';
	for (let i = 0; i < 8; i++) {
		const x = H[i] as number;
		out +=
			(HEX[(x >>> 24) & 255] as string) +
			(HEX[(x >>> 16) & 255] as string) +
			(HEX[(x >>> 8) & 255] as string) +
			(HEX[x & 255] as string);
	}
	return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** H as URL-safe base64 without padding (43 characters). */
function base64UrlOfH(): string {
	const bytes = new Array<number>(33);
	for (let i = 0; i < 8; i++) {
		const x = H[i] as number;
		bytes[i * 4] = (x >>> 24) & 255;
		bytes[i * 4 + 1] = (x >>> 16) & 255;
		bytes[i * 4 + 2] = (x >>> 8) & 255;
		bytes[i * 4 + 3] = x & 255;
	}
	bytes[32] = 0;
	let out = '';
	for (let i = 0; i < 33; i += 3) {
		const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
		out += (B64[n >>> 18] as string) + (B64[(n >>> 12) & 63] as string) + (B64[(n >>> 6) & 63] as string);
		if (i < 30) out += B64[n & 63] as string;
	}
	return out;
}

/** SHA-256 of the bytes given, as lowercase hex. */
export function sha256Bytes(bytes: Uint8Array): string {
	digestBytes(bytes);
	return hexOfH();
}

/** SHA-256 of a string's UTF-8 bytes, as lowercase hex. */
export function sha256Hex(text: string): string {
	digestText(text);
	return hexOfH();
}

/** SHA-256 of a string's UTF-8 bytes, as URL-safe base64 without padding (43 characters). */
export function sha256Base64Url(text: string): string {
	digestText(text);
	return base64UrlOfH();
}
