// Keel fields ride in journal comments as hledger tags (`; fund:restricted, class:program`), so
// hledger and ledger read Keel's files unchanged and Keel reads them back exactly.
import type { AccountSubtype, AccountType } from '../types';
import { ACCOUNT_SUBTYPES } from '../types';

/** Tags Keel reads on a transaction (entry). */
export const ENTRY_TAGS = new Set(['id', 'status', 'attachment', 'reverses', 'closing']);
/** Tags Keel reads on a posting (line dimensions). */
export const LINE_TAGS = new Set(['fund', 'class', 'department', 'tag']);
/** Tags Keel reads on an `account` directive. */
export const ACCOUNT_TAGS = new Set(['id', 'type', 'subtype', 'code', 'currency', 'archived']);

const TAG_RE = /^\s*([A-Za-z][\w-]*):([^,]*)$/;

/**
 * The `key:value` pairs of a comment when it consists only of tags whose keys are in `keys`;
 * undefined when it holds anything else (then it is free text).
 */
export function parseTagList(text: string, keys: ReadonlySet<string>): [string, string][] | undefined {
	if (text.indexOf(':') < 0) return undefined;
	const out: [string, string][] = [];
	for (const part of text.split(',')) {
		const m = TAG_RE.exec(part);
		if (!m || !keys.has(m[1] as string)) return undefined;
		out.push([m[1] as string, (m[2] as string).trim()]);
	}
	return out;
}

export function formatTagList(tags: readonly (readonly [string, string])[]): string {
	return tags.map(([k, v]) => `${k}:${v}`).join(', ');
}

/** hledger's account type codes, and Keel's own words, to Keel types. */
export function accountTypeFromTag(
	value: string
): { type: AccountType; subtype?: AccountSubtype } | undefined {
	switch (value.toLowerCase()) {
		case 'a':
		case 'asset':
		case 'assets':
			return { type: 'asset' };
		case 'c':
		case 'cash':
			return { type: 'asset', subtype: 'cash' };
		case 'l':
		case 'liability':
		case 'liabilities':
			return { type: 'liability' };
		case 'e':
		case 'equity':
		case 'v':
		case 'conversion':
			return { type: 'equity' };
		case 'r':
		case 'revenue':
		case 'revenues':
		case 'income':
			return { type: 'income' };
		case 'x':
		case 'expense':
		case 'expenses':
			return { type: 'expense' };
		default:
			return undefined;
	}
}

export const TYPE_TAG: Readonly<Record<AccountType, string>> = {
	asset: 'A',
	liability: 'L',
	equity: 'E',
	income: 'R',
	expense: 'X'
};

export function isSubtype(value: string): value is AccountSubtype {
	return (ACCOUNT_SUBTYPES as readonly string[]).includes(value);
}
