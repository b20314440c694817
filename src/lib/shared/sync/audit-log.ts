// The audit log inside each shard: a Y.Array named 'audit' of plain, sealed entries (see
// shared/domain/audit.ts). This browser records only its OWN changes — what each local transaction
// changed, with the value before and after — and writes them as one entry after a short pause, so
// typing a description is one entry, not one per key. Teammates' entries arrive with their changes;
// every replica checks the whole log the same way (readAuditLog). Nothing here decides what counts
// in the books or payroll: the log reports, it never blocks a write. With a device key (`signer`),
// each entry is sealed BEFORE its Yjs write (shared/sync/audit-seal.ts); signing is asynchronous, so
// entries are written one at a time, and an entry whose signing saw another local change land is
// signed again so that it still sits exactly at the end of the clock range it accounts for.
import * as Y from 'yjs';
import {
	CHANGES_LIMIT,
	checkAudit,
	sealEntry,
	shortValue,
	type AuditChange,
	type AuditCheck,
	type AuditEntry,
	type StoredAuditValue
} from '$lib/shared/domain/audit';
import { fieldWords } from '$lib/shared/domain/schema';
import { sealAuditEntry, type AuditSigner } from './audit-seal';
import type { DeletedRun } from '$lib/shared/domain/audit-deletions';

export const AUDIT_ARRAY = 'audit';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its nodes' events as any
type AnyType = Y.AbstractType<any>;
/** Marks the log's own writes so they are not logged again. */
const AUDIT_ORIGIN = Symbol('keel-audit');

/** How a shard's top-level maps are named for people: 'tasks' → "Task". Unknown names read "Other data". */
export type AuditWords = Readonly<Record<string, string>>;

export interface AuditAuthor {
	readonly id: string;
	readonly name: string;
}

export const auditArray = (doc: Y.Doc): Y.Array<unknown> => doc.getArray(AUDIT_ARRAY);

/** Keys that are record ids (ULIDs and the like), never shown as field names. */
const looksLikeId = (key: string) => /^[0-9A-Za-z_-]{16,}$/.test(key) && /\d/.test(key);

/** A record's name, if it has one a person would recognise. */
function labelOf(record: unknown): string {
	const get = (k: string): unknown =>
		record instanceof Y.Map
			? record.get(k)
			: record !== null && typeof record === 'object'
				? (record as Record<string, unknown>)[k]
				: undefined;
	for (const k of ['title', 'name', 'displayName', 'memo', 'label']) {
		const x = get(k);
		if (x instanceof Y.Text) return shortValue(x.toString());
		if (typeof x === 'string' && x.trim() !== '') return shortValue(x.trim());
	}
	return '';
}

/** A value as the log shows it: nested records as their name, text as text. */
function valueText(x: unknown): string {
	if (x instanceof Y.Text) return shortValue(x.toString());
	if (x instanceof Y.AbstractType) return labelOf(x);
	return shortValue(x);
}

/** The text or list a Y.Text/Y.Array held before this transaction (deleted items are still linked until GC). */
function sequenceBefore(type: AnyType, event: Y.YEvent<AnyType>): string {
	let out = '';
	const parts: unknown[] = [];
	for (let item = type._start; item !== null; item = item.right) {
		if ((item.deleted && !event.deletes(item)) || event.adds(item)) continue;
		if (!item.countable) continue;
		for (const c of item.content.getContent()) {
			if (typeof c === 'string') out += c;
			else parts.push(c);
		}
	}
	return type instanceof Y.Text ? shortValue(out) : shortValue(parts);
}

interface Pending {
	what: string;
	label: string;
	field: string;
	before: string;
	hadBefore: boolean;
	/** Reads the value now, at flush. */
	now: () => { text: string; present: boolean; label: string };
}

