// Bank rules in the books shard: a Y.Map per rule, one key per field (conditions one key each), so two people
// editing different parts of one rule both keep their change, and the same field resolves the same way on every
// replica. Order is a fractional key (reordering writes one field). Deleting a rule removes its map. Rules written
// by older versions (one plain JSON value: payee glob → account) are read as `payee equals` rules and become a
// Y.Map on their first edit.
import * as Y from 'yjs';
import { ruleKind, type BankRule, type BankRuleRecord } from '$lib/banking/domain';

const bankRulesMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('bankRules');

/** The stored keys of a rule, each holding one plain value. */
const FIELDS = [
	'name',
	'enabled',
	'order',
	'payee',
	'memoContains',
	'direction',
	'minAmount',
	'maxAmount',
	'bankAccountId',
	'account',
	'memo',
	'dimensions',
	'splits'
] as const;
type Field = (typeof FIELDS)[number];
type Flat = Partial<Record<Field, unknown>>;

export type RulePatch = Partial<Omit<BankRule, 'id'>>;

function flatten(rule: RulePatch): Flat {
	const out: Flat = {};
	if ('name' in rule) out.name = rule.name;
	if ('enabled' in rule) out.enabled = rule.enabled;
	if ('order' in rule) out.order = rule.order;
	if (rule.conditions) {
		const c = rule.conditions;
		out.payee = c.payee;
		out.memoContains = c.memoContains;
		out.direction = c.direction;
		out.minAmount = c.minAmount;
		out.maxAmount = c.maxAmount;
		out.bankAccountId = c.bankAccountId;
	}
	if (rule.outcome) {
		out.account = rule.outcome.account;
		out.memo = rule.outcome.memo;
		out.splits = rule.outcome.splits?.length ? rule.outcome.splits : undefined;
		out.dimensions =
			rule.outcome.dimensions && Object.keys(rule.outcome.dimensions).length
				? rule.outcome.dimensions
				: undefined;
	}
	return out;
}

const plain = (v: unknown): unknown =>
	typeof v === 'object' && v !== null ? JSON.parse(JSON.stringify(v)) : v;

function writeFields(m: Y.Map<unknown>, flat: Flat): void {
	for (const f of FIELDS) {
		if (!(f in flat)) continue;
		const v = flat[f];
		if (v === undefined) {
			if (m.has(f)) m.delete(f);
		} else if (JSON.stringify(m.get(f)) !== JSON.stringify(v)) m.set(f, plain(v));
	}
}

/** A rule as older versions stored it (one JSON value). */
interface LegacyRule {
	id?: unknown;
	payee?: unknown;
	memo?: unknown;
	direction?: unknown;
	propose?: { account?: unknown; memo?: unknown; dimensions?: unknown };
}

function fromLegacy(v: LegacyRule): unknown {
	const text = (g: unknown) => (typeof g === 'string' ? g.replace(/[*?]+/g, ' ').trim() : undefined);
	const payee = text(v.payee);
	const memo = text(v.memo);
	return {
		schemaVersion: ruleKind.version,
		id: v.id,
		name: payee ? `Payee ${payee}` : `Memo ${memo ?? ''}`,
		enabled: true,
		order: 'a0',
		conditions: {
			...(payee
				? {
						payee: {
							test: typeof v.payee === 'string' && /[*?]/.test(v.payee) ? 'contains' : 'equals',
							text: payee
						}
					}
				: {}),
			...(memo ? { memoContains: memo } : {}),
			...(v.direction !== undefined ? { direction: v.direction } : {})
		},
		outcome: {
			account: v.propose?.account,
			...(v.propose?.memo !== undefined ? { memo: v.propose.memo } : {}),
			...(v.propose?.dimensions !== undefined ? { dimensions: v.propose.dimensions } : {})
		}
	};
}

/** The stored value as a rule record (not yet shape-checked). */
export function readRule(raw: unknown): unknown {
	if (!(raw instanceof Y.Map))
		return typeof raw === 'object' && raw !== null && 'propose' in raw ? fromLegacy(raw as LegacyRule) : raw;
	const g = (f: Field) => raw.get(f);
	const defined = (o: Record<string, unknown>) =>
		Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
	return {
		schemaVersion: raw.get('schemaVersion') ?? ruleKind.version,
		id: raw.get('id'),
		name: g('name'),
		enabled: g('enabled'),
		order: g('order'),
		conditions: defined({
			payee: g('payee'),
			memoContains: g('memoContains'),
			direction: g('direction'),
			minAmount: g('minAmount'),
			maxAmount: g('maxAmount'),
			bankAccountId: g('bankAccountId')
		}),
		outcome: defined({
			account: g('account'),
			memo: g('memo'),
			dimensions: g('dimensions'),
			splits: g('splits')
		})
	};
}

export function insertRule(doc: Y.Doc, rule: BankRule): boolean {
	const map = bankRulesMap(doc);
	if (map.has(rule.id)) return false;
	doc.transact(() => {
		const m = map.set(rule.id, new Y.Map<unknown>());
		m.set('schemaVersion', ruleKind.version);
		m.set('id', rule.id);
		writeFields(m, flatten(rule));
	});
	return true;
}

/** Changes the given parts of a rule; an older plain rule becomes a Y.Map holding the merged result. */
export function patchRule(doc: Y.Doc, id: string, patch: RulePatch, current: BankRuleRecord): boolean {
	const map = bankRulesMap(doc);
	const m = map.get(id);
	if (m === undefined) return false;
	doc.transact(() => {
		if (m instanceof Y.Map) writeFields(m, flatten(patch));
		else {
			map.delete(id);
			const { schemaVersion: _v, ...rule } = current;
			insertRule(doc, { ...rule, ...patch });
		}
	});
	return true;
}

export function deleteRule(doc: Y.Doc, id: string): boolean {
	const map = bankRulesMap(doc);
	if (!map.has(id)) return false;
	map.delete(id);
	return true;
}
