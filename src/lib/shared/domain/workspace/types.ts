// Plain types of a workspace's shape: which shards exist and what a sync key is. Shared by the
// storage, sync and state layers, so none of them has to import another for its types.

export type ShardName = 'meta' | 'tasks' | 'books' | 'people';
export const SHARDS: readonly ShardName[] = ['meta', 'tasks', 'books', 'people'];

/** Room id and secret of one shard: whoever holds them can join that shard's sync room. */
export interface ShardKey {
	room: string;
	secret: string;
}

export interface WorkspaceEntry {
	id: string;
	/** Cached from the meta doc so the picker can list workspaces without opening them. */
	name: string;
	createdAt: string;
	lastOpenedAt: string;
	/** The shards this browser holds, each with its sync key. A task-only peer has meta and tasks. */
	shards: Partial<Record<ShardName, ShardKey>>;
	/** This browser's member id and display name within the workspace. */
	memberId: string;
	memberName: string;
	/** Signaling servers for y-webrtc; empty means this workspace syncs only between tabs. */
	signaling: string[];
	/** False while the user has paused sync ("work offline"). */
	online: boolean;
	schemaVersion: 1;
	/**
	 * Which copy of the shards' browser databases is live (see shared/sync/shard-names.ts). Absent for a
	 * workspace never restored over: its databases keep their first names. A restore writes a new
	 * generation completely, then switches this field in one registry write, then drops the old one.
	 */
	storeGeneration?: string;
	/**
	 * The workspace's root of trust: its creator's public key. Set when this browser creates the
	 * workspace or FIRST joins it from a signed invite (or adopts it on first sight for a workspace
	 * made before keys); never replaced afterwards, whatever a later invite says.
	 */
	root?: string;
	/** This browser's signing key for this membership; the private half never leaves this browser. */
	device?: { publicKey: string; privateKey: CryptoKey };
	/** The invite this browser last joined through, claimed in the meta shard until a grant confirms it. */
	joinedInvite?: string;
	/**
	 * This browser's encryption key pair for this membership (ECDH P-256, shared/crypto/box.ts): rekeys
	 * seal new shard keys for it. The private half is non-extractable and never leaves this browser.
	 */
	box?: { publicKey: string; privateKey: CryptoKey };
	/**
	 * The shard keys held before this browser first applied a rekey (shared/sync/rekey.ts): every
	 * replay of the rekey chain starts from them, so a device that followed a rekey another replica
	 * did not pick ends in the same rooms as everyone else. Absent until the first rekey.
	 */
	baseShards?: Partial<Record<ShardName, ShardKey>>;
	/**
	 * Meta keys held before the current one, oldest first: their handover rooms stay served (so a
	 * member who was offline finds its new keys) and backups signed with them still verify.
	 */
	formerMeta?: ShardKey[];
}
