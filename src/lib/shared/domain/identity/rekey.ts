// Which rekeys count and in what order, from checked statements and the trust state: the one chain
// every replica holding the same statements agrees on, never decided by arrival order nor by a clock.
//
// Rules. A rekey counts when its signer holds owner or admin now, or when a counted rekey follows it
// (so history stays anchored when its writer is later removed). The chain starts at the counted rekeys
// that follow nothing ('' ) and, at each step, takes among the counted rekeys following the last one
// the one whose hashed id and signer sort first (two admins rekeying at once: both replicas pick the
// same). A removed key not shut out by any rekey of the chain still needs one (`pendingRemovals`).
import { sha256Hex } from '../sha256';
import type { RekeyBody, Role, StatementBody } from './statements';
import { canManage, type TrustState } from './roles';

export type RekeyShard = RekeyBody['shards'][number];
const ALL: readonly RekeyShard[] = ['meta', 'tasks', 'books', 'people'];

/** The shards each role may read (owner and admin read all). */
export const ROLE_SHARDS: Record<Role, readonly RekeyShard[]> = {
	owner: ALL,
	admin: ALL,
	people: ['meta', 'tasks', 'people'],
	books: ['meta', 'tasks', 'books'],
	tasks: ['meta', 'tasks']
};

export interface RekeyChain {
	/** The counted rekeys in chain order, first to latest. */
	chain: RekeyBody[];
	/** Rekeys whose signer is no owner or admin (and that no counted rekey follows). */
	notCounted: RekeyBody[];
}

const rank = (r: RekeyBody) => sha256Hex(`${r.id}:${r.by}`);

export function rekeyChain(trust: TrustState, statements: readonly StatementBody[]): RekeyChain {
	const rekeys = statements.filter((s): s is RekeyBody => s.kind === 'rekey');
	const byId = new Map(rekeys.map((r) => [r.id, r]));
	const counted = new Set(rekeys.filter((r) => canManage(trust.roles.get(r.by)?.role)).map((r) => r.id));
	for (let grew = true; grew;) {
		grew = false;
		for (const id of [...counted]) {
			const before = byId.get(id)?.after;
			if (before && byId.has(before) && !counted.has(before)) {
				counted.add(before);
				grew = true;
			}
		}
	}
	const chain: RekeyBody[] = [];
	const seen = new Set<string>();
	for (let last = ''; ;) {
		const next = rekeys
			.filter((r) => counted.has(r.id) && r.after === last && !seen.has(r.id))
			.map((r) => ({ r, k: rank(r) }))
			.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))[0]?.r;
		if (!next) break;
		chain.push(next);
		seen.add(next.id);
		last = next.id;
	}
	return { chain, notCounted: rekeys.filter((r) => !counted.has(r.id)) };
}

/** Removed keys that no rekey of the chain shuts out: their shards still need new keys. */
export function pendingRemovals(trust: TrustState, chain: readonly RekeyBody[]): string[] {
	const shut = new Set(chain.flatMap((r) => r.removed));
	return [...trust.removed].filter((k) => !shut.has(k)).sort();
}

/** Every key shut out by the chain or removed by a counted revoke: never given a new secret. */
export function shutOut(trust: TrustState, chain: readonly RekeyBody[]): Set<string> {
	return new Set([...trust.removed, ...chain.flatMap((r) => r.removed)]);
}

/**
 * Who gets which of the new secrets: every member with a counted role who is not shut out, with the
 * rotated shards their role may read (none → left out).
 */
export function rekeyRecipients(
	trust: TrustState,
	chain: readonly RekeyBody[],
	shards: readonly RekeyShard[],
	removing: readonly string[] = []
): Map<string, RekeyShard[]> {
	const out = shutOut(trust, chain);
	for (const k of removing) out.add(k);
	const recipients = new Map<string, RekeyShard[]>();
	for (const s of trust.roles.values()) {
		if (out.has(s.memberKey)) continue;
		const may = shards.filter((x) => ROLE_SHARDS[s.role].includes(x));
		if (may.length) recipients.set(s.memberKey, may);
	}
	return recipients;
}

/** The shards to rotate when keys with these roles leave (unknown role: every shard): meta always. */
export function shardsToRotate(roles: readonly (Role | undefined)[]): RekeyShard[] {
	const want = new Set<RekeyShard>(['meta']);
	for (const r of roles) for (const s of r ? ROLE_SHARDS[r] : ALL) want.add(s);
	return ALL.filter((s) => want.has(s));
}

/** The box keys each signing key published for itself (a device may have published more than one). */
export function boxKeysOf(statements: readonly StatementBody[]): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const s of [...statements].sort((a, b) => (a.id < b.id ? -1 : 1)))
		if (s.kind === 'box-key') out.set(s.by, [...new Set([...(out.get(s.by) ?? []), s.boxKey])]);
	return out;
}

/**
 * Members (by key, not removed, holding a counted role) who have published no box key: a change of
 * keys cannot be sealed for them, so a removal now would leave them on the old keys until invited again.
 */
export function withoutBoxKey(trust: TrustState, statements: readonly StatementBody[]): string[] {
	const boxes = boxKeysOf(statements);
	return [...trust.roles.keys()].filter((k) => !trust.removed.has(k) && !boxes.has(k)).sort();
}
