// Structural check of an entry value read from the shard. A peer may run older, newer or broken
// code, so a stored value is untrusted: only a value with every field of the right JSON type is
// handed to the ledger's validateEntry (which checks meaning: balance, accounts, dates).
import type { JournalEntry } from '$lib/books/domain';

const isObj = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const optString = (v: unknown) => v === undefined || typeof v === 'string';

function isLineShaped(v: unknown): boolean {
	if (!isObj(v)) return false;
	if (typeof v.account !== 'string' || typeof v.amount !== 'string' || typeof v.commodity !== 'string')
		return false;
	if (!optString(v.memo)) return false;
	if (v.cost !== undefined) {
		if (!isObj(v.cost) || typeof v.cost.amount !== 'string' || typeof v.cost.commodity !== 'string')
			return false;
	}
	if (v.dimensions !== undefined) {
		if (!isObj(v.dimensions)) return false;
		for (const d of Object.values(v.dimensions)) if (!optString(d)) return false;
	}
	return true;
}

/**
 * True when `v` has the JSON shape of a JournalEntry (posted, or a draft when `draft` is set).
 * Drafts may be unfinished: any date text and any number of lines.
 */
export function isEntryShaped(v: unknown, draft = false): v is JournalEntry {
	if (!isObj(v)) return false;
	if (typeof v.id !== 'string' || v.id === '' || typeof v.date !== 'string' || typeof v.memo !== 'string')
		return false;
	if (v.status !== (draft ? 'draft' : 'posted')) return false;
	if (typeof v.schemaVersion !== 'number') return false;
	if (!optString(v.number) || !optString(v.reverses) || !optString(v.comment)) return false;
	if (v.clearing !== undefined && v.clearing !== 'pending' && v.clearing !== 'cleared') return false;
	if (v.closing !== undefined && typeof v.closing !== 'boolean') return false;
	if (
		v.attachments !== undefined &&
		!(Array.isArray(v.attachments) && v.attachments.every((a) => typeof a === 'string'))
	)
		return false;
	return Array.isArray(v.lines) && v.lines.every(isLineShaped);
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

/** True when two stored values are the same record (key order aside). */
export function sameRecord(a: unknown, b: unknown): boolean {
	return a === b || canonical(a) === canonical(b);
}
