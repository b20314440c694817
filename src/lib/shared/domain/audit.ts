// The audit log's records and the check that makes it tamper-evident. Each device (each Yjs client)
// writes its own chain of entries into the shard it changed: entry n names the hash of entry n-1 and
// the range of that client's Yjs clock it accounts for, so the entries of one client must run 0, 1,
// 2, … with no gap, each hash must match, and together they must cover every change the client made.
// A removed, reordered or rewritten entry, an entry written by a client other than the one it names,
// and changes that no entry accounts for are all found by `checkAudit`, identically on every replica:
// it reads only the shard's contents, never a clock.
import { sha256Hex } from './sha256';
import { v } from './schema';

/** One changed value: which record, which field (if any), and the value before and after, as short text. */
export interface AuditChange {
	/** What kind of record, in words ("Task", "Posted journal entries"). */
	readonly what: string;
	/** The record's name when it has one ("Pay the rent"), otherwise ''. */
	readonly label: string;
	/** The field in words ("due date"), '' for the record as a whole. */
	readonly field: string;
	/** 'added' | 'changed' | 'removed': how the value moved. */
	readonly action: 'added' | 'changed' | 'removed';
	/** Short text of the value before and after ('' when there was none). */
	readonly before: string;
	readonly after: string;
}

/** One entry of a device's chain. `start` entries mark where the log began and cover older changes. */
export interface AuditEntry {
	readonly v: 1;
	readonly kind: 'changes' | 'start';
	/** The Yjs client that wrote it (checked against the client that really did). */
	readonly client: number;
	/** Position in that client's chain, from 0. */
	readonly seq: number;
	/** Hash of the client's previous entry; '' for seq 0. */
	readonly prev: string;
	/** The client's clock range this entry accounts for: [from, to). Includes the entry itself. */
	readonly from: number;
	readonly to: number;
	/** Who, as the device says (member id and the name they had then). */
	readonly author: string;
	readonly authorName: string;
	/** When, by that device's clock (shown as such; never compared with another device's). */
	readonly at: string;
	/** `start` only: every client's clock when the log began, as [client, clock] pairs. */
	readonly before?: readonly (readonly [number, number])[];
	readonly changes: readonly AuditChange[];
	/** Changes left out of `changes` to keep the entry small (bulk imports). */
	readonly more: number;
	/** sha256 of the entry without this field (and without `seal` and `deleted`). */
	readonly hash: string;
	/**
	 * The writing device's Ed25519 seal over the entry with its hash (shared/sync/fact-seal.ts), on
	 * entries written since entries are signed; checked by shared/domain/audit-signers.ts. Left out
	 * of the hash, so older builds (which drop fields they do not know) still check the chain.
	 */
	readonly seal?: unknown;
	/**
	 * What this entry's transactions deleted, as [client, clock, length] ranges of Yjs item ids (a
	 * deletion consumes no clock, so the chain cannot account for it): shared/domain/audit-deletions.ts.
	 * Signed by the entry's own seal; left out of the hash so older builds still check the chain.
	 */
	readonly deleted?: readonly (readonly [number, number, number])[];
}

const changeSchema = v.object({
	what: v.string(),
	label: v.string(),
	field: v.string(),
	action: v.picklist(['added', 'changed', 'removed']),
	before: v.string(),
	after: v.string()
});
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
export const auditEntrySchema = v.object({
	v: v.literal(1),
	kind: v.picklist(['changes', 'start']),
	client: count,
	seq: count,
	prev: v.string(),
	from: count,
	to: count,
	author: v.string(),
	authorName: v.string(),
	at: v.string(),
	before: v.optional(v.array(v.tuple([count, count]))),
	changes: v.array(changeSchema),
	more: count,
	hash: v.string(),
	seal: v.optional(v.unknown()),
	deleted: v.optional(v.array(v.tuple([count, count, count])))
});

/** Text longer than this is cut (with "…") so one change cannot bloat the log. */
export const VALUE_LIMIT = 300;
/** Changes kept per entry; the rest are counted in `more`. */
export const CHANGES_LIMIT = 100;

/** A value as short, readable text: plain text as it is, other values as compact JSON, cut to size. */
export function shortValue(x: unknown): string {
	if (x === undefined || x === null) return '';
	let text: string;
	if (typeof x === 'string') text = x;
	else {
		try {
			text = JSON.stringify(x) ?? '';
		} catch {
			text = String(x);
		}
	}
	return text.length > VALUE_LIMIT ? `${text.slice(0, VALUE_LIMIT - 1)}…` : text;
}

