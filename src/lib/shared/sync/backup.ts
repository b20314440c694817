// Whole-workspace backup files. A backup holds each shard as one Yjs update, the document files this
// browser holds (People documents: bytes live outside the shards), and a SHA-256 digest of all of
// it; restoring checks the format, the digest and that every update decodes BEFORE anything is
// written, so a corrupt or foreign file changes nothing. With a passphrase the payload is sealed with
// AES-GCM under a key from PBKDF2-SHA256 (600,000 iterations).
import * as Y from 'yjs';
import { SHARDS, type ShardName } from '$lib/shared/domain/workspace';
import { fromBase64Url, toBase64Url } from '$lib/shared/domain/workspace';
import { err, ok, type DomainError, type Result } from '$lib/shared/domain';

export const BACKUP_FORMAT = 'keel-backup';
export const SEALED_FORMAT = 'keel-backup-sealed';
const PBKDF2_ITERATIONS = 600_000;

/** Why a backup was refused (words in shared/domain/messages; the message names the file). */
type BackupCode = 'backup/unreadable' | 'backup/locked' | 'backup/wrong-passphrase' | 'backup/damaged';
type BackupError = DomainError & { readonly code: BackupCode };

/** Version 1 held shards only; version 2 adds document files and covers them by the digest. */
const BACKUP_VERSION = 2;

/** A document file: its MIME type and its bytes, base64url. */
export interface BackupFileEntry {
	type: string;
	data: string;
}

export interface BackupFile {
	format: typeof BACKUP_FORMAT;
	version: 1 | 2;
	createdAt: string;
	workspace: { id: string; name: string };
	shards: Partial<Record<ShardName, string>>;
	/** Document id → file (version 2). */
	files?: Record<string, BackupFileEntry>;
	digest: string;
}

/** A document's bytes as held in this browser, keyed by the document id. */
export interface DocumentFile {
	readonly type: string;
	readonly bytes: Uint8Array;
}

interface SealedFile {
	format: typeof SEALED_FORMAT;
	version: 1;
	kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
	cipher: { name: 'AES-GCM'; iv: string };
	data: string;
}

export interface DecodedBackup {
	workspace: { id: string; name: string };
	createdAt: string;
	updates: Partial<Record<ShardName, Uint8Array>>;
	files: Map<string, DocumentFile>;
}

async function digestOf(
	shards: Partial<Record<ShardName, string>>,
	files: Record<string, BackupFileEntry> | undefined
): Promise<string> {
	const parts = SHARDS.filter((s) => shards[s] !== undefined).map((s) => `${s}:${shards[s]}`);
	if (files)
		for (const id of Object.keys(files).sort())
			parts.push(`file:${id}:${files[id]?.type}:${files[id]?.data}`);
	const canonical = parts.join('\n');
	const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
	return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function encodeBackup(args: {
	workspace: { id: string; name: string };
	docs: ReadonlyMap<ShardName, Y.Doc>;
	/** Document files by document id; only meaningful with the people shard. */
	files?: ReadonlyMap<string, DocumentFile>;
	now: string;
	passphrase?: string;
}): Promise<string> {
	const shards: Partial<Record<ShardName, string>> = {};
	for (const [name, doc] of args.docs) shards[name] = toBase64Url(Y.encodeStateAsUpdate(doc));
	const files: Record<string, BackupFileEntry> = {};
	for (const id of [...(args.files?.keys() ?? [])].sort()) {
		const f = args.files?.get(id) as DocumentFile;
		files[id] = { type: f.type, data: toBase64Url(f.bytes) };
	}
	const file: BackupFile = {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		createdAt: args.now,
		workspace: args.workspace,
		shards,
		files,
		digest: await digestOf(shards, files)
	};
	const plain = JSON.stringify(file);
	if (!args.passphrase) return plain;
	return JSON.stringify(await seal(plain, args.passphrase));
}

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
	const material = await crypto.subtle.importKey(
		'raw',
		new TextEncoder().encode(passphrase),
		'PBKDF2',
		false,
		['deriveKey']
	);
	return crypto.subtle.deriveKey(
		{ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
}

async function seal(plain: string, passphrase: string): Promise<SealedFile> {
	const salt = crypto.getRandomValues(new Uint8Array(16));
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const key = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS);
	const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plain));
	return {
		format: SEALED_FORMAT,
		version: 1,
		kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS, salt: toBase64Url(salt) },
		cipher: { name: 'AES-GCM', iv: toBase64Url(iv) },
		data: toBase64Url(new Uint8Array(data))
	};
}

/** True when the text is a sealed backup, so the UI can ask for the passphrase first. */
export function isSealedBackup(text: string): boolean {
	try {
		return (JSON.parse(text) as { format?: unknown })?.format === SEALED_FORMAT;
	} catch {
		return false;
	}
}

