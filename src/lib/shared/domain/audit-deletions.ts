// Deletions no signed entry accounts for. A Yjs deletion consumes no clock, so the chain check cannot
// tie it to a device; instead each entry lists what its own transactions deleted (`deleted`, ranges
// of Yjs item ids), and its seal signs that list. Invariant: a deletion of something a member's
// signed entry created counts as accounted for only when an entry whose OWN seal is good, by a
// member named as its author, lists it; anything else is reported in words, by where it was, never
// as a number of Yjs units. Deletions of data created before entries were signed cannot be judged
// (who created it is unknown) and are not reported. Pure: the seal check is injected.
import type { AuditEntry, AuditProblem } from './audit';
import type { AttributedAudit, AuditSealStatus } from './audit-signers';

/** A run of deleted Yjs items of one client, and where they were, in words ("Task", "Other data"). */
export interface DeletedRun {
	readonly client: number;
	readonly clock: number;
	readonly len: number;
	readonly what: string;
}

type Range = readonly [number, number];

function add(map: Map<number, Range[]>, client: number, from: number, to: number): void {
	const list = map.get(client) ?? [];
	list.push([from, to]);
	map.set(client, list);
}

/** The ranges sorted and merged where they touch, so they can be searched. */
function union(map: Map<number, Range[]>): void {
	for (const [client, list] of map) {
		list.sort((x, y) => x[0] - y[0]);
		const out: Range[] = [];
		for (const [a, b] of list) {
			const last = out[out.length - 1];
			if (last && a <= last[1]) out[out.length - 1] = [last[0], Math.max(last[1], b)];
			else out.push([a, b]);
		}
		map.set(client, out);
	}
}

/** The parts of [from, to) inside `ranges` (sorted, disjoint: see union). */
function inside(ranges: readonly Range[], from: number, to: number): Range[] {
	let lo = 0;
	let hi = ranges.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((ranges[mid] as Range)[1] <= from) lo = mid + 1;
		else hi = mid;
	}
	const out: Range[] = [];
	for (let i = lo; i < ranges.length; i++) {
		const [a, b] = ranges[i] as Range;
		if (a >= to) break;
		out.push([Math.max(a, from), Math.min(b, to)]);
	}
	return out;
}

/** The parts of [from, to) outside `ranges`. */
function outside(ranges: readonly Range[], from: number, to: number): Range[] {
	const out: Range[] = [];
	let at = from;
	for (const [a, b] of inside(ranges, from, to)) {
		if (a > at) out.push([at, a]);
		at = Math.max(at, b);
	}
	if (at < to) out.push([at, to]);
	return out;
}

export interface DeletionVerdict {
	/** Deleted runs (parts of runs) that no good signed entry lists. */
	readonly unaccounted: readonly DeletedRun[];
	/** Some listing entry's seal is still being checked: its deletions are not judged yet. */
	readonly waiting: boolean;
}

/**
 * Which deletions of signed members' data no signed entry accounts for. `ownSeal` is the check of
 * one entry's own seal (an entry's `deleted` is signed by its own seal, not vouched by a later one).
 */
export function unaccountedDeletions(input: {
	runs: readonly DeletedRun[];
	log: AttributedAudit;
	ownSeal: (entry: AuditEntry) => AuditSealStatus;
}): DeletionVerdict {
	const { runs, log, ownSeal } = input;
	const signedBy = (e: AuditEntry) => log.who.get(e)?.mark === 'signed';
	// What signed members created: only the deletion of that can be judged.
	const created = new Map<number, Range[]>();
	// What good signed entries say their own transactions deleted; and what waits for a seal check.
	const claimed = new Map<number, Range[]>();
	const pending = new Map<number, Range[]>();
	for (const e of log.entries) {
		if (!signedBy(e)) continue;
		add(created, e.client, e.from, e.to);
		if (!e.deleted || e.deleted.length === 0) continue;
		const s = ownSeal(e);
		if (s !== 'good' && s !== 'pending') continue;
		for (const [client, clock, len] of e.deleted)
			add(s === 'good' ? claimed : pending, client, clock, clock + len);
	}
	for (const map of [created, claimed, pending]) union(map);
	const unaccounted: DeletedRun[] = [];
	let waiting = false;
	for (const run of runs) {
		for (const [a, b] of inside(created.get(run.client) ?? [], run.clock, run.clock + run.len))
			for (const [from, to] of outside(claimed.get(run.client) ?? [], a, b)) {
				if (inside(pending.get(run.client) ?? [], from, to).length > 0) {
					waiting = true;
					continue;
				}
				unaccounted.push({ ...run, clock: from, len: to - from });
			}
	}
	return { unaccounted, waiting };
}

/** The unaccounted deletions as the log's problems: one line per place, in words. */
export function deletionProblems(unaccounted: readonly DeletedRun[]): AuditProblem[] {
	const places = [...new Set(unaccounted.map((r) => r.what))].sort();
	return places.map((what) => ({
		kind: 'signature',
		who: '',
		message: `Something in ${what} was deleted, and no signed entry says who deleted it.`
	}));
}

/** Where a deletion was first seen unaccounted (this device's monotonic ms), by `client:clock`. */
export type DeletionSuspects = Map<string, number>;

/**
 * Deletions as they may be shown: a deletion arrives a moment before the entry listing it (its
 * writer's next write), so one is shown only once it has stayed unaccounted for `graceMs`.
 * `suspects` carries that memory between reads (updated in place). `recheckIn`: when to read again.
 */
export function settleDeletions(
	unaccounted: readonly DeletedRun[],
	suspects: DeletionSuspects,
	now: number,
	graceMs: number
): { shown: DeletedRun[]; recheckIn: number | null } {
	const shown: DeletedRun[] = [];
	const seen = new Set<string>();
	let recheckIn: number | null = null;
	for (const run of unaccounted) {
		const key = `${run.client}:${run.clock}`;
		seen.add(key);
		const since = suspects.get(key);
		if (since === undefined) {
			suspects.set(key, now);
			recheckIn = Math.min(recheckIn ?? graceMs, graceMs);
		} else if (now - since >= graceMs) shown.push(run);
		else recheckIn = Math.min(recheckIn ?? graceMs, graceMs - (now - since));
	}
	for (const key of [...suspects.keys()]) if (!seen.has(key)) suspects.delete(key);
	return { shown, recheckIn };
}
