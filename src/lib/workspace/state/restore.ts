// Restoring a backup: as a new workspace, or over the one it was made from. What it keeps: a backup is
// checked whole (format, checksum, seal or signature, which workspace) before anything is written; a
// backup whose edits cannot be ruled out needs the person's explicit go-ahead; and restoring over a
// workspace writes a complete new generation of its databases, switches the registry entry to it in
// one write, and only then drops the old one, so closing the tab at any point loses nothing. A
// marker in the registry settings records a restore under way; `finishUnfinishedRestores` (run
// before any workspace opens) completes or undoes one that was cut short.
import {
	SHARDS,
	randomKey,
	type ShardKey,
	type ShardName,
	type WorkspaceEntry
} from '$lib/shared/domain/workspace';
import { err, ok, problem, type Result } from '$lib/shared/domain';
import {
	RESTORE_MARKER_PREFIX as MARKER_PREFIX,
	getSetting,
	getWorkspace,
	putWorkspace,
	removeSetting,
	setSetting,
	switchStoreGeneration,
	settingKeys
} from '$lib/shared/storage/registry';
import { deleteShardStores } from '$lib/shared/sync/session';
import { decodeBackup, type DecodedBackup, type MetaSecretsFor } from '$lib/shared/sync/backup';
import { writeShardUpdates } from '$lib/shared/sync/shard-writer';
import { deleteProjections } from '$lib/tasks/storage/projections';
import { PeopleLocalDb, deletePeopleLocal, putFiles } from '$lib/people/storage/local';
import { forgetBooksHint } from '../../books/state/hint';
import { newId, nowIso } from '../../shared/state/ids';
import { generateDeviceKey } from '$lib/shared/crypto/signing';
import { withFreshStatements } from '$lib/shared/sync/trust-doc';
import { ownerSelfGrant } from './workspace-ops';

/** What a restore under way has done, kept in the registry's settings until it is finished. */
interface RestoreMarker {
	workspaceId: string;
	/** The generation being written (null: a new workspace, written in the first generation). */
	next: string | null;
	/** The generation it replaces (null: the first, unnamed one). */
	previous: string | null;
	/** True for a restore as a new workspace (no registry entry until it is complete). */
	fresh: boolean;
}

/** The points a restore passes; a test can stop it at any of them, as a closed tab would. */
export type RestoreStep = 'marked' | 'shards-written' | 'files-written' | 'switched' | 'old-dropped';
export interface RestoreHooks {
	/** Called after each step; a throw fails the restore there, a promise that never settles is a closed tab. */
	readonly after?: (step: RestoreStep) => void | Promise<void>;
}

/** Runs `fn` while no other tab of this browser restores or recovers (Web Locks, where the browser has them). */
function exclusively<T>(fn: () => Promise<T>): Promise<T> {
	const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
	return locks ? locks.request('keel-restore', fn) : fn();
}

/**
 * The meta secrets this browser holds for a workspace, to check a plaintext backup's signature: the
 * current one and those it held before a removal changed the keys (a backup made before still checks).
 */
export const heldMetaSecrets: MetaSecretsFor = async (workspaceId) => {
	const entry = await getWorkspace(workspaceId);
	const current = entry?.shards.meta?.secret;
	return [...(current ? [current] : []), ...(entry?.formerMeta ?? []).map((k) => k.secret).reverse()];
};

/** A backup Keel cannot check for edits needs the person's explicit go-ahead; this says why. */
function needsGoAhead(backup: DecodedBackup, fileName: string): Result<never> | null {
	if (backup.trust === 'sealed' || backup.trust === 'signed') return null;
	const why =
		backup.trust === 'old'
			? 'this backup was made by an older version of Keel and carries no signature'
			: `this backup is not encrypted and this browser does not hold “${backup.workspace.name}”`;
	return err({
		...problem('backup/unchecked', { fileName }),
		message: `${fileName}: ${why}, so Keel cannot check whether it was changed after it was made. Restore it only if you know where it came from.`
	});
}

