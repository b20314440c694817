// Decides, for each stored posted entry, whether it counts or is quarantined for review. Invariant:
// an entry counts only if it is well-formed, balances, names known accounts, and either is dated
// after the lock date or was already held by the replica that set the lock (likewise for archived
// accounts). The answer depends only on the shard's contents, so every replica gives the same one.
import * as Y from 'yjs';
import { fromBase64Url } from '$lib/shared/domain/workspace';
import {
	LEDGER_ERRORS,
	validateEntry,
	type Account,
	type AccountId,
	type JournalEntry,
	type LedgerError,
	type LedgerErrorCode
} from '$lib/books/domain';
import { err, ok, type IsoDate, type Result } from '$lib/shared/domain';
import * as docs from './doc';
import { readPostedEntry, sameRecord } from './shape';

/** An entry kept aside, never counted, until someone reviews it. */
/** Why a stored entry does not count: a ledger failure that also names the entry. */
export interface QuarantinedEntry extends LedgerError {
	readonly id: string;
	/** The entry as stored, or null when the stored value is not even entry-shaped. */
	readonly entry: JournalEntry | null;
	readonly code: LedgerErrorCode;
	readonly message: string;
}

/** An entry that counts, or why it is quarantined: the one Result, its failure naming the entry. */
export type EntryVerdict = Result<JournalEntry, QuarantinedEntry>;

type Seen = ReadonlyMap<number, number>;

export interface CheckContext {
	/** Every account as if open: archiving is judged per entry below. */
	readonly open: ReadonlyMap<AccountId, Account>;
	/** Archived accounts and the history their archiver had seen. */
	readonly archived: ReadonlyMap<AccountId, Seen>;
	readonly lockDate: IsoDate | null;
	readonly lockSeen: Seen;
}

function decodeSeen(text: string): Seen {
	if (text === '') return new Map();
	try {
		return Y.decodeStateVector(fromBase64Url(text));
	} catch {
		return new Map();
	}
}

export function checkContext(
	doc: Y.Doc,
	accounts: readonly Account[] = docs.readAllAccounts(doc)
): CheckContext {
	const open = new Map<AccountId, Account>();
	const archived = new Map<AccountId, Seen>();
	for (const a of accounts) {
		if (a.archived) {
			const { archived: _archived, ...rest } = a;
			open.set(a.id, rest);
			archived.set(a.id, decodeSeen(docs.archivedSeen(doc, a.id) ?? ''));
		} else open.set(a.id, a);
	}
	const lock = docs.readLock(doc);
	return { open, archived, lockDate: lock.lockDate, lockSeen: decodeSeen(lock.seen) };
}

function covered(seen: Seen, origin: { client: number; clock: number } | undefined): boolean {
	return origin !== undefined && origin.clock < (seen.get(origin.client) ?? 0);
}

function quarantine(
	id: string,
	entry: JournalEntry | null,
	code: LedgerErrorCode,
	message: string
): EntryVerdict {
	return err({ id, entry, code, message });
}

/** The verdict on one stored entry; null when the id holds nothing (yet). */
export function checkEntry(doc: Y.Doc, ctx: CheckContext, id: string): EntryVerdict | null {
	const unreadable = docs.badBatch(doc, id);
	if (unreadable !== undefined) return quarantine(id, null, 'ledger/bad-entry', unreadable);
	const occurrences = docs.entryOccurrences(doc, id);
	if (occurrences.length === 0) return null;
	// Two writes of one id (two peers importing one export at once) count once when they agree;
	// when they differ, neither counts: which one is right is a person's call, not a merge's.
	const first = occurrences[0]?.value;
	const read = readPostedEntry(first, id);
	if (occurrences.length > 1 && occurrences.some((o) => !sameRecord(o.value, first)))
		return quarantine(
			id,
			read.ok ? read.value : null,
			'ledger/bad-entry',
			`Entry '${id}' was written ${occurrences.length} times with different content; it needs review`
		);
	if (!read.ok) return quarantine(id, null, read.error.code, read.error.message);
	const entry = read.value;
	const checked = validateEntry(entry, { accounts: ctx.open });
	if (!checked.ok) return quarantine(id, entry, checked.error.code, checked.error.message);
	// Seen by whoever archived or locked if any copy of it was (copies are the same entry).
	const seenBy = (seen: Seen) => occurrences.some((o) => covered(seen, o.origin));
	for (const line of entry.lines) {
		const seen = ctx.archived.get(line.account);
		if (seen && !seenBy(seen))
			return quarantine(
				id,
				entry,
				'ledger/archived-account',
				`Entry '${id}' of ${entry.date} names account '${line.account}', archived before this entry reached the one who archived it. ${LEDGER_ERRORS['ledger/archived-account']}`
			);
	}
	if (ctx.lockDate !== null && entry.date <= ctx.lockDate && !seenBy(ctx.lockSeen))
		return quarantine(
			id,
			entry,
			'ledger/locked-period',
			`Entry '${id}' of ${entry.date} arrived after the books were locked through ${ctx.lockDate}; it needs review`
		);
	return ok(deepFreeze(entry));
}

/** Freezes an entry and what it holds, visiting only the fields an entry has (this runs per entry). */
function deepFreeze(entry: JournalEntry): JournalEntry {
	if (Object.isFrozen(entry)) return entry;
	for (const line of entry.lines) {
		if (line.cost) Object.freeze(line.cost);
		if (line.dimensions) Object.freeze(line.dimensions);
		Object.freeze(line);
	}
	Object.freeze(entry.lines);
	if (entry.attachments) Object.freeze(entry.attachments);
	return Object.freeze(entry);
}
