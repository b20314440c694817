// Device signing keys and signatures (WebCrypto Ed25519), the one place Keel signs or checks a
// statement. A private key is made non-extractable and lives only in this browser's registry entry:
// never in a shard, a backup, an invite or a log. Public keys travel as raw 32 bytes in URL-safe
// base64. `verifySigned` never throws: a malformed key or signature is simply "not verified".
import { canonicalJson } from '../domain/identity/canonical';
import { sha256Bytes } from '../domain/sha256';
import { fromBase64Url, toBase64Url } from '../domain/workspace/invite';

export interface DeviceKey {
	/** Raw Ed25519 public key, URL-safe base64 (43 characters). */
	publicKey: string;
	/** Non-extractable: it can sign in this browser and cannot be read out of it. */
	privateKey: CryptoKey;
}

const ED25519 = { name: 'Ed25519' } as const;

export async function generateDeviceKey(): Promise<DeviceKey> {
	const pair = (await crypto.subtle.generateKey(ED25519, false, ['sign', 'verify'])) as CryptoKeyPair;
	const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
	return { publicKey: toBase64Url(raw), privateKey: pair.privateKey };
}

/** The signature (URL-safe base64, 64 bytes) of `body`'s canonical JSON. */
export async function signBody(key: DeviceKey, body: unknown): Promise<string> {
	const bytes = new TextEncoder().encode(canonicalJson(body));
	return toBase64Url(new Uint8Array(await crypto.subtle.sign(ED25519, key.privateKey, bytes)));
}

const imported = new Map<string, Promise<CryptoKey>>();

/** The signature (URL-safe base64, 64 bytes) of exactly `bytes` (a message that is not canonical JSON). */
export async function signBytes(key: DeviceKey, bytes: Uint8Array): Promise<string> {
	return toBase64Url(
		new Uint8Array(await crypto.subtle.sign(ED25519, key.privateKey, bytes as BufferSource))
	);
}

/** True only when `sig` is `publicKey`'s signature of `body`'s canonical JSON. */
export async function verifySigned(publicKey: string, body: unknown, sig: string): Promise<boolean> {
	try {
		return await verifyBytes(publicKey, new TextEncoder().encode(canonicalJson(body)), sig);
	} catch {
		return false;
	}
}

/** True only when `sig` is `publicKey`'s signature of exactly `bytes`. Never throws. */
export async function verifyBytes(publicKey: string, bytes: Uint8Array, sig: string): Promise<boolean> {
	try {
		let key = imported.get(publicKey);
		if (!key) {
			key = crypto.subtle.importKey('raw', fromBase64Url(publicKey) as BufferSource, ED25519, false, [
				'verify'
			]);
			imported.set(publicKey, key);
			key.catch(() => imported.delete(publicKey));
		}
		return await crypto.subtle.verify(
			ED25519,
			await key,
			fromBase64Url(sig) as BufferSource,
			bytes as BufferSource
		);
	} catch {
		return false;
	}
}

/** A short, grouped fingerprint of a public key for people to compare aloud: "3F2A 9C01 77BE 4D10". */
export function fingerprint(publicKey: string): string {
	const hex = sha256Bytes(fromBase64Url(publicKey)).slice(0, 16).toUpperCase();
	return hex.match(/.{4}/g)?.join(' ') ?? hex;
}