/** Checks a backup for restoring as a new workspace; only a go-ahead lets an unchecked one through. */
export async function checkRestoreAsNew(args: {
	text: string;
	fileName: string;
	passphrase?: string;
	acceptUnchecked?: boolean;
}): Promise<Result<DecodedBackup>> {
	const decoded = await decodeBackup(args.text, args.fileName, args.passphrase, heldMetaSecrets);
	if (!decoded.ok) return decoded;
	const refusal = args.acceptUnchecked ? null : needsGoAhead(decoded.value, args.fileName);
	return refusal ?? decoded;
}

/** Checks a backup for restoring over `entry`: it must be this workspace's, and checked or accepted. */
export async function checkRestoreInto(args: {
	entry: WorkspaceEntry;
	text: string;
	fileName: string;
	passphrase?: string;
	acceptUnchecked?: boolean;
}): Promise<Result<DecodedBackup>> {
	const decoded = await decodeBackup(args.text, args.fileName, args.passphrase, heldMetaSecrets);
	if (!decoded.ok) return decoded;
	const backup = decoded.value;
	if (backup.workspace.id !== args.entry.id) {
		const same = backup.workspace.name === args.entry.name ? ' (another workspace of the same name)' : '';
		const details = {
			fileName: args.fileName,
			backupName: backup.workspace.name,
			workspaceName: args.entry.name
		};
		return err({
			...problem('backup/other-workspace', details),
			message: `${args.fileName}: this is a backup of “${backup.workspace.name}”${same}, not of “${args.entry.name}”: restore it as a new workspace from the workspace list. Nothing was changed.`
		});
	}
	const refusal = args.acceptUnchecked ? null : needsGoAhead(backup, args.fileName);
	return refusal ?? decoded;
}

/** Checks the whole file first; only a valid (and checked or accepted) backup creates anything. */
export async function restoreAsNewWorkspace(
	args: {
		text: string;
		fileName: string;
		passphrase?: string;
		memberName: string;
		acceptUnchecked?: boolean;
	},
	hooks: RestoreHooks = {}
): Promise<Result<WorkspaceEntry>> {
	const decoded = await checkRestoreAsNew(args);
	if (!decoded.ok) return decoded;
	return ok(await exclusively(() => writeNewWorkspace(decoded.value, args.memberName, hooks)));
}

async function writeNewWorkspace(
	backup: DecodedBackup,
	memberName: string,
	hooks: RestoreHooks
): Promise<WorkspaceEntry> {
	const now = nowIso();
	const shards: Partial<Record<ShardName, ShardKey>> = {};
	for (const s of Object.keys(backup.updates) as ShardName[])
		shards[s] = { room: randomKey(), secret: randomKey() };
	const device = await generateDeviceKey();
	const entry: WorkspaceEntry = {
		id: newId(),
		name: `${backup.workspace.name} (restored)`,
		createdAt: now,
		lastOpenedAt: now,
		shards,
		memberId: newId(),
		memberName,
		signaling: [],
		online: true,
		schemaVersion: 1,
		// A restored copy is a new workspace: whoever restores it is its root and first owner.
		root: device.publicKey,
		device
	};
	// The source workspace's signed statements do not carry over; this browser's owner grant does.
	const updates = {
		...backup.updates,
		meta: withFreshStatements(backup.updates.meta, [await ownerSelfGrant(entry.id, entry.memberId, device)])
	};
	const marker: RestoreMarker = { workspaceId: entry.id, next: null, previous: null, fresh: true };
	await setSetting(MARKER_PREFIX + entry.id, marker);
	try {
		await hooks.after?.('marked');
		await writeShardUpdates(entry.id, updates);
		await hooks.after?.('shards-written');
		await restoreDocumentFiles(entry.id, backup);
		await hooks.after?.('files-written');
		await putWorkspace(entry);
	} catch (e) {
		await undo(marker);
		throw e;
	}
	await hooks.after?.('switched');
	await clearMarker(entry.id);
	return entry;
}

/** Restores over a workspace (see the file's head): checks, then writes the new generation beside the old. */
export async function restoreIntoWorkspace(
	args: {
		entry: WorkspaceEntry;
		text: string;
		fileName: string;
		passphrase?: string;
		acceptUnchecked?: boolean;
	},
	hooks: RestoreHooks = {}
): Promise<Result<WorkspaceEntry>> {
	const decoded = await checkRestoreInto(args);
	if (!decoded.ok) return decoded;
	return ok(await writeOverWorkspace(args.entry.id, decoded.value, hooks));
}

