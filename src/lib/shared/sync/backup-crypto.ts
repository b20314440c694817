// The cryptography of backup files, in one place: the passphrase seal (AES-GCM under a key from
// PBKDF2-SHA256, 600,000 iterations; from version 2 the clear header — format, version, workspace id —
// is bound as additional data, so it cannot be swapped onto another file), and the signature of a
// plaintext backup (HMAC-SHA-256 under a key derived with HKDF from the workspace's meta shard secret,
// which every member holds and no backup contains).
import { fromBase64Url, toBase64Url } from '$lib/shared/domain/workspace';

export const PBKDF2_ITERATIONS = 600_000;
const text = (s: string) => new TextEncoder().encode(s);

/** The AES-GCM-256 key a passphrase gives (PBKDF2-SHA256); the app lock asks for wrap/unwrap usages. */
export async function derivePassphraseKey(
	passphrase: string,
	salt: Uint8Array,
	iterations: number,
	usages: KeyUsage[] = ['encrypt', 'decrypt']
): Promise<CryptoKey> {
	const material = await crypto.subtle.importKey('raw', text(passphrase), 'PBKDF2', false, ['deriveKey']);
	return crypto.subtle.deriveKey(
		{ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		usages
	);
}

export interface Sealed {
	salt: string;
	iv: string;
	data: string;
}

/** Encrypts `plain`; `header` (when given) must be presented again, unchanged, to open it. */
export async function sealText(plain: string, passphrase: string, header?: string): Promise<Sealed> {
	const salt = crypto.getRandomValues(new Uint8Array(16));
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const key = await derivePassphraseKey(passphrase, salt, PBKDF2_ITERATIONS);
	const params: AesGcmParams = { name: 'AES-GCM', iv };
	if (header !== undefined) params.additionalData = text(header);
	const data = await crypto.subtle.encrypt(params, key, text(plain));
	return { salt: toBase64Url(salt), iv: toBase64Url(iv), data: toBase64Url(new Uint8Array(data)) };
}

/** The plain text, or null when the passphrase is wrong or the file (or its header) was changed. */
export async function openSealed(
	sealed: Sealed & { iterations: number },
	passphrase: string,
	header?: string
): Promise<string | null> {
	try {
		const key = await derivePassphraseKey(passphrase, fromBase64Url(sealed.salt), sealed.iterations);
		const params: AesGcmParams = { name: 'AES-GCM', iv: fromBase64Url(sealed.iv) as BufferSource };
		if (header !== undefined) params.additionalData = text(header);
		const plain = await crypto.subtle.decrypt(params, key, fromBase64Url(sealed.data) as BufferSource);
		return new TextDecoder().decode(plain);
	} catch {
		return null;
	}
}

async function tagKey(metaSecret: string, workspaceId: string): Promise<CryptoKey> {
	const material = await crypto.subtle.importKey('raw', text(metaSecret), 'HKDF', false, ['deriveKey']);
	return crypto.subtle.deriveKey(
		{ name: 'HKDF', hash: 'SHA-256', salt: text('keel-backup-signature'), info: text(workspaceId) },
		material,
		{ name: 'HMAC', hash: 'SHA-256', length: 256 },
		false,
		['sign', 'verify']
	);
}

/** The signature of `signed` (base64url) under the workspace's meta secret. */
export async function signText(signed: string, metaSecret: string, workspaceId: string): Promise<string> {
	const mac = await crypto.subtle.sign('HMAC', await tagKey(metaSecret, workspaceId), text(signed));
	return toBase64Url(new Uint8Array(mac));
}

/** True when `tag` is the signature of `signed` under any of the given meta secrets (constant-time compare). */
export async function verifyText(
	signed: string,
	tag: string,
	metaSecrets: readonly string[],
	workspaceId: string
): Promise<boolean> {
	let mac: Uint8Array;
	try {
		mac = fromBase64Url(tag);
	} catch {
		return false;
	}
	for (const secret of metaSecrets)
		if (
			await crypto.subtle.verify('HMAC', await tagKey(secret, workspaceId), mac as BufferSource, text(signed))
		)
			return true;
	return false;
}
