// Whole-workspace backup files. A backup holds each shard as one Yjs update, the document files this
// browser holds (People documents: bytes live outside the shards), and a SHA-256 digest of all of
// it; restoring checks the format, the digest and that every update decodes BEFORE anything is
// written, so a corrupt or foreign file changes nothing. A backup is either sealed with a passphrase
// (AES-GCM, its clear header bound to the ciphertext, see backup-crypto.ts) or, by explicit choice,
// plaintext and signed with the workspace's meta secret. Every decoded backup says how far it could
// be trusted (`trust`): a file whose signature or seal does not match is refused, never restored.
import * as Y from 'yjs';
import { SHARDS, type ShardName } from '$lib/shared/domain/workspace';
import { fromBase64Url, toBase64Url } from '$lib/shared/domain/workspace';
import { err, ok, type DomainError, type Result } from '$lib/shared/domain';
import { PBKDF2_ITERATIONS, openSealed, sealText, signText, verifyText } from './backup-crypto';

export const BACKUP_FORMAT = 'keel-backup';
export const SEALED_FORMAT = 'keel-backup-sealed';

/** Why a backup was refused (words in shared/domain/messages; the message names the file). */
type BackupCode =
	'backup/unreadable' | 'backup/locked' | 'backup/wrong-passphrase' | 'backup/damaged' | 'backup/edited';
type BackupError = DomainError & { readonly code: BackupCode };

/**
 * Version 1 held shards only; version 2 adds document files and covers them by the digest; version 3
 * adds the signature (`signature`) over the header and the digest. Versions 1 and 2 still restore.
 */
const BACKUP_VERSION = 3;
/** Sealed version 1 had no clear header; version 2 binds format, version and workspace id to the seal. */
const SEALED_VERSION = 2;

/** A document file: its MIME type and its bytes, base64url. */
export interface BackupFileEntry {
	type: string;
	data: string;
}

export interface BackupFile {
	format: typeof BACKUP_FORMAT;
	version: 1 | 2 | 3;
	createdAt: string;
	workspace: { id: string; name: string };
	shards: Partial<Record<ShardName, string>>;
	/** Document id → file (version 2 on). */
	files?: Record<string, BackupFileEntry>;
	digest: string;
	/** HMAC-SHA-256 over `signedPart` under the workspace's meta secret (version 3, plaintext files). */
	signature?: string;
}

/** A document's bytes as held in this browser, keyed by the document id. */
export interface DocumentFile {
	readonly type: string;
	readonly bytes: Uint8Array;
}

interface SealedFile {
	format: typeof SEALED_FORMAT;
	version: 1 | 2;
	/** Version 2: which workspace the sealed file holds, in clear and bound to the seal. */
	workspace?: { id: string };
	kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
	cipher: { name: 'AES-GCM'; iv: string };
	data: string;
}

/**
 * How far a restored backup can be trusted: `sealed` (passphrase seal, any change detected), `signed`
 * (plaintext, signature checked with this browser's copy of the workspace key), `unchecked`
 * (plaintext, this browser does not hold the workspace so cannot check it), `old` (made by an older
 * Keel, plaintext, carries no signature).
 */
export type BackupTrust = 'sealed' | 'signed' | 'unchecked' | 'old';

export interface DecodedBackup {
	workspace: { id: string; name: string };
	createdAt: string;
	updates: Partial<Record<ShardName, Uint8Array>>;
	files: Map<string, DocumentFile>;
	trust: BackupTrust;
}

/** The meta shard secrets this browser holds for a workspace (none when it does not hold it). */
export type MetaSecretsFor = (workspaceId: string) => Promise<readonly string[]> | readonly string[];

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

/** What a version 3 signature covers: the header and the digest (which covers everything else). */
function signedPart(file: Pick<BackupFile, 'version' | 'workspace' | 'createdAt' | 'digest'>): string {
	return JSON.stringify([
		BACKUP_FORMAT,
		file.version,
		file.workspace.id,
		file.workspace.name,
		file.createdAt,
		file.digest
	]);
}

/** The clear header a version 2 seal is bound to. */
function sealedHeader(workspaceId: string): string {
	return JSON.stringify([SEALED_FORMAT, SEALED_VERSION, workspaceId]);
}

export async function encodeBackup(args: {
	workspace: { id: string; name: string };
	docs: ReadonlyMap<ShardName, Y.Doc>;
	/** Document files by document id; only meaningful with the people shard. */
	files?: ReadonlyMap<string, DocumentFile>;
	now: string;
	/** Seals the file; without it the file is plaintext (only by the person's explicit choice). */
	passphrase?: string;
	/** Signs a plaintext file so a browser holding the workspace can tell it was not edited. */
	metaSecret?: string;
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
	if (args.passphrase) {
		// The seal authenticates everything inside; a signature would only tie it to today's key.
		const sealed = await sealText(JSON.stringify(file), args.passphrase, sealedHeader(args.workspace.id));
		return JSON.stringify({
			format: SEALED_FORMAT,
			version: SEALED_VERSION,
			workspace: { id: args.workspace.id },
			kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS, salt: sealed.salt },
			cipher: { name: 'AES-GCM', iv: sealed.iv },
			data: sealed.data
		} satisfies SealedFile);
	}
	if (args.metaSecret) file.signature = await signText(signedPart(file), args.metaSecret, args.workspace.id);
	return JSON.stringify(file);
}

