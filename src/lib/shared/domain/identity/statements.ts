// Signed trust statements, each declared once as a valibot schema: who holds which role (grant), who
// was removed (revoke), which invites an owner or admin issued (invite), which were withdrawn
// (invite-revoke) and who joined through one (claim). Every statement is `{ body, sig }`, signed by
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

export const statementBody = v.variant('kind', [
	grantBody,
	revokeBody,
	inviteBody,
	inviteRevokeBody,
	claimBody
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
export type StatementBody = v.InferOutput<typeof statementBody>;
export type SignedStatement = v.InferOutput<typeof signedStatement>;
/** A statement body before it is given its id, workspace and signer. */
export type UnsignedBody = StatementBody extends infer B
	? B extends StatementBody
		? Omit<B, 'v' | 'id' | 'workspaceId' | 'by'>
		: never
	: never;
