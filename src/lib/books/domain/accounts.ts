// The chart of accounts as a tree. Invariant kept by validateChart: ids are unique, every parent
// exists, there is no cycle, a child has its parent's type, and full names ("Assets:Bank:Checking")
// are unique, so a full name identifies one account.
import { ok, type Result } from '../../shared/domain/result';
import { ledgerError, type LedgerError } from './errors';
import {
	ACCOUNT_SUBTYPES,
	ACCOUNT_TYPES,
	LEDGER_SCHEMA_VERSION,
	type Account,
	type AccountId,
	type AccountType
} from './types';

export const ACCOUNT_SEPARATOR = ':';

/** Why a leaf name cannot be used, or undefined when it can. */
export function accountNameProblem(name: string, isRoot = false): string | undefined {
	if (name.length === 0) return 'is empty';
	if (name.includes(ACCOUNT_SEPARATOR)) return "contains ':' (use a parent account instead)";
	if (/[\t\r\n]/.test(name)) return 'contains a tab or line break';
	if (name.includes('  ')) return 'contains two spaces in a row';
	if (name !== name.trim()) return 'starts or ends with a space';
	if (isRoot && /^[([<]/.test(name)) return 'starts with a bracket (journal virtual-posting syntax)';
	if (name.includes(';')) return "contains ';'";
	return undefined;
}

/** Lookups over a chart: by id, by full name, children, full names. Built once per chart. */
export interface AccountIndex {
	readonly byId: ReadonlyMap<AccountId, Account>;
	readonly byFullName: ReadonlyMap<string, Account>;
	readonly children: ReadonlyMap<AccountId, readonly AccountId[]>;
	fullName(id: AccountId): string;
	/** The account and all its descendants. */
	subtree(id: AccountId): AccountId[];
	/** Ancestors from the root down, excluding the account itself. */
	ancestors(id: AccountId): AccountId[];
	depth(id: AccountId): number;
}

export function indexAccounts(accounts: readonly Account[]): AccountIndex {
	const byId = new Map<AccountId, Account>();
	for (const a of accounts) byId.set(a.id, a);
	const children = new Map<AccountId, AccountId[]>();
	for (const a of accounts) {
		if (a.parentId === undefined) continue;
		const list = children.get(a.parentId);
		if (list) list.push(a.id);
		else children.set(a.parentId, [a.id]);
	}
	const names = new Map<AccountId, string>();
	const fullName = (id: AccountId): string => {
		const known = names.get(id);
		if (known !== undefined) return known;
		const parts: string[] = [];
		const seen = new Set<AccountId>();
		for (
			let a = byId.get(id);
			a && !seen.has(a.id);
			a = a.parentId === undefined ? undefined : byId.get(a.parentId)
		) {
			seen.add(a.id);
			parts.push(a.name);
		}
		const name = parts.reverse().join(ACCOUNT_SEPARATOR) || id;
		names.set(id, name);
		return name;
	};
	const byFullName = new Map<string, Account>();
	for (const a of accounts) byFullName.set(fullName(a.id), a);
	const ancestors = (id: AccountId): AccountId[] => {
		const out: AccountId[] = [];
		const seen = new Set<AccountId>([id]);
		for (let p = byId.get(id)?.parentId; p !== undefined && !seen.has(p); p = byId.get(p)?.parentId) {
			seen.add(p);
			out.push(p);
		}
		return out.reverse();
	};
	const subtree = (id: AccountId): AccountId[] => {
		const out: AccountId[] = [];
		const stack = [id];
		const seen = new Set<AccountId>();
		while (stack.length > 0) {
			const next = stack.pop() as AccountId;
			if (seen.has(next)) continue;
			seen.add(next);
			out.push(next);
			for (const c of children.get(next) ?? []) stack.push(c);
		}
		return out;
	};
	return { byId, byFullName, children, fullName, subtree, ancestors, depth: (id) => ancestors(id).length };
}

export function validateChart(accounts: readonly Account[]): Result<AccountIndex, LedgerError> {
	const problems: string[] = [];
	const ids = new Set<AccountId>();
	for (const a of accounts) {
		if (typeof a.id !== 'string' || a.id === '') problems.push(`an account has no id (name '${a.name}')`);
		else if (ids.has(a.id)) problems.push(`account id '${a.id}' is used twice`);
		ids.add(a.id);
		if (a.schemaVersion !== LEDGER_SCHEMA_VERSION)
			problems.push(`account '${a.id}': unknown schemaVersion ${String(a.schemaVersion)}`);
		const nameProblem = accountNameProblem(a.name, a.parentId === undefined);
		if (nameProblem) problems.push(`account '${a.id}': name '${a.name}' ${nameProblem}`);
		if (!ACCOUNT_TYPES.includes(a.type)) problems.push(`account '${a.id}': unknown type '${String(a.type)}'`);
		if (a.subtype !== undefined && !ACCOUNT_SUBTYPES.includes(a.subtype))
			problems.push(`account '${a.id}': unknown subtype '${String(a.subtype)}'`);
		for (const [field, value] of [
			['code', a.code],
			['currency', a.currency]
		] as const)
			if (value !== undefined && (value === '' || /[,;\s]/.test(value)))
				problems.push(`account '${a.id}': ${field} '${value}' must be non-empty without spaces, ',' or ';'`);
	}
	const index = indexAccounts(accounts);
	for (const a of accounts) {
		if (a.parentId === undefined) continue;
		const parent = index.byId.get(a.parentId);
		if (!parent) problems.push(`account '${a.id}': parent '${a.parentId}' does not exist`);
		else if (parent.type !== a.type)
			problems.push(`account '${index.fullName(a.id)}' is ${a.type} but its parent is ${parent.type}`);
		const chain = new Set<AccountId>([a.id]);
		for (let p: AccountId | undefined = a.parentId; p !== undefined; p = index.byId.get(p)?.parentId) {
			if (chain.has(p)) {
				problems.push(`account '${a.id}' is its own ancestor`);
				break;
			}
			chain.add(p);
		}
	}
	if (problems.length === 0) {
		const full = new Map<string, AccountId>();
		for (const a of accounts) {
			const name = index.fullName(a.id);
			const other = full.get(name);
			if (other !== undefined)
				problems.push(`accounts '${other}' and '${a.id}' have the same full name '${name}'`);
			full.set(name, a.id);
		}
	}
	if (problems.length > 0)
		return ledgerError(
			'ledger/bad-chart',
			`Chart of accounts: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
			{
				problems
			}
		);
	return ok(index);
}

const TYPE_BY_TOP_NAME: Readonly<Record<string, AccountType>> = {
	asset: 'asset',
	assets: 'asset',
	liability: 'liability',
	liabilities: 'liability',
	equity: 'equity',
	'net assets': 'equity',
	income: 'income',
	revenue: 'income',
	revenues: 'income',
	expense: 'expense',
	expenses: 'expense'
};

/** The type hledger would give an account from its top-level name, if it is a known one. */
export function inferAccountType(fullName: string): AccountType | undefined {
	const top = fullName.split(ACCOUNT_SEPARATOR, 1)[0] ?? '';
	return TYPE_BY_TOP_NAME[top.toLowerCase()];
}

/** Splits "Assets:Bank:Checking" into its leaf names; undefined when a part is unusable. */
export function splitFullName(fullName: string): string[] | undefined {
	const parts = fullName.split(ACCOUNT_SEPARATOR);
	return parts.every((p, i) => accountNameProblem(p, i === 0) === undefined) ? parts : undefined;
}

/** Accounts that are income or expense (closed at year end). */
export function isProfitAndLoss(type: AccountType): boolean {
	return type === 'income' || type === 'expense';
}
