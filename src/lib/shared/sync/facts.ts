// Facts are written once and never changed: posted journal entries, imported batches of them. Yjs
// lets any key holder overwrite or delete a map key, so a fact's map reads the value as ORIGINALLY
// written under its key, not the latest: a write made by someone who had already seen the fact (an
// overwrite) and a deletion are not applied, only reported (`factRewrite`). Writes made at the same
// time without seeing each other (two devices posting one draft offline) are all originals, and the
// one Yjs ranks last counts, as it always has. To read originals, every replica keeps the content of
// a fact that was overwritten or deleted (the shard's Y.Doc is made with `keepFactContent`): Yjs
// would otherwise drop it. Everything here reads the key's item chain and each item's origin, which
// are the same on every replica, so every replica reads the same fact whatever order updates came in.
import * as Y from 'yjs';
import type { ShardName } from '$lib/shared/domain/workspace';

/** Top-level maps whose values are facts, per shard. */
export const FACT_MAPS: Readonly<Record<ShardName, readonly string[]>> = {
	meta: [],
	tasks: [],
	books: ['entries', 'entryBatches', 'entryBatchSeals', 'factAdoptions', 'lockChanges'],
	// HR history, leave events and decisions; finalized pay runs (attempts and the copy older versions
	// read), payments, postings and opening year-to-date figures (people/sync, payroll/sync).
	people: [
		'history',
		'leave',
		'decisions',
		'payRunFinals',
		'payRunFinalizations',
		'payRunPayments',
		'payRunPostings',
		'payrollOpenings',
		'payRunAdoptions',
		'payFactAdoptions',
		'hrAdoptions',
		// Not facts but signed settings (people/sync/sealed-settings.ts): every write is read back, so
		// an overwritten or deleted one keeps its content too.
		'approvers',
		'members'
	]
};

/** A Y.Doc for a shard: facts keep their content when overwritten or deleted. */
export function newShardDoc(shard: ShardName, options: { guid?: string } = {}): Y.Doc {
	return new Y.Doc({ ...options, gc: true, gcFilter: keepFactContent(FACT_MAPS[shard]) });
}

/** Yjs's gcFilter: true lets Yjs drop a deleted item's content; false keeps it (a fact's). */
export function keepFactContent(mapNames: readonly string[]): (item: Y.Item) => boolean {
	if (mapNames.length === 0) return () => true;
	const names = new Set(mapNames);
	return (item) => {
		const parent = item.parent;
		if (item.parentSub === null || !(parent instanceof Y.AbstractType) || parent._item !== null) return true;
		return !names.has(Y.findRootTypeKey(parent));
	};
}

/** One write under a fact's key: its value (when this replica holds it) and where it sits. */
export interface FactWrite {
	readonly value: unknown;
	/** False when Yjs dropped the content (a replica without keepFactContent deleted it). */
	readonly held: boolean;
	readonly origin: { readonly client: number; readonly clock: number };
	/** The writer had seen an earlier write under this key: an overwrite, never an original. */
	readonly saw: boolean;
}

/** Every write under `key`, oldest first (the item chain's order: the same on every replica). */
export function factWrites(map: Y.Map<unknown>, key: string): FactWrite[] {
	let item: Y.Item | null = map._map.get(key) ?? null;
	const chain: Y.Item[] = [];
	while (item !== null) {
		chain.push(item);
		item = item.left;
	}
	const out: FactWrite[] = [];
	for (let i = chain.length - 1; i >= 0; i--) {
		const it = chain[i] as Y.Item;
		const held = !(it.content instanceof Y.ContentDeleted);
		const values = held ? it.content.getContent() : [];
		for (let k = 0; k < it.length; k++)
			out.push({
				value: held ? values[k] : undefined,
				held,
				origin: { client: it.id.client, clock: it.id.clock + k },
				// Later values of one merged item were written over the first by the same writer.
				saw: k > 0 || it.origin !== null
			});
	}
	return out;
}

/** The fact under `key`: the original write that counts, or undefined when nothing was written there. */
export function firstFact(map: Y.Map<unknown>, key: string): FactWrite | undefined {
	const item = map._map.get(key);
	if (item === undefined) return undefined;
	if (item.left === null && item.length === 1) {
		// The common case: written once.
		const held = !(item.content instanceof Y.ContentDeleted);
		return {
			value: held ? item.content.getContent()[0] : undefined,
			held,
			origin: { client: item.id.client, clock: item.id.clock },
			saw: item.origin !== null
		};
	}
	return factWrites(map, key)
		.filter((w) => !w.saw)
		.at(-1);
}

/** Every fact in a map as originally written, by key (removed ones too, when their content is held). */
export function* factEntries(map: Y.Map<unknown>): IterableIterator<[string, unknown]> {
	for (const key of map._map.keys()) {
		const first = firstFact(map, key);
		if (first?.held) yield [key, first.value];
	}
}

/** Every key a fact was ever written under (deleted ones too). */
export function factKeys(map: Y.Map<unknown>): IterableIterator<string> {
	return map._map.keys();
}

/** What happened to a fact after it was written: changed to something else, or removed. */
export interface FactRewrite {
	readonly key: string;
	readonly kind: 'changed' | 'removed';
	/** The fact as originally written (what still counts), when held. */
	readonly first: unknown;
	/** The latest different value written over it ('changed'), when held. */
	readonly latest: unknown;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The rewrite of the fact under `key`, or null when it stands as written (a repeat of the same value is not one). */
export function factRewrite(map: Y.Map<unknown>, key: string): FactRewrite | null {
	const last = map._map.get(key);
	if (!last || (last.left === null && last.length === 1 && !last.deleted)) return null;
	const original = firstFact(map, key);
	if (!original) return null;
	const differing = factWrites(map, key)
		.filter((w) => w.saw && w.held && !same(w.value, original.value))
		.at(-1);
	if (differing) return { key, kind: 'changed', first: original.value, latest: differing.value };
	if (last.deleted && !map.has(key))
		return { key, kind: 'removed', first: original.value, latest: undefined };
	return null;
}

/** Every rewritten fact in a map, by key. */
export function factRewrites(map: Y.Map<unknown>): FactRewrite[] {
	const out: FactRewrite[] = [];
	for (const [key, item] of map._map) {
		if (item.left === null && item.length === 1 && !item.deleted) continue;
		const r = factRewrite(map, key);
		if (r) out.push(r);
	}
	return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
