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
import { authorship, type Authorship, type BooksAuthority } from './authority';
import { readSignedLock, type SignedLock } from './lock';

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
	/** Who may write Books facts (seals and roles); absent, authorship is not checked. */
	readonly authority?: BooksAuthority;
	/** The signed lock (with authority): its head, whether a seal is pending, what was not applied. */
	readonly lock?: SignedLock;
}

/** A verdict not given yet: a seal is still being checked (judged again when it is). */
export const PENDING = 'pending' as const;

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
	accounts: readonly Account[] = docs.readAllAccounts(doc),
	authority?: BooksAuthority
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
	if (!authority) return { open, archived, lockDate: lock.lockDate, lockSeen: decodeSeen(lock.seen) };
	const signed = readSignedLock(doc, authority, lock.lockDate);
	return {
		open,
		archived,
		lockDate: signed.lockDate,
		lockSeen: decodeSeen(signed.seen),
		authority,
		lock: signed
	};
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

/** Why an entry's author does not count, in words naming the entry (and the signer, when known). */
function authorshipWords(
	id: string,
	entry: JournalEntry | null,
	a: Authorship,
	nameOf: (key: string) => string
) {
	const what = entry ? `Entry '${id}' of ${entry.date}` : `Entry '${id}'`;
	if (a.kind === 'no-role' && a.signer)
		return {
			code: 'ledger/no-books-role' as const,
			message: `${what} was signed by ${nameOf(a.signer)}, who may not post to the books; it does not count.`
		};
	if (a.kind === 'bad-seal')
		return {
			code: 'ledger/bad-signature' as const,
			message: `${what} has a signature that does not match it${a.signer ? ` (it names ${nameOf(a.signer)})` : ''}: it was changed after signing or forged; it does not count.`
		};
	return {
		code: 'ledger/unsigned-entry' as const,
		message: `${what} carries no signature of whoever posted it and was not held when the books began to be signed; it does not count.`
	};
}

/** The verdict on one stored entry; null when the id holds nothing (yet); PENDING while a seal is checked. */
export function checkEntry(doc: Y.Doc, ctx: CheckContext, id: string): EntryVerdict | null | typeof PENDING {
	const unreadable = docs.badBatch(doc, id);
	if (unreadable !== undefined) return quarantine(id, null, 'ledger/bad-entry', unreadable);
	let occurrences = docs.entryOccurrences(doc, id);
	if (occurrences.length === 0) return null;
	const authority = ctx.authority;
	if (authority) {
		// Only what an entitled author wrote counts; a copy by anyone else is not even compared.
		const judged = occurrences.map((o) => authorship(doc, authority, o.source, o.source.value));
		if (judged.some((j) => j.kind === 'pending')) return PENDING;
		const kept = occurrences.filter((_, i) => judged[i]?.kind === 'ok');
		if (kept.length === 0) {
			const read = readPostedEntry(occurrences[0]?.value, id);
			const why = authorshipWords(id, read.ok ? read.value : null, judged[0] as Authorship, (k) =>
				authority.nameOf(k)
			);
			return quarantine(id, read.ok ? read.value : null, why.code, why.message);
		}
		occurrences = kept;
	}
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
