// Signed trust statements, each declared once as a valibot schema: who holds which role (grant), who
// was removed (revoke), which invites an owner or admin issued (invite), which were withdrawn
// (invite-revoke), who joined through one (claim), each device's encryption key (box-key) and the
// new shard keys handed to remaining members after a removal (rekey). Every statement is `{ body, sig }`, signed by
// the key named in `body.by` over the canonical JSON of `body`; it is written once and never updated.
import { v } from '../schema';

export const ROLES = ['owner', 'admin', 'people', 'books', 'tasks'] as const;
export type Role = (typeof ROLES)[number];
/** The roles an invite may carry (an owner is only ever made by a direct grant). */
export type InviteRole = Exclude<Role, 'owner'>;

/** Roles in words, as the Members screen names them. */
export const ROLE_WORDS: Record<Role, string> = {
	owner: 'Owner',
	admin: 'Admin (everything)',
	people: 'People & Payroll (and Tasks)',
	books: 'Books (and Tasks)',
	tasks: 'Tasks only'
};

/** A raw Ed25519 public key as URL-safe base64 (32 bytes → 43 characters). */
const publicKey = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/));
const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/));
const roleSchema = v.picklist(ROLES);
/** A raw uncompressed P-256 public key as URL-safe base64 (65 bytes → 87 characters). */
const boxKey = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{87}$/));
const SHARD_NAMES = ['meta', 'tasks', 'books', 'people'] as const;

const common = { v: v.literal(1), id, workspaceId: v.pipe(v.string(), v.minLength(1)), by: publicKey };

export const grantBody = v.strictObject({
	...common,
	kind: v.literal('grant'),
	member: v.pipe(v.string(), v.minLength(1)),
	memberKey: publicKey,
	role: roleSchema,
	invite: v.optional(id)
});
export const revokeBody = v.strictObject({ ...common, kind: v.literal('revoke'), memberKey: publicKey });
export const inviteBody = v.strictObject({
	...common,
	kind: v.literal('invite'),
	name: v.string(),
	role: v.picklist(['admin', 'people', 'books', 'tasks'] satisfies InviteRole[]),
	/** ISO instant after which no device confirms a claim on it (each by its own clock). */
	expiresAt: v.pipe(v.string(), v.isoTimestamp()),
	singleUse: v.boolean(),
	root: publicKey,
	/** SHA-256 of the canonical JSON of the shard keys the link carries: the keys never enter meta. */
	keysDigest: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
	signaling: v.array(v.string())
});
export const inviteRevokeBody = v.strictObject({ ...common, kind: v.literal('invite-revoke'), invite: id });
export const claimBody = v.strictObject({
	...common,
	kind: v.literal('claim'),
	invite: id,
	member: v.pipe(v.string(), v.minLength(1)),
	name: v.string()
});

/** A device's public encryption key, bound to its signing key by its own signature (see rekey.ts). */
export const boxKeyBody = v.strictObject({ ...common, kind: v.literal('box-key'), boxKey });
/**
 * New room ids and secrets for the shards a removed key could read, one sealed box per remaining
 * member's box key holding only the shards that member's role may read (see rekey.ts).
 */
export const rekeyBody = v.strictObject({
	...common,
	kind: v.literal('rekey'),
	/** The rekey this one follows in the workspace's chain ('' for the first). */
	after: v.union([v.literal(''), id]),
	/** The keys this rekey shuts out: they are given none of the new secrets. */
	removed: v.pipe(v.array(publicKey), v.maxLength(1000)),
	/** The shards given a new room and secret. */
	shards: v.pipe(v.array(v.picklist(SHARD_NAMES)), v.minLength(1), v.maxLength(SHARD_NAMES.length)),
	/** When, by the writer's clock: shown as information only, never used to decide anything. */
	at: v.pipe(v.string(), v.isoTimestamp()),
	boxes: v.pipe(
		v.array(
			v.strictObject({
				to: publicKey,
				boxKey,
				epk: boxKey,
				iv: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16}$/)),
				ct: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,4000}$/))
			})
		),
		v.maxLength(1000)
	)
});
export const statementBody = v.variant('kind', [
	grantBody,
	revokeBody,
	inviteBody,
	inviteRevokeBody,
	claimBody,
	boxKeyBody,
	rekeyBody
]);
export const signedStatement = v.strictObject({
	body: statementBody,
	sig: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{86}$/))
});

export type GrantBody = v.InferOutput<typeof grantBody>;
export type RevokeBody = v.InferOutput<typeof revokeBody>;
export type InviteBody = v.InferOutput<typeof inviteBody>;
export type InviteRevokeBody = v.InferOutput<typeof inviteRevokeBody>;
export type ClaimBody = v.InferOutput<typeof claimBody>;
export type BoxKeyBody = v.InferOutput<typeof boxKeyBody>;
export type RekeyBody = v.InferOutput<typeof rekeyBody>;
export type StatementBody = v.InferOutput<typeof statementBody>;
export type SignedStatement = v.InferOutput<typeof signedStatement>;
/** A statement body before it is given its id, workspace and signer. */
export type UnsignedBody = StatementBody extends infer B
	? B extends StatementBody
		? Omit<B, 'v' | 'id' | 'workspaceId' | 'by'>
		: never
	: never;
