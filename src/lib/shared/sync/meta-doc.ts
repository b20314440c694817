// The workspace meta shard, held by every member: the organisation's profile and the member list.
// It carries nothing sensitive, because every peer, even a task-only one, receives it.
import type * as Y from 'yjs';
import { DEFAULT_NUMBER_LOCALE } from '$lib/shared/domain';

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

export interface Member {
	id: string;
	name: string;
	color: string;
	joinedAt: string;
}

export function writeProfile(doc: Y.Doc, profile: Partial<WorkspaceProfile>): void {
	const m = doc.getMap<unknown>('profile');
	doc.transact(() => {
		m.set('schemaVersion', 1);
		for (const [k, v] of Object.entries(profile)) if (v !== undefined && m.get(k) !== v) m.set(k, v);
	});
}

export function readProfile(doc: Y.Doc): WorkspaceProfile {
	const m = doc.getMap<unknown>('profile');
	const s = (k: string, d: string) => {
		const v = m.get(k);
		return typeof v === 'string' ? v : d;
	};
	return {
		name: s('name', 'Untitled workspace'),
		country: s('country', 'US'),
		baseCurrency: s('baseCurrency', 'USD'),
		fiscalYearStart: s('fiscalYearStart', '01-01'),
		createdAt: s('createdAt', ''),
		address: s('address', ''),
		numberLocale: s('numberLocale', DEFAULT_NUMBER_LOCALE)
	};
}

export function upsertMember(doc: Y.Doc, member: Member): void {
	const m = doc.getMap<Member>('members');
	const prev = m.get(member.id);
	if (!prev || prev.name !== member.name || prev.color !== member.color) m.set(member.id, member);
}

export function readMembers(doc: Y.Doc): Member[] {
	return [...doc.getMap<Member>('members').values()].sort((a, b) => a.name.localeCompare(b.name));
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
