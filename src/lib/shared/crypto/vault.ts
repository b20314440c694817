// The app lock's key hierarchy (issue 14). One random AES-GCM-256 *data key* per workspace encrypts
// every stored record. It never rests in the clear: it is kept only wrapped (AES-GCM) under a
// *wrapping key* that PBKDF2-SHA256 derives from the person's passphrase (600,000 iterations, a fresh
// 16-byte salt). The wrapped key, the KDF's parameters and a random key id make the *lock record*,
// plain JSON kept beside the data. A new passphrase re-wraps the same data key, so no record has to
// be encrypted again.
// Invariants: the data key in use is non-extractable (an extractable copy exists only inside
// `createVault` and `changePassphrase`); a sealed record opens only under the key and the place
// (`aad`) it was sealed for, and a change to any byte is refused; the built app makes and unlocks no
// lock record of fewer than 600,000 iterations. A wrong passphrase or a damaged record is a failure
// value, never a throw.
import { describeError, problem } from '../domain/messages';
import { checkNewPassphrase } from '../domain/passphrase';
import { err, ok, type Result } from '../domain/result';
import { v } from '../domain/schema';
import { fromBase64Url, toBase64Url } from '../domain/workspace/invite';
import { PBKDF2_ITERATIONS, derivePassphraseKey } from '../sync/backup-crypto';

/** Iterations the unit tests may use instead of 600,000, so a derivation takes microseconds. */
const TEST_FLOOR = 1_000;
/** Beyond this a lock record is damaged (or hostile): unlocking must not hang the page for minutes. */
const MAX_ITERATIONS = 10_000_000;

/**
 * The fewest PBKDF2 iterations a lock record may name: 600,000, except under the unit tests (Vite's
 * mode `test`). Vite writes the mode into the build, so the built app and CLI have no way below it;
 * outside Vite (tsx scripts) `import.meta.env` is absent and the floor is 600,000 as well.
 */
export function iterationFloor(mode: string | undefined = import.meta.env?.MODE): number {
	return mode === 'test' ? TEST_FLOOR : PBKDF2_ITERATIONS;
}

/** base64url text of exactly `bytes` bytes (no padding). */
const base64Of = (bytes: number) =>
	v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]*$/), v.length(Math.ceil((bytes * 4) / 3)));

/** The stored lock record, checked before any derivation is spent on it. */
const lockRecordSchema = v.object({
	v: v.literal(1),
	/** Names the data key (random, not secret), so whatever it sealed can say which key that was. */
	kid: base64Of(16),
	kdf: v.literal('PBKDF2-SHA256'),
	iterations: v.pipe(v.number(), v.integer(), v.minValue(iterationFloor()), v.maxValue(MAX_ITERATIONS)),
	salt: base64Of(16),
	/** The IV of the wrap, and the wrapped data key (32 bytes of key, 16 of GCM tag). */
	iv: base64Of(12),
	wrappedKey: base64Of(48)
});

export type LockRecord = v.InferOutput<typeof lockRecordSchema>;

/** For tests only: `iterations` below 600,000 throws outside the unit tests (see `iterationFloor`). */
export interface VaultOptions {
	iterations?: number;
}

const DATA_KEY = { name: 'AES-GCM', length: 256 } as const;
const DATA_USES: KeyUsage[] = ['encrypt', 'decrypt'];
const text = (s: string) => new TextEncoder().encode(s);
const random = (bytes: number) => crypto.getRandomValues(new Uint8Array(bytes));
/** Binds a wrap to its key id: a record's `kid` cannot be swapped onto another wrapped key. */
const wrapContext = (kid: string) => text(`keel-vault-wrap v1 ${kid}`);

function chosenIterations(options?: VaultOptions): number {
	const n = options?.iterations ?? PBKDF2_ITERATIONS;
	if (!Number.isInteger(n) || n < iterationFloor() || n > MAX_ITERATIONS)
		throw new RangeError(`PBKDF2 iterations must be from ${iterationFloor()} to ${MAX_ITERATIONS}, not ${n}`);
	return n;
}

function deriveWrappingKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
	return derivePassphraseKey(passphrase, salt, iterations, ['wrapKey', 'unwrapKey']);
}

/** The lock record of `dataKey` (extractable) under a wrapping key derived with a fresh salt. */
async function lock(
	dataKey: CryptoKey,
	kid: string,
	passphrase: string,
	iterations: number
): Promise<{ record: LockRecord; wrappingKey: CryptoKey }> {
	const salt = random(16);
	const iv = random(12);
	const wrappingKey = await deriveWrappingKey(passphrase, salt, iterations);
	const wrapped = await crypto.subtle.wrapKey('raw', dataKey, wrappingKey, {
		name: 'AES-GCM',
		iv,
		additionalData: wrapContext(kid)
	});
	const record: LockRecord = {
		v: 1,
		kid,
		kdf: 'PBKDF2-SHA256',
		iterations,
		salt: toBase64Url(salt),
		iv: toBase64Url(iv),
		wrappedKey: toBase64Url(new Uint8Array(wrapped))
	};
	return { record, wrappingKey };
}

