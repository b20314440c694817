// The fast path of the posted-entry check. Every entry is checked whenever the books open (50k
// entries: about 50 ms by hand, about 500 ms through valibot), so a stored value is first tried
// here. Invariant: this accepts only values the schema (schemas.ts, postedEntrySchema) accepts, and
// hands back the value itself; anything it refuses goes through entryKind.read, which migrates old
// versions, keeps newer ones aside and says what is wrong in words. entry-fast.test.ts holds the
// two to that on generated and mutated entries.
import { isDecimalString } from '../../shared/domain/money';
import { parseIsoDate } from '../../shared/domain/dates';
import { LEDGER_SCHEMA_VERSION, type JournalEntry } from './types';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const optText = (x: unknown) => x === undefined || typeof x === 'string';
const amount = (x: unknown) => typeof x === 'string' && isDecimalString(x);

function lineOk(l: unknown): boolean {
	if (!isObj(l)) return false;
	if (typeof l.account !== 'string' || !amount(l.amount) || typeof l.commodity !== 'string') return false;
	if (!optText(l.memo)) return false;
	const cost = l.cost;
	if (cost !== undefined && !(isObj(cost) && amount(cost.amount) && typeof cost.commodity === 'string'))
		return false;
	const dims = l.dimensions;
	if (dims !== undefined) {
		if (!isObj(dims)) return false;
		for (const k in dims) if (!optText(dims[k])) return false;
	}
	return true;
}

/** True when `x` is a posted entry of the current version that the schema would accept as it is. */
export function isPostedEntryFast(x: unknown): x is JournalEntry {
	if (!isObj(x) || x.schemaVersion !== LEDGER_SCHEMA_VERSION || x.status !== 'posted') return false;
	if (typeof x.id !== 'string' || x.id === '' || typeof x.memo !== 'string') return false;
	if (typeof x.date !== 'string' || parseIsoDate(x.date) === undefined) return false;
	if (!optText(x.number) || !optText(x.reverses) || !optText(x.comment)) return false;
	if (x.clearing !== undefined && x.clearing !== 'pending' && x.clearing !== 'cleared') return false;
	if (x.closing !== undefined && typeof x.closing !== 'boolean') return false;
	const att = x.attachments;
	if (att !== undefined && !(Array.isArray(att) && every(att, (a) => typeof a === 'string'))) return false;
	return Array.isArray(x.lines) && every(x.lines, lineOk);
}

/** Like Array.every, but a hole in a sparse array counts as undefined (as the schema sees it). */
function every(list: readonly unknown[], test: (x: unknown) => boolean): boolean {
	for (let i = 0; i < list.length; i++) if (!test(list[i])) return false;
	return true;
}
