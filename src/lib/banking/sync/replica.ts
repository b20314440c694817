// A live, plain-record view of the banking records in the books shard, and the verbs that write them.
// Invariants: a statement line is stored once per bank account whoever imports it; a mismatched statement
// is stored only when the person accepted it; no bank or ledger line is claimed by two holding accepts
// (claims.ts decides from the facts alone, so every replica agrees); a finished statement's cleared
// lines are never matched again. Writes validate first and return a Result; an import is one transaction.
import * as Y from 'yjs';
import { ok, type Result } from '$lib/shared/domain';
import {
	BANKING_SCHEMA_VERSION,
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
	type StatementRecord
} from '$lib/banking/domain';
import * as docs from './doc';
import * as rulesDoc from './rules-doc';
import { keyBetween, keyForPosition } from '$lib/tasks/domain';
import type { ShapeOf } from './shape';
import { bankingFail, statementStatus, type StatementStatus } from './status';
import type { AcceptInput, ImportOutcome, LedgerView, Stamp, StatementInput } from './write-types';
import { statementRecords, statementRefusal } from './statement-write';
import { acceptRefusal, reconciliationFor, unusableBecause } from './claims-write';

export type { StatementStatus } from './status';
export type { KeptAside, BankAccountPatch } from './doc';
export type { RulePatch } from './rules-doc';

export type { AcceptInput, ImportOutcome, LedgerView, Stamp } from './write-types';

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
		return unusableBecause(d, this.#data.bankAccounts, this.#data.bankLines, this.#ledger);
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
	importStatement(input: StatementInput): Result<ImportOutcome> {
		const judged = statementRefusal(input, (id) => this.#data.bankAccounts.has(id));
		if ('refused' in judged) return judged.refused;
		const { lines, record } = statementRecords(input, judged.check);
		const id = record.id;
		const alreadyImported = docs.hasFact(this.#doc, 'bankStatements', id);
		let added = 0;
		this.#doc.transact(() => {
			for (const l of lines) if (docs.insertFact(this.#doc, 'bankLines', l)) added++;
			docs.insertFact(this.#doc, 'bankStatements', record);
		});
		return ok({ statementId: id, added, duplicates: lines.length - added, alreadyImported });
	}

	/** Imports several statements (e.g. one per account of a CSV) in one transaction, or none when one is refused. */
	importStatements(inputs: readonly StatementInput[]): Result<ImportOutcome[]> {
		for (const x of inputs) {
			const judged = statementRefusal(x, (id) => this.#data.bankAccounts.has(id));
			if ('refused' in judged) return judged.refused;
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
		return acceptRefusal(this.#claims, input, bank, ledger, (d) => this.#usable(d));
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
	#decide(
		d: Omit<MatchDecision, 'schemaVersion' | 'clock'>,
		clock = this.#claims.clock + 1
	): Result<MatchDecision> {
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
		const record = reconciliationFor(statementId, this.status(statementId), stamp);
		if (!record.ok) return record;
		docs.insertFact(this.#doc, 'bankReconciliations', record.value);
		return record;
	}

	// ---- rules --------------------------------------------------------------------------------

	/** The currency of the bank account a rule is limited to, if any (bounds its amounts' places). */
	#ruleCurrency(rule: BankRule): string | undefined {
		const id = rule.conditions.bankAccountId;
		return id ? this.bankAccount(id)?.currency : undefined;
	}

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
		const valid = validateRule(rule, this.#ruleCurrency(rule));
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
		const valid = validateRule(next, this.#ruleCurrency(next));
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
