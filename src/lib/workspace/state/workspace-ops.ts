// Workspace lifecycle verbs: create, join from an invite, rename, delete and back up (restoring is in
// restore.ts). Each keeps the registry and the shards consistent: a failure part-way leaves no half-made workspace.
import {
	SHARDS,
	mergeInvite,
	randomKey,
	type Invite,
	type ShardKey,
	type ShardName,
	type WorkspaceEntry
} from '$lib/shared/domain/workspace';
import { getWorkspace, putWorkspace, removeWorkspace, updateWorkspace } from '$lib/shared/storage/registry';
import { deleteProjections } from '$lib/tasks/storage/projections';
import { PeopleLocalDb, allFiles, deletePeopleLocal } from '$lib/people/storage/local';
import { WorkspaceSession, deleteShardStores } from '$lib/shared/sync/session';
import { readProfile, upsertMember, writeProfile, type WorkspaceProfile } from '$lib/shared/sync/meta-doc';
import { encodeBackup, type DocumentFile } from '$lib/shared/sync/backup';
import { BooksReplica } from '$lib/books/sync/replica';
import { PeopleFilesReplica } from '$lib/shared/sync/files';
import { newId, nowIso } from '../../shared/state/ids';
import { err, ok, problem, type Result } from '$lib/shared/domain';
import { canManage, computeTrust } from '$lib/shared/domain/identity';
import { generateDeviceKey, type DeviceKey } from '$lib/shared/crypto/signing';
import { checkInviteSeal } from '$lib/shared/crypto/invite-seal';
import { readShardTail } from '$lib/shared/sync/shard-reader';
import { readStoredStatements, signStatement, writeStatements } from '$lib/shared/sync/trust-doc';
import { forgetBooksHint } from '../../books/state/books.svelte';

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22'];