/** True when the text is a sealed backup, so the UI can ask for the passphrase first. */
export function isSealedBackup(text: string): boolean {
	try {
		return (JSON.parse(text) as { format?: unknown })?.format === SEALED_FORMAT;
	} catch {
		return false;
	}
}

/**
 * Parses and fully checks a backup; nothing is written anywhere. `metaSecretsFor` gives the keys this
 * browser holds for the backup's workspace, to check a plaintext backup's signature.
 */
export async function decodeBackup(
	text: string,
	fileName: string,
	passphrase?: string,
	metaSecretsFor?: MetaSecretsFor
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
	let trust: BackupTrust | null = null;
	if ((data as Partial<SealedFile>)?.format === SEALED_FORMAT) {
		const sealed = data as SealedFile;
		if (!passphrase)
			return bad('this backup is locked with a passphrase; enter it to restore.', 'backup/locked');
		const opened = await unseal(sealed, passphrase);
		if (!opened.ok) return bad(opened.error.message, opened.error.code);
		try {
			file = JSON.parse(opened.value) as Partial<BackupFile>;
		} catch {
			return bad('the unlocked backup is not valid JSON. Nothing was changed.');
		}
		if (sealed.version === 2 && file?.workspace?.id !== sealed.workspace?.id)
			return bad(
				'the backup’s label does not match what it holds; it was changed after it was made. Nothing was changed.',
				'backup/edited'
			);
		trust = 'sealed';
	}
	if (file?.format !== BACKUP_FORMAT) return bad('this is not a Keel backup file. Nothing was changed.');
	if (file.version !== 1 && file.version !== 2 && file.version !== 3)
		return bad(`backup version ${String(file.version)} is not one this Keel can read.`);
	if (!file.workspace || typeof file.workspace.id !== 'string' || typeof file.workspace.name !== 'string')
		return bad('the backup does not say which workspace it holds. Nothing was changed.');
	if (!file.shards || typeof file.shards !== 'object')
		return bad('the backup holds no data. Nothing was changed.');
	for (const key of Object.keys(file.shards))
		if (!SHARDS.includes(key as ShardName))
			return bad(`the backup has an unknown part "${key}". Nothing was changed.`);
	if (!file.shards.meta) return bad('the backup lacks the workspace profile. Nothing was changed.');
	const files = file.version === 1 ? undefined : file.files;
	if (file.version !== 1 && !validFiles(files))
		return bad('the document files in the backup are malformed. Nothing was changed.');
	if (typeof file.digest !== 'string' || (await digestOf(file.shards, files)) !== file.digest)
		return bad(
			'the backup is damaged: its checksum does not match its contents. Nothing was changed.',
			'backup/damaged'
		);
	if (trust === null) {
		const checked = await checkSignature(file as BackupFile, metaSecretsFor);
		if (!checked)
			return bad(
				'this backup was changed after it was made (its signature does not match this workspace). Nothing was changed.',
				'backup/edited'
			);
		trust = checked;
	}
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
		files: decodedFiles,
		trust
	});
}

/** A plaintext file's trust, or null when this browser holds the workspace and the signature fails. */
async function checkSignature(
	file: BackupFile,
	metaSecretsFor: MetaSecretsFor | undefined
): Promise<BackupTrust | null> {
	if (file.version !== 3) return 'old';
	const secrets = (await metaSecretsFor?.(file.workspace.id)) ?? [];
	if (secrets.length === 0) return 'unchecked';
	if (typeof file.signature !== 'string') return null;
	const valid = await verifyText(signedPart(file), file.signature, secrets, file.workspace.id);
	return valid ? 'signed' : null;
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
	if (file.kdf?.name !== 'PBKDF2' || file.cipher?.name !== 'AES-GCM')
		return err({ code: 'backup/unreadable', message: 'unknown encryption.' });
	if (file.version !== 1 && file.version !== 2)
		return err({
			code: 'backup/unreadable',
			message: `sealed backup version ${String(file.version)} is not one this Keel can read.`
		});
	if (!(file.kdf.iterations >= 100_000 && file.kdf.iterations <= 10_000_000))
		return err({
			code: 'backup/unreadable',
			message: 'the backup asks for an unsafe key derivation. Nothing was changed.'
		});
	if (file.version === 2 && typeof file.workspace?.id !== 'string')
		return err({
			code: 'backup/unreadable',
			message: 'the backup does not say which workspace it holds. Nothing was changed.'
		});
	const plain = await openSealed(
		{ salt: file.kdf.salt, iv: file.cipher.iv, data: file.data, iterations: file.kdf.iterations },
		passphrase,
		file.version === 2 ? sealedHeader(file.workspace?.id ?? '') : undefined
	);
	if (plain === null)
		return err({
			code: 'backup/wrong-passphrase',
			message:
				'wrong passphrase, or the backup was changed after it was made (its seal does not match). Nothing was changed.'
		});
	return ok(plain);
}
