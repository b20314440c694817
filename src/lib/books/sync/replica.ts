// A live, plain-record view of the books shard. Invariant: entries() holds exactly the stored
// entries that pass the ledger's rules now (see books-check.ts), re-judged on every change, local or
// remote; everything else sits in quarantined() with its reason — shown, never counted, never
// dropped. Writes validate first and return a Result; an import is one transaction or nothing.
import type * as Y from 'yjs';
import { ok, parseIsoDate, type DomainError, type IsoDate, type Result } from '$lib/shared/domain';
import {
	ledgerError,
	postEntry as postLedgerEntry,
	reverseEntry as reverseLedgerEntry,
	writeJournal,
	type Account,
	type JournalEntry,
	type LedgerError
} from '$lib/books/domain';
import * as docs from './doc';
import * as chart from './chart';
import { postedRewrites, rewritesKey, type PostedRewrite } from './rewrites';
import { checkContext, checkEntry, PENDING, type CheckContext, type QuarantinedEntry } from './check';
import { sealEntry, type BooksAuthority } from './authority';
import { watchAuthority } from './watch';
import { writeSignedLockDate } from './lock';
import { importInto, type ImportData } from './import';
import { draftAsEntry } from './shape';
import { encodeStateVectorText } from '../../shared/sync/state-vector';
import { newShardDoc } from '$lib/shared/sync/facts';

export type { QuarantinedEntry } from './check';
export type { AccountPatch } from './doc';
export type { PostedRewrite } from './rewrites';
export type { BooksChange, BooksReplicaOptions, DuplicateNumber, ImportSummary } from './replica-types';
import {
	byDateThenId,
	duplicateNumbers,
	type BooksChange,
	type BooksReplicaOptions,
	type DuplicateNumber,
	type ImportSummary
} from './replica-types';

export class BooksReplica {
	readonly #doc: Y.Doc;
	readonly #newId: () => string;
	readonly #counted = new Map<string, JournalEntry>();
	readonly #quarantine = new Map<string, QuarantinedEntry>();
	#rewrites: PostedRewrite[] = [];
	readonly #listeners = new Set<(change: BooksChange) => void>();
	readonly #unobserve: () => void;
	#accounts: Account[] = [];
	#ctx: CheckContext;
	#sorted: JournalEntry[] | null = null;
	readonly #authority: (BooksAuthority & { invalidate(): void }) | undefined;
	readonly #signer: BooksReplicaOptions['signer'];
	/** Entries whose seal is still being checked: judged again when the checker answers. */
	readonly #pending = new Set<string>();
	/** Sealed writes waiting for their signature (ids being posted, so a second post is refused). */
	readonly #writing = new Set<string>();
	#inFlight: Promise<unknown> = Promise.resolve();

	/** A replica over a fresh in-memory document (not persisted, not shared): tests and previews. */
	static inMemory(options: BooksReplicaOptions = {}): BooksReplica {
		return new BooksReplica(newShardDoc('books'), options);
	}

