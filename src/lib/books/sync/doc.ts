// The books shard binding. Accounts and drafts (drafts.ts) are mutable records (one Y.Map each, so concurrent
// edits to different fields both survive); a posted entry is an immutable fact, one plain JSON value
// written once and never updated (writing an id that exists is a no-op). Settings hold the lock date
// and the chart template. Nothing here leaks a Y type: readers return plain Account/JournalEntry.
//
// Entries posted one at a time live in `entries` (id -> entry). Entries imported in bulk live in
// `entryBatches` (batch id -> one JSON string of up to ENTRY_BATCH_SIZE entries), also written once:
// Yjs decodes one long string far faster than thousands of nested values (50k entries: ~0.3 s
// instead of ~2 s), and both page and worker decode the whole shard on open. An entry id may in
// principle occur more than once (two peers importing the same export at once); readers see every
// occurrence in a fixed order, and books-check decides.
import * as Y from 'yjs';
import { check, parseIsoDate, textSchema, v, type IsoDate } from '$lib/shared/domain';
import { ACCOUNT_SUBTYPES, accountKind, type Account, type JournalEntry } from '$lib/books/domain';
import { encodeStateVectorText } from '../../shared/sync/state-vector';
import { readPostedEntry } from './shape';
import { BAD_BATCH_PREFIX, batchIndex, entryBatchesMap, itemOrigin, refreshBatches } from './batches';
import { factKeys, firstFact } from '$lib/shared/sync/facts';

export { BAD_BATCH_PREFIX, ENTRY_BATCH_SIZE, batchText, entryBatchesMap, insertEntryBatch } from './batches';
export { deleteDraft, draftsMap, readAllDrafts, readDraft, saveDraft } from './drafts';
import { draftsMap } from './drafts';

/** The account fields a person can change; `undefined` in a patch clears an optional field. */
export type AccountPatch = Partial<
	Pick<Account, 'name' | 'type' | 'subtype' | 'code' | 'parentId' | 'currency'>
>;
const ACCOUNT_FIELDS = ['name', 'type', 'subtype', 'code', 'parentId', 'currency'] as const;
export function accountsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap('accounts');
}
export function entriesMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap('entries');
}
export function settingsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap('settings');
}

// ---- accounts -------------------------------------------------------------------------------

/** Writes a new account; false (and nothing written) when the id is taken. */
export function insertAccount(doc: Y.Doc, account: Account): boolean {
	const map = accountsMap(doc);
	if (map.has(account.id)) return false;
	doc.transact(() => {
		const m = new Y.Map<unknown>();
		m.set('schemaVersion', account.schemaVersion);
		m.set('id', account.id);
		for (const f of ACCOUNT_FIELDS) if (account[f] !== undefined) m.set(f, account[f]);
		if (account.archived) m.set('archived', true);
		map.set(account.id, m);
	});
	return true;
}

/** Sets only the fields given; untouched fields keep whatever a peer wrote. False if no such account. */
export function patchAccount(doc: Y.Doc, id: string, patch: AccountPatch): boolean {
	const m = accountsMap(doc).get(id);
	if (!m) return false;
	doc.transact(() => {
		for (const f of ACCOUNT_FIELDS) {
			if (!(f in patch)) continue;
			const v = patch[f];
			if (v === undefined) {
				if (m.has(f)) m.delete(f);
			} else if (m.get(f) !== v) m.set(f, v);
		}
	});
	return true;
}

/**
 * Archives (or reopens) an account. Archiving records what this replica had seen, so entries it
 * already held keep counting while lines written elsewhere after the archive are flagged.
 */
export function setArchived(doc: Y.Doc, id: string, archived: boolean): boolean {
	const m = accountsMap(doc).get(id);
	if (!m) return false;
	doc.transact(() => {
		if (archived) {
			m.set('archived', true);
			m.set('archivedSeen', encodeStateVectorText(doc));
		} else {
			m.set('archived', false);
			if (m.has('archivedSeen')) m.delete('archivedSeen');
		}
	});
	return true;
}

