// Who holds which role, computed from the trust statements whose signatures were already checked.
// Invariant: the result is a function of the SET of statements and the root key only — never of the
// order they arrived in, nor of any clock — so every replica that holds the same statements agrees.
//
// Rules. The root (the creator's key) is an owner. A grant counts when its issuer holds owner or admin
// through a chain of counted grants back to the root (only an owner may make an owner). A key's role
// is its best counted grant (owner > admin > People > Books > Tasks; then the shorter chain; then the
// smaller statement id). A grant citing a single-use invite counts for one key only: the key of the
// smallest-id grant citing it made by an owner or admin. A revoke by an owner or admin removes a key
// for good, and with it every grant that key issued; revokes are applied by the revoker's distance
// from the root, nearest first (revokes from equally near keys all at once), so a removed admin's
// own revokes no longer count. The root cannot be removed.
import type { ClaimBody, GrantBody, InviteBody, Role, StatementBody } from './statements';

const RANK: Record<Role, number> = { owner: 0, admin: 1, people: 2, books: 3, tasks: 4 };
export const canManage = (role: Role | undefined): boolean => role === 'owner' || role === 'admin';

export interface Standing {
	memberKey: string;
	/** The member id the counted grant names ('' for a root that never granted itself). */
	member: string;
	role: Role;
	/** Grants between the root and this key (0 for the root). */
	depth: number;
	/** The counted grant's id (null for the root). */
	grantId: string | null;
	issuer: string | null;
}

export interface InviteStanding {
	body: InviteBody;
	/** Its issuer holds owner or admin now. */
	issuerAuthorized: boolean;
	revoked: boolean;
	/** Keys a counted grant cites this invite for. */
	usedBy: string[];
}

export interface NotCounted {
	id: string;
	kind: 'grant' | 'revoke';
	/** For a grant: the member id it names. */
	member?: string;
	why: 'issuer-not-admin' | 'issuer-removed' | 'owner-by-admin' | 'invite-used';
}

