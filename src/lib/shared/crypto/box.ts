// Per-device encryption ("box") keys and sealed messages to one device: ECDH on P-256 (in Node's
// webcrypto and in Chromium alike) → HKDF-SHA-256 → AES-GCM-256, with a fresh ephemeral key pair and
// IV for every message. A device's private box key is non-extractable and lives only in this browser's
// registry entry beside its signing key; its public part travels as raw 65 bytes in URL-safe base64.
// `openBox` never throws: a message that is not for this key, or was altered, is simply not opened.
import { fromBase64Url, toBase64Url } from '../domain/workspace/invite';

export interface BoxKey {
	/** Raw uncompressed P-256 public key, URL-safe base64 (87 characters). */
	publicKey: string;
	/** Non-extractable: it can open messages in this browser and cannot be read out of it. */
	privateKey: CryptoKey;
}

/** One message sealed for one box key: the sender's ephemeral public key, the IV and the ciphertext. */
export interface SealedBox {
	epk: string;
	iv: string;
	ct: string;
}

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const INFO = new TextEncoder().encode('keel-box v1');

export async function generateBoxKey(): Promise<BoxKey> {
	const pair = (await crypto.subtle.generateKey(ECDH, false, ['deriveBits'])) as CryptoKeyPair;
	const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
	return { publicKey: toBase64Url(raw), privateKey: pair.privateKey };
}

/** The AES-GCM key shared by `privateKey` and `publicRaw`, salted with the ephemeral public key. */
async function sharedKey(
	privateKey: CryptoKey,
	publicRaw: Uint8Array,
	epkRaw: Uint8Array
): Promise<CryptoKey> {
	const peer = await crypto.subtle.importKey('raw', publicRaw as BufferSource, ECDH, false, []);
	const bits = await crypto.subtle.deriveBits({ name: 'ECDH', public: peer }, privateKey, 256);
	const material = await crypto.subtle.importKey('raw', bits, 'HKDF', false, ['deriveKey']);
	return crypto.subtle.deriveKey(
		{ name: 'HKDF', hash: 'SHA-256', salt: epkRaw as BufferSource, info: INFO },
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
}

/** Seals `plaintext` for the holder of `recipient`; `context` must be given again to open it. */
export async function sealBox(recipient: string, plaintext: string, context: string): Promise<SealedBox> {
	const eph = (await crypto.subtle.generateKey(ECDH, false, ['deriveBits'])) as CryptoKeyPair;
	const epkRaw = new Uint8Array(await crypto.subtle.exportKey('raw', eph.publicKey));
	const key = await sharedKey(eph.privateKey, fromBase64Url(recipient), epkRaw);
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const ct = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(context) },
		key,
		new TextEncoder().encode(plaintext)
	);
	return { epk: toBase64Url(epkRaw), iv: toBase64Url(iv), ct: toBase64Url(new Uint8Array(ct)) };
}

/** The plaintext of a box sealed for `own` under `context`, or null when it cannot be opened. */
export async function openBox(own: BoxKey, box: SealedBox, context: string): Promise<string | null> {
	try {
		const epkRaw = fromBase64Url(box.epk);
		const key = await sharedKey(own.privateKey, epkRaw, epkRaw);
		const pt = await crypto.subtle.decrypt(
			{
				name: 'AES-GCM',
				iv: fromBase64Url(box.iv) as BufferSource,
				additionalData: new TextEncoder().encode(context)
			},
			key,
			fromBase64Url(box.ct) as BufferSource
		);
		return new TextDecoder().decode(pt);
	} catch {
		return null;
	}
}
