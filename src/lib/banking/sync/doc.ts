// The banking binding in the books shard: its own top-level maps beside the ledger's (whose shapes it
// never touches). Bank accounts and rules are mutable records (a Y.Map per bank account, one key per
// field); statements, lines, decisions and reconciliations are immutable facts: one plain JSON value,
// written once (writing a key that exists is a no-op, so re-imports and re-deliveries add nothing).
// Rules live in banking-rules-doc.ts. Readers return plain records; a value that fails its shape check is kept aside with the reason.
import * as Y from 'yjs';
import {
	bankAccountKind,
	type BankAccountRecord,
	type BankLineRecord,
	type MatchDecision,
	type ReconciliationRecord,
	type StatementRecord
} from '$lib/banking/domain';
import { kinds, readRecord, type ShapeOf } from './shape';
import { readRule } from './rules-doc';

export const FACT_MAPS = ['bankStatements', 'bankLines', 'bankDecisions', 'bankReconciliations'] as const;
export type FactMap = (typeof FACT_MAPS)[number];
export type BankingMap = FactMap | 'bankAccounts' | 'bankRules';
const ACCOUNT_FIELDS = [
	'name',
	'institution',
	'currency',
	'identifier',
	'ledgerAccountId',
	'csvMapping'
] as const;
export type BankAccountPatch = Partial<Pick<BankAccountRecord, (typeof ACCOUNT_FIELDS)[number]>>;

/** A stored value that failed its shape check: shown in "needs review", never used. */
export interface KeptAside {
	readonly map: BankingMap;
	readonly key: string;
	/** What the record is, in words ("bank line"), for the screen. */
	readonly what: string;
	readonly reason: string;
}

export const bankAccountsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('bankAccounts');
export const bankRulesMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('bankRules');
export const factMap = (doc: Y.Doc, name: FactMap): Y.Map<unknown> => doc.getMap(name);

const plain = (v: unknown): unknown =>
	typeof v === 'object' && v !== null ? JSON.parse(JSON.stringify(v)) : v;

// ---- writes -----------------------------------------------------------------------------------

export function insertBankAccount(doc: Y.Doc, account: BankAccountRecord): boolean {
	const map = bankAccountsMap(doc);
	if (map.has(account.id)) return false;
	doc.transact(() => {
		const m = new Y.Map<unknown>();
		m.set('schemaVersion', account.schemaVersion);
		m.set('id', account.id);
		for (const f of ACCOUNT_FIELDS) if (account[f] !== undefined) m.set(f, plain(account[f]));
		map.set(account.id, m);
	});
	return true;
}

export function patchBankAccount(doc: Y.Doc, id: string, patch: BankAccountPatch): boolean {
	const m = bankAccountsMap(doc).get(id);
	if (!(m instanceof Y.Map)) return false;
	doc.transact(() => {
		for (const f of ACCOUNT_FIELDS) {
			if (!(f in patch)) continue;
			const v = patch[f];
			if (v === undefined) m.delete(f);
			else if (JSON.stringify(m.get(f)) !== JSON.stringify(v)) m.set(f, plain(v));
		}
	});
	return true;
}

/** Writes a fact once; false (nothing written) when the key already holds a value. */
export function insertFact(doc: Y.Doc, name: FactMap, fact: { readonly id: string }): boolean {
	const map = factMap(doc, name);
	if (map.has(fact.id)) return false;
	map.set(fact.id, plain(fact));
	return true;
}

export function hasFact(doc: Y.Doc, name: FactMap, id: string): boolean {
	return factMap(doc, name).has(id);
}

// ---- reads ------------------------------------------------------------------------------------

function readAccount(m: unknown): unknown {
	if (!(m instanceof Y.Map)) return m;
	const out: Record<string, unknown> = { schemaVersion: bankAccountKind.version };
	for (const [k, v] of m.entries()) out[k] = v;
	return out;
}

/** Every record of one map, checked: usable records by key, and what was kept aside. */
export function readMap<K extends BankingMap>(
	doc: Y.Doc,
	name: K
): { records: Map<string, ShapeOf[K]>; aside: KeptAside[] } {
	const source = doc.getMap<unknown>(name);
	const records = new Map<string, ShapeOf[K]>();
	const aside: KeptAside[] = [];
	const kind = kinds[name];
	for (const [key, raw] of source.entries()) {
		const v = name === 'bankAccounts' ? readAccount(raw) : name === 'bankRules' ? readRule(raw) : raw;
		const read = readRecord(kind, v);
		const what = kind.name;
		if (!read.ok) aside.push({ map: name, key, what, reason: read.error.message });
		else if (read.value.id !== key) aside.push({ map: name, key, what, reason: 'stored under another id' });
		else records.set(key, read.value);
	}
	return { records, aside };
}

export type { BankAccountRecord, BankLineRecord, MatchDecision, ReconciliationRecord, StatementRecord };

// ---- change events ----------------------------------------------------------------------------

/** Calls `onChange(maps touched, local)` once per transaction that touched a banking map. */
export function observeBanking(
	doc: Y.Doc,
	onChange: (maps: ReadonlySet<BankingMap>, local: boolean) => void
): () => void {
	const names: BankingMap[] = ['bankAccounts', 'bankRules', ...FACT_MAPS];
	const types = new Map<unknown, BankingMap>(names.map((n) => [doc.getMap(n), n]));
	const handler = (tr: Y.Transaction) => {
		const touched = new Set<BankingMap>();
		for (const type of tr.changed.keys()) {
			const direct = types.get(type);
			if (direct) touched.add(direct);
			else {
				const parent = type._item?.parent ? types.get(type._item.parent) : undefined;
				if (parent === 'bankAccounts' || parent === 'bankRules') touched.add(parent);
			}
		}
		if (touched.size) onChange(touched, tr.local);
	};
	doc.on('afterTransaction', handler);
	return () => doc.off('afterTransaction', handler);
}