export interface TrustState {
	root: string;
	/** Every key with a counted role, by key. */
	roles: ReadonlyMap<string, Standing>;
	/** Keys removed by a counted revoke. */
	removed: ReadonlySet<string>;
	/** The standing each removed key held by counted grants when it was removed (none if it held none). */
	formerRoles: ReadonlyMap<string, Standing>;
	invites: ReadonlyMap<string, InviteStanding>;
	/**
	 * Claims waiting for an owner or admin: from keys not removed that hold no role, or whose claimed
	 * invite carries a better role than the one they hold (a member widening their access).
	 */
	waiting: ClaimBody[];
	/** The member id each key was granted or claimed under (smallest statement id first). */
	memberOf: ReadonlyMap<string, string>;
	/** Grants and revokes that do not count, with why (issuer without the right, removed issuer…). */
	notCounted: NotCounted[];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function better(a: Standing, b: Standing | undefined): boolean {
	if (!b) return true;
	if (RANK[a.role] !== RANK[b.role]) return RANK[a.role] < RANK[b.role];
	if (a.depth !== b.depth) return a.depth < b.depth;
	return (a.grantId ?? '') < (b.grantId ?? '');
}

/** The roles the grants give from `root`, leaving out removed keys and excluded grants. */
function authorize(
	root: string,
	grants: readonly GrantBody[],
	removed: ReadonlySet<string>,
	excluded: ReadonlySet<string>
): Map<string, Standing> {
	const rootSelf = grants.find((g) => g.memberKey === root && g.by === root);
	const auth = new Map<string, Standing>([
		[
			root,
			{
				memberKey: root,
				member: rootSelf?.member ?? '',
				role: 'owner',
				depth: 0,
				grantId: null,
				issuer: null
			}
		]
	]);
	for (let changed = true; changed;) {
		changed = false;
		for (const g of grants) {
			if (excluded.has(g.id) || removed.has(g.memberKey) || removed.has(g.by) || g.memberKey === root)
				continue;
			const issuer = auth.get(g.by);
			if (!issuer || !canManage(issuer.role)) continue;
			if (g.role === 'owner' && issuer.role !== 'owner') continue;
			const next: Standing = {
				memberKey: g.memberKey,
				member: g.member,
				role: g.role,
				depth: issuer.depth + 1,
				grantId: g.id,
				issuer: g.by
			};
			if (better(next, auth.get(g.memberKey))) {
				auth.set(g.memberKey, next);
				changed = true;
			}
		}
	}
	return auth;
}

/** For each single-use invite, the grants citing it that do not count (all but the first key's). */
function singleUseExclusions(
	grants: readonly GrantBody[],
	invites: ReadonlyMap<string, InviteBody>,
	auth: ReadonlyMap<string, Standing>
): Set<string> {
	const out = new Set<string>();
	const winner = new Map<string, string>();
	for (const g of grants) {
		if (!g.invite || !invites.get(g.invite)?.singleUse) continue;
		if (!canManage(auth.get(g.by)?.role)) continue;
		if (!winner.has(g.invite)) winner.set(g.invite, g.memberKey);
	}
	for (const g of grants)
		if (g.invite && winner.has(g.invite) && winner.get(g.invite) !== g.memberKey) out.add(g.id);
	return out;
}

/** The trust state of a workspace from its checked statements (bodies whose signatures verified). */
export function computeTrust(root: string, statements: readonly StatementBody[]): TrustState {
	const grants = statements.filter((s): s is GrantBody => s.kind === 'grant').sort(byId);
	const revokes = statements.filter((s) => s.kind === 'revoke').sort(byId);
	const inviteBodies = new Map<string, InviteBody>();
	for (const s of [...statements].sort(byId))
		if (s.kind === 'invite' && !inviteBodies.has(s.id)) inviteBodies.set(s.id, s);

	const removed = new Set<string>();
	const formerRoles = new Map<string, Standing>();
	let excluded = singleUseExclusions(grants, inviteBodies, authorize(root, grants, removed, new Set()));
	let auth = authorize(root, grants, removed, excluded);
	for (;;) {
		const live = revokes.filter((r) => {
			if (r.memberKey === root || removed.has(r.memberKey) || removed.has(r.by)) return false;
			const issuer = auth.get(r.by);
			if (!issuer || !canManage(issuer.role)) return false;
			return !(auth.get(r.memberKey)?.role === 'owner' && issuer.role !== 'owner');
		});
		if (live.length === 0) break;
		const nearest = Math.min(...live.map((r) => auth.get(r.by)?.depth ?? Infinity));
		for (const r of live) if (auth.get(r.by)?.depth === nearest) removed.add(r.memberKey);
		for (const key of removed) {
			const held = auth.get(key);
			if (held && !formerRoles.has(key)) formerRoles.set(key, held);
		}
		excluded = singleUseExclusions(grants, inviteBodies, authorize(root, grants, removed, new Set()));
		auth = authorize(root, grants, removed, excluded);
	}

	const notCounted: TrustState['notCounted'] = [];
	for (const g of grants) {
		if (auth.get(g.memberKey)?.grantId === g.id || g.memberKey === root) continue;
		const issuer = auth.get(g.by);
		if (removed.has(g.by))
			notCounted.push({ id: g.id, kind: 'grant', member: g.member, why: 'issuer-removed' });
		else if (excluded.has(g.id))
			notCounted.push({ id: g.id, kind: 'grant', member: g.member, why: 'invite-used' });
		else if (!issuer || !canManage(issuer.role))
			notCounted.push({ id: g.id, kind: 'grant', member: g.member, why: 'issuer-not-admin' });
		else if (g.role === 'owner' && issuer.role !== 'owner')
			notCounted.push({ id: g.id, kind: 'grant', member: g.member, why: 'owner-by-admin' });
	}
	for (const r of revokes)
		if (!removed.has(r.memberKey))
			notCounted.push({
				id: r.id,
				kind: 'revoke',
				why: removed.has(r.by) ? 'issuer-removed' : 'issuer-not-admin'
			});

	const inviteRevoked = new Set(
		statements
			.filter((s) => s.kind === 'invite-revoke')
			.filter((s) => {
				const inv = inviteBodies.get(s.invite);
				return canManage(auth.get(s.by)?.role) || (inv !== undefined && inv.by === s.by);
			})
			.map((s) => (s.kind === 'invite-revoke' ? s.invite : ''))
	);
	const invites = new Map<string, InviteStanding>();
	for (const [id, body] of inviteBodies)
		invites.set(id, {
			body,
			issuerAuthorized: canManage(auth.get(body.by)?.role),
			revoked: inviteRevoked.has(id),
			usedBy: [
				...new Set(
					grants
						.filter((g) => g.invite === id && auth.get(g.memberKey)?.grantId === g.id)
						.map((g) => g.memberKey)
				)
			]
		});

	const waiting = statements
		.filter((s): s is ClaimBody => s.kind === 'claim')
		.filter((c) => !removed.has(c.by) && improves(auth.get(c.by)?.role, inviteBodies.get(c.invite)?.role))
		.sort(byId);
	const memberOf = new Map<string, string>();
	for (const s of [...statements].sort(byId)) {
		if (s.kind === 'grant' && !memberOf.has(s.memberKey)) memberOf.set(s.memberKey, s.member);
		if (s.kind === 'claim' && !memberOf.has(s.by)) memberOf.set(s.by, s.member);
	}
	return { root, roles: auth, removed, formerRoles, invites, waiting, memberOf, notCounted };
}

/** Whether an invite's role (unknown while the invite has not arrived) would improve `current`. */
function improves(current: Role | undefined, offered: Role | undefined): boolean {
	if (!current) return true;
	return offered !== undefined && RANK[offered] < RANK[current];
}

/** Whether a device holding `self` may confirm `claim` now (by ITS OWN clock `now`), and with which role. */
export function confirmableRole(
	trust: TrustState,
	self: string,
	claim: ClaimBody,
	now: string
): InviteBody['role'] | null {
	if (!canManage(trust.roles.get(self)?.role)) return null;
	if (trust.removed.has(claim.by)) return null;
	const inv = trust.invites.get(claim.invite);
	if (!inv || !inv.issuerAuthorized || inv.revoked) return null;
	if (!improves(trust.roles.get(claim.by)?.role, inv.body.role)) return null;
	if (inv.body.workspaceId !== claim.workspaceId) return null;
	if (Date.parse(inv.body.expiresAt) <= Date.parse(now)) return null;
	if (inv.body.singleUse && inv.usedBy.length > 0) return null;
	// An admin cannot make another admin an owner; an invite never carries owner anyway.
	return inv.body.role;
}
