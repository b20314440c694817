// Who holds HR authority, read as only an owner or admin may set it: the HR approver list (member id
// -> { approver, at }) and the person <-> member links (person id -> { memberId }), the two settings
// the leave approval rule trusts (people/domain/leave/approval.ts). In a workspace with member keys
// every value is sealed by its writer (shared/sync/fact-seal.ts) and removing is a SIGNED tombstone
// (approver false / memberId null), never a Y.Map delete. A key reads as the newest of its writes
// (shared/sync/facts.ts factWrites: the item chain, the same on every replica; the shard doc keeps
// overwritten and deleted content) that COUNTS: a good seal whose signer is an owner or admin now or
// was when removed (mayAuthor), or, written by an older build, an unsealed value an owner or admin
// adopted (sealed-settings-write.ts) with no sealed write before it. A copy of an earlier write made
// again (the same seal) does not count, so an old tombstone cannot be replayed over a newer value.
// Writes that do not count, and Y.Map deletions of a value that counts, are not applied: they are
// listed with who and why (People -> Needs review). Without member keys (no authority) both maps
// read as plain last-writer-wins maps, as before.
import type * as Y from 'yjs';
import { v } from '$lib/shared/domain/schema';
import { factWrites } from '$lib/shared/sync/facts';
import { FactSealSchema, mayAuthor, sealOf, type FactSeal } from '$lib/shared/sync/fact-seal';
import { factDigest, OWNERS_AND_ADMINS, type FactAuthority } from '$lib/shared/sync/fact-authority';
import { adoptedHr, hrFactContext } from './sealed-hr';

/** The two settings maps of the people shard that say who holds HR authority. */
export const SEALED_SETTINGS = ['approvers', 'members'] as const;
export type SealedSetting = (typeof SEALED_SETTINGS)[number];

/** A sealed HR approver entry (false: removed). */
export const approverEntrySchema = v.object({
	approver: v.boolean(),
	at: v.string(),
	seal: FactSealSchema
});
/** A sealed person -> member link (null: unlinked). */
export const linkEntrySchema = v.object({
	memberId: v.nullable(v.pipe(v.string(), v.minLength(1))),
	seal: FactSealSchema
});

/** What a key says once read: the member (approvers: the key itself) or null (absent). */
type Said = string | null;

/** A write or removal that does not count, in words for People → Needs review. */
export interface SettingNotCounted {
	readonly map: SealedSetting;
	readonly key: string;
	/** Approvers: the member made (or unmade) an approver. Links: the person whose link it is. */
	readonly personId: string | null;
	/** The member concerned (approvers: the key; links: the member linked, null when unlinking). */
	readonly memberId: string | null;
	/** Whether the write adds (an approver, a link) or removes one. */
	readonly adds: boolean;
	/** The signer in words, or null when nobody signed it (an unsigned write or a deletion). */
	readonly signer: string | null;
	readonly why: string;
}

/** How one key reads: what counts (null: absent), whether a check is under way, what is not applied. */
interface KeyReading {
	readonly said: Said;
	readonly pending: boolean;
	readonly refused: SettingNotCounted[];
}

/** What an unsealed (older build's) value says, or undefined when it is not one such a build wrote. */
function legacySaid(map: SealedSetting, key: string, value: unknown): Said | undefined {
	if (typeof value !== 'string') return undefined;
	if (map === 'approvers') return key;
	return value === '' ? undefined : value;
}

/** What a sealed value says, or undefined when it is not a well-formed entry of its map. */
function sealedSaid(map: SealedSetting, key: string, value: unknown): Said | undefined {
	if (map === 'approvers') {
		const r = v.safeParse(approverEntrySchema, value);
		return r.success ? (r.output.approver ? key : null) : undefined;
	}
	const r = v.safeParse(linkEntrySchema, value);
	return r.success ? r.output.memberId : undefined;
}