const SUBTYPES = new Set<string>(ACCOUNT_SUBTYPES);
const optStr = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * One account as a plain record, checked by its schema; null for a record too incomplete to use
 * (see ARCHITECTURE's finding) or saved by a newer Keel. Empty optional fields read as absent and a
 * subtype this Keel does not know is left out, so a half-written or newer field never hides the account.
 */
export function readAccount(m: Y.Map<unknown>): Account | null {
	const subtype = optStr(m.get('subtype'));
	const code = optStr(m.get('code'));
	const parentId = optStr(m.get('parentId'));
	const currency = optStr(m.get('currency'));
	const read = accountKind.read({
		schemaVersion: m.get('schemaVersion') ?? accountKind.version,
		id: m.get('id'),
		name: m.get('name'),
		type: m.get('type'),
		...(subtype !== undefined && SUBTYPES.has(subtype) ? { subtype } : {}),
		...(code !== undefined ? { code } : {}),
		...(parentId !== undefined ? { parentId } : {}),
		...(currency !== undefined ? { currency } : {}),
		...(m.get('archived') === true ? { archived: true } : {})
	});
	return read.ok ? read.value : null;
}

export function readAllAccounts(doc: Y.Doc): Account[] {
	const out: Account[] = [];
	for (const m of accountsMap(doc).values()) {
		const a = m instanceof Y.Map ? readAccount(m) : null;
		if (a) out.push(a);
	}
	return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The state vector (base64url) an archived account was archived at, if it is archived. */
export function archivedSeen(doc: Y.Doc, id: string): string | undefined {
	const m = accountsMap(doc).get(id);
	if (!(m instanceof Y.Map) || m.get('archived') !== true) return undefined;
	const seen = m.get('archivedSeen');
	return typeof seen === 'string' ? seen : '';
}

// ---- posted entries (immutable facts) ---------------------------------------------------------

/** Writes a posted entry once; false (nothing written) when the id already exists. */
export function insertEntry(doc: Y.Doc, entry: JournalEntry): boolean {
	const map = entriesMap(doc);
	if (map._map.has(entry.id) || batchIndex(doc).byEntry.has(entry.id)) return false;
	// A plain deep copy: the stored value must not share (frozen) objects with the caller.
	map.set(entry.id, JSON.parse(JSON.stringify(entry)) as unknown);
	return true;
}

export interface EntryOccurrence {
	readonly value: unknown;
	/** (client, clock) of the Y item holding it: the same on every replica. */
	readonly origin: { client: number; clock: number };
	/** The fact it was written in (a single entry, or a batch) and that fact's stored value. */
	readonly source: {
		readonly map: 'entries' | 'entryBatches';
		readonly key: string;
		readonly value: unknown;
	};
}

const compareOrigin = (a: EntryOccurrence, b: EntryOccurrence) =>
	a.origin.client - b.origin.client || a.origin.clock - b.origin.clock;

/** Every stored value of an entry id, in (client, clock) order of the items holding them. */
export function entryOccurrences(doc: Y.Doc, id: string): EntryOccurrence[] {
	const out: EntryOccurrence[] = [];
	const single = entriesMap(doc);
	const first = firstFact(single, id);
	if (first)
		out.push({
			value: first.value,
			origin: first.origin,
			source: { map: 'entries', key: id, value: first.value }
		});
	const batches = entryBatchesMap(doc);
	for (const at of batchIndex(doc).byEntry.get(id) ?? []) {
		const fact = firstFact(batches, at.batch);
		if (fact)
			out.push({
				value: at.value,
				origin: fact.origin,
				source: { map: 'entryBatches', key: at.batch, value: fact.value }
			});
	}
	return out.length > 1 ? out.sort(compareOrigin) : out;
}

/** The raw stored value of an entry (the first occurrence): untrusted until checked (a peer may run other code). */
export function readEntryValue(doc: Y.Doc, id: string): unknown {
	const single = entriesMap(doc);
	if (!batchIndex(doc).byEntry.has(id)) return firstFact(single, id)?.value;
	return entryOccurrences(doc, id)[0]?.value;
}

/** A posted entry as a plain record, or null when the stored value is not entry-shaped. */
export function readEntry(doc: Y.Doc, id: string): JournalEntry | null {
	const read = readPostedEntry(readEntryValue(doc, id), id);
	return read.ok ? read.value : null;
}

/** Every entry id held (single or in a batch), plus a `batch:<id>` id for each unreadable batch. */
export function entryIds(doc: Y.Doc): string[] {
	const idx = batchIndex(doc);
	const ids = new Set(factKeys(entriesMap(doc)));
	for (const id of idx.byEntry.keys()) ids.add(id);
	for (const batchId of idx.bad.keys()) ids.add(BAD_BATCH_PREFIX + batchId);
	return [...ids];
}

/** The entry ids a batch holds (or the id standing for it when it is unreadable). */
export function batchEntryIds(doc: Y.Doc, batchId: string): string[] {
	const idx = batchIndex(doc);
	const ids = [...(idx.entriesOf.get(batchId) ?? [])];
	if (idx.bad.has(batchId)) ids.push(BAD_BATCH_PREFIX + batchId);
	return ids;
}

/** Why a batch is unreadable, for an id from entryIds() that stands for one; undefined otherwise. */
export function badBatch(doc: Y.Doc, id: string): string | undefined {
	return id.startsWith(BAD_BATCH_PREFIX)
		? batchIndex(doc).bad.get(id.slice(BAD_BATCH_PREFIX.length))
		: undefined;
}

/**
 * Where an entry's stored value sits in the shard's history: (client, clock) of its Y item (the
 * first occurrence). The same on every replica, so "had the locker seen this entry?" has one answer.
 */
export function entryOrigin(doc: Y.Doc, id: string): { client: number; clock: number } | undefined {
	const single = entriesMap(doc);
	if (!batchIndex(doc).byEntry.has(id)) return itemOrigin(single, id);
	return entryOccurrences(doc, id)[0]?.origin;
}

// ---- settings ---------------------------------------------------------------------------------

export interface LockState {
	readonly lockDate: IsoDate | null;
	/** State vector (base64url) of the replica that set this lock date; '' when unknown. */
	readonly seen: string;
}

/**
 * Sets the lock date, remembering what this replica had seen: entries it held stay counted, entries
 * written elsewhere without having seen the lock are flagged for review. Both keys change in one
 * transaction, so concurrent setters resolve to the same winner for both.
 */
export function setLockDate(doc: Y.Doc, date: IsoDate | null): void {
	const s = settingsMap(doc);
	doc.transact(() => {
		s.set('lockDate', date);
		s.set('lockSeen', { date, stateVector: encodeStateVectorText(doc) });
	});
}

/** What setLockDate stores beside the date: the date it was set for and the state vector then. */
const lockSeenSchema = v.looseObject({ date: v.unknown(), stateVector: textSchema });

export function readLock(doc: Y.Doc): LockState {
	const s = settingsMap(doc);
	const v = s.get('lockDate');
	const lockDate = typeof v === 'string' ? (parseIsoDate(v) ?? null) : null;
	const seen = check(lockSeenSchema, s.get('lockSeen'));
	// A lock whose "seen" belongs to another date (half-delivered) covers nothing: flag, never drop.
	const matches = seen.ok && seen.value.date === lockDate;
	return { lockDate, seen: matches ? seen.value.stateVector : '' };
}

export function setChartTemplate(doc: Y.Doc, templateId: string | null): void {
	settingsMap(doc).set('chartTemplate', templateId);
}

export function readChartTemplate(doc: Y.Doc): string | null {
	const v = settingsMap(doc).get('chartTemplate');
	return typeof v === 'string' && v !== '' ? v : null;
}

// ---- change events ----------------------------------------------------------------------------

export interface BooksDocChange {
	/** Account ids touched (created, patched, archived). */
	readonly accounts: string[];
	/** Entry ids touched (added, or replaced by a concurrent write of the same id). */
	readonly entries: string[];
	readonly drafts: string[];
	readonly settings: boolean;
	readonly local: boolean;
}

/** Calls `onChange` once per transaction that touched the books shard, local or remote. */
export function observeBooks(doc: Y.Doc, onChange: (change: BooksDocChange) => void): () => void {
	const entries: unknown = entriesMap(doc);
	const batches: unknown = entryBatchesMap(doc);
	const settings: unknown = settingsMap(doc);
	const records: Record<'accounts' | 'drafts', unknown> = {
		accounts: accountsMap(doc),
		drafts: draftsMap(doc)
	};
	const handler = (tr: Y.Transaction) => {
		const change = {
			accounts: new Set<string>(),
			entries: new Set<string>(),
			drafts: new Set<string>(),
			settings: false
		};
		for (const [type, keys] of tr.changed) {
			if (type === entries) for (const k of keys) if (k !== null) change.entries.add(k);
			if (type === batches)
				for (const id of refreshBatches(
					doc,
					[...keys].filter((k): k is string => k !== null)
				))
					change.entries.add(id);
			if (type === settings) change.settings = true;
			for (const kind of ['accounts', 'drafts'] as const) {
				const target = records[kind];
				if (type === target) {
					for (const k of keys) if (k !== null) change[kind].add(k);
				} else {
					const item = type._item;
					if (item && item.parent === target && item.parentSub !== null) change[kind].add(item.parentSub);
				}
			}
		}
		if (change.accounts.size || change.entries.size || change.drafts.size || change.settings)
			onChange({
				accounts: [...change.accounts],
				entries: [...change.entries],
				drafts: [...change.drafts],
				settings: change.settings,
				local: tr.local
			});
	};
	doc.on('afterTransaction', handler);
	return () => doc.off('afterTransaction', handler);
}
