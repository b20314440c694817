// What the Books screens read and the verbs they call. The replica (main thread) holds the live
// chart, drafts, lock date and the counted entries, and validates every write; reports are asked of
// the books worker, which reads the same shard from IndexedDB. `version` moves only once the worker
// has caught up with this page's shard, so a report requested on a new version counts every entry
// the page counts — never a stale figure after a post.
import { err, ok, todayUtc, type IsoDate, type Result } from '$lib/shared/domain';
import {
	LEDGER_SCHEMA_VERSION,
	booksProblem,
	closeYear,
	indexAccounts,
	type Account,
	type AccountIndex,
	type JournalEntry
} from '$lib/books/domain';
import type {
	AccountPatch,
	BooksChange,
	BooksReplica,
	DuplicateNumber,
	ImportSummary,
	PostedRewrite,
	QuarantinedEntry
} from '$lib/books/sync/replica';
import { booksWorker } from '$lib/books/rpc/client';
import type { BooksApi } from '$lib/books/worker/api';
import { newId } from '../../shared/state/ids';
import { closeTarget } from './close';
import { LARGE_BOOKS, readLargeHint, writeLargeHint } from './hint';
import { background } from '$lib/shared/state/background';

export { forgetBooksHint } from './hint';

export type { ImportSummary, QuarantinedEntry, DuplicateNumber };

/** The worker's read-only questions (reports, registers, drill-down, CSV). */
export type BooksQuery = Exclude<keyof BooksApi, 'importJournal' | 'reload'>;

const loading = (): Result<never> => err(booksProblem('books/loading'));

/** Currency symbols a journal may use for a workspace's base currency. */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
	USD: '$',
	CAD: '$',
	AUD: '$',
	NZD: '$',
	GBP: '£',
	EUR: '€',
	JPY: '¥'
};

function renameCommodities(e: JournalEntry, aliases: Readonly<Record<string, string>>): JournalEntry {
	const to = (c: string) => aliases[c] ?? c;
	return {
		...e,
		lines: e.lines.map((l) => ({
			...l,
			commodity: to(l.commodity),
			...(l.cost ? { cost: { ...l.cost, commodity: to(l.cost.commodity) } } : {})
		}))
	};
}

export class BooksState {
	readonly workspaceId: string;
	#replica: BooksReplica | null = null;
	#unsubscribe: (() => void) | null = null;
	#syncTimer: ReturnType<typeof setTimeout> | null = null;
	#syncing = false;
	#destroyed = false;

	ready = $state(false);
	accounts = $state.raw<Account[]>([]);
	entries = $state.raw<JournalEntry[]>([]);
	drafts = $state.raw<JournalEntry[]>([]);
	quarantined = $state.raw<QuarantinedEntry[]>([]);
	/** Posted entries someone wrote over or removed; not applied, shown in Needs review. */
	rewrites = $state.raw<PostedRewrite[]>([]);
	duplicateNumbers = $state.raw<DuplicateNumber[]>([]);
	chartProblems = $state.raw<string[]>([]);
	lockDate = $state<IsoDate | null>(null);
	/** Lock date changes not applied (unsigned, or by someone without the right); shown in Needs review. */
	lockReview = $state.raw<string[]>([]);
	chartTemplate = $state<string | null>(null);
	/** Bumped each time the worker has caught up with this page's shard: reports re-run on it. */
	version = $state(0);
	/** Set when the worker cannot read the shard (reports then say so). */
	workerError = $state<string | null>(null);

	index: AccountIndex = $derived(indexAccounts(this.accounts));
	/** Open accounts, by full name: what a new line can post to. */
	postable = $derived(
		this.accounts
			.filter((a) => !a.archived)
			.map((a) => ({ account: a, fullName: this.index.fullName(a.id) }))
			.sort((a, b) => (a.fullName < b.fullName ? -1 : a.fullName > b.fullName ? 1 : 0))
	);
	/** Entry id -> id of the entry that reverses it. */
	reversedBy = $derived(
		new Map(this.entries.filter((e) => e.reverses !== undefined).map((e) => [e.reverses as string, e.id]))
	);

	constructor(workspaceId: string) {
		this.workspaceId = workspaceId;
		this.wasLarge = readLargeHint(workspaceId);
		// Start the worker's own load of the shard now. The page waits (briefly, see `workerReading`)
		// until the worker has read it before reading its own copy: the two reads then do not contend,
		// and the worker checks its entries while the page loads, so the first report is not late.
		this.workerReading =
			typeof Worker === 'undefined'
				? Promise.resolve()
				: booksWorker()
						.start({ workspaceId })
						.then(() => undefined)
						.catch(() => undefined);
	}