/** The words for a write that does not count because of its signer's role. */
function noRoleWhy(map: SealedSetting, adds: boolean): string {
	if (map === 'approvers')
		return adds
			? 'Made an HR approver by someone who is not an owner or admin.'
			: 'Removed as an HR approver by someone who is not an owner or admin.';
	return adds
		? 'Linked to a member by someone who is not an owner or admin.'
		: 'Unlinked from its member by someone who is not an owner or admin.';
}

const UNSIGNED = 'Not signed (written by an edited or older copy of Keel).';

/** Reads one key of a sealed settings map (see the header). */
function readKey(
	auth: FactAuthority,
	adopted: ReadonlyMap<string, string> | null,
	map: Y.Map<unknown>,
	name: SealedSetting,
	key: string
): KeyReading {
	const ctx = hrFactContext(auth.workspaceId, name);
	const writes = factWrites(map, key);
	// Per write: its seal, whether a sealed write came before it, whether its seal was seen before.
	const seen = new Set<string>();
	let sealedBefore = false;
	const info = writes.map((w) => {
		const seal: FactSeal | undefined = w.held ? sealOf(w.value) : undefined;
		const copy = seal !== undefined && seen.has(seal.sig);
		const afterSealed = sealedBefore;
		if (seal) {
			seen.add(seal.sig);
			sealedBefore = true;
		}
		return { w, seal, copy, afterSealed };
	});
	// Every seal's check is asked for at once (one round of checks, not one per write read).
	const statuses = info.map(({ w, seal }) => (seal ? auth.checker.status(ctx, key, w.value) : 'unsealed'));
	const refused: SettingNotCounted[] = [];
	const about = (said: Said | undefined, value: unknown) => {
		const named = (value as { memberId?: unknown } | null)?.memberId ?? value;
		const member =
			name === 'approvers' ? key : typeof said === 'string' ? said : typeof named === 'string' ? named : null;
		const adds =
			said !== undefined
				? said !== null
				: name === 'approvers'
					? (value as { approver?: unknown } | null)?.approver !== false
					: typeof (value as { memberId?: unknown } | null)?.memberId === 'string';
		return { map: name, key, personId: name === 'members' ? key : null, memberId: member, adds };
	};
	let said: Said = null;
	let counted = false;
	for (let i = info.length - 1; i >= 0; i--) {
		const { w, seal, copy, afterSealed } = info[i] as (typeof info)[number];
		if (!w.held) continue;
		if (!seal) {
			if (adopted === null) return { said: null, pending: true, refused: [] };
			const legacy = legacySaid(name, key, w.value);
			if (legacy !== undefined && !afterSealed && adopted.get(`${name}:${key}`) === factDigest(w.value)) {
				said = legacy;
				counted = true;
				break;
			}
			refused.push({ ...about(legacy, w.value), signer: null, why: UNSIGNED });
			continue;
		}
		const status = statuses[i];
		if (status === 'pending') return { said: null, pending: true, refused: [] };
		const shaped = sealedSaid(name, key, w.value);
		const who = auth.nameOf(seal.by);
		if (status !== 'good') {
			refused.push({
				...about(shaped, w.value),
				signer: who,
				why: `Its signature (in the name of ${who}) does not match what it says.`
			});
			continue;
		}
		const trust = auth.trust();
		if (!trust) return { said: null, pending: true, refused: [] };
		const why = copy
			? 'A copy of an earlier change, written again.'
			: !mayAuthor(trust, seal.by, OWNERS_AND_ADMINS)
				? noRoleWhy(name, about(shaped, w.value).adds)
				: shaped === undefined
					? 'Not in a form this version of Keel can read.'
					: null;
		if (why === null) {
			said = shaped ?? null;
			counted = true;
			break;
		}
		refused.push({ ...about(shaped, w.value), signer: who, why });
	}
	if (!map.has(key)) {
		// Deleted (never how a signed setting is removed): not applied when a value still counts.
		if (!counted) return { said: null, pending: false, refused: [] };
		if (said !== null)
			refused.unshift({
				...about(said, undefined),
				adds: false,
				signer: null,
				why: 'Removed without a signed change (by an edited or older copy of Keel).'
			});
	}
	return { said, pending: false, refused: refused.reverse() };
}

