// Which match decisions hold, from the set of decision facts alone, so every replica that holds the same
// facts gives the same answer. Invariant: no bank line and no ledger line is claimed by two holding accepts;
// an accept locked by a finished reconciliation always holds and cannot be withdrawn; a line of a finished
// statement is never claimed by a newer accept. Conflicting accepts lose in (locked first, clock, id) order.
import { refKey, type MatchDecision, type ReconciliationRecord } from './records';

export interface ClaimConflict {
	readonly decision: MatchDecision;
	/** The holding accept it collides with, or null when it touches a finished statement's line. */
	readonly against: string | null;
	readonly reason: string;
}

export interface Claims {
	/** Holding accepts by id. */
	readonly holding: ReadonlyMap<string, MatchDecision>;
	/** Bank line id → the holding accept that claims it. */
	readonly bankLine: ReadonlyMap<string, string>;
	/** `entryId#lineIndex` → the holding accept that claims it. */
	readonly ledgerLine: ReadonlyMap<string, string>;
	readonly conflicts: readonly ClaimConflict[];
	/** Bank lines locked by a finished reconciliation. */
	readonly lockedLines: ReadonlySet<string>;
	readonly lockedDecisions: ReadonlySet<string>;
	/** `bankLineIds|refs` of rejected proposals: the matcher's same proposal is not shown again. */
	readonly rejected: ReadonlySet<string>;
	/** The highest Lamport clock among the decisions (the next decision takes one more). */
	readonly clock: number;
}

/** The key of a proposal (bank lines and ledger lines, order-free), as rejections store it. */
export function proposalKey(bankLineIds: readonly string[], ledgerRefs: readonly string[]): string {
	return `${[...bankLineIds].sort().join(',')}|${[...ledgerRefs].sort().join(',')}`;
}

const order = (a: MatchDecision, b: MatchDecision) =>
	a.clock - b.clock || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * `usable(d)` says whether an accept can count at all (its lines exist and the amounts agree); an accept
 * that is not usable yet (e.g. its entry has not arrived) is left out and claims nothing.
 */
export function resolveClaims(input: {
	readonly decisions: Iterable<MatchDecision>;
	readonly reconciliations: Iterable<ReconciliationRecord>;
	readonly usable?: (d: MatchDecision) => boolean;
}): Claims {
	const lockedLines = new Set<string>();
	const lockedDecisions = new Set<string>();
	for (const r of input.reconciliations) {
		for (const l of r.lineIds) lockedLines.add(l);
		for (const d of r.decisionIds) lockedDecisions.add(d);
	}
	const accepts: MatchDecision[] = [];
	const revoked = new Set<string>();
	const rejected = new Set<string>();
	let clock = 0;
	for (const d of input.decisions) {
		if (d.clock > clock) clock = d.clock;
		if (d.kind === 'accept') accepts.push(d);
		else if (d.kind === 'unmatch' && d.revokes !== undefined && !lockedDecisions.has(d.revokes))
			revoked.add(d.revokes);
		else if (d.kind === 'reject') rejected.add(proposalKey(d.bankLineIds, d.ledgerLines.map(refKey)));
	}
	const usable = input.usable ?? (() => true);
	const live = accepts.filter((d) => !revoked.has(d.id) && usable(d));
	live.sort((a, b) => {
		const la = lockedDecisions.has(a.id) ? 0 : 1;
		const lb = lockedDecisions.has(b.id) ? 0 : 1;
		return la - lb || order(a, b);
	});
	const holding = new Map<string, MatchDecision>();
	const bankLine = new Map<string, string>();
	const ledgerLine = new Map<string, string>();
	const conflicts: ClaimConflict[] = [];
	for (const d of live) {
		const refs = d.ledgerLines.map(refKey);
		const locked = lockedDecisions.has(d.id);
		const clash =
			d.bankLineIds.map((l) => bankLine.get(l)).find((x) => x !== undefined) ??
			refs.map((r) => ledgerLine.get(r)).find((x) => x !== undefined);
		if (clash !== undefined) {
			conflicts.push({
				decision: d,
				against: clash,
				reason: 'another match, made first, already claims one of these lines'
			});
			continue;
		}
		if (!locked && d.bankLineIds.some((l) => lockedLines.has(l))) {
			conflicts.push({
				decision: d,
				against: null,
				reason: 'the statement holding this bank line was finished without this match'
			});
			continue;
		}
		holding.set(d.id, d);
		for (const l of d.bankLineIds) bankLine.set(l, d.id);
		for (const r of refs) ledgerLine.set(r, d.id);
	}
	conflicts.sort((a, b) => order(a.decision, b.decision));
	return { holding, bankLine, ledgerLine, conflicts, lockedLines, lockedDecisions, rejected, clock };
}