/** Canonical JSON: object keys sorted, so a hash does not depend on key order. */
export function canonicalJson(x: unknown): string {
	return canonicalWithout(x, undefined);
}

/**
 * canonicalJson(x), leaving out the top-level key `skip` (a sealed fact's own seal) without copying
 * the object. Built by concatenation, sorting only keys that are not in order already: the seal
 * checker serialises every sealed fact it reads with it (fact-seal.ts), so it must stay cheap.
 * The output is exactly that of the definition: arrays `[a,b]` (a hole is empty, an undefined
 * element `null`), objects with keys sorted by UTF-16 code units and undefined fields left out,
 * everything else as JSON.stringify writes it (`null` when it writes nothing).
 */
export function canonicalWithout(x: unknown, skip: string | undefined): string {
	if (x === null || typeof x !== 'object') return JSON.stringify(x) ?? 'null';
	if (Array.isArray(x)) {
		let out = '[';
		for (let i = 0; i < x.length; i++) {
			if (i > 0) out += ',';
			if (i in x) out += canonicalWithout(x[i], undefined);
		}
		return `${out}]`;
	}
	const o = x as Record<string, unknown>;
	const keys = Object.keys(o);
	for (let i = 1; i < keys.length; i++)
		if (!((keys[i - 1] as string) < (keys[i] as string))) {
			keys.sort();
			break;
		}
	let out = '{';
	let first = true;
	for (const k of keys) {
		if (k === skip) continue;
		const item = o[k];
		if (item === undefined) continue;
		out += `${first ? '' : ','}${JSON.stringify(k)}:${canonicalWithout(item, undefined)}`;
		first = false;
	}
	return `${out}}`;
}

export function hashEntry(entry: Omit<AuditEntry, 'hash'>): string {
	const {
		hash: _drop,
		seal: _seal,
		deleted: _deleted,
		...rest
	}: Omit<AuditEntry, 'hash'> & { hash?: string } = entry;
	return sha256Hex(canonicalJson(rest));
}

/** Seals an entry with its hash. */
export function sealEntry(entry: Omit<AuditEntry, 'hash'>): AuditEntry {
	return { ...entry, hash: hashEntry(entry) };
}

/** A stored value as the log holds it: what it says, and which client's clock it really sits at. */
export interface StoredAuditValue {
	readonly value: unknown;
	readonly client: number;
	readonly clock: number;
}

/** Something the check found, in the user's words, with the device's name where the log knows it. */
export interface AuditProblem {
	readonly kind: 'malformed' | 'forged' | 'missing' | 'altered' | 'unlogged' | 'signature';
	/** Who the problem concerns, as the log names them ('' when unknown). */
	readonly who: string;
	readonly message: string;
	/** For 'unlogged': the Yjs client, its changes held here, and how far the log accounts for them. */
	readonly behind?: { readonly client: number; readonly clock: number; readonly logged: number };
}