/** The approver list and the links as they count (see the header), read once per change. */
export class SealedSettings {
	readonly #doc: Y.Doc;
	readonly #auth: FactAuthority | null;
	/** The authority it judges with (null: a workspace without member keys). */
	get authority(): FactAuthority | null {
		return this.#auth;
	}
	#read: { readings: Map<SealedSetting, Map<string, KeyReading>>; pending: boolean } | null = null;

	constructor(doc: Y.Doc, auth: FactAuthority | null) {
		this.#doc = doc;
		this.#auth = auth;
	}

	/** Forget what was read (the maps, a seal check, an adoption or the roles changed). */
	invalidate(): void {
		this.#read = null;
	}

	#map(name: SealedSetting): Y.Map<unknown> {
		return this.#doc.getMap(name);
	}

	#readAll(): { readings: Map<SealedSetting, Map<string, KeyReading>>; pending: boolean } {
		if (this.#read) return this.#read;
		const auth = this.#auth;
		const readings = new Map<SealedSetting, Map<string, KeyReading>>();
		let pending = false;
		const adopted = auth ? adoptedHr(this.#doc, auth) : null;
		for (const name of SEALED_SETTINGS) {
			const map = this.#map(name);
			const out = new Map<string, KeyReading>();
			for (const key of map._map.keys()) {
				const r: KeyReading = auth
					? readKey(auth, adopted, map, name, key)
					: { said: plainSaid(name, key, map.get(key)), pending: false, refused: [] };
				pending ||= r.pending;
				out.set(key, r);
			}
			readings.set(name, out);
		}
		return (this.#read = { readings, pending });
	}

	/** Resolves when no key waits for a check (reading queues the checks; a few rounds at most). */
	async settled(): Promise<void> {
		for (let round = 0; round < 4; round++) {
			const waiting = this.pending();
			await this.#auth?.checker.settled();
			if (!waiting) return;
			this.invalidate();
		}
	}

	/** Whether a seal, an adoption or the roles are still being checked (then nothing is decided). */
	pending(): boolean {
		return this.#readAll().pending;
	}

	/** Workspace members who are HR approvers, sorted. */
	approvers(): string[] {
		const out: string[] = [];
		for (const [key, r] of this.#readAll().readings.get('approvers') ?? [])
			if (r.said !== null) out.push(key);
		return out.sort();
	}

	/** The member linked to a person, if any. */
	memberOf(personId: string): string | null {
		return this.#readAll().readings.get('members')?.get(personId)?.said ?? null;
	}

	/** The person record linked to a member, if any (the first by person id). */
	personOf(memberId: string): string | null {
		const linked: string[] = [];
		for (const [personId, r] of this.#readAll().readings.get('members') ?? [])
			if (r.said === memberId) linked.push(personId);
		return linked.sort()[0] ?? null;
	}

	/** Every write or deletion that does not count, approvers first, then by key. */
	notCounted(): SettingNotCounted[] {
		const out: SettingNotCounted[] = [];
		for (const name of SEALED_SETTINGS) {
			const readings = this.#readAll().readings.get(name) ?? new Map<string, KeyReading>();
			for (const key of [...readings.keys()].sort()) out.push(...(readings.get(key)?.refused ?? []));
		}
		return out;
	}
}

/** What a value says in a workspace without member keys (as before: present means set). */
function plainSaid(name: SealedSetting, key: string, value: unknown): Said {
	if (value === undefined) return null;
	if (name === 'approvers') return key;
	return typeof value === 'string' && value !== '' ? value : null;
}
