// Signing an invite when it is made, and checking one before anything is joined. The signed body
// covers the workspace, its name, the role, the expiry, single use, the issuer and root keys, the
// signaling servers and a digest of the shard keys (the keys themselves stay out of the body, which is
// also published in the meta shard that Tasks-only members read). A link whose signature fails, that
// expired by this device's clock, or that names another root than the one held, is refused.
import { canonicalJson } from '../domain/identity/canonical';
import type { InviteBody } from '../domain/identity/statements';
import { GRANT_ROLE, keysDigest, type Invite } from '../domain/workspace/invite';
import { err, ok, type Result } from '../domain/result';
import { problem } from '../domain/messages';
import { signBody, verifySigned, type DeviceKey } from './signing';

/** The invite with its issuer's signed statement. */
export async function sealInvite(
	invite: Invite,
	args: { id: string; key: DeviceKey; root: string; expiresAt: string; singleUse: boolean }
): Promise<Invite & { seal: { body: InviteBody; sig: string } }> {
	const body: InviteBody = {
		v: 1,
		kind: 'invite',
		id: args.id,
		workspaceId: invite.workspaceId,
		by: args.key.publicKey,
		name: invite.name,
		role: GRANT_ROLE[invite.grant],
		expiresAt: args.expiresAt,
		singleUse: args.singleUse,
		root: args.root,
		keysDigest: keysDigest(invite.shards),
		signaling: [...invite.signaling]
	};
	return { ...invite, seal: { body, sig: await signBody(args.key, body) } };
}

/** The invite's signed body when the link may be joined now, or why not (codes `invite/…`). */
export async function checkInviteSeal(
	invite: Invite,
	args: { now: string; heldRoot?: string }
): Promise<Result<InviteBody>> {
	const seal = invite.seal;
	if (!seal) return err(problem('invite/unsigned'));
	const b = seal.body;
	const matches =
		b.workspaceId === invite.workspaceId &&
		b.name === invite.name &&
		b.role === GRANT_ROLE[invite.grant] &&
		b.keysDigest === keysDigest(invite.shards) &&
		canonicalJson(b.signaling) === canonicalJson(invite.signaling);
	if (!matches || !(await verifySigned(b.by, b, seal.sig))) return err(problem('invite/bad-signature'));
	if (args.heldRoot !== undefined && args.heldRoot !== b.root) return err(problem('invite/other-root'));
	if (Date.parse(b.expiresAt) <= Date.parse(args.now))
		return err(problem('invite/expired', { date: b.expiresAt.slice(0, 10) }));
	return ok(b);
}