/** The data key a checked record wraps, or null when `wrappingKey` is not the one that wrapped it. */
async function unwrap(
	record: LockRecord,
	wrappingKey: CryptoKey,
	extractable: boolean
): Promise<CryptoKey | null> {
	try {
		return await crypto.subtle.unwrapKey(
			'raw',
			fromBase64Url(record.wrappedKey) as BufferSource,
			wrappingKey,
			{
				name: 'AES-GCM',
				iv: fromBase64Url(record.iv) as BufferSource,
				additionalData: wrapContext(record.kid)
			},
			DATA_KEY,
			extractable,
			DATA_USES
		);
	} catch (e) {
		// AES-GCM's tag check failed: another passphrase, or a changed record. Anything else is a bug.
		if (e instanceof DOMException && e.name === 'OperationError') return null;
		throw e;
	}
}

/** The data key of `record` under `passphrase` (extractable only to be wrapped again), or why not. */
async function open(stored: unknown, passphrase: string, extractable: boolean): Promise<Result<CryptoKey>> {
	const checked = readLockRecord(stored);
	if (!checked.ok) return checked;
	const record = checked.value;
	const wrappingKey = await deriveWrappingKey(passphrase, fromBase64Url(record.salt), record.iterations);
	const key = await unwrap(record, wrappingKey, extractable);
	return key ? ok(key) : err(problem('vault/wrong-passphrase'));
}

/** A lock record as read from storage, checked; `vault/lock-damaged` names the first bad field. */
export function readLockRecord(stored: unknown): Result<LockRecord> {
	const parsed = v.safeParse(lockRecordSchema, stored);
	if (parsed.success) return ok(parsed.output);
	const field = (parsed.issues[0].path ?? []).map((p) => String(p.key)).join('.');
	return err(problem('vault/lock-damaged', { field }));
}

/** A new workspace data key, locked under `passphrase`. Check it with `passphraseProblem` first. */
export async function createVault(
	passphrase: string,
	options?: VaultOptions
): Promise<{ record: LockRecord; key: CryptoKey }> {
	const iterations = chosenIterations(options);
	const dataKey = await crypto.subtle.generateKey(DATA_KEY, true, DATA_USES);
	const { record, wrappingKey } = await lock(dataKey, toBase64Url(random(16)), passphrase, iterations);
	// The key in use is opened from the record just made, non-extractable; the extractable one is dropped.
	const key = await unwrap(record, wrappingKey, false);
	if (!key) throw new Error('vault: a lock record just made does not open');
	return { record, key };
}

/** The workspace data key (non-extractable), or `vault/wrong-passphrase` / `vault/lock-damaged`. */
export function unlockVault(record: LockRecord, passphrase: string): Promise<Result<CryptoKey>> {
	return open(record, passphrase, false);
}

/**
 * A new lock record holding the SAME data key under `newPassphrase` (same key id, new salt and IV), so
 * every sealed record still opens. The old record still opens with the old passphrase: the caller
 * replaces it. Check the new passphrase with `passphraseProblem` first.
 */
export async function changePassphrase(
	record: LockRecord,
	oldPassphrase: string,
	newPassphrase: string,
	options?: VaultOptions
): Promise<Result<LockRecord>> {
	const iterations = chosenIterations(options);
	const opened = await open(record, oldPassphrase, true);
	if (!opened.ok) return opened;
	return ok((await lock(opened.value, record.kid, newPassphrase, iterations)).record);
}

/** Format of a sealed record: [version][12-byte IV][AES-GCM ciphertext and 16-byte tag]. */
const FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The place a record belongs to (database and shard, say), bound to its ciphertext with the version. */
const recordContext = (aad: string) => text(`keel-vault-record v${FORMAT}\n${aad}`);

/** `plain` sealed under `key` for the place `aad`, with a fresh IV; opened only with the same `aad`. */
export async function encryptRecord(key: CryptoKey, plain: Uint8Array, aad: string): Promise<Uint8Array> {
	const iv = random(IV_BYTES);
	const ct = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv, additionalData: recordContext(aad) },
		key,
		plain as BufferSource
	);
	const sealed = new Uint8Array(1 + IV_BYTES + ct.byteLength);
	sealed[0] = FORMAT;
	sealed.set(iv, 1);
	sealed.set(new Uint8Array(ct), 1 + IV_BYTES);
	return sealed;
}

/** The plain bytes, or `vault/record-refused` (changed, moved, another key) / `record/newer`. */
export async function decryptRecord(
	key: CryptoKey,
	sealed: Uint8Array,
	aad: string
): Promise<Result<Uint8Array>> {
	if (sealed.length < 1 + IV_BYTES + TAG_BYTES) return err(problem('vault/record-refused'));
	if (sealed[0] !== FORMAT)
		return err(problem((sealed[0] ?? 0) > FORMAT ? 'record/newer' : 'vault/record-refused'));
	try {
		const plain = await crypto.subtle.decrypt(
			{
				name: 'AES-GCM',
				iv: sealed.subarray(1, 1 + IV_BYTES) as BufferSource,
				additionalData: recordContext(aad)
			},
			key,
			sealed.subarray(1 + IV_BYTES) as BufferSource
		);
		return ok(new Uint8Array(plain));
	} catch (e) {
		if (e instanceof DOMException && e.name === 'OperationError') return err(problem('vault/record-refused'));
		throw e;
	}
}

/**
 * What is wrong with a new lock passphrase and its confirmation, in words, or null: the same rule as
 * backup passphrases (`shared/domain/passphrase.ts`). `extraWords`: the workspace's name.
 */
export function passphraseProblem(
	passphrase: string,
	confirmation: string,
	extraWords: readonly string[] = []
): string | null {
	const checked = checkNewPassphrase({ passphrase, confirmation, extraWords, purpose: 'lock' });
	return checked.ok ? null : describeError(checked.error);
}
