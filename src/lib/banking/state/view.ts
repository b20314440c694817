// Plain helpers the Banking screens use to lay out what the state holds: masked account identifiers,
// the reconcile rows (each statement line with its match, conflict or proposal), and import summaries.
// Pure functions over plain records, unit-tested beside this file.
import {
	foldText,
	type BalanceCheck,
	type BankAccountRecord,
	type BankLineRecord,
	type ClaimConflict,
	type Claims,
	type MatchDecision,
	type MatchProposal,
	type MatchResult,
	type RuleProposal,
	type Statement,
	type StatementRecord
} from '$lib/banking/domain';
import type { JournalEntry } from '$lib/books/domain';

/** "DE14 7406 1813 0000 0336 26" → "•••• 3626"; short identifiers stay as they are. */
export function maskIdentifier(identifier: string): string {
	const compact = identifier.replace(/\s+/g, '');
	if (compact.length <= 4) return compact;
	return `•••• ${compact.slice(-4)}`;
}

export type RowState = 'matched' | 'locked' | 'proposed' | 'unmatched';

export interface ReconcileRow {
	readonly line: BankLineRecord;
	readonly state: RowState;
	/** The holding accept that clears this line. */
	readonly match?: MatchDecision;
	readonly proposal?: MatchProposal;
	readonly rule?: RuleProposal;
	/** Accepts of this line that lost to an earlier one (a teammate's concurrent claim). */
	readonly conflicts: readonly ClaimConflict[];
}

/** One row per line of the statement, in date order, with what holds or what is proposed. */
export function reconcileRows(input: {
	statement: StatementRecord;
	line: (id: string) => BankLineRecord | undefined;
	claims: Claims;
	proposals: MatchResult | null;
}): ReconcileRow[] {
	const { claims, proposals } = input;
	const proposalOf = new Map<string, MatchProposal>();
	for (const m of proposals?.matches ?? []) for (const id of m.bankLineIds) proposalOf.set(id, m);
	const ruleOf = new Map((proposals?.ruleProposals ?? []).map((r) => [r.bankLineId, r]));
	const conflictsOf = new Map<string, ClaimConflict[]>();
	for (const c of claims.conflicts)
		for (const id of c.decision.bankLineIds) conflictsOf.set(id, [...(conflictsOf.get(id) ?? []), c]);
	const rows: ReconcileRow[] = [];
	for (const id of new Set(input.statement.lineIds)) {
		const line = input.line(id);
		if (!line) continue;
		const matchId = claims.bankLine.get(id);
		const match = matchId === undefined ? undefined : claims.holding.get(matchId);
		const proposal = match ? undefined : proposalOf.get(id);
		const rule = match ? undefined : ruleOf.get(id);
		const state: RowState = match
			? claims.lockedLines.has(id)
				? 'locked'
				: 'matched'
			: proposal
				? 'proposed'
				: 'unmatched';
		rows.push({
			line,
			state,
			...(match ? { match } : {}),
			...(proposal ? { proposal } : {}),
			...(rule ? { rule } : {}),
			conflicts: conflictsOf.get(id) ?? []
		});
	}
	return rows.sort((a, b) => a.line.date.localeCompare(b.line.date) || (a.line.id < b.line.id ? -1 : 1));
}

/** The proposals a person may accept in one go: at or above the threshold, every line still open. */
export function sureProposals(rows: readonly ReconcileRow[], threshold: number): MatchProposal[] {
	const seen = new Set<MatchProposal>();
	for (const r of rows) if (r.proposal && r.proposal.score >= threshold) seen.add(r.proposal);
	return [...seen];
}

/** "opening 24.16 + lines -164.10 = -139.94, but the closing balance is 27.61 (off by 167.55)" */
export function describeCheck(check: BalanceCheck): string {
	if (check.status === 'n/a') return `No balance check: ${check.reason}`;
	if (check.status === 'ok')
		return `Adds up: opening ${check.opening} + lines ${check.linesTotal} = closing ${check.closing}`;
	return `Does not add up: opening ${check.opening} + lines ${check.linesTotal} ≠ closing ${check.closing} (off by ${check.difference})`;
}

export function countLabel(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}

export interface LedgerLineView {
	/** `entryId#lineIndex` */
	readonly id: string;
	readonly date: string;
	readonly memo: string;
	readonly amount: string;
	readonly number?: string;
}

/** What a proposal's or a match's ledger line is, for display; undefined when the entry is not counted. */
export function ledgerLineView(
	id: string,
	entry: (id: string) => JournalEntry | undefined
): LedgerLineView | undefined {
	const at = id.lastIndexOf('#');
	const e = entry(id.slice(0, at));
	const l = e?.lines[Number(id.slice(at + 1))];
	if (!e || !l) return undefined;
	return { id, date: e.date, memo: e.memo, amount: l.amount, ...(e.number ? { number: e.number } : {}) };
}

/**
 * Ledger lines of the linked account that no holding match claims, with the same sign as `amount`, nearest
 * to `date` first: what a person picks from to match a bank line by hand (one or several: a split).
 */
export function openLedgerLines(input: {
	entries: readonly JournalEntry[];
	ledgerAccountId: string;
	claims: Claims;
	date: string;
	amount: string;
	limit?: number;
}): LedgerLineView[] {
	const negative = input.amount.trim().startsWith('-');
	const target = Date.parse(input.date);
	const out: (LedgerLineView & { distance: number })[] = [];
	for (const e of input.entries)
		e.lines.forEach((l, k) => {
			if (l.account !== input.ledgerAccountId || l.amount.trim().startsWith('-') !== negative) return;
			const id = `${e.id}#${k}`;
			if (input.claims.ledgerLine.has(id)) return;
			out.push({
				id,
				date: e.date,
				memo: e.memo,
				amount: l.amount,
				...(e.number ? { number: e.number } : {}),
				distance: Math.abs(Date.parse(e.date) - target)
			});
		});
	return out
		.sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1))
		.slice(0, input.limit ?? 30)
		.map(({ distance: _d, ...v }) => v);
}

/** "OFX · 3 lines · 2011-03-31 to 2011-04-07 · USD" */
export function statementSummary(s: Pick<Statement, 'format' | 'lines' | 'currency'>): string {
	const dates = s.lines.map((l) => l.date).sort();
	return [
		s.format.toUpperCase(),
		countLabel(s.lines.length, 'line'),
		...(dates.length ? [`${dates[0]} to ${dates.at(-1)}`] : []),
		...(s.currency ? [s.currency] : [])
	].join(' · ');
}

/**
 * Which bank account each statement of a several-account file goes to: the one whose name or identifier is
 * the statement's account value (ignoring case, accents, spaces and punctuation), else skipped (null). When
 * nothing links, the first statement goes to the bank account the file is imported from.
 */
export function suggestLinks(
	statements: readonly Pick<Statement, 'account'>[],
	bankAccounts: readonly Pick<BankAccountRecord, 'id' | 'name' | 'identifier'>[],
	currentId: string
): (string | null)[] {
	const key = (s: string) => foldText(s).replace(/ /g, '');
	const links = statements.map((s): string | null => {
		const value = key(s.account.accountNumber ?? s.account.iban ?? '');
		if (!value) return null;
		const hit = bankAccounts.find(
			(a) => key(a.name) === value || (a.identifier && key(a.identifier) === value)
		);
		return hit?.id ?? null;
	});
	if (links.length > 0 && !links.some((l) => l !== null)) links[0] = currentId;
	return links;
}