	constructor(doc: Y.Doc, options: BooksReplicaOptions = {}) {
		this.#doc = doc;
		this.#newId = options.newId ?? (() => crypto.randomUUID());
		this.#authority = options.authority;
		this.#signer = options.signer;
		this.#accounts = docs.readAllAccounts(doc);
		this.#ctx = checkContext(doc, this.#accounts, this.#authority);
		this.#judge(docs.entryIds(doc));
		this.#rewrites = postedRewrites(doc);
		const unobserve = docs.observeBooks(doc, (c) => this.#onDocChange(c));
		const stop = this.#authority
			? watchAuthority(doc, this.#authority, {
					entries: (ids) => this.#rejudge(ids),
					all: () => this.rejudge(),
					checked: () =>
						this.#ctx.lock?.pending ? this.rejudge() : this.#rejudge([...this.#pending, ...this.#badSeals()])
				})
			: null;
		this.#unobserve = () => {
			unobserve();
			stop?.();
		};
	}

	/** Judges every entry again, with the lock read afresh (the roles changed, or an adoption or lock change arrived). */
	rejudge(): void {
		this.#authority?.invalidate();
		const before = this.#ctx.lock;
		this.#ctx = checkContext(this.#doc, this.#accounts, this.#authority);
		const after = this.#ctx.lock;
		const settings =
			before?.lockDate !== after?.lockDate || before?.review.join('\n') !== after?.review.join('\n');
		this.#rejudge(docs.entryIds(this.#doc), settings);
	}

	#rejudge(ids: Iterable<string>, settings = false): void {
		const { counted, uncounted, quarantine } = this.#judge(ids);
		if (!counted.length && !uncounted.length && !quarantine && !settings) return;
		const change: BooksChange = {
			counted,
			uncounted,
			accounts: false,
			quarantine: quarantine || settings,
			drafts: false,
			settings,
			local: false
		};
		for (const l of this.#listeners) l(change);
	}

	/**
	 * Entries kept aside for a bad signature: a seal chain can vouch for one later (its content
	 * turns out to be what its author's next seal names), so they are asked again when checks settle.
	 */
	#badSeals(): string[] {
		const out: string[] = [];
		for (const [id, q] of this.#quarantine) if (q.code === 'ledger/bad-signature') out.push(id);
		return out;
	}

	/** Resolves once every sealed write asked for so far has been written (or failed). */
	async flush(): Promise<void> {
		for (let last; last !== this.#inFlight;) {
			last = this.#inFlight;
			await last.catch(() => undefined);
		}
	}

	/** Resolves once this replica's writes are written and every seal read so far is checked. */
	async settled(): Promise<void> {
		await this.flush();
		await this.#authority?.checker.settled();
	}

	#onDocChange(c: docs.BooksDocChange): void {
		const rules = c.accounts.length > 0 || c.settings;
		if (c.accounts.length > 0) this.#accounts = docs.readAllAccounts(this.#doc);
		if (rules) this.#ctx = checkContext(this.#doc, this.#accounts, this.#authority);
		// New rules (an archive, a lock date) re-judge every entry; otherwise only the ones touched.
		const judged = this.#judge(rules ? docs.entryIds(this.#doc) : c.entries);
		const { counted, uncounted } = judged;
		let quarantine = judged.quarantine;
		if (c.entries.length > 0) {
			const rewrites = postedRewrites(this.#doc);
			if (rewritesKey(rewrites) !== rewritesKey(this.#rewrites)) quarantine = true;
			this.#rewrites = rewrites;
		}
		const change: BooksChange = {
			counted,
			uncounted,
			accounts: c.accounts.length > 0,
			quarantine,
			drafts: c.drafts.length > 0,
			settings: c.settings,
			local: c.local
		};
		if (
			counted.length ||
			uncounted.length ||
			change.accounts ||
			quarantine ||
			change.drafts ||
			change.settings
		)
			for (const l of this.#listeners) l(change);
	}

	#judge(ids: Iterable<string>): { counted: JournalEntry[]; uncounted: string[]; quarantine: boolean } {
		const counted: JournalEntry[] = [];
		const uncounted: string[] = [];
		let quarantine = false;
		for (const id of ids) {
			const judged = checkEntry(this.#doc, this.#ctx, id);
			const was = this.#counted.get(id);
			if (judged === PENDING) this.#pending.add(id);
			else this.#pending.delete(id);
			const verdict = judged === PENDING ? null : judged;
			if (verdict?.ok) {
				if (this.#quarantine.delete(id)) quarantine = true;
				if (was !== verdict.value) {
					this.#counted.set(id, verdict.value);
					counted.push(verdict.value);
				}
			} else {
				if (was && this.#counted.delete(id)) uncounted.push(id);
				const before = this.#quarantine.get(id);
				if (verdict) {
					if (before?.code !== verdict.error.code || before.entry !== verdict.error.entry) quarantine = true;
					this.#quarantine.set(id, verdict.error);
				} else if (this.#quarantine.delete(id)) quarantine = true;
			}
		}
		if (counted.length || uncounted.length) this.#sorted = null;
		return { counted, uncounted, quarantine };
	}

	// ---- reads --------------------------------------------------------------------------------

	/** The chart, sorted by id (archived accounts included, flagged). */
	accounts(): Account[] {
		return this.#accounts;
	}
	/** Counted posted entries, by date then id. */
	entries(): JournalEntry[] {
		this.#sorted ??= [...this.#counted.values()].sort(byDateThenId);
		return this.#sorted;
	}
	entry(id: string): JournalEntry | undefined {
		return this.#counted.get(id);
	}
	/** Entries that arrived but fail the rules: "needs review". Sorted by id. */
	quarantined(): QuarantinedEntry[] {
		return [...this.#quarantine.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
	}
	/** Posted entries someone wrote over or removed: not applied (the entry counts as posted), listed for review. */
	rewrites(): PostedRewrite[] {
		return this.#rewrites;
	}
	drafts(): JournalEntry[] {
		return docs.readAllDrafts(this.#doc).map(draftAsEntry);
	}
	lockDate(): IsoDate | null {
		return this.#ctx.lockDate;
	}
	/** Lock date changes not applied (unsigned, bad signature, signer without the role), in words. */
	lockReview(): string[] {
		return this.#ctx.lock?.review ?? [];
	}
	chartTemplate(): string | null {
		return docs.readChartTemplate(this.#doc);
	}
	/** Document numbers used by more than one counted entry (after a merge); never renumbered. */
	duplicateNumbers(): DuplicateNumber[] {
		return duplicateNumbers(this.#counted.values());
	}
	/** Problems in the merged chart (e.g. two peers created the same full name), or [] when sound. */
	chartProblems(): string[] {
		return chart.chartProblems(this.#accounts);
	}

	onChange(listener: (change: BooksChange) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	// ---- writes -------------------------------------------------------------------------------

	/** Adds an account after checking the chart stays sound (unique full names, parent of the same type). */
	createAccount(account: Account): Result<Account, LedgerError> {
		return chart.createAccount(this.#doc, this.#accounts, account);
	}
	patchAccount(id: string, patch: docs.AccountPatch): Result<Account, LedgerError> {
		return chart.patchAccount(this.#doc, this.#accounts, id, patch);
	}
	/** Archived accounts keep their history and take no new lines; `false` reopens one. */
	archiveAccount(id: string, archived = true): Result<Account, LedgerError> {
		const done = chart.archiveAccount(this.#doc, this.#accounts, id, archived);
		// The write above re-read the chart (observed synchronously): answer with the account as it is now.
		return done.ok ? ok(this.#accounts.find((a) => a.id === id) as Account) : done;
	}
	/** Instantiates a chart template into an empty chart, with the setting, in one transaction. */
	applyChartTemplate(templateId: string): Result<Account[], LedgerError> {
		return chart.applyChartTemplate(this.#doc, this.#accounts, templateId, () => this.#newId());
	}

	#entryCtx() {
		const byId = new Map(this.#accounts.map((a) => [a.id, a]));
		return { accounts: byId, ...(this.#ctx.lockDate ? { lockDate: this.#ctx.lockDate } : {}) };
	}

	/**
	 * Validates with the ledger's rules (balance, open accounts, lock date) and writes the entry as an
	 * immutable fact; the draft it came from, if any, is deleted in the same transaction.
	 */
	postEntry(entry: JournalEntry, options: { fromDraft?: string } = {}): Result<JournalEntry, LedgerError> {
		if (docs.readEntryValue(this.#doc, entry.id) !== undefined || this.#writing.has(entry.id))
			return ledgerError(
				'ledger/bad-entry',
				`Entry '${entry.id}' is already posted; correct it with a reversal`,
				{ entryId: entry.id }
			);
		const posted = postLedgerEntry(entry, this.#entryCtx());
		if (!posted.ok) return posted;
		const write = (value: JournalEntry) =>
			this.#doc.transact(() => {
				docs.insertEntry(this.#doc, value);
				if (options.fromDraft !== undefined) docs.deleteDraft(this.#doc, options.fromDraft);
			});
		const signer = this.#signer?.() ?? null;
		if (!signer) write(posted.value);
		else {
			// Signed before it is written: the entry appears once its seal is made (a few ms).
			const id = posted.value.id;
			this.#writing.add(id);
			this.#track(
				sealEntry(signer.device, signer.workspaceId, posted.value)
					.then((sealed) => write(sealed))
					.finally(() => this.#writing.delete(id))
			);
		}
		return posted;
	}

	#track(p: Promise<unknown>): void {
		const prev = this.#inFlight;
		this.#inFlight = Promise.allSettled([prev, p]);
	}

	/** Posts the mirror of a counted entry (every line negated). One reversal per entry. */
	reverseEntry(
		id: string,
		options: { id?: string; date?: IsoDate; memo?: string } = {}
	): Result<JournalEntry, LedgerError> {
		const original = this.#counted.get(id);
		if (!original)
			return ledgerError('ledger/not-posted', `Entry '${id}' is not a counted posted entry`, { entryId: id });
		for (const e of this.#counted.values())
			if (e.reverses === id)
				return ledgerError('ledger/bad-entry', `Entry '${id}' is already reversed by '${e.id}'`, {
					entryId: id
				});
		const mirror = reverseLedgerEntry({
			entry: original,
			id: options.id ?? this.#newId(),
			ctx: this.#entryCtx(),
			...(options.date ? { date: options.date } : {}),
			...(options.memo !== undefined ? { memo: options.memo } : {})
		});
		if (!mirror.ok) return mirror;
		return this.postEntry(mirror.value);
	}

	/** Saves a draft (any state of completion: drafts are not validated, only posting is). */
	saveDraft(draft: JournalEntry): void {
		docs.saveDraft(this.#doc, { ...draft, status: 'draft' });
	}
	deleteDraft(id: string): boolean {
		return docs.deleteDraft(this.#doc, id);
	}

	/** Locks the books through `date` (entries on or before it are refused here, flagged from peers). */
	setLockDate(date: IsoDate | null): Result<IsoDate | null, LedgerError> {
		if (date !== null && !parseIsoDate(date))
			return ledgerError('ledger/bad-date', `Lock date '${date}' is not a date (YYYY-MM-DD)`);
		const signer = this.#signer?.() ?? null;
		if (!signer) {
			docs.setLockDate(this.#doc, date);
			return ok(date);
		}
		this.#track(writeSignedLockDate(this.#doc, signer, this.#newId(), date, this.#ctx.lock?.head ?? null));
		return ok(date);
	}

	/**
	 * Writes a journal read for import (readJournalForImport, which the books worker runs) in ONE
	 * transaction, or nothing: the first problem comes back with its file and line.
	 */
	/**
	 * Checks the records against these books, then writes them as one update, stored before it is
	 * applied: a bad record, or a write the device refuses (no room left), changes nothing.
	 */
	importRecords(data: ImportData, fileName: string): Promise<Result<ImportSummary, DomainError>> {
		const drafts = new Map(this.drafts().map((d) => [d.id, d]));
		const target = {
			accounts: this.#accounts,
			lockDate: this.#ctx.lockDate,
			existing: (id: string) => docs.readEntryValue(this.#doc, id) ?? drafts.get(id)
		};
		const signer = this.#signer?.() ?? null;
		return importInto(this.#doc, target, data, fileName, {
			newId: this.#newId,
			signer,
			track: (p) => this.#track(p)
		});
	}

	/** The chart and counted entries (and drafts, when asked) as an hledger journal. */
	exportJournal(options: { drafts?: boolean } = {}): Result<string, LedgerError> {
		const entries = options.drafts ? [...this.entries(), ...this.drafts()] : this.entries();
		return writeJournal({ accounts: this.#accounts, entries, header: ['Exported from Keel Books'] });
	}

	/** What this replica has seen, as base64url: equal vectors mean equal shard contents. */
	stateVector(): string {
		return encodeStateVectorText(this.#doc);
	}

	destroy(): void {
		this.#unobserve();
		this.#listeners.clear();
	}
}