	/** Resolves once the books worker has read the shard from IndexedDB (or could not). */
	readonly workerReading: Promise<void>;
	/**
	 * Whether these books were large when last open in this browser (a hint kept in localStorage):
	 * only then is it worth holding the page's own load back until the worker has read the shard.
	 */
	readonly wasLarge: boolean;

	attach(replica: BooksReplica): void {
		this.#replica = replica;
		this.#read({
			counted: [],
			uncounted: [],
			accounts: true,
			quarantine: true,
			drafts: true,
			settings: true,
			local: false
		});
		this.#unsubscribe = replica.onChange((c) => {
			this.#read(c);
			this.#scheduleSync();
		});
		this.ready = true;
		if (typeof performance !== 'undefined') performance.mark('keel:books-live');
		this.#scheduleSync(0);
	}

	#read(c: BooksChange): void {
		const r = this.#replica;
		if (!r) return;
		if (c.accounts) {
			this.accounts = r.accounts();
			this.chartProblems = r.chartProblems();
		}
		if (c.counted.length || c.uncounted.length || this.entries.length === 0) {
			this.entries = r.entries();
			writeLargeHint(this.workspaceId, this.entries.length >= LARGE_BOOKS);
			this.duplicateNumbers = r.duplicateNumbers();
		}
		if (c.quarantine) {
			this.quarantined = r.quarantined();
			this.rewrites = r.rewrites();
		}
		if (c.drafts) this.drafts = r.drafts();
		if (c.settings || c.quarantine) this.lockReview = r.lockReview();
		if (c.settings) {
			this.lockDate = r.lockDate();
			this.chartTemplate = r.chartTemplate();
		}
	}

	/** Waits (briefly, debounced) until the worker's copy of the shard equals this page's, then bumps `version`. */
	#scheduleSync(delay = 120): void {
		if (this.#syncTimer) clearTimeout(this.#syncTimer);
		this.#syncTimer = setTimeout(
			() => background(this.#syncWorker(), 'bringing the books worker up to date'),
			delay
		);
	}

	async #syncWorker(): Promise<void> {
		if (this.#syncing || this.#destroyed || !this.#replica) return;
		this.#syncing = true;
		try {
			for (let attempt = 0; attempt < 40 && !this.#destroyed; attempt++) {
				const want = this.#replica.stateVector();
				const got = await booksWorker().summary({ workspaceId: this.workspaceId });
				if (!got.ok) {
					this.workerError = got.error.message;
					return;
				}
				this.workerError = null;
				if (got.value.stateVector === want) {
					this.version++;
					return;
				}
				// the shard store has not committed the newest update yet: look again shortly.
				await new Promise((r) => setTimeout(r, 50));
			}
			this.version++;
		} finally {
			this.#syncing = false;
		}
	}

	/**
	 * Asks the books worker about this workspace's books; answers { ok, value } or { ok: false, error }.
	 * Reads `version`, so a question asked inside an effect (see LiveQuery) is asked again once the
	 * worker has caught up with a change.
	 */
	ask<M extends BooksQuery>(
		method: M,
		args: Omit<Parameters<BooksApi[M]>[0], 'workspaceId'>
	): ReturnType<BooksApi[M]> {
		void this.version;
		const worker = booksWorker() as unknown as Record<M, (a: unknown) => ReturnType<BooksApi[M]>>;
		return worker[method]({ ...args, workspaceId: this.workspaceId });
	}

	#r(): BooksReplica | null {
		return this.#replica;
	}

	/** One entry by id; reactive (reads `entries`, which is replaced whenever the counted entries change). */
	entry(id: string): JournalEntry | undefined {
		void this.entries;
		return this.#replica?.entry(id);
	}

	fullName(id: string): string {
		return this.index.byId.has(id) ? this.index.fullName(id) : id;
	}

	// ---- chart ------------------------------------------------------------------------------

	applyTemplate(templateId: string): Result<number> {
		const r = this.#r();
		if (!r) return loading();
		const made = r.applyChartTemplate(templateId);
		return made.ok ? ok(made.value.length) : made;
	}

	createAccount(input: Omit<Account, 'schemaVersion' | 'id'>): Result<Account> {
		const r = this.#r();
		if (!r) return loading();
		const name = input.name.trim();
		if (!name) return err(booksProblem('books/name-required'));
		const account: Account = {
			schemaVersion: LEDGER_SCHEMA_VERSION,
			id: newId(),
			...input,
			name,
			...(input.code?.trim() ? { code: input.code.trim() } : { code: undefined })
		};
		const clean = Object.fromEntries(
			Object.entries(account).filter(([, v]) => v !== undefined && v !== '')
		) as unknown as Account;
		return r.createAccount(clean);
	}

	patchAccount(id: string, patch: AccountPatch): Result<Account> {
		const r = this.#r();
		if (!r) return loading();
		return r.patchAccount(id, patch);
	}

	archiveAccount(id: string, archived = true): Result<Account> {
		const r = this.#r();
		if (!r) return loading();
		return r.archiveAccount(id, archived);
	}

	// ---- entries ----------------------------------------------------------------------------

	post(entry: JournalEntry, fromDraft?: string): Result<JournalEntry> {
		const r = this.#r();
		if (!r) return loading();
		return r.postEntry(entry, fromDraft !== undefined ? { fromDraft } : {});
	}

	/** Resolves once what was posted here is written (its signature made) and judged. */
	async written(): Promise<void> {
		await this.#replica?.settled();
	}

	reverse(id: string, date?: IsoDate): Result<JournalEntry> {
		const r = this.#r();
		if (!r) return loading();
		return r.reverseEntry(id, date ? { date } : {});
	}

	saveDraft(draft: JournalEntry): void {
		this.#r()?.saveDraft(draft);
	}

	/** A new draft holding a copy of an entry (dated today), for correcting one kept aside. Returns its id. */
	copyToDraft(entry: JournalEntry): string {
		const id = newId();
		const { reverses: _r, closing: _c, clearing: _cl, ...rest } = entry;
		this.#r()?.saveDraft({ ...rest, id, date: todayUtc(), status: 'draft' });
		return id;
	}

	deleteDraft(id: string): void {
		this.#r()?.deleteDraft(id);
	}

	setLockDate(date: IsoDate | null): Result<IsoDate | null> {
		const r = this.#r();
		if (!r) return loading();
		return r.setLockDate(date);
	}

	/**
	 * Posts the year-end closing entry: income and expenses into retained earnings, or (nonprofit
	 * chart) into net assets by fund. Refused if that year already has a closing entry.
	 */
	closeYear(yearEnd: IsoDate): Result<JournalEntry> {
		const r = this.#r();
		if (!r) return loading();
		if (this.entries.some((e) => e.closing && e.date === yearEnd && !this.reversedBy.has(e.id)))
			return err(booksProblem('books/year-closed', { yearEnd }));
		const target = closeTarget(this.accounts, this.chartTemplate);
		if (typeof target === 'string') return err({ code: 'books/no-close-target', message: target });
		const ctx = {
			accounts: new Map(this.accounts.map((a) => [a.id, a])),
			...(this.lockDate ? { lockDate: this.lockDate } : {})
		};
		const made = closeYear({ entries: this.entries, ctx, yearEnd, id: newId(), ...target });
		if (!made.ok) return made;
		if (made.value.lines.length === 0)
			return err({
				code: 'ledger/nothing-to-close',
				message: `Nothing to close: no income or expense up to ${yearEnd}.`,
				details: { yearEnd }
			});
		return r.postEntry(made.value);
	}

	// ---- journal files ----------------------------------------------------------------------

	/**
	 * Parses in the worker, then writes in one transaction: a bad file (any line) writes nothing.
	 * `aliases` renames commodities on the way in (e.g. "$" → "USD", so a US journal's dollars and
	 * the books' USD are one currency and balance together).
	 */
	async importJournal(
		text: string,
		fileName: string,
		aliases: Readonly<Record<string, string>> = {}
	): Promise<Result<ImportSummary & { warnings: string[] }>> {
		const r = this.#r();
		if (!r) return loading();
		const parsed = await booksWorker().importJournal({ workspaceId: this.workspaceId, text, fileName });
		if (!parsed.ok) return parsed;
		const { accounts, lines, warnings } = parsed.value;
		const entries = Object.keys(aliases).length
			? parsed.value.entries.map((e) => renameCommodities(e, aliases))
			: parsed.value.entries;
		const written = await r.importRecords({ accounts, entries, lines }, fileName);
		if (!written.ok) return written;
		return ok({ ...written.value, warnings: warnings.map((w) => `${fileName}:${w.line}: ${w.message}`) });
	}

	exportJournal(drafts = false): Result<string> {
		const r = this.#r();
		if (!r) return loading();
		return r.exportJournal({ drafts });
	}

	today(): IsoDate {
		return todayUtc();
	}

	destroy(): void {
		this.#destroyed = true;
		if (this.#syncTimer) clearTimeout(this.#syncTimer);
		this.#unsubscribe?.();
	}
}
