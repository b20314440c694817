// Re-importing a file never adds a line twice, and two genuine identical lines in one file both stay: a line's key
// is the bank's own id when it has one, else its content plus how many identical lines came before it in the file.
import { cyrb53 } from '../../shared/domain';
import type { AccountIdentifiers, DraftLine, Statement, StatementLine } from './types';

/** 53-bit string hash (cyrb53) as base-36 text; keys go into indexes, so they must not carry payee text. */
export function hashKey(text: string): string {
	return cyrb53(text).toString(36);
}

export function accountKey(account: AccountIdentifiers): string {
	return (account.iban ?? account.accountNumber ?? '').replace(/\s+/g, '').toUpperCase();
}

function contentOf(account: string, line: Pick<DraftLine, 'date' | 'amount' | 'payee' | 'memo'>): string {
	const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
	return `c|${account}|${line.date}|${line.amount}|${norm(line.payee)}|${norm(line.memo)}`;
}

/**
 * Dedup keys for a file's lines, in file order. Bank ids win; a repeated bank id inside one file (a bank bug)
 * falls back to the content key so neither line is lost.
 */
export function lineKeys(
	account: AccountIdentifiers,
	lines: readonly Pick<DraftLine, 'date' | 'amount' | 'payee' | 'memo' | 'bankRef'>[]
): string[] {
	const acct = accountKey(account);
	const seenRefs = new Map<string, number>();
	for (const l of lines) if (l.bankRef) seenRefs.set(l.bankRef, (seenRefs.get(l.bankRef) ?? 0) + 1);
	const occurrences = new Map<string, number>();
	return lines.map((l) => {
		if (l.bankRef && seenRefs.get(l.bankRef) === 1) return 'k' + hashKey(`r|${acct}|${l.bankRef}`);
		const content = contentOf(acct, l);
		const n = occurrences.get(content) ?? 0;
		occurrences.set(content, n + 1);
		return 'k' + hashKey(`${content}#${n}`);
	});
}

/** The dedup key of one line of a parsed statement (its id is that key). */
export function lineKey(line: StatementLine): string {
	return line.id;
}

/** Adds ids (= dedup keys) to drafted lines. */
export function withLineIds(account: AccountIdentifiers, drafts: readonly DraftLine[]): StatementLine[] {
	const keys = lineKeys(account, drafts);
	return drafts.map((d, i) => ({ id: keys[i] as string, ...d }));
}

export interface MergeResult {
	readonly fresh: readonly StatementLine[];
	readonly duplicates: readonly StatementLine[];
	/** The keys to store after the import: the old ones plus the fresh ones. */
	readonly keys: ReadonlySet<string>;
}

/** Splits a statement's lines into those not seen before and those already imported (by key). */
export function mergeImport(
	existingKeys: ReadonlySet<string> | readonly string[],
	statement: Statement
): MergeResult {
	const known = new Set(existingKeys);
	const fresh: StatementLine[] = [];
	const duplicates: StatementLine[] = [];
	for (const line of statement.lines) {
		if (known.has(line.id)) duplicates.push(line);
		else {
			fresh.push(line);
			known.add(line.id);
		}
	}
	return { fresh, duplicates, keys: known };
}
