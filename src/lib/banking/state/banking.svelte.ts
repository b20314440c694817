// What the Banking screens read and the verbs they call. The replica (main thread) holds bank accounts,
// statements, lines and decisions from the books shard and validates every write; parsing, CSV preview and
// matching are asked of the books worker (which hosts banking's worker API beside the books one and holds
// one copy of the shard, read from IndexedDB). Proposals are only
// shown once the worker has caught up with this page's shard, so a line just matched is never proposed.
import { background } from '$lib/shared/state/background';
import { err, ok, todayUtc, type Result } from '$lib/shared/domain';
import type { Account, JournalEntry } from '$lib/books/domain';
import {
	bankingProblem,
	type BankAccountRecord,
	type BankRuleRecord,
	type BankLineRecord,
	type Claims,
	type CsvDetection,
	type CsvPreviewRow,
	type MatchProposal,
	type MatchResult,
	type ReconciliationRecord,
	type StatementRecord
} from '$lib/banking/domain';
import type { BankingReplica, ImportOutcome, KeptAside, StatementStatus } from '$lib/banking/sync/replica';
import type { BooksReplica } from '$lib/books/sync/replica';
import { bankingWorker } from '$lib/banking/rpc/client';
import type { FileKind, ParsedFile, RuleCounts } from '$lib/banking/worker/api';
import type { BooksState } from '../../books/state/books.svelte';
import { newId, nowIso } from '../../shared/state/ids';
import { cleanDimensions, unknownRuleAccount, type RuleParts } from './rule-form';
import { entryForLine, rememberedRule, type EntryFromLine } from './entry';
import { chooseStatements } from './import';
import { BANK_SUBTYPES, ledgerAccountFor, linkableAccounts, type NewBankAccount } from './accounts';
import { caughtUpProposals, caughtUpRuleCounts, parseRef } from './match';

export type { StatementStatus, ImportOutcome, KeptAside, ParsedFile, FileKind, EntryFromLine };

export { BANK_SUBTYPES, type NewBankAccount };

const loading = (): Result<never> => err(bankingProblem('banking/loading'));

export class BankingState {
	readonly workspaceId: string;
	readonly #memberId: string;
	#replica: BankingReplica | null = null;
	#booksReplica: BooksReplica | null = null;
	#books: BooksState | null = null;
	#unsubscribe: (() => void) | null = null;

	ready = $state(false);
	bankAccounts = $state.raw<BankAccountRecord[]>([]);
	statements = $state.raw<StatementRecord[]>([]);
	reconciliations = $state.raw<ReconciliationRecord[]>([]);
	/** Bank rules in the order they apply. */
	rules = $state.raw<BankRuleRecord[]>([]);
	claims = $state.raw<Claims | null>(null);
	keptAside = $state.raw<KeptAside[]>([]);
	/** Bumped on every change to the banking records (local or a teammate's). */
	revision = $state(0);

	constructor(workspaceId: string, memberId: string) {
		this.workspaceId = workspaceId;
		this.#memberId = memberId;
	}

	attach(replica: BankingReplica, booksReplica: BooksReplica, books: BooksState): void {
		this.#replica = replica;
		this.#booksReplica = booksReplica;
		this.#books = books;
		this.#read();
		this.#unsubscribe = replica.onChange(() => this.#read());
		this.ready = true;
	}

