// Keeping a person's document file on this device: its metadata (hash, size, type, expiry) checked
// before anything is written, then the bytes stored in IndexedDB, then the metadata in the shard
// (and an expiry reminder task). Invariant: a refused file, or one the store or the shard cannot
// take, leaves nothing behind.
import type { IsoDate } from '$lib/shared/domain';
import { checkDocumentUpload, type DocumentMeta, type DocumentType } from '$lib/people/domain';
import { sha256Hex } from '$lib/shared/sync/files';
import type { DocumentFiles } from './document-files.svelte';
import { failed, refuse } from './data';
import { ok, type Result } from '$lib/shared/domain';
import { newId, nowIso } from '../../shared/state/ids';
import type { PeopleReplica } from '$lib/people/sync/replica';
import type { TasksState } from '../../tasks/state/tasks.svelte';
import { expiryReminder } from './tasks';

/** Checks and stores the file; its metadata, or why it was refused (out of space, in plain words). */
export async function storeDocument(p: {
	personId: string;
	file: File;
	type: DocumentType;
	expiresOn: IsoDate | null;
	me: string;
	files: DocumentFiles;
}): Promise<Result<DocumentMeta>> {
	const { file } = p;
	const bytes = new Uint8Array(await file.arrayBuffer());
	const sha256 = await sha256Hex(bytes);
	const meta: DocumentMeta = {
		schemaVersion: 1,
		id: newId(),
		personId: p.personId,
		type: p.type,
		fileName: file.name,
		mimeType: file.type || 'application/octet-stream',
		sizeBytes: file.size,
		uploadedAt: nowIso(),
		uploadedBy: p.me,
		expiresOn: p.expiresOn,
		sha256
	};
	const checked = checkDocumentUpload(meta);
	if (!checked.ok) return failed(checked.error);
	try {
		await p.files.add(meta.id, file, bytes, sha256);
	} catch (e) {
		const quota = e instanceof Error && /quota/i.test(e.name + e.message);
		const message = quota
			? 'This browser is out of storage space; the file was not added.'
			: 'The file could not be stored.';
		return refuse(quota ? 'hr/storage-full' : 'hr/document', message, [{ field: 'file', message }]);
	}
	return ok(meta);
}

/**
 * Keeps the file on this device and its metadata in the shard; an expiry date also creates a
 * reminder task. Nothing is written if the file is refused.
 */
export async function addDocument(
	ctx: { live: () => PeopleReplica; files: DocumentFiles; tasks: TasksState | null; me: string },
	p: { personId: string; file: File; type: DocumentType; expiresOn: IsoDate | null }
): Promise<Result<undefined>> {
	const stored = await storeDocument({ ...p, me: ctx.me, files: ctx.files });
	if (!stored.ok) return stored;
	const meta = stored.value;
	const done = ctx.live().addDocument(meta);
	if (!done.ok) {
		await ctx.files.remove([meta.id]);
		return failed(done.error);
	}
	if (p.expiresOn) expiryReminder(ctx.tasks, p.personId, meta, p.expiresOn);
	return { ok: true, value: undefined };
}