/** Records this browser's changes to one shard into its audit log. */
export class AuditRecorder {
	readonly #doc: Y.Doc;
	readonly #words: AuditWords;
	readonly #author: () => AuditAuthor;
	readonly #now: () => string;
	readonly #delayMs: number;
	readonly #maxMs: number;
	readonly #pending = new Map<string, Pending>();
	#more = 0;
	/** What this browser's transactions deleted since the last entry: client → [clock, length] runs. */
	#deleted = new Map<number, [number, number][]>();
	#seq = 0;
	#prev = '';
	#from: number;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#firstPendingAt = 0;
	readonly #onTransaction: (tr: Y.Transaction) => void;
	readonly #signer: () => AuditSigner | null;
	/** Signed writes: the one in progress (entries are written one at a time), and whether to go again. */
	#signing: Promise<void> | null = null;
	#again = false;
	/** The clocks of every client when the log began, while its start entry waits to be signed. */
	#startBefore: [number, number][] | null = null;
	/** Changes taken for an entry being signed (kept if it must be signed again). */
	#taken: AuditChange[] = [];
	#takenMore = 0;
	#takenDeleted: [number, number, number][] = [];

	constructor(
		doc: Y.Doc,
		args: {
			words: AuditWords;
			/** Who is writing, read at each entry (a member may change their name). */
			author: () => AuditAuthor;
			now: () => string;
			delayMs?: number;
			maxMs?: number;
			/** This device's key for this shard's log, read at each entry; null: entries are not signed. */
			signer?: () => AuditSigner | null;
		}
	) {
		this.#doc = doc;
		this.#words = args.words;
		this.#author = args.author;
		this.#now = args.now;
		this.#delayMs = args.delayMs ?? 1500;
		this.#maxMs = args.maxMs ?? 10_000;
		this.#signer = args.signer ?? (() => null);
		this.#from = Y.getState(doc.store, doc.clientID);
		this.#resume();
		this.#writeStartIfNeeded();
		this.#onTransaction = (tr) => {
			if (!tr.local || tr.origin === AUDIT_ORIGIN) return;
			this.#noteDeletions(tr);
			// Typing (text inside a record) waits for a pause, so a paragraph is one entry; any other
			// change is written straight after its own transaction, so closing the tab loses nothing.
			if (this.#collect(tr)) queueMicrotask(() => this.flush());
			else this.#schedule();
		};
		doc.on('afterTransaction', this.#onTransaction);
	}

	/** Continues this client's chain if it already wrote entries (a reopened session keeps its doc). */
	#resume(): void {
		for (const s of storedValues(this.#doc)) {
			if (s.client !== this.#doc.clientID) continue;
			const e = s.value as Partial<AuditEntry>;
			if (typeof e.seq === 'number' && e.seq >= this.#seq && typeof e.hash === 'string') {
				this.#seq = e.seq + 1;
				this.#prev = e.hash;
				this.#from = typeof e.to === 'number' ? e.to : this.#from;
			}
		}
	}

	/** The first browser to open a shard that has history but no log writes where the log begins. */
	#writeStartIfNeeded(): void {
		const vector = Y.decodeStateVector(Y.encodeStateVector(this.#doc));
		if ([...vector.values()].every((c) => c === 0)) return;
		// Only a shard from before the log (history, no log at all): once a log exists, a new start
		// would vouch for changes whose own entries someone may have removed.
		if (auditArray(this.#doc).length > 0) return;
		const before = [...vector.entries()];
		if (this.#signer()) {
			this.#startBefore = before;
			this.#writeSigned();
		} else this.#write('start', [], 0, before);
	}

	/** Notes the transaction's changes; true when any is not typing (a field, a record). */
	#collect(tr: Y.Transaction): boolean {
		let now = false;
		for (const [type, keys] of tr.changed) {
			if (type === (auditArray(this.#doc) as unknown)) continue;
			const path = pathOf(type);
			const top = path[0];
			if (top === undefined || top === AUDIT_ARRAY) continue;
			const what = this.#words[top] ?? 'Other data';
			const event = (tr.changedParentTypes.get(type) ?? []).find((e) => e.target === type);
			if (!event) continue;
			if (type instanceof Y.Map) now = true;
			if (type instanceof Y.Map && path.length === 1) {
				// A record added, replaced or removed as a whole.
				for (const key of keys) {
					if (key === null) continue;
					const change = event.changes.keys.get(key);
					// Settings maps are keyed by the setting's name; record maps by the record's id.
					const setting = !looksLikeId(key);
					this.#note(`${top}/${key}`, {
						what,
						label: setting ? '' : labelOf(type.get(key) ?? change?.oldValue),
						field: setting ? fieldWords(key) : '',
						before: change?.action === 'add' ? '' : valueText(change?.oldValue),
						hadBefore: change?.action !== 'add',
						now: () => ({
							text: valueText(type.get(key)),
							present: type.has(key),
							label: setting ? '' : labelOf(type.get(key))
						})
					});
				}
				continue;
			}
			const recordKey = path[1] ?? '';
			const record = recordOf(this.#doc, top, recordKey);
			const inner = path.slice(2).filter((k) => !looksLikeId(k));
			if (type instanceof Y.Map) {
				for (const key of keys) {
					if (key === null) continue;
					const change = event.changes.keys.get(key);
					const field = [...inner, ...(looksLikeId(key) ? [] : [key])].map(fieldWords).join(' ');
					this.#note(`${path.join('/')}/${key}`, {
						what,
						label: labelOf(record),
						field,
						before: change?.action === 'add' ? '' : valueText(change?.oldValue),
						hadBefore: change?.action !== 'add',
						now: () => ({ text: valueText(type.get(key)), present: type.has(key), label: labelOf(record) })
					});
				}
			} else {
				// Text or a list inside a record: the whole value before and after.
				this.#note(path.join('/'), {
					what,
					label: labelOf(record),
					field: inner.map(fieldWords).join(' '),
					before: sequenceBefore(type, event),
					hadBefore: true,
					now: () => ({
						text: type instanceof Y.Text ? shortValue(type.toString()) : shortValue(type.toJSON()),
						present: true,
						label: labelOf(record)
					})
				});
			}
		}
		return now;
	}

	#note(key: string, p: Pending): void {
		if (this.#pending.has(key)) return; // keeps the value from before the first change
		if (this.#pending.size >= CHANGES_LIMIT) {
			this.#more++;
			return;
		}
		if (this.#pending.size === 0) this.#firstPendingAt = Date.now();
		this.#pending.set(key, p);
	}

	#schedule(): void {
		if (this.#pending.size === 0 && this.#more === 0 && this.#deleted.size === 0) {
			// A change the log cannot describe (a clock-consuming write to an unseen type) still gets an entry.
			if (Y.getState(this.#doc.store, this.#doc.clientID) === this.#from) return;
		}
		if (this.#timer !== null) clearTimeout(this.#timer);
		const waited = this.#pending.size > 0 ? Date.now() - this.#firstPendingAt : 0;
		const delay = Math.max(0, Math.min(this.#delayMs, this.#maxMs - waited));
		this.#timer = setTimeout(() => this.flush(), delay);
	}

	/** Writes what is pending as one entry now (also before the page goes away). */
	flush(): void {
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
		if (this.#signer() || this.#signing) {
			this.#writeSigned();
			return;
		}
		const clock = Y.getState(this.#doc.store, this.#doc.clientID);
		if (this.#pending.size === 0 && this.#more === 0 && this.#deleted.size === 0 && clock === this.#from)
			return;
		const { changes, more, deleted } = this.#take();
		this.#write('changes', changes, more, undefined, deleted);
	}

	/** Notes what a local transaction deleted: a deletion consumes no clock, so the entry lists it. */
	#noteDeletions(tr: Y.Transaction): void {
		for (const [client, runs] of tr.deleteSet.clients) {
			const list = this.#deleted.get(client) ?? [];
			for (const r of runs) list.push([r.clock, r.len]);
			if (list.length > 0) this.#deleted.set(client, list);
		}
	}

	/** The noted deletions as [client, clock, length] ranges, adjacent ones merged; cleared. */
	#takeDeleted(): [number, number, number][] {
		const out: [number, number, number][] = [];
		for (const [client, runs] of [...this.#deleted].sort((a, b) => a[0] - b[0])) {
			runs.sort((a, b) => a[0] - b[0]);
			let last: [number, number, number] | null = null;
			for (const [clock, len] of runs) {
				if (last && clock <= last[1] + last[2]) last[2] = Math.max(last[2], clock + len - last[1]);
				else out.push((last = [client, clock, len]));
			}
		}
		this.#deleted.clear();
		return out;
	}

	/** The pending changes as the log states them (their value now), cleared from pending. */
	#take(): { changes: AuditChange[]; more: number; deleted: [number, number, number][] } {
		const changes: AuditChange[] = [];
		for (const p of this.#pending.values()) {
			const now = p.now();
			const action = !p.hadBefore ? 'added' : now.present ? 'changed' : 'removed';
			if (action === 'changed' && now.text === p.before) continue;
			if (!p.hadBefore && !now.present) continue;
			changes.push({
				what: p.what,
				label: now.label || p.label,
				field: p.field,
				action,
				before: p.before,
				after: now.present ? now.text : ''
			});
		}
		const more = this.#more;
		this.#pending.clear();
		this.#more = 0;
		return { changes, more, deleted: this.#takeDeleted() };
	}

	/** Resolves when every entry asked for so far has been written (signed entries are asynchronous). */
	async settled(): Promise<void> {
		while (this.#signing) await this.#signing;
	}

	/** Starts (or, if one is under way, repeats after it) the signed write of what is pending. */
	#writeSigned(): void {
		if (this.#signing) {
			this.#again = true;
			return;
		}
		this.#signing = (async () => {
			try {
				do {
					this.#again = false;
					await this.#writeSignedEntries();
				} while (this.#again);
			} finally {
				this.#signing = null;
			}
		})();
	}

	/** Writes the start entry (if it waits) and then one entry for what is pending, each sealed first. */
	async #writeSignedEntries(): Promise<void> {
		for (;;) {
			const clock = Y.getState(this.#doc.store, this.#doc.clientID);
			const start = this.#startBefore;
			if (!start) {
				const { changes, more, deleted } = this.#take();
				// Changes taken on a second try join the first ones, within the entry's limit.
				const room = Math.max(0, CHANGES_LIMIT - this.#taken.length);
				this.#taken.push(...changes.slice(0, room));
				this.#takenMore += more + Math.max(0, changes.length - room);
				this.#takenDeleted.push(...deleted);
				if (
					this.#taken.length === 0 &&
					this.#takenMore === 0 &&
					this.#takenDeleted.length === 0 &&
					clock === this.#from
				)
					return;
			}
			const entry = start
				? this.#entry('start', [], 0, start, clock)
				: this.#entry('changes', this.#taken, this.#takenMore, undefined, clock, this.#takenDeleted);
			const signer = this.#signer();
			let sealed: AuditEntry = entry;
			try {
				if (signer) sealed = await sealAuditEntry(signer, entry);
			} catch {
				// Signing failed (the key is gone): the entry is still written, and reads "Not signed".
			}
			// Another local change landed while this was being signed: sign again, covering it too.
			if (Y.getState(this.#doc.store, this.#doc.clientID) !== clock) continue;
			this.#push(sealed);
			if (start) {
				// Then what was changed meanwhile, in its own entry.
				this.#startBefore = null;
				continue;
			}
			this.#taken = [];
			this.#takenMore = 0;
			this.#takenDeleted = [];
			return;
		}
	}

	#write(
		kind: AuditEntry['kind'],
		changes: AuditChange[],
		more: number,
		before?: [number, number][],
		deleted: [number, number, number][] = []
	): void {
		const clock = Y.getState(this.#doc.store, this.#doc.clientID);
		this.#push(this.#entry(kind, changes, more, before, clock, deleted));
	}

	/** The next entry of this client's chain, to be written at `clock` (the end of the range it covers). */
	#entry(
		kind: AuditEntry['kind'],
		changes: AuditChange[],
		more: number,
		before: [number, number][] | undefined,
		clock: number,
		deleted: [number, number, number][] = []
	): AuditEntry {
		return sealEntry({
			v: 1,
			kind,
			client: this.#doc.clientID,
			seq: this.#seq,
			prev: this.#prev,
			from: this.#from,
			to: clock + 1,
			author: this.#author().id,
			authorName: this.#author().name,
			at: this.#now(),
			...(before ? { before } : {}),
			changes: [...changes],
			more,
			// Only when something was deleted: entries without deletions read as before.
			...(deleted.length > 0 ? { deleted: [...deleted] } : {})
		});
	}

	#push(entry: AuditEntry): void {
		this.#doc.transact(() => auditArray(this.#doc).push([entry]), AUDIT_ORIGIN);
		this.#seq++;
		this.#prev = entry.hash;
		this.#from = entry.to;
	}

	destroy(): void {
		this.flush();
		this.#doc.off('afterTransaction', this.#onTransaction);
	}
}

/** Top-level name, then the keys down to `type` (record id, field, …). */
function pathOf(type: AnyType): string[] {
	const keys: string[] = [];
	let t: AnyType = type;
	while (t._item !== null) {
		const item: Y.Item = t._item;
		keys.unshift(item.parentSub ?? '');
		if (!(item.parent instanceof Y.AbstractType)) break;
		t = item.parent;
	}
	keys.unshift(Y.findRootTypeKey(t));
	return keys;
}

function recordOf(doc: Y.Doc, top: string, key: string): unknown {
	const root = doc.share.get(top);
	return root instanceof Y.Map ? root.get(key) : undefined;
}

/** The stored log values with the client and clock each really sits at. */
export function storedValues(doc: Y.Doc): StoredAuditValue[] {
	const out: StoredAuditValue[] = [];
	for (let item = auditArray(doc)._start; item !== null; item = item.right) {
		if (item.deleted || !item.countable) continue;
		const content = item.content.getContent();
		content.forEach((value, i) => out.push({ value, client: item.id.client, clock: item.id.clock + i }));
	}
	return out;
}

/**
 * Every run of items someone deleted outright in the shard, with where each was in words (its
 * top-level map's name, "Other data" when the words do not know it). Left out: the log itself
 * (whose removed entries the chain check finds); a map value that a later value replaced (a write,
 * which the log accounts for, or the loser of two concurrent writes, deleted by Yjs itself); and
 * anything inside a deleted record (it went with the record, whose own deletion is judged).
 */
export function deletedRuns(doc: Y.Doc, words: AuditWords): DeletedRun[] {
	const runs: DeletedRun[] = [];
	const log = auditArray(doc) as unknown as AnyType;
	for (const [client, structs] of doc.store.clients) {
		let last: { run: DeletedRun; end: number } | null = null;
		for (const s of structs) {
			if (!s.deleted || !(s instanceof Y.Item) || !(s.parent instanceof Y.AbstractType)) continue;
			if (s.parentSub !== null && s.right !== null) continue;
			if (s.parent._item?.deleted) continue;
			let top: AnyType = s.parent;
			while (top._item !== null && top._item.parent instanceof Y.AbstractType) top = top._item.parent;
			if (top === log) continue;
			const what = words[Y.findRootTypeKey(top)] ?? 'Other data';
			if (last && last.end === s.id.clock && last.run.what === what) {
				const run: DeletedRun = { ...last.run, len: last.run.len + s.length };
				runs[runs.length - 1] = run;
				last = { run, end: s.id.clock + s.length };
			} else {
				const run: DeletedRun = { client, clock: s.id.clock, len: s.length, what };
				runs.push(run);
				last = { run, end: s.id.clock + s.length };
			}
		}
	}
	return runs;
}

/** The shard's audit log, checked: entries that hold up, and what does not. */
export function readAuditLog(doc: Y.Doc): AuditCheck {
	return checkAudit(storedValues(doc), Y.decodeStateVector(Y.encodeStateVector(doc)));
}

/** Calls `onChange` (at most every `waitMs`) after the shard changes, so a screen can re-read its log. */
export function observeAuditLog(doc: Y.Doc, onChange: () => void, waitMs = 300): () => void {
	let timer: ReturnType<typeof setTimeout> | null = null;
	const onUpdate = () => {
		if (timer !== null) return;
		timer = setTimeout(() => {
			timer = null;
			onChange();
		}, waitMs);
	};
	doc.on('update', onUpdate);
	return () => {
		if (timer !== null) clearTimeout(timer);
		doc.off('update', onUpdate);
	};
}
