// The trust statements a device owes the meta shard after reading it (no runes, no signing): the
// root's own owner grant when it is missing, this device's claim on the invite it joined through,
// and, on an owner's or admin's device, one grant per claim it may confirm. MembersState signs and
// writes them; reading the statements again afterwards finds nothing more to write.
import {
	canManage,
	confirmableRole,
	ROLES,
	type StatementBody,
	type TrustState,
	type UnsignedBody
} from '$lib/shared/domain/identity';
import type { WorkspaceEntry } from '$lib/shared/domain/workspace';

export function ownStatements(p: {
	trust: TrustState;
	verified: readonly StatementBody[];
	/** This device's public key. */
	me: string;
	entry: Pick<WorkspaceEntry, 'memberId' | 'memberName' | 'joinedInvite'>;
	/** Now by this device's clock (an invite's expiry is judged by it). */
	now: string;
}): UnsignedBody[] {
	const { trust, verified, me, entry } = p;
	const out: UnsignedBody[] = [];
	// The root's own owner grant names the member it acts as. Written when the workspace is made;
	// a browser that lost it (closed before it reached disk, with an older build) writes it again,
	// or every fact this device signs would be refused as recorded by someone else.
	if (
		trust.root === me &&
		!verified.some((s) => s.kind === 'grant' && s.by === me && s.memberKey === me && s.role === 'owner')
	)
		out.push({ kind: 'grant', member: entry.memberId, memberKey: me, role: 'owner' });
	const joined = entry.joinedInvite;
	const mine = trust.roles.get(me)?.role;
	const offered = joined ? trust.invites.get(joined)?.body.role : undefined;
	// A claim for the invite joined through: to become a member, or to widen a role already held.
	const widens = !mine || (offered !== undefined && ROLES.indexOf(offered) < ROLES.indexOf(mine));
	if (
		joined &&
		widens &&
		!trust.removed.has(me) &&
		!verified.some((s) => s.kind === 'claim' && s.by === me && s.invite === joined)
	)
		out.push({ kind: 'claim', invite: joined, member: entry.memberId, name: entry.memberName });
	if (!canManage(mine)) return out;
	const granted = new Set<string>();
	const memberKeys = new Map([...trust.roles.values()].map((s) => [s.member, s.memberKey]));
	for (const claim of trust.waiting) {
		const role = confirmableRole(trust, me, claim, p.now);
		// One grant per key; never a second key for a member id that already has a verified one.
		const holder = memberKeys.get(claim.member);
		if (!role || granted.has(claim.by) || (holder !== undefined && holder !== claim.by)) continue;
		granted.add(claim.by);
		out.push({ kind: 'grant', member: claim.member, memberKey: claim.by, role, invite: claim.invite });
	}
	return out;
}