/** Parses and fully checks a backup; nothing is written anywhere. */
export async function decodeBackup(
	text: string,
	fileName: string,
	passphrase?: string
): Promise<Result<DecodedBackup>> {
	/** The file's name and why, under the code that says what kind of failure it is. */
	const bad = (why: string, code: BackupCode = 'backup/unreadable') =>
		err({ code, message: `${fileName}: ${why}`, details: { fileName } });
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return bad('this is not a Keel backup (it is not JSON). Nothing was changed.');
	}
	let file = data as Partial<BackupFile>;
	if ((data as Partial<SealedFile>)?.format === SEALED_FORMAT) {
		if (!passphrase)
			return bad('this backup is locked with a passphrase; enter it to restore.', 'backup/locked');
		const opened = await unseal(data as SealedFile, passphrase);
		if (!opened.ok) return bad(opened.error.message, opened.error.code);
		try {
			file = JSON.parse(opened.value) as Partial<BackupFile>;
		} catch {
			return bad('the unlocked backup is not valid JSON. Nothing was changed.');
		}
	}
	if (file?.format !== BACKUP_FORMAT) return bad('this is not a Keel backup file. Nothing was changed.');
	if (file.version !== 1 && file.version !== 2)
		return bad(`backup version ${String(file.version)} is not one this Keel can read.`);
	if (!file.workspace || typeof file.workspace.id !== 'string' || typeof file.workspace.name !== 'string')
		return bad('the backup does not say which workspace it holds. Nothing was changed.');
	if (!file.shards || typeof file.shards !== 'object')
		return bad('the backup holds no data. Nothing was changed.');
	for (const key of Object.keys(file.shards))
		if (!SHARDS.includes(key as ShardName))
			return bad(`the backup has an unknown part "${key}". Nothing was changed.`);
	if (!file.shards.meta) return bad('the backup lacks the workspace profile. Nothing was changed.');
	const files = file.version === 2 ? file.files : undefined;
	if (file.version === 2 && !validFiles(files))
		return bad('the document files in the backup are malformed. Nothing was changed.');
	if (typeof file.digest !== 'string' || (await digestOf(file.shards, files)) !== file.digest)
		return bad(
			'the backup is damaged: its checksum does not match its contents. Nothing was changed.',
			'backup/damaged'
		);
	const updates: Partial<Record<ShardName, Uint8Array>> = {};
	for (const shard of SHARDS) {
		const encoded = file.shards[shard];
		if (encoded === undefined) continue;
		try {
			const update = fromBase64Url(encoded);
			const probe = new Y.Doc();
			Y.applyUpdate(probe, update);
			probe.destroy();
			updates[shard] = update;
		} catch {
			return bad(`the ${shard} data in the backup cannot be read. Nothing was changed.`);
		}
	}
	const decodedFiles = new Map<string, DocumentFile>();
	for (const [id, f] of Object.entries(files ?? {})) {
		try {
			decodedFiles.set(id, { type: f.type, bytes: fromBase64Url(f.data) });
		} catch {
			return bad('a document file in the backup cannot be read. Nothing was changed.');
		}
	}
	return ok({
		workspace: file.workspace,
		createdAt: String(file.createdAt ?? ''),
		updates,
		files: decodedFiles
	});
}

const FILE_ID = /^[0-9A-Za-z_-]{1,64}$/;
const MIME = /^[a-z]+\/[a-z0-9.+-]+$/i;

function validFiles(files: unknown): files is Record<string, BackupFileEntry> {
	if (typeof files !== 'object' || files === null || Array.isArray(files)) return false;
	return Object.entries(files).every(
		([id, f]) =>
			FILE_ID.test(id) &&
			typeof f === 'object' &&
			f !== null &&
			typeof (f as BackupFileEntry).type === 'string' &&
			(MIME.test((f as BackupFileEntry).type) || (f as BackupFileEntry).type === '') &&
			typeof (f as BackupFileEntry).data === 'string' &&
			/^[A-Za-z0-9_-]*$/.test((f as BackupFileEntry).data)
	);
}

async function unseal(file: SealedFile, passphrase: string): Promise<Result<string, BackupError>> {
	try {
		if (file.kdf?.name !== 'PBKDF2' || file.cipher?.name !== 'AES-GCM')
			return err({ code: 'backup/unreadable', message: 'unknown encryption.' });
		if (!(file.kdf.iterations >= 100_000 && file.kdf.iterations <= 10_000_000))
			return err({
				code: 'backup/unreadable',
				message: 'the backup asks for an unsafe key derivation. Nothing was changed.'
			});
		const key = await deriveKey(passphrase, fromBase64Url(file.kdf.salt), file.kdf.iterations);
		const plain = await crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv: fromBase64Url(file.cipher.iv) as BufferSource },
			key,
			fromBase64Url(file.data) as BufferSource
		);
		return ok(new TextDecoder().decode(plain));
	} catch {
		return err({
			code: 'backup/wrong-passphrase',
			message: 'wrong passphrase, or the backup is damaged. Nothing was changed.'
		});
	}
}
