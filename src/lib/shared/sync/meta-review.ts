// What the meta shard kept aside, for Settings → Needs review: member entries that are malformed or
// filed under another member's id, and profile fields that are present but unsound. Nothing here is
// applied; each item says what it is and why in words (no keys, ids or field paths). Who wrote an
// item is only said when it is known for sure: Yjs client ids are random per session and member
// entries are not signed, so a write from any other browser is "not known".
import type * as Y from 'yjs';
import { describeIssues, fieldWords, v } from '$lib/shared/domain/schema';
import { memberSchema, profileProblems } from '$lib/shared/domain/workspace/records';

/** Who wrote a kept-aside value: this browser in this session, or not known. */
export type KeptAsideWriter = 'this-browser' | 'unknown';

export interface MetaKeptAside {
	/** Stable key for lists (internal; never shown). */
	readonly key: string;
	/** What was kept aside, in words: "A member entry for “Sam”", "Fiscal year start (“13-40”)". */
	readonly what: string;
	/** Why, in words. */
	readonly why: string;
	readonly writer: KeptAsideWriter;
}

/** Shows a stored value only when it is short text; anything else is described, not printed. */
function quoted(x: unknown): string {
	if (typeof x === 'string') {
		const t = x.replace(/\s+/g, ' ').trim();
		return t.length > 0 && t.length <= 40 ? `“${t}”` : t.length > 40 ? `“${t.slice(0, 37)}…”` : 'empty text';
	}
	return 'not text';
}

/** Who wrote the current value under `key` of `map`, as far as it can be known. */
function writerOf(doc: Y.Doc, map: Y.Map<unknown>, key: string): KeptAsideWriter {
	const item = map._map.get(key);
	return item && item.id.client === doc.clientID ? 'this-browser' : 'unknown';
}

/** The first problem with a member record, in words ("name is not text", "colour is missing"). */
function memberIssue(issues: readonly v.BaseIssue<unknown>[]): string {
	const first = issues[0];
	const key = first?.path?.at(-1)?.key;
	if (first && first.input === undefined && typeof key === 'string') return `${fieldWords(key)} is missing`;
	return describeIssues(issues);
}

function memberItems(doc: Y.Doc): MetaKeptAside[] {
	const members = doc.getMap<unknown>('members');
	const out: MetaKeptAside[] = [];
	// Sorted by key, so every replica lists them in one order whatever order the writes arrived in.
	for (const [key, x] of [...members.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		const r = v.safeParse(memberSchema, x);
		if (r.success && r.output.id === key) continue;
		const name: unknown = typeof x === 'object' && x !== null ? Reflect.get(x, 'name') : undefined;
		const what =
			typeof name === 'string' && name.trim() !== ''
				? `A member entry for ${quoted(name)}`
				: 'A member entry without a readable name';
		const why = r.success
			? 'it claims to be a different member than the one it is filed under, so it could stand in for them'
			: typeof x !== 'object' || x === null || Array.isArray(x)
				? 'it is not a member record at all'
				: `its ${memberIssue(r.issues)}`;
		out.push({ key: `member:${key}`, what, why, writer: writerOf(doc, members, key) });
	}
	return out;
}

function profileItems(doc: Y.Doc): MetaKeptAside[] {
	const profile = doc.getMap<unknown>('profile');
	const stored = Object.fromEntries(profile.entries());
	return profileProblems(stored).map((p) => ({
		key: `profile:${p.field}`,
		what: `${p.label} (${quoted(stored[p.field])})`,
		why: `it ${p.why}; ${p.usedInstead === '' ? 'it is left blank' : `${p.usedInstead} is used instead`}`,
		writer: writerOf(doc, profile, p.field)
	}));
}

/** Everything the meta shard kept aside: profile fields first, then member entries. */
export function metaKeptAside(doc: Y.Doc): MetaKeptAside[] {
	return [...profileItems(doc), ...memberItems(doc)];
}
