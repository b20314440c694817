// Turns what the reader scanned into Keel records: a settled transaction and its tags into a
// journal entry, a streamed transaction into running balances, and the problems found into one
// parse error naming the first line. Plain functions; the reader decides when each applies.
import type { IsoDate } from '../../../shared/domain/dates';
import { ExactSum } from '../../../shared/domain';
import { ledgerError, type LedgerError, type LineProblem } from '../errors';
import { LEDGER_SCHEMA_VERSION, type EntryLine, type JournalEntry } from '../types';
import type { Result } from '../../../shared/domain/result';
import { residual, type Transaction } from './transaction';
import type { BalanceTable, Mutable } from './read-types';

export interface EntryTags {
	id: string | undefined;
	status: 'draft' | 'posted';
	attachments: string[];
	reverses: string | undefined;
	closing: boolean;
}

/** The entry fields a transaction's tags give (id, status, ...), or why a tag is wrong. */
export function entryTags(tx: Transaction): EntryTags | string {
	const out: EntryTags = {
		id: undefined,
		status: 'posted',
		attachments: [],
		reverses: undefined,
		closing: false
	};
	for (const [k, v] of tx.tags) {
		if (k === 'id') out.id = v;
		else if (k === 'closing') out.closing = v !== 'false';
		else if (k === 'attachment') out.attachments.push(v);
		else if (k === 'reverses') out.reverses = v;
		else if (k === 'status') {
			if (v !== 'draft' && v !== 'posted') return `status:${v} is not draft or posted`;
			out.status = v;
		}
	}
	return out;
}

/** The journal entry for a transaction (its lines filled in later when it has balance assignments). */
export function makeEntry(
	tx: Transaction,
	id: string,
	tags: EntryTags,
	lines: EntryLine[] | undefined
): JournalEntry {
	const entry: Mutable<JournalEntry> = {
		schemaVersion: LEDGER_SCHEMA_VERSION,
		id,
		date: tx.date,
		memo: tx.memo,
		status: tags.status,
		lines: lines ?? []
	};
	if (tx.number !== undefined) entry.number = tx.number;
	if (tx.clearing) entry.clearing = tx.clearing;
	if (tags.attachments.length > 0) entry.attachments = tags.attachments;
	if (tags.reverses !== undefined) entry.reverses = tags.reverses;
	if (tags.closing) entry.closing = true;
	if (tx.comment.length > 0) entry.comment = tx.comment.join('\n');
	return entry;
}

/** Adds a balanced transaction's postings to the table; `residual` must hold its elided amounts. */
export function addToTable(table: BalanceTable, tx: Transaction): void {
	for (const p of tx.postings) {
		let byCommodity = table.get(p.account);
		if (!byCommodity) table.set(p.account, (byCommodity = new Map()));
		if (p === residual.elided) {
			for (let k = 0; k < residual.count; k++) {
				const c = residual.commodities[k] as string;
				let acc = byCommodity.get(c);
				if (!acc) byCommodity.set(c, (acc = new ExactSum()));
				acc.addSum((residual.sums[k] as ExactSum).clone().negate());
			}
			continue;
		}
		const a = p.amount as NonNullable<typeof p.amount>;
		let acc = byCommodity.get(a.commodity);
		if (!acc) byCommodity.set(a.commodity, (acc = new ExactSum()));
		if (a.big !== null) acc.addBig(a.big, a.scale);
		else acc.add(a.units, a.scale);
	}
}

/** Balances per account and commodity of entries dated before `before` (all, without it). */
export function sumEntries(entries: readonly JournalEntry[], before: IsoDate | undefined): BalanceTable {
	const balances: BalanceTable = new Map();
	for (const e of entries) {
		if (before !== undefined && e.date >= before) continue;
		for (const l of e.lines) {
			let byCommodity = balances.get(l.account);
			if (!byCommodity) balances.set(l.account, (byCommodity = new Map()));
			let acc = byCommodity.get(l.commodity);
			if (!acc) byCommodity.set(l.commodity, (acc = new ExactSum()));
			acc.addDecimal(l.amount);
		}
	}
	return balances;
}

/** One parse error for all the problems, its message naming the first by line. */
export function parseFailure(
	found: readonly LineProblem[],
	where: string,
	linesRead: number
): Result<never, LedgerError> {
	const problems = [...found].sort((a, b) => a.line - b.line);
	const first = problems[0] as LineProblem;
	return ledgerError(
		'ledger/parse',
		`${where}:${first.line}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''}`,
		{ file: where, problems, linesRead }
	);
}

/** A parse error if two entries share an id, else undefined. */
export function duplicateIdFailure(
	entries: readonly (JournalEntry | undefined)[],
	where: string
): Result<never, LedgerError> | undefined {
	const seen = new Map<string, number>();
	for (const e of entries) {
		const entry = e as JournalEntry;
		if (seen.has(entry.id))
			return ledgerError('ledger/parse', `${where}: entry id '${entry.id}' is used twice`, {
				file: where,
				problems: [{ line: 0, message: `entry id '${entry.id}' is used twice` }]
			});
		seen.set(entry.id, 0);
	}
	return undefined;
}
