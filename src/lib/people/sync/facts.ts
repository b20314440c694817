// The fact maps of the people shard (histories, leave, decisions, documents, checklists), judged
// as they arrive. Invariant: a stored fact is held only if its shape check passed, else it sits in
// quarantine with the reason; history and leave facts are also indexed by person, so one person's
// reads never scan everyone's.
import type * as Y from 'yjs';
import type { Employment, Fact, History, LeaveEvent } from '$lib/people/domain';
import * as docs from './doc';
import { FACT_CHECKS as CHECKS, type HistoryArea, type Quarantined, type StoredFact } from './shape';

type Stored = { personId?: string; event?: LeaveEvent } & Record<string, unknown>;

export class PeopleFacts {
	readonly #doc: Y.Doc;
	readonly #quarantine: Map<string, Quarantined>;
	/** Every well-formed fact, by map and id. */
	readonly byMap: Record<docs.FactMap, Map<string, unknown>> = {
		history: new Map(),
		leave: new Map(),
		decisions: new Map(),
		documents: new Map(),
		documentRemovals: new Map(),
		checklists: new Map()
	};
	/** personId → fact id → fact (history and leave). */
	readonly historyBy = new Map<string, Map<string, StoredFact>>();
	readonly leaveBy = new Map<string, Map<string, LeaveEvent>>();

	constructor(doc: Y.Doc, quarantine: Map<string, Quarantined>) {
		this.#doc = doc;
		this.#quarantine = quarantine;
	}

	/** Reads (again) the facts `ids` of a map: kept, quarantined, or forgotten when deleted. */
	judge(name: docs.FactMap, ids: readonly string[]): void {
		const map = docs.factMap(this.#doc, name);
		for (const id of ids) {
			const value = map.get(id);
			const key = `${name}:${id}`;
			this.#unindex(name, id);
			if (value === undefined) {
				this.byMap[name].delete(id);
				this.#quarantine.delete(key);
				continue;
			}
			const problem = CHECKS[name](value, id);
			if (problem) {
				this.byMap[name].delete(id);
				this.#quarantine.set(key, { map: name, id, reason: problem });
				continue;
			}
			this.#quarantine.delete(key);
			this.byMap[name].set(id, value);
			const v = value as Stored;
			if (name === 'history')
				this.#index(this.historyBy, (v as unknown as StoredFact).personId, id, value as StoredFact);
			if (name === 'leave') this.#index(this.leaveBy, v.personId as string, id, v as unknown as LeaveEvent);
		}
	}

	#index<T>(by: Map<string, Map<string, T>>, personId: string, id: string, value: T): void {
		let m = by.get(personId);
		if (!m) by.set(personId, (m = new Map()));
		m.set(id, value);
	}

	#unindex(name: docs.FactMap, id: string): void {
		const old = this.byMap[name].get(id) as Stored | undefined;
		if (!old?.personId) return;
		if (name === 'history') this.historyBy.get(old.personId)?.delete(id);
		if (name === 'leave') this.leaveBy.get(old.personId)?.delete(id);
	}

	/** One person's facts of a history area, in id order. */
	history<T = unknown>(personId: string, area: HistoryArea): History<T> {
		const facts = this.historyBy.get(personId);
		if (!facts) return [];
		return [...facts.values()]
			.filter((f) => f.area === area)
			.map((f) => f.fact as Fact<T>)
			.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	}

	/** Every person's employment history, for the directory and org chart. */
	allEmployment(): Record<string, History<Employment>> {
		const out: Record<string, History<Employment>> = {};
		for (const [personId, facts] of this.historyBy) {
			out[personId] = [...facts.values()]
				.filter((f) => f.area === 'employment')
				.map((f) => f.fact as Fact<Employment>);
		}
		return out;
	}
}
