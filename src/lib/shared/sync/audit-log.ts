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
import { CHANGES_LIMIT, sealEntry, type AuditChange, type AuditEntry } from '$lib/shared/domain/audit';
import { sealAuditEntry, type AuditSigner } from './audit-seal';
import { auditArray, collectChanges, type AuditAuthor, type AuditWords, type Pending } from './audit-changes';
import { storedValues } from './audit-read';

/** Marks the log's own writes so they are not logged again. */
const AUDIT_ORIGIN = Symbol('keel-audit');

export { AUDIT_ARRAY, auditArray, type AuditAuthor, type AuditWords } from './audit-changes';
export { deletedRuns, observeAuditLog, readAuditLog, storedValues } from './audit-read';

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
		return collectChanges(this.#doc, tr, this.#words, (key, p) => this.#note(key, p));
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
