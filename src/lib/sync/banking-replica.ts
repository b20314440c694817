// A live, plain-record view of the banking records in the books shard, and the verbs that write them.
// Invariants: a statement line is stored once per bank account whoever imports it; a mismatched statement
// is stored only when the person accepted it; no bank or ledger line is claimed by two holding accepts
// (claims.ts decides from the facts alone, so every replica agrees); a finished statement's cleared
// lines are never matched again. Writes validate first and return a Result; an import is one transaction.
import * as Y from 'yjs';
import { cyrb53, ok, type Result } from '$lib/domain/core';
import { ExactSum, type JournalEntry } from '$lib/domain/ledger';
import {
	BANKING_SCHEMA_VERSION,
	checkBalance,
	orderRules,
	validateRule,
	type BankRule,
	refKey,
	resolveClaims,
	type BankAccountRecord,
	type BankLineRecord,
	type BankRuleRecord,
	type Claims,
	type LedgerLineRef,
	type MatchDecision,
	type ReconciliationRecord,
	type Statement,
	type StatementRecord
} from '$lib/domain/banking';
import * as docs from './banking-doc';
import * as rulesDoc from './banking-rules-doc';
import { keyBetween, keyForPosition } from '$lib/domain/tasks';
import type { ShapeOf } from './banking-shape';
import { bankingFail, statementStatus, type StatementStatus } from './banking-status';

export type { StatementStatus } from './banking-status';
export type { KeptAside, BankAccountPatch } from './banking-doc';
export type { RulePatch } from './banking-rules-doc';

/** What the ledger side offers: counted entries, and a signal when they change (BooksReplica fits). */
export interface LedgerView {
	entry(id: string): JournalEntry | undefined;
	onChange(
		listener: (change: {
			readonly counted: readonly unknown[];
			readonly uncounted: readonly unknown[];
		}) => void
	): () => void;
}

export interface ImportOutcome {
	readonly statementId: string;
	readonly added: number;
	readonly duplicates: number;
	/** The very same statement was imported before (by anyone). */
	readonly alreadyImported: boolean;
}

export interface Stamp {
	readonly by: string;
	readonly at: string;
}

/** One match to accept: bank lines and ledger lines (`entryId#index`) claimed together. */
export type AcceptInput = {
	id: string;
	bankAccountId: string;
	bankLineIds: string[];
	ledgerLines: LedgerLineRef[];
	score?: number;
	reasons?: readonly string[];
} & Stamp;

type BankingData = { [K in docs.BankingMap]: Map<string, ShapeOf[K]> };

const EMPTY_CLAIMS = resolveClaims({ decisions: [], reconciliations: [] });

export class BankingReplica {
	readonly #doc: Y.Doc;
	readonly #ledger: LedgerView | null;
	readonly #listeners = new Set<() => void>();
	readonly #cleanups: (() => void)[] = [];
	#data: BankingData;
	#aside = new Map<docs.BankingMap, docs.KeptAside[]>();
	#claims: Claims = EMPTY_CLAIMS;