export function memberColor(memberId: string): string {
	let h = 0;
	for (const ch of memberId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
	return COLORS[h % COLORS.length] as string;
}

function freshKeys(): Record<ShardName, ShardKey> {
	const keys = {} as Record<ShardName, ShardKey>;
	for (const s of SHARDS) keys[s] = { room: randomKey(), secret: randomKey() };
	return keys;
}

export interface NewWorkspace {
	profile: Omit<WorkspaceProfile, 'createdAt'>;
	memberName: string;
	/** Chart-of-accounts template to start the books with (see CHART_TEMPLATES); none leaves it empty. */
	chartTemplate?: string;
}

export async function createWorkspace(
	input: NewWorkspace
): Promise<{ entry: WorkspaceEntry; session: WorkspaceSession }> {
	const now = nowIso();
	const device = await generateDeviceKey();
	const entry: WorkspaceEntry = {
		id: newId(),
		name: input.profile.name,
		createdAt: now,
		lastOpenedAt: now,
		shards: freshKeys(),
		memberId: newId(),
		memberName: input.memberName,
		signaling: [],
		online: true,
		schemaVersion: 1,
		// The creator's key is the workspace's root of trust, and the creator its first owner.
		root: device.publicKey,
		device
	};
	const ownerGrant = await ownerSelfGrant(entry.id, entry.memberId, device);
	await putWorkspace(entry);
	const session = await WorkspaceSession.open(entry);
	const meta = session.doc('meta');
	if (meta) {
		writeProfile(meta, { ...input.profile, createdAt: now });
		upsertMember(meta, {
			id: entry.memberId,
			name: input.memberName,
			color: memberColor(entry.memberId),
			joinedAt: now
		});
		writeStatements(meta, [ownerGrant]);
	}
	const books = session.doc('books');
	if (books && input.chartTemplate) {
		const replica = new BooksReplica(books, { newId });
		const applied = replica.applyChartTemplate(input.chartTemplate);
		replica.destroy();
		if (!applied.ok) throw new Error(applied.error.message);
	}
	// The owner grant above is what makes this device's writes count: it must be on disk before the
	// workspace is shown, or a tab closed (or reloaded) at once leaves a root that grants nobody.
	await session.stored();
	return { entry, session };
}

/** The signed statement making `device` the owner of a workspace it is the root of. */
export function ownerSelfGrant(workspaceId: string, memberId: string, device: DeviceKey) {
	return signStatement(device, workspaceId, newId(), {
		kind: 'grant',
		member: memberId,
		memberKey: device.publicKey,
		role: 'owner'
	});
}

/**
 * Where this browser already holds the workspace, an invite must also come from someone who is an
 * owner or admin there now, and must not have been withdrawn (read from the stored meta shard).
 */
async function checkAgainstHeldMeta(
	entry: WorkspaceEntry,
	issuer: string,
	inviteId: string
): Promise<Result<null>> {
	if (!entry.root) return ok(null);
	const { updates } = await readShardTail(entry.id, 'meta', null);
	const { verified } = await readStoredStatements(updates, entry.id);
	const trust = computeTrust(entry.root, verified);
	if (!canManage(trust.roles.get(issuer)?.role)) return err(problem('invite/not-admin'));
	if (trust.invites.get(inviteId)?.revoked) return err(problem('invite/revoked'));
	return ok(null);
}

/**
 * Joins (or widens access to) a workspace from an invite; keys and servers already held are kept.
 * The link must carry a good signature, not have expired by this device's clock, and name the root
 * this browser already holds for the workspace (a first join records it).
 */
export async function joinWorkspace(invite: Invite, memberName: string): Promise<Result<WorkspaceEntry>> {
	const now = nowIso();
	const existing = await getWorkspace(invite.workspaceId);
	const sealed = await checkInviteSeal(invite, { now, heldRoot: existing?.root });
	if (!sealed.ok) return sealed;
	const seal = sealed.value;
	if (existing) {
		const held = await checkAgainstHeldMeta(existing, seal.by, seal.id);
		if (!held.ok) return held;
	}
	const entry: WorkspaceEntry = existing
		? {
				...mergeInvite(existing, invite, now),
				device: existing.device ?? (await generateDeviceKey()),
				// A later invite may widen the role held: its claim is confirmed only if it does.
				joinedInvite: seal.id
			}
		: {
				id: invite.workspaceId,
				name: invite.name,
				createdAt: now,
				lastOpenedAt: now,
				shards: invite.shards,
				memberId: newId(),
				memberName,
				signaling: invite.signaling,
				online: true,
				schemaVersion: 1,
				root: seal.root,
				device: await generateDeviceKey(),
				joinedInvite: seal.id
			};
	await putWorkspace(entry);
	return ok(entry);
}

export async function renameWorkspace(session: WorkspaceSession, name: string): Promise<void> {
	const meta = session.doc('meta');
	if (meta) writeProfile(meta, { name });
	await updateWorkspace(session.entry.id, { name });
}

/** Removes the workspace from this browser only; teammates keep their copies. */
export async function deleteWorkspace(entry: WorkspaceEntry): Promise<void> {
	await removeWorkspace(entry.id);
	await deleteShardStores(entry.id, SHARDS, entry.storeGeneration);
	await deleteProjections(entry.id);
	await deletePeopleLocal(entry.id);
	forgetBooksHint(entry.id);
}

/**
 * The workspace as one backup file: sealed with `passphrase`, or (only when the person chose to
 * download without encryption) plaintext signed with the meta shard secret.
 */
export async function backupWorkspace(session: WorkspaceSession, passphrase?: string): Promise<string> {
	const meta = session.doc('meta');
	const name = meta ? readProfile(meta).name : session.entry.name;
	return encodeBackup({
		workspace: { id: session.entry.id, name },
		docs: session.docs,
		files: session.doc('people') ? await backupFiles(session) : undefined,
		now: nowIso(),
		passphrase,
		metaSecret: session.entry.shards.meta?.secret
	});
}

/** This browser's own document files, plus any received from teammates (checked against their hash). */
async function backupFiles(session: WorkspaceSession): Promise<Map<string, DocumentFile>> {
	const files = await documentFiles(session.entry.id);
	if (!session.filesDoc) return files;
	const shared = new PeopleFilesReplica(session.filesDoc);
	try {
		for (const id of shared.ids()) {
			if (files.has(id)) continue;
			const f = await shared.get(id);
			if (f && f !== 'damaged') files.set(id, { type: f.type, bytes: f.bytes });
		}
	} finally {
		shared.destroy();
	}
	return files;
}

/** The document files this browser's own store holds for a workspace, by document id. */
export async function documentFiles(workspaceId: string): Promise<Map<string, DocumentFile>> {
	const db = new PeopleLocalDb(workspaceId);
	try {
		const out = new Map<string, DocumentFile>();
		for (const f of await allFiles(db))
			out.set(f.id, { type: f.blob.type, bytes: new Uint8Array(await f.blob.arrayBuffer()) });
		return out;
	} finally {
		db.close();
	}
}