/** Writes a checked backup over the workspace `workspaceId` (closed first by the caller). */
export function writeOverWorkspace(
	workspaceId: string,
	backup: DecodedBackup,
	hooks: RestoreHooks = {}
): Promise<WorkspaceEntry> {
	return exclusively(() => writeOver(workspaceId, backup, hooks));
}

async function writeOver(
	workspaceId: string,
	backup: DecodedBackup,
	hooks: RestoreHooks
): Promise<WorkspaceEntry> {
	const current = await getWorkspace(workspaceId);
	if (!current) throw new Error('the workspace is no longer in this browser');
	const marker: RestoreMarker = {
		workspaceId,
		next: newId().toLowerCase(),
		previous: current.storeGeneration ?? null,
		fresh: false
	};
	await setSetting(MARKER_PREFIX + workspaceId, marker);
	let entry: WorkspaceEntry;
	try {
		await hooks.after?.('marked');
		await writeShardUpdates(workspaceId, backup.updates, marker.next ?? undefined);
		await hooks.after?.('shards-written');
		// Files the backup does not hold stay: a teammate's document may still be listed after a merge.
		await restoreDocumentFiles(workspaceId, backup);
		await hooks.after?.('files-written');
		const shards = { ...current.shards };
		for (const s of Object.keys(backup.updates) as ShardName[])
			shards[s] ??= { room: randomKey(), secret: randomKey() };
		entry = { ...current, shards, name: backup.workspace.name, storeGeneration: marker.next ?? undefined };
		// The switch: one registry write; before it the old copy is live, after it the new one.
		await switchStoreGeneration(entry);
	} catch (e) {
		await undo(marker);
		throw e;
	}
	// From here a failure leaves the new copy live; the marker lets the next start drop the old one.
	await hooks.after?.('switched');
	await dropPrevious(marker);
	await hooks.after?.('old-dropped');
	await clearMarker(workspaceId);
	return entry;
}

/** Puts a backup's document files back; without the people shard they would belong to nothing. */
async function restoreDocumentFiles(workspaceId: string, backup: DecodedBackup): Promise<void> {
	if (!backup.updates.people || backup.files.size === 0) return;
	const db = new PeopleLocalDb(workspaceId);
	try {
		await putFiles(
			db,
			[...backup.files].map(([id, f]) => ({ id, blob: new Blob([f.bytes as BlobPart], { type: f.type }) }))
		);
	} finally {
		db.close();
	}
}

/** Removes what a restore that never switched wrote; the live copy is untouched. */
async function undo(marker: RestoreMarker): Promise<void> {
	await deleteShardStores(marker.workspaceId, SHARDS, marker.next ?? undefined);
	if (marker.fresh) await deletePeopleLocal(marker.workspaceId);
	await clearMarker(marker.workspaceId);
}

/** After the switch: the old generation and everything built from it go. */
async function dropPrevious(marker: RestoreMarker): Promise<void> {
	await deleteShardStores(marker.workspaceId, SHARDS, marker.previous ?? undefined);
	await deleteProjections(marker.workspaceId);
	forgetBooksHint(marker.workspaceId);
}

async function clearMarker(workspaceId: string): Promise<void> {
	await removeSetting(MARKER_PREFIX + workspaceId);
}

/**
 * Completes or undoes every restore a closed tab cut short: before the switch its new copy is
 * dropped (the old one is still live); after it, the old copy is. Run before any workspace opens.
 */
export function finishUnfinishedRestores(): Promise<number> {
	return exclusively(finishAll);
}

async function finishAll(): Promise<number> {
	const keys = await settingKeys(MARKER_PREFIX);
	for (const key of keys) {
		const marker = await getSetting<RestoreMarker>(key);
		if (!marker) continue;
		const entry = await getWorkspace(marker.workspaceId);
		const switched = marker.fresh ? entry !== undefined : (entry?.storeGeneration ?? null) === marker.next;
		if (!switched) await undo(marker);
		else {
			if (!marker.fresh) await dropPrevious(marker);
			await clearMarker(marker.workspaceId);
		}
	}
	return keys.length;
}