	constructor(doc: Y.Doc, ledger: LedgerView | null = null) {
		this.#doc = doc;
		this.#ledger = ledger;
		this.#data = {} as BankingData;
		this.#reread(new Set(['bankAccounts', 'bankRules', ...docs.FACT_MAPS]));
		this.#cleanups.push(docs.observeBanking(doc, (maps) => this.#changed(maps)));
		// Only a change in which entries count can change which accepts are usable (drafts, settings cannot).
		if (ledger)
			this.#cleanups.push(
				ledger.onChange((c) =>
					c.counted.length || c.uncounted.length ? this.#changed(new Set()) : undefined
				)
			);
	}

	#reread(maps: ReadonlySet<docs.BankingMap>): void {
		for (const m of maps) {
			const { records, aside } = docs.readMap(this.#doc, m);
			(this.#data as Record<string, unknown>)[m] = records;
			this.#aside.set(m, aside);
		}
		this.#claims = resolveClaims({
			decisions: this.#data.bankDecisions.values(),
			reconciliations: this.#data.bankReconciliations.values(),
			usable: (d) => this.#usable(d) === null
		});
	}

	#changed(maps: ReadonlySet<docs.BankingMap>): void {
		this.#reread(maps);
		for (const l of this.#listeners) l();
	}

	/** Why an accept cannot count (lines missing, amounts differ), or null when it can. */
	#usable(d: Pick<MatchDecision, 'bankAccountId' | 'bankLineIds' | 'ledgerLines'>): string | null {
		const account = this.#data.bankAccounts.get(d.bankAccountId);
		if (!account) return 'the bank account is not here (yet)';
		const bank = new ExactSum();
		for (const id of d.bankLineIds) {
			const line = this.#data.bankLines.get(id);
			if (!line || line.bankAccountId !== d.bankAccountId) return `bank line ${id} is not here (yet)`;
			bank.addDecimal(line.amount);
		}
		const ledger = new ExactSum();
		for (const r of d.ledgerLines) {
			const line = this.#ledger?.entry(r.entryId)?.lines[r.lineIndex];
			if (!line) return `ledger line ${refKey(r)} is not a counted entry line`;
			if (line.account !== account.ledgerAccountId)
				return `ledger line ${refKey(r)} is not in the linked account`;
			ledger.addDecimal(line.amount);
		}
		if (bank.toDecimal(2) !== ledger.toDecimal(2))
			return `the bank lines add up to ${bank.toDecimal(2)} and the ledger lines to ${ledger.toDecimal(2)}`;
		return null;
	}

	// ---- reads --------------------------------------------------------------------------------

	bankAccounts(): BankAccountRecord[] {
		return [...this.#data.bankAccounts.values()].sort(
			(a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1)
		);
	}
	bankAccount(id: string): BankAccountRecord | undefined {
		return this.#data.bankAccounts.get(id);
	}
	statements(bankAccountId?: string): StatementRecord[] {
		const all = [...this.#data.bankStatements.values()].filter(
			(s) => bankAccountId === undefined || s.bankAccountId === bankAccountId
		);
		return all.sort(
			(a, b) =>
				(a.to ?? '').localeCompare(b.to ?? '') ||
				a.importedAt.localeCompare(b.importedAt) ||
				(a.id < b.id ? -1 : 1)
		);
	}
	statement(id: string): StatementRecord | undefined {
		return this.#data.bankStatements.get(id);
	}
	line(id: string): BankLineRecord | undefined {
		return this.#data.bankLines.get(id);
	}
	/** Every stored line of a bank account, by date then id. */
	lines(bankAccountId: string): BankLineRecord[] {
		return [...this.#data.bankLines.values()]
			.filter((l) => l.bankAccountId === bankAccountId)
			.sort((a, b) => a.date.localeCompare(b.date) || (a.id < b.id ? -1 : 1));
	}
	decisions(): MatchDecision[] {
		return [...this.#data.bankDecisions.values()];
	}
	reconciliation(statementId: string): ReconciliationRecord | undefined {
		return this.#data.bankReconciliations.get(statementId);
	}
	reconciliations(): ReconciliationRecord[] {
		return [...this.#data.bankReconciliations.values()];
	}
	/** Every readable rule, in the order they apply. */
	rules(): BankRuleRecord[] {
		return orderRules([...this.#data.bankRules.values()]);
	}
	claims(): Claims {
		return this.#claims;
	}
	keptAside(): docs.KeptAside[] {
		return [...this.#aside.values()].flat();
	}
	/** Cleared balance against the statement balance, and whether it can be finished. */
	status(statementId: string): StatementStatus | undefined {
		const s = this.#data.bankStatements.get(statementId);
		return s ? statementStatus(s, this) : undefined;
	}
	onChange(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	// ---- writes -------------------------------------------------------------------------------

	createBankAccount(account: Omit<BankAccountRecord, 'schemaVersion'>): Result<BankAccountRecord> {
		if (this.#data.bankAccounts.has(account.id))
			return bankingFail('banking/bad-account', `Bank account id '${account.id}' is taken`);
		if (!account.name.trim()) return bankingFail('banking/bad-account', 'Name: required.');
		const record: BankAccountRecord = {
			schemaVersion: BANKING_SCHEMA_VERSION,
			...account,
			name: account.name.trim()
		};
		docs.insertBankAccount(this.#doc, record);
		return ok(record);
	}

	patchBankAccount(id: string, patch: docs.BankAccountPatch): Result<null> {
		if (!docs.patchBankAccount(this.#doc, id, patch))
			return bankingFail('banking/bad-account', `No bank account '${id}'`);
		return ok(null);
	}

	/**
	 * Stores a parsed statement for a bank account: its new lines, and the statement itself, in one
	 * transaction. A statement that does not add up is refused unless `acceptMismatch` is set.
	 */
	importStatement(
		input: { bankAccountId: string; statement: Statement; acceptMismatch: boolean } & Stamp
	): Result<ImportOutcome> {
		const { bankAccountId, statement, acceptMismatch } = input;
		if (!this.#data.bankAccounts.has(bankAccountId))
			return bankingFail('banking/bad-account', `No bank account '${bankAccountId}'`);
		if (statement.lines.length === 0)
			return bankingFail('banking/no-lines', `${statement.fileName}: the statement has no lines`);
		const check = checkBalance(statement);
		if (check.status === 'mismatch' && !acceptMismatch)
			return bankingFail(
				'banking/unbalanced',
				`${statement.fileName}: opening ${check.opening} + lines ${check.linesTotal} ≠ closing ${check.closing} (off by ${check.difference}); accept it explicitly to import`
			);
		const lines: BankLineRecord[] = statement.lines.map((l) => ({
			schemaVersion: BANKING_SCHEMA_VERSION,
			id: `${bankAccountId}.${l.id}`,
			bankAccountId,
			date: l.date,
			amount: l.amount,
			payee: l.payee,
			memo: l.memo,
			...(l.bankRef ? { bankRef: l.bankRef } : {}),
			...(l.valueDate ? { valueDate: l.valueDate } : {})
		}));
		const lineIds = lines.map((l) => l.id);
		const dates = lines.map((l) => l.date).sort();
		const opening = statement.openingBalance?.amount;
		const closing = statement.closingBalance?.amount;
		const id =
			's' +
			cyrb53(
				`${bankAccountId}|${statement.format}|${opening ?? ''}|${closing ?? ''}|${lineIds.join(',')}`
			).toString(36);
		const record: StatementRecord = {
			schemaVersion: BANKING_SCHEMA_VERSION,
			id,
			bankAccountId,
			fileName: statement.fileName,
			format: statement.format,
			...(dates[0] ? { from: dates[0] } : {}),
			...(dates.at(-1) ? { to: dates.at(-1) } : {}),
			...(opening !== undefined ? { opening } : {}),
			...(closing !== undefined ? { closing } : {}),
			balanceCheck: check.status,
			...(check.status === 'mismatch' ? { difference: check.difference } : {}),
			acceptedMismatch: check.status === 'mismatch',
			lineIds,
			importedAt: input.at,
			importedBy: input.by
		};
		const alreadyImported = docs.hasFact(this.#doc, 'bankStatements', id);
		let added = 0;
		this.#doc.transact(() => {
			for (const l of lines) if (docs.insertFact(this.#doc, 'bankLines', l)) added++;
			docs.insertFact(this.#doc, 'bankStatements', record);
		});
		return ok({ statementId: id, added, duplicates: lines.length - added, alreadyImported });
	}

	/** Imports several statements (e.g. one per account of a CSV) in one transaction, or none when one is refused. */
	importStatements(
		inputs: readonly ({ bankAccountId: string; statement: Statement; acceptMismatch: boolean } & Stamp)[]
	): Result<ImportOutcome[]> {
		for (const x of inputs) {
			if (!this.#data.bankAccounts.has(x.bankAccountId))
				return bankingFail('banking/bad-account', `No bank account '${x.bankAccountId}'`);
			if (x.statement.lines.length === 0)
				return bankingFail('banking/no-lines', `${x.statement.fileName}: the statement has no lines`);
			const check = checkBalance(x.statement);
			if (check.status === 'mismatch' && !x.acceptMismatch)
				return bankingFail(
					'banking/unbalanced',
					`${x.statement.fileName}: opening ${check.opening} + lines ${check.linesTotal} ≠ closing ${check.closing} (off by ${check.difference}); accept it explicitly to import`
				);
		}
		const out: ImportOutcome[] = [];
		let failed: Result<ImportOutcome[]> | null = null;
		this.#doc.transact(() => {
			for (const x of inputs) {
				const r = this.importStatement(x);
				if (!r.ok) failed ??= r;
				else out.push(r.value);
			}
		});
		return failed ?? ok(out);
	}

	/** Claims bank lines and ledger lines as one match; refused when any is claimed or the sums differ. */
	accept(input: AcceptInput): Result<MatchDecision> {
		const why = this.#refusal(input, new Set(), new Set());
		return why ?? this.#decide({ ...input, kind: 'accept' });
	}

	/**
	 * Accepts several matches as one write: one Yjs transaction, so teammates receive one update and
	 * see all of them at once. Each is checked as `accept` checks it, against what is claimed already
	 * and against the others in the batch (a line is claimed by the first that names it); the ones
	 * refused are returned with the reason and not written.
	 */
	acceptMany(inputs: readonly AcceptInput[]): {
		accepted: MatchDecision[];
		refused: { input: AcceptInput; error: string }[];
	} {
		const bank = new Set<string>();
		const ledger = new Set<string>();
		const accepted: MatchDecision[] = [];
		const refused: { input: AcceptInput; error: string }[] = [];
		let clock = this.#claims.clock;
		this.#doc.transact(() => {
			for (const input of inputs) {
				const why = this.#refusal(input, bank, ledger);
				const done = why ?? this.#decide({ ...input, kind: 'accept' }, ++clock);
				if (!done.ok) {
					refused.push({ input, error: done.error.message });
					continue;
				}
				for (const l of input.bankLineIds) bank.add(l);
				for (const r of input.ledgerLines) ledger.add(refKey(r));
				accepted.push(done.value);
			}
		});
		return { accepted, refused };
	}

	/** Why a match cannot be accepted (lines claimed, here or in `bank`/`ledger`; sums differ), or null. */
	#refusal(input: AcceptInput, bank: ReadonlySet<string>, ledger: ReadonlySet<string>): Result<never> | null {
		const c = this.#claims;
		if (input.bankLineIds.length === 0 || input.ledgerLines.length === 0)
			return bankingFail('banking/bad-match', 'A match needs at least one bank line and one ledger line');
		for (const l of input.bankLineIds) {
			if (c.lockedLines.has(l))
				return bankingFail('banking/locked', 'That bank line belongs to a finished reconciliation');
			if (c.bankLine.has(l) || bank.has(l)) return bankingFail('banking/claimed', 'That bank line is already matched');
		}
		for (const r of input.ledgerLines)
			if (c.ledgerLine.has(refKey(r)) || ledger.has(refKey(r)))
				return bankingFail(
					'banking/claimed',
					`Ledger line ${refKey(r)} is already matched to another bank line`
				);
		const why = this.#usable(input);
		return why ? bankingFail('banking/bad-match', `Cannot match: ${why}`) : null;
	}

	/** Marks a proposal as wrong so it is not proposed again. */
	reject(
		input: { id: string; bankAccountId: string; bankLineIds: string[]; ledgerLines: LedgerLineRef[] } & Stamp
	): Result<MatchDecision> {
		return this.#decide({ ...input, kind: 'reject' });
	}

	/** Withdraws a holding accept (not one locked by a finished reconciliation). */
	unmatch(input: { id: string; decisionId: string } & Stamp): Result<MatchDecision> {
		const d = this.#claims.holding.get(input.decisionId);
		if (!d) return bankingFail('banking/bad-match', 'That match does not hold');
		if (this.#claims.lockedDecisions.has(d.id))
			return bankingFail('banking/locked', 'That match is part of a finished reconciliation');
		return this.#decide({
			id: input.id,
			by: input.by,
			at: input.at,
			kind: 'unmatch',
			bankAccountId: d.bankAccountId,
			bankLineIds: [],
			ledgerLines: [],
			revokes: d.id
		});
	}

	/** Writes a decision; `clock` is given when several are written in one transaction. */
	#decide(d: Omit<MatchDecision, 'schemaVersion' | 'clock'>, clock = this.#claims.clock + 1): Result<MatchDecision> {
		const decision: MatchDecision = {
			schemaVersion: BANKING_SCHEMA_VERSION,
			...d,
			clock
		};
		if (!docs.insertFact(this.#doc, 'bankDecisions', decision))
			return bankingFail('banking/bad-match', `Decision id '${d.id}' is taken`);
		return ok(decision);
	}

	/** Finishes a statement when its cleared balance equals the statement balance; locks the cleared lines. */
	finish(statementId: string, stamp: Stamp): Result<ReconciliationRecord> {
		const status = this.status(statementId);
		if (!status) return bankingFail('banking/no-statement', `No statement '${statementId}'`);
		if (status.finished) return bankingFail('banking/locked', 'This statement is already finished');
		if (!status.canFinish)
			return bankingFail(
				'banking/not-reconciled',
				`Cleared balance ${status.cleared} differs from the statement balance ${status.statementBalance} by ${status.difference}`
			);
		const record: ReconciliationRecord = {
			schemaVersion: BANKING_SCHEMA_VERSION,
			id: statementId,
			bankAccountId: status.statement.bankAccountId,
			statementBalance: status.statementBalance,
			clearedBalance: status.cleared,
			lineIds: status.clearedLineIds,
			decisionIds: status.decisionIds,
			finishedAt: stamp.at,
			by: stamp.by
		};
		docs.insertFact(this.#doc, 'bankReconciliations', record);
		return ok(record);
	}

	// ---- rules --------------------------------------------------------------------------------

	/** Adds a rule (validated) at the end of the list unless it brings its own order key. */
	createRule(input: Omit<BankRule, 'order'> & { order?: string }, salt?: string): Result<BankRuleRecord> {
		if (this.#data.bankRules.has(input.id) || this.#doc.getMap('bankRules').has(input.id))
			return bankingFail('banking/bad-rule', `Rule id '${input.id}' is taken`);
		const last = this.rules().at(-1)?.order ?? null;
		const rule: BankRule = {
			...input,
			name: input.name.trim(),
			order: input.order ?? keyBetween(last, null, salt)
		};
		const valid = validateRule(rule);
		if (!valid.ok) return valid;
		rulesDoc.insertRule(this.#doc, rule);
		return ok({ schemaVersion: BANKING_SCHEMA_VERSION, ...rule });
	}

	/** Changes some parts of a rule (name, enabled, conditions, outcome); the result must still be a valid rule. */
	updateRule(id: string, patch: rulesDoc.RulePatch): Result<BankRuleRecord> {
		const current = this.#data.bankRules.get(id);
		if (!current) return bankingFail('banking/bad-rule', `No rule '${id}'`);
		const next: BankRuleRecord = {
			...current,
			...patch,
			...(patch.name !== undefined ? { name: patch.name.trim() } : {})
		};
		const valid = validateRule(next);
		if (!valid.ok) return valid;
		rulesDoc.patchRule(
			this.#doc,
			id,
			{ ...patch, ...(patch.name !== undefined ? { name: next.name } : {}) },
			current
		);
		return ok(next);
	}

	/** Puts a rule at `index` of the list (0 = applies first); writes only its order key. */
	moveRule(id: string, index: number, salt?: string): Result<BankRuleRecord> {
		const current = this.#data.bankRules.get(id);
		if (!current) return bankingFail('banking/bad-rule', `No rule '${id}'`);
		const others = this.rules().filter((r) => r.id !== id);
		return this.updateRule(id, { order: keyForPosition(others, index, salt) });
	}

	deleteRule(id: string): Result<null> {
		if (!rulesDoc.deleteRule(this.#doc, id)) return bankingFail('banking/bad-rule', `No rule '${id}'`);
		return ok(null);
	}

	destroy(): void {
		for (const c of this.#cleanups) c();
		this.#listeners.clear();
	}
}
