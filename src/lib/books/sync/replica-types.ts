// What a BooksReplica tells its listeners and takes as options, and two pure readings of its counted
// entries (document numbers used twice, the date-then-id order), apart so the replica stays about
// judging and writing (replica.ts re-exports the types).
import type { DeviceKey } from '$lib/shared/crypto/signing';
import type { JournalEntry } from '$lib/books/domain';
import type { BooksAuthority } from './authority';

export interface BooksChange {
	/** Entries that now count (new, or released from quarantine). */
	readonly counted: JournalEntry[];
	/** Ids that no longer count (moved to quarantine). */
	readonly uncounted: string[];
	readonly accounts: boolean;
	readonly quarantine: boolean;
	readonly drafts: boolean;
	readonly settings: boolean;
	readonly local: boolean;
}

export interface DuplicateNumber {
	readonly number: string;
	/** The counted entries carrying it, sorted by id. */
	readonly entryIds: string[];
}

export interface ImportSummary {
	readonly accounts: number;
	readonly entries: number;
	readonly drafts: number;
	/** Entries already in the books unchanged (a re-import). */
	readonly unchanged: number;
}

export interface BooksReplicaOptions {
	/** New record ids (ULIDs in the app). */
	readonly newId?: () => string;
	/** Count only facts sealed by an entitled author (or adopted); see authority.ts. */
	readonly authority?: BooksAuthority & { invalidate(): void };
	/**
	 * Seal what this replica posts with this device's key (the write waits for the signature); asked
	 * at each write, since a device key may be made after the books open. Null: written unsealed.
	 */
	readonly signer?: () => { readonly device: DeviceKey; readonly workspaceId: string } | null;
}

/** Document numbers carried by more than one of `entries`, each with its entry ids sorted; by number. */
export function duplicateNumbers(entries: Iterable<JournalEntry>): DuplicateNumber[] {
	const byNumber = new Map<string, string[]>();
	for (const e of entries) {
		if (e.number === undefined || e.number === '') continue;
		const ids = byNumber.get(e.number);
		if (ids) ids.push(e.id);
		else byNumber.set(e.number, [e.id]);
	}
	return [...byNumber]
		.filter(([, ids]) => ids.length > 1)
		.map(([number, ids]) => ({ number, entryIds: ids.sort() }))
		.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
}

/** The order entries() lists counted entries in: by date, then id. */
export const byDateThenId = (a: JournalEntry, b: JournalEntry) =>
	a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