export interface AuditCheck {
	/** Entries that passed, in the shard's order (oldest first). */
	readonly entries: readonly AuditEntry[];
	readonly problems: readonly AuditProblem[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Checks every stored entry against its chain and the shard's state vector (client → next clock).
 * Deterministic: the answer depends only on the values, where they sit, and the state vector.
 */
export function checkAudit(
	stored: readonly StoredAuditValue[],
	stateVector: ReadonlyMap<number, number>
): AuditCheck {
	const problems: AuditProblem[] = [];
	const byClient = new Map<number, AuditEntry[]>();
	const original = new Map<AuditEntry, unknown>();
	let malformed = 0;
	for (const s of stored) {
		const parsed = v.safeParse(auditEntrySchema, s.value);
		if (!parsed.success) {
			malformed++;
			continue;
		}
		const e: AuditEntry = parsed.output;
		original.set(e, s.value);
		if (e.client !== s.client || s.clock !== e.to - 1 || e.from > e.to) {
			problems.push({
				kind: 'forged',
				who: e.authorName,
				message: `A log entry naming ${e.authorName || 'someone'} was written by another device, so it is not counted.`
			});
			continue;
		}
		if (hashEntry(e) !== e.hash) {
			problems.push({
				kind: 'altered',
				who: e.authorName,
				message: `A log entry by ${e.authorName || 'someone'} does not match its own seal: it was altered after it was written.`
			});
			continue;
		}
		const list = byClient.get(e.client) ?? [];
		list.push(e);
		byClient.set(e.client, list);
	}
	if (malformed > 0)
		problems.push({
			kind: 'malformed',
			who: '',
			message: `${plural(malformed, 'log entry', 'log entries')} could not be read and ${malformed === 1 ? 'is' : 'are'} not counted.`
		});

	const accepted = new Set<AuditEntry>();
	const covered = new Map<number, number>();
	for (const [client, list] of byClient) {
		list.sort((a, b) => a.seq - b.seq);
		let expectSeq = 0;
		let prevHash = '';
		let prevTo: number | null = null;
		let coveredHere = 0;
		const who = list[0]?.authorName ?? '';
		for (const e of list) {
			if (e.seq !== expectSeq) {
				const gone = e.seq - expectSeq;
				problems.push({
					kind: 'missing',
					who,
					message:
						gone > 0
							? `${plural(gone, 'entry', 'entries')} of ${who || 'a device'}'s log ${gone === 1 ? 'is' : 'are'} missing: removed after ${gone === 1 ? 'it was' : 'they were'} written.`
							: `${who || 'A device'}'s log holds two entries in one place: one was rewritten.`
				});
			} else if (e.prev !== prevHash || (prevTo !== null && e.from !== prevTo)) {
				problems.push({
					kind: 'altered',
					who,
					message: `${who || 'A device'}'s log entries are out of order or were replaced.`
				});
			}
			if (e.seq >= expectSeq) {
				expectSeq = e.seq + 1;
				prevHash = e.hash;
				prevTo = e.to;
			}
			coveredHere += e.to - e.from;
			accepted.add(e);
		}
		covered.set(client, coveredHere);
	}

	// In the shard's own order (the same on every replica), not by any device's clock.
	const entries = [...byClient.values()].flat().filter((e) => accepted.has(e));
	const order = new Map(stored.map((s, i) => [s.value, i]));
	const at = (e: AuditEntry) => order.get(original.get(e)) ?? 0;
	entries.sort((a, b) => at(a) - at(b));
	// The log began with its first start entry; a later one (a second device upgrading offline, or a
	// forgery) cannot vouch for changes.
	const start = entries.find((e) => e.kind === 'start') ?? null;
	// Every change a client made must be accounted for: by its own entries, or by the log's start.
	const startAt = new Map<number, number>(start?.before ?? []);
	for (const [client, clock] of stateVector) {
		const logged = (covered.get(client) ?? 0) + (startAt.get(client) ?? 0);
		if (clock > logged) {
			const who = byClient.get(client)?.[0]?.authorName ?? '';
			problems.push({
				kind: 'unlogged',
				who,
				behind: { client, clock, logged },
				// Yjs clock units are not changes a person would count, so no number is given.
				message: `Changes by ${who || 'a device the log does not name'} are not in the log (made by an older Keel, lost when a tab closed before they could be recorded, or kept out on purpose).`
			});
		}
	}
	return { entries, problems };
}

/** Where a client stood when its changes were first seen uncovered by the log (local monotonic ms). */
export type UnloggedSuspects = Map<number, { readonly clock: number; readonly since: number }>;

/**
 * The check as it may be shown. A change reaches a replica a moment before the log entry recording
 * it (the entry is its writer's next write; typing is recorded after a pause), so "not in the log"
 * is shown only for changes that were already uncovered at a check at least `graceMs` earlier and
 * are still uncovered now. `suspects` carries that memory between checks (updated in place); `now`
 * is this device's monotonic time, never compared with another device's. `recheckIn`: when to check
 * again to confirm or clear what is held back (null: nothing held).
 */
export function settleUnlogged(
	check: AuditCheck,
	suspects: UnloggedSuspects,
	now: number,
	graceMs: number
): { shown: AuditCheck; recheckIn: number | null } {
	const problems: AuditProblem[] = [];
	const behindNow = new Set<number>();
	let recheckIn: number | null = null;
	const later = (ms: number) => (recheckIn = recheckIn === null ? ms : Math.min(recheckIn, ms));
	for (const p of check.problems) {
		if (p.kind !== 'unlogged' || !p.behind) {
			problems.push(p);
			continue;
		}
		const { client, clock, logged } = p.behind;
		behindNow.add(client);
		const seen = suspects.get(client);
		if (!seen || logged >= seen.clock) {
			// New, or the log caught up with what was seen before: watch these changes afresh.
			suspects.set(client, { clock, since: now });
			later(graceMs);
		} else if (now - seen.since >= graceMs) problems.push(p);
		else later(graceMs - (now - seen.since));
	}
	for (const client of [...suspects.keys()]) if (!behindNow.has(client)) suspects.delete(client);
	return { shown: { entries: check.entries, problems }, recheckIn };
}
