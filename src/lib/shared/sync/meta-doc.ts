// The workspace meta shard, held by every member: the organisation's profile and the member list.
// It carries nothing sensitive, because every peer, even a task-only one, receives it. Both records
// are read through their schemas (shared/domain/workspace/records.ts): a profile field that is not
// sound (shared/domain/workspace/profile-fields.ts) reads as its default, and a member a peer wrote
// malformed, or under another member's id, is left out and listed (meta-review.ts shows both).
import type * as Y from 'yjs';
import { v } from '$lib/shared/domain/schema';
import { sameType } from '$lib/shared/domain/record-version';
import {
	memberSchema,
	profileKind,
	readProfileFields,
	type Member
} from '$lib/shared/domain/workspace/records';

export type { Member };

export interface WorkspaceProfile {
	name: string;
	country: string;
	baseCurrency: string;
	/** Month and day the fiscal year starts, `MM-DD`. */
	fiscalYearStart: string;
	createdAt: string;
	/** The employer's postal address, one line per line, as printed on payslips ('' = none yet). */
	address?: string;
	/** How amounts are written on screen and on payslips (a BCP 47 tag, e.g. "de-DE" → 1.234,56). */
	numberLocale?: string;
}

export function writeProfile(doc: Y.Doc, profile: Partial<WorkspaceProfile>): void {
	const m = doc.getMap<unknown>('profile');
	doc.transact(() => {
		m.set('schemaVersion', profileKind.version);
		for (const [k, v] of Object.entries(profile)) if (v !== undefined && m.get(k) !== v) m.set(k, v);
	});
}

sameType<ReturnType<typeof readProfileFields>, Required<WorkspaceProfile>>(true);

/** The profile, each field that is not sound read as its default. */
export function readProfile(doc: Y.Doc): WorkspaceProfile {
	return readProfileFields(Object.fromEntries(doc.getMap<unknown>('profile').entries()));
}

export function upsertMember(doc: Y.Doc, member: Member): void {
	const m = doc.getMap<unknown>('members');
	const prev = v.safeParse(memberSchema, m.get(member.id));
	if (!prev.success || prev.output.name !== member.name || prev.output.color !== member.color)
		m.set(member.id, member);
}

/** A member record that counts: well-formed and filed under its own id (not posing as another). */
function soundMember(key: string, x: unknown): Member | undefined {
	const r = v.safeParse(memberSchema, x);
	return r.success && r.output.id === key ? r.output : undefined;
}

/** Every well-formed member, by name. */
export function readMembers(doc: Y.Doc): Member[] {
	const out: Member[] = [];
	for (const [key, x] of doc.getMap<unknown>('members').entries()) {
		const m = soundMember(key, x);
		if (m) out.push(m);
	}
	return out.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Keys of member records a peer wrote malformed (or under another id): left out of readMembers. */
export function malformedMembers(doc: Y.Doc): string[] {
	return [...doc.getMap<unknown>('members').entries()].filter(([k, x]) => !soundMember(k, x)).map(([k]) => k);
}

export function observeMeta(doc: Y.Doc, onChange: () => void): () => void {
	const profile = doc.getMap('profile');
	const members = doc.getMap('members');
	const handler = () => onChange();
	profile.observe(handler);
	members.observe(handler);
	return () => {
		profile.unobserve(handler);
		members.unobserve(handler);
	};
}
