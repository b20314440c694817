// Reading entry values from the shard. A peer may run older, newer or broken code, so a stored value
// is untrusted: it is read through its record kind (schema and numbered migrations) before the
// ledger's validateEntry checks its meaning (balance, accounts). A value that fails says why in
// words, naming the field; a value from a newer Keel is kept aside as such, never guessed at.
import {
	draftKind,
	entryKind,
	isPostedEntryFast,
	type DraftRecord,
	type JournalEntry,
	type LedgerErrorCode
} from '$lib/books/domain';
import { err, ok, type RecordError, type Result } from '$lib/shared/domain';

/** Why a stored entry cannot count, with the ledger code its problem falls under. */
export interface EntryProblem {
	readonly code: LedgerErrorCode;
	readonly message: string;
}

/** The ledger code for a record problem: a bad date or amount keeps the code validateEntry gives it. */
function codeOf(error: RecordError): LedgerErrorCode {
	if (error.code === 'record/newer') return 'ledger/newer-entry';
	const field = typeof error.details?.field === 'string' ? error.details.field : '';
	if (field === 'date') return 'ledger/bad-date';
	if (/^lines\.\d+\.(amount|cost\.amount)$/.test(field)) return 'ledger/bad-amount';
	return 'ledger/bad-entry';
}

/** A stored posted entry, checked against its schema and stored under `id`; or why it is not one. */
export function readPostedEntry(value: unknown, id: string): Result<JournalEntry, EntryProblem> {
	// The fast path (entry-fast.ts) for what nearly every stored entry is: current and well-formed.
	if (isPostedEntryFast(value) && value.id === id) return ok(value);
	const read = entryKind.read(value);
	if (!read.ok) return err({ code: codeOf(read.error), message: read.error.message });
	if (read.value.id !== id)
		return err({
			code: 'ledger/bad-entry',
			message: 'One journal entry was not read: it is stored under another id.'
		});
	return ok(read.value);
}

/** A stored draft (half-written text allowed), or null when it is not one. */
export function readDraftValue(value: unknown): DraftRecord | null {
	const read = draftKind.read(value);
	return read.ok ? read.value : null;
}

/**
 * A draft handed on where entries go (the form, the journal export). Its date and amounts are what the
 * person typed, not yet checked: posting checks them (validateEntry), and the journal writer refuses
 * what it cannot write. Known gap: a DraftEntry type through state and forms would make this honest.
 */
export function draftAsEntry(draft: DraftRecord): JournalEntry {
	return draft as unknown as JournalEntry;
}

/** JSON with keys sorted at every level, so two copies of one record compare equal. */
function canonical(v: unknown): string {
	if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
	if (v && typeof v === 'object')
		return `{${Object.entries(v)
			.filter(([, x]) => x !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : 1))
			.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`)
			.join(',')}}`;
	return JSON.stringify(v);
}

/** A stored value without its author's seal (which says who wrote it, not what it says). */
function unsealed(v: unknown): unknown {
	if (!v || typeof v !== 'object' || Array.isArray(v) || !('seal' in v)) return v;
	const { seal: _seal, ...rest } = v as Record<string, unknown>;
	return rest;
}

/** True when two stored values are the same record (key order and seals aside). */
export function sameRecord(a: unknown, b: unknown): boolean {
	return a === b || canonical(unsealed(a)) === canonical(unsealed(b));
}
