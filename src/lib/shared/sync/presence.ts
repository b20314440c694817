// Presence scoped per shard: where a member is (a section and maybe a record id) travels only on the
// awareness of the shard that section belongs to, so it reaches only teammates who hold that shard.
// The meta shard's awareness, which every member shares, says who is here and nothing about where
// unless it is a section with no records (dashboard, settings). Display merges what this browser's
// shards carry, one entry per browser tab.
import type { ShardName } from '../domain/workspace';

export interface PresenceState {
	user: { id: string; name: string; color: string };
	/** Where this member is: a section and, when editing one, a record id. Never record contents. */
	at: { section: string; recordId: string | null };
}

export interface PeerPresence extends PresenceState {
	/** The tab's client id in the meta shard's awareness (stable while the tab stays connected). */
	clientId: number;
	self: boolean;
}

/** What one tab publishes on one shard's awareness; `tab` ties a tab's states across shards. */
export interface ShardPresence extends PresenceState {
	tab: string;
}

/** The section shown for a member whose section is in a shard this browser does not hold. */
export const ELSEWHERE = 'elsewhere';

/** The shard whose records a section shows; null for sections with no records (dashboard, settings). */
export function presenceShard(section: string): Exclude<ShardName, 'meta'> | null {
	switch (section) {
		case 'tasks':
			return 'tasks';
		case 'books':
		case 'banking':
			return 'books';
		case 'people':
		case 'payroll':
			return 'people';
		default:
			return null;
	}
}

/** The state a tab puts on each shard's awareness for `state` (null: nothing on that shard). */
export function presenceByShard(
	state: PresenceState,
	tab: string,
	shards: readonly ShardName[]
): Map<ShardName, ShardPresence | null> {
	const home = presenceShard(state.at.section);
	const out = new Map<ShardName, ShardPresence | null>();
	for (const shard of shards) {
		if (shard === 'meta')
			out.set(shard, {
				tab,
				user: state.user,
				at: home ? { section: ELSEWHERE, recordId: null } : { section: state.at.section, recordId: null }
			});
		else out.set(shard, shard === home ? { tab, user: state.user, at: state.at } : null);
	}
	return out;
}

function parse(raw: unknown): ShardPresence | null {
	if (typeof raw !== 'object' || raw === null) return null;
	const s = raw as Partial<ShardPresence>;
	const u = s.user;
	const at = s.at;
	if (
		typeof s.tab !== 'string' ||
		typeof u !== 'object' ||
		u === null ||
		typeof at !== 'object' ||
		at === null
	)
		return null;
	if (typeof u.id !== 'string' || typeof u.name !== 'string' || typeof u.color !== 'string') return null;
	if (typeof at.section !== 'string' || !(at.recordId === null || typeof at.recordId === 'string'))
		return null;
	return { tab: s.tab, user: { id: u.id, name: u.name, color: u.color }, at: { ...at } };
}

/**
 * One entry per tab seen on the meta awareness, at the place a shard awareness this browser holds
 * says it is (a shard's word wins over meta's "elsewhere"). Malformed states from peers are skipped.
 */
export function mergePresence(p: {
	meta: ReadonlyMap<number, unknown>;
	shards: readonly ReadonlyMap<number, unknown>[];
	selfTab: string;
}): PeerPresence[] {
	const where = new Map<string, PresenceState['at']>();
	for (const states of p.shards)
		for (const raw of states.values()) {
			const s = parse(raw);
			if (s) where.set(s.tab, s.at);
		}
	const out: PeerPresence[] = [];
	const seen = new Set<string>();
	for (const [clientId, raw] of p.meta) {
		const s = parse(raw);
		if (!s || seen.has(s.tab)) continue;
		seen.add(s.tab);
		out.push({ clientId, self: s.tab === p.selfTab, user: s.user, at: where.get(s.tab) ?? s.at });
	}
	return out;
}