	#read(): void {
		const r = this.#replica;
		if (!r) return;
		this.bankAccounts = r.bankAccounts();
		this.statements = r.statements();
		this.reconciliations = r.reconciliations();
		this.rules = r.rules();
		this.claims = r.claims();
		this.keptAside = r.keptAside();
		this.revision++;
	}

	#stamp() {
		return { by: this.#memberId, at: nowIso() };
	}

	/** The replica for a read, after touching `revision`: reads are reactive by construction. */
	get #tracked(): BankingReplica | null {
		void this.revision;
		return this.#replica;
	}

	bankAccount(id: string): BankAccountRecord | undefined {
		return this.#tracked?.bankAccount(id);
	}
	line(id: string): BankLineRecord | undefined {
		return this.#tracked?.line(id);
	}
	status(statementId: string): StatementStatus | undefined {
		return this.#tracked?.status(statementId);
	}
	/** Ledger accounts a bank account can link to (open asset/liability accounts of a bank-like subtype). */
	linkable(): Account[] {
		return linkableAccounts(this.#books?.accounts ?? []);
	}

	// ---- bank accounts ------------------------------------------------------------------------

	createBankAccount(input: NewBankAccount): Result<BankAccountRecord> {
		const r = this.#replica;
		const books = this.#books;
		if (!r || !books) return loading();
		if (!input.name.trim()) return err(bankingProblem('banking/name-required'));
		const ledger = ledgerAccountFor(input, books);
		if (!ledger.ok) return ledger;
		const ledgerAccountId = ledger.value;
		const made = r.createBankAccount({
			id: newId(),
			name: input.name,
			institution: input.institution.trim(),
			currency: input.currency.trim().toUpperCase(),
			identifier: input.identifier.trim(),
			ledgerAccountId
		});
		return made;
	}

	saveCsvMapping(bankAccountId: string, mapping: unknown): void {
		this.#replica?.patchBankAccount(bankAccountId, { csvMapping: mapping });
	}

	// ---- import -------------------------------------------------------------------------------

	async inspect(bytes: Uint8Array, fileName: string): Promise<Result<FileKind>> {
		return await bankingWorker().inspect({ bytes, fileName });
	}
	async detectCsv(bytes: Uint8Array, fileName: string): Promise<Result<CsvDetection>> {
		return await bankingWorker().detectCsv({ bytes, fileName });
	}
	async previewCsv(
		bytes: Uint8Array,
		fileName: string,
		mapping: unknown
	): Promise<Result<{ header: readonly string[]; rows: CsvPreviewRow[] }>> {
		return await bankingWorker().previewCsv({ bytes, fileName, mapping });
	}
	async parse(bytes: Uint8Array, fileName: string, csvMapping?: unknown): Promise<Result<ParsedFile>> {
		return await bankingWorker().parse({
			bytes,
			fileName,
			...(csvMapping !== undefined ? { csvMapping } : {})
		});
	}

	/** How many of these lines this bank account already holds (shown before importing). */
	alreadyHeld(bankAccountId: string, parsed: ParsedFile): number {
		return this.alreadyHeldLinked(
			parsed,
			parsed.statements.map(() => bankAccountId)
		);
	}

	/** Like alreadyHeld, with each statement going to its own bank account (null: skipped). */
	alreadyHeldLinked(parsed: ParsedFile, targets: readonly (string | null)[]): number {
		const r = this.#replica;
		if (!r) return 0;
		return parsed.statements.reduce((n, s, i) => {
			const to = targets[i];
			return to ? n + s.lines.filter((l) => r.line(`${to}.${l.id}`) !== undefined).length : n;
		}, 0);
	}

	/** Writes every statement of the file into one bank account, or none (see importLinked). */
	importParsed(bankAccountId: string, parsed: ParsedFile, acceptMismatch: boolean): Result<ImportOutcome[]> {
		return this.importLinked(
			parsed,
			parsed.statements.map(() => bankAccountId),
			acceptMismatch
		);
	}

	/**
	 * Writes each statement of the file into the bank account `targets[i]` (null skips it), all in one
	 * transaction or nothing: a mismatch not accepted, or an unknown bank account, stops before anything is written.
	 */
	importLinked(
		parsed: ParsedFile,
		targets: readonly (string | null)[],
		acceptMismatch: boolean
	): Result<ImportOutcome[]> {
		const r = this.#replica;
		if (!r) return loading();
		const chosen = chooseStatements(parsed, targets, acceptMismatch, (id) => r.bankAccount(id)?.currency);
		if (!chosen.ok) return chosen;
		const done = r.importStatements(
			chosen.value.map((x) => ({
				bankAccountId: x.bankAccountId,
				statement: x.statement,
				acceptMismatch,
				...this.#stamp()
			}))
		);
		return done;
	}

	// ---- reconcile ----------------------------------------------------------------------------

	/** Asks the worker for proposals, retrying until it has read what this page holds. */
	async proposals(
		bankAccountId: string,
		autoAcceptThreshold: number
	): Promise<Result<MatchResult & { ms: number }>> {
		return caughtUpProposals({
			workspaceId: this.workspaceId,
			bankAccountId,
			autoAcceptThreshold,
			want: () => this.#booksReplica?.stateVector()
		});
	}

	/**
	 * The proposals question for a LiveQuery: reads what the answer depends on (the banking records
	 * and the counted book entries) now, and returns the request to send once they settle.
	 */
	askProposals(
		bankAccountId: string,
		autoAcceptThreshold: number
	): () => Promise<Result<MatchResult & { ms: number }>> {
		void this.revision;
		void this.#books?.entries;
		return () => this.proposals(bankAccountId, autoAcceptThreshold);
	}

	/** Claims lines as one match: `ledgerLineIds` are `entryId#lineIndex`. */
	accept(
		bankAccountId: string,
		bankLineIds: readonly string[],
		ledgerLineIds: readonly string[],
		proposal?: MatchProposal
	): Result<null> {
		const r = this.#replica;
		if (!r) return loading();
		const done = r.accept({
			id: newId(),
			bankAccountId,
			bankLineIds: [...bankLineIds],
			ledgerLines: ledgerLineIds.map(parseRef),
			...(proposal ? { score: proposal.score, reasons: proposal.reasons } : {}),
			...this.#stamp()
		});
		return done.ok ? ok(null) : done;
	}

	/**
	 * Accepts several proposals as one write (teammates get them in one update). Returns how many were
	 * accepted; a proposal whose lines a teammate claimed meanwhile is left as it is.
	 */
	acceptMany(bankAccountId: string, proposals: readonly MatchProposal[]): Result<number> {
		const r = this.#replica;
		if (!r) return loading();
		const stamp = this.#stamp();
		const done = r.acceptMany(
			proposals.map((p) => ({
				id: newId(),
				bankAccountId,
				bankLineIds: [...p.bankLineIds],
				ledgerLines: p.ledgerLineIds.map(parseRef),
				score: p.score,
				reasons: p.reasons,
				...stamp
			}))
		);
		return { ok: true, value: done.accepted.length };
	}

	reject(bankAccountId: string, proposal: MatchProposal): Result<null> {
		const r = this.#replica;
		if (!r) return loading();
		const done = r.reject({
			id: newId(),
			bankAccountId,
			bankLineIds: [...proposal.bankLineIds],
			ledgerLines: proposal.ledgerLineIds.map(parseRef),
			...this.#stamp()
		});
		return done.ok ? ok(null) : done;
	}

	unmatch(decisionId: string): Result<null> {
		const r = this.#replica;
		if (!r) return loading();
		const done = r.unmatch({ id: newId(), decisionId, ...this.#stamp() });
		return done.ok ? ok(null) : done;
	}

	/**
	 * Posts a balanced entry for a bank line (bank account against `account`, that line carrying the
	 * dimensions), matches the line to it, and, when asked, adds a "payee equals" rule for the next statements.
	 */
	createEntryFrom(bankAccountId: string, lineId: string, input: EntryFromLine): Result<JournalEntry> {
		const r = this.#replica;
		const books = this.#books;
		const account = r?.bankAccount(bankAccountId);
		const line = r?.line(lineId);
		if (!r || !books || !account || !line) return loading();
		if (!input.account && !input.split?.length) return err(bankingProblem('banking/choose-account'));
		const dims = cleanDimensions(input.dimensions);
		if (!dims.ok) return dims;
		const dimensions = dims.value;
		const ledger = books.accounts.find((a) => a.id === account.ledgerAccountId);
		const entry = entryForLine({ account, line, ledger, input, dimensions });
		if (!entry.ok) return entry;
		const posted = books.post(entry.value);
		if (!posted.ok) return posted;
		const match = () => this.accept(bankAccountId, [lineId], [`${entry.value.id}#0`]);
		if (books.entry(entry.value.id)) {
			const matched = match();
			if (!matched.ok) return matched;
		} else
			// A signed entry is written once its signature is made: match the line to it then.
			background(
				books.written().then(() => {
					const matched = match();
					if (!matched.ok) throw new Error(matched.error.message);
				}),
				'matching the new entry to its bank line'
			);
		const rule = rememberedRule(line, input, dimensions);
		if (rule) this.createRule(rule);
		return posted;
	}

	// ---- rules --------------------------------------------------------------------------------

	createRule(parts: RuleParts): Result<BankRuleRecord> {
		const r = this.#replica;
		if (!r) return loading();
		const known = unknownRuleAccount(parts, this.#books?.accounts ?? []);
		if (known) return err(known);
		const made = r.createRule({ id: newId(), enabled: true, ...parts }, this.#memberId);
		return made;
	}

	updateRule(id: string, parts: Partial<RuleParts> & { enabled?: boolean }): Result<BankRuleRecord> {
		const r = this.#replica;
		if (!r) return loading();
		const known = parts.outcome
			? unknownRuleAccount({ outcome: parts.outcome }, this.#books?.accounts ?? [])
			: null;
		if (known) return err(known);
		const done = r.updateRule(id, parts);
		return done;
	}

	/** Moves a rule to `index` in the list (0 applies first). */
	moveRule(id: string, index: number): Result<BankRuleRecord> {
		const r = this.#replica;
		if (!r) return loading();
		const done = r.moveRule(id, index, this.#memberId);
		return done;
	}

	deleteRule(id: string): Result<null> {
		const r = this.#replica;
		if (!r) return loading();
		const done = r.deleteRule(id);
		return done.ok ? ok(null) : done;
	}

	/** How many open bank lines each rule would apply to now, computed in the worker once it has caught up. */
	async ruleCounts(): Promise<Result<RuleCounts>> {
		return caughtUpRuleCounts(this.workspaceId, () => this.#booksReplica?.stateVector());
	}

	/** The rule-counts question for a LiveQuery: asked again whenever a rule, line or match changes. */
	askRuleCounts(): () => Promise<Result<RuleCounts>> {
		void this.revision;
		return () => this.ruleCounts();
	}

	finish(statementId: string): Result<ReconciliationRecord> {
		const r = this.#replica;
		if (!r) return loading();
		const done = r.finish(statementId, this.#stamp());
		return done;
	}

	today() {
		return todayUtc();
	}

	destroy(): void {
		this.#unsubscribe?.();
	}
}
