// The fact maps of the people shard (histories, leave, decisions, documents, checklists), judged
// as they arrive. Invariant: a stored fact is held (as its record kind read it) only if it passed,
// else it sits in quarantine with the reason; history and leave facts are also indexed by person,
// so one person's reads never scan everyone's. Histories, leave events and decisions are read as
// first written (shared/sync/facts.ts): a later overwrite or deletion of one is not applied, only listed.
import type * as Y from 'yjs';
import { FACT_MAPS, factWrites, firstFact } from '$lib/shared/sync/facts';
import type { Employment, Fact, History } from '$lib/people/domain';
import * as docs from './doc';
import {
	FACT_READERS,
	quarantined,
	type ChecklistRun,
	type DocumentMeta,
	type FactTypes,
	type HistoryArea,
	type Quarantined,
	type StoredFact,
	type StoredLeaveEvent
} from './shape';

/** The people fact maps whose values stay as written (the rest, documents, may be erased). */
const AS_WRITTEN = new Set<string>(FACT_MAPS.people);

/**
 * The value that counts under `key` of a map whose facts stay as written: the original when it reads
 * (`sound`); else the first later write that does (a fact that never counted, repaired); else the
 * original, to be kept aside. Undefined when nothing was ever written there, or its content is gone.
 */
export function asWritten(map: Y.Map<unknown>, key: string, sound: (v: unknown) => boolean): unknown {
	const first = firstFact(map, key);
	const item = map._map.get(key);
	if (!first || !item || (item.left === null && item.length === 1) || (first.held && sound(first.value)))
		return first?.value;
	return factWrites(map, key).find((w) => w.held && sound(w.value))?.value ?? first.value;
}

export class PeopleFacts {
	readonly #doc: Y.Doc;
	readonly #quarantine: Map<string, Quarantined>;
	/** Every well-formed fact, by map and id. */
	readonly byMap: { readonly [K in docs.FactMap]: Map<string, FactTypes[K]> } = {
		history: new Map(),
		leave: new Map(),
		decisions: new Map(),
		documents: new Map(),
		documentRemovals: new Map(),
		checklists: new Map()
	};
	/** personId → fact id → fact (history and leave). */
	readonly historyBy = new Map<string, Map<string, StoredFact>>();
	readonly leaveBy = new Map<string, Map<string, StoredLeaveEvent>>();

	/** Whether a well-formed history or leave fact counts (signed facts: who wrote it; else always). */
	readonly #counts: (map: 'history' | 'leave', id: string) => boolean;

	constructor(
		doc: Y.Doc,
		quarantine: Map<string, Quarantined>,
		counts: (map: 'history' | 'leave', id: string) => boolean = () => true
	) {
		this.#doc = doc;
		this.#quarantine = quarantine;
		this.#counts = counts;
	}

	/** The well-formed HR facts held, by map (what the HR judge judges). */
	readonly held = {
		decisions: () => this.byMap.decisions.values(),
		leave: () => this.byMap.leave.values(),
		history: () => this.byMap.history.values()
	};

	/** The leave request stored under `id` (well-formed), if any. */
	request(id: string): Extract<StoredLeaveEvent, { kind: 'request' }> | undefined {
		const r = this.byMap.leave.get(id);
		return r?.kind === 'request' ? r : undefined;
	}

	/** One person's leave events that count. */
	leaveOf(personId: string): StoredLeaveEvent[] {
		return [...(this.leaveBy.get(personId)?.values() ?? [])].filter((e) => this.#counts('leave', e.id));
	}

	/** Reads (again) the facts `ids` of a map: kept, quarantined, or forgotten when deleted. */
	judge(name: docs.FactMap, ids: readonly string[]): void {
		const map = docs.factMap(this.#doc, name);
		const kept = AS_WRITTEN.has(name);
		for (const id of ids) {
			const value = kept ? asWritten(map, id, (v) => FACT_READERS[name](v, id).ok) : map.get(id);
			const key = `${name}:${id}`;
			this.#unindex(name, id);
			if (value === undefined) {
				this.byMap[name].delete(id);
				this.#quarantine.delete(key);
				continue;
			}
			if (!this.#keep(name, id, value)) {
				this.byMap[name].delete(id);
				continue;
			}
			this.#quarantine.delete(key);
		}
	}

	/** Reads one value into its map (and person index); false, quarantined, when it is refused. */
	#keep<K extends docs.FactMap>(name: K, id: string, value: unknown): boolean {
		const read = FACT_READERS[name](value, id);
		if (!read.ok) {
			this.#quarantine.set(`${name}:${id}`, quarantined(name, id, read.error));
			return false;
		}
		this.byMap[name].set(id, read.value);
		const held = this.byMap.history.get(id);
		if (name === 'history' && held) this.#index(this.historyBy, held.personId, id, held);
		const event = this.byMap.leave.get(id);
		if (name === 'leave' && event) this.#index(this.leaveBy, event.personId, id, event);
		return true;
	}

	#index<T>(by: Map<string, Map<string, T>>, personId: string, id: string, value: T): void {
		let m = by.get(personId);
		if (!m) by.set(personId, (m = new Map()));
		m.set(id, value);
	}

	#unindex(name: docs.FactMap, id: string): void {
		if (name === 'history') {
			const old = this.byMap.history.get(id);
			if (old) this.historyBy.get(old.personId)?.delete(id);
		}
		if (name === 'leave') {
			const old = this.byMap.leave.get(id);
			if (old) this.leaveBy.get(old.personId)?.delete(id);
		}
	}

	/** One person's facts of a history area, in id order. */
	history<T = unknown>(personId: string, area: HistoryArea): History<T> {
		const facts = this.historyBy.get(personId);
		if (!facts) return [];
		return [...facts.values()]
			.filter((f) => f.area === area && this.#counts('history', f.fact.id))
			.map((f) => f.fact as Fact<T>)
			.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	}

	/** Document records not removed (one person's, or everyone's), oldest upload first. */
	documents(personId?: string): DocumentMeta[] {
		const removed = this.byMap.documentRemovals;
		return [...this.byMap.documents.values()]
			.filter((d) => !removed.has(d.id) && (personId === undefined || d.personId === personId))
			.sort((a, b) =>
				a.uploadedAt < b.uploadedAt ? -1 : a.uploadedAt > b.uploadedAt ? 1 : a.id < b.id ? -1 : 1
			);
	}

	/** One person's checklist runs, oldest first. */
	checklistRuns(personId: string): ChecklistRun[] {
		return [...this.byMap.checklists.values()]
			.filter((r) => r.personId === personId)
			.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
	}

	/** Every person's employment history, for the directory and org chart. */
	allEmployment(): Record<string, History<Employment>> {
		const out: Record<string, History<Employment>> = {};
		for (const [personId, facts] of this.historyBy) {
			out[personId] = [...facts.values()].flatMap((f) =>
				f.area === 'employment' && this.#counts('history', f.fact.id) ? [f.fact] : []
			);
		}
		return out;
	}
}
