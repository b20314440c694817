// Reconciliation matcher. Passes run over the whole batch in order of certainty (bank reference, exact amount in a
// date window, split sums, then rules), each line is claimed at most once, and locked (reconciled) lines never take part.
import type {
	BankLineInput,
	LedgerLineInput,
	MatchOptions,
	MatchProposal,
	MatchResult,
	MatchRule,
	RuleProposal
} from './match-types';
import { findSubset, type Budget } from './match-subset';
import {
	unitsToCents,
	indexByAmount,
	lowerBound,
	prepareBank,
	prepareLedger,
	type Prepared
} from './match-prep';
import { profileSimilarity } from './similarity';
import { firstFit, orderRules, proposedLines, ruleMemo } from './rules';

interface Pair {
	b: Prepared;
	l: Prepared;
	raw: number;
	days: number;
	sim: number;
	reasons: string[];
}

const round3 = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
const daysText = (d: number) => (d === 0 ? 'same day' : `${d} day${d === 1 ? '' : 's'} apart`);

function twins(a: Prepared, b: Prepared): boolean {
	return a.day === b.day && a.units === b.units && a.key === b.key;
}

/** Matches one bank account's statement lines against its ledger lines. Pure and deterministic. */
export function matchStatementLines(input: {
	bankLines: readonly BankLineInput[];
	ledgerLines: readonly LedgerLineInput[];
	options?: MatchOptions;
}): MatchResult {
	const o = input.options ?? {};
	const window = o.dateWindowDays ?? 7;
	const threshold = o.autoAcceptThreshold ?? 0.9;
	const strict = o.strictBankRefs ?? true;
	const bankLive = input.bankLines.filter((l) => l.reconciled !== true);
	const ledgerLive = input.ledgerLines.filter((l) => l.reconciled !== true);
	const bank = prepareBank(bankLive);
	const ledger = prepareLedger(ledgerLive);
	const bankClaimed = new Uint8Array(bank.length);
	const ledgerClaimed = new Uint8Array(ledger.length);
	const matches: MatchProposal[] = [];
	const propose = (m: Omit<MatchProposal, 'autoAccept' | 'score'> & { score: number }) => {
		const score = round3(m.score);
		matches.push({ ...m, score, autoAccept: score >= threshold });
	};

	// Pass 1: the same bank reference on both sides, amounts equal.
	const byRef = new Map<string, Prepared[]>();
	for (const l of ledger) {
		for (const key of new Set([l.bankRef, l.reference])) {
			if (key === '') continue;
			const list = byRef.get(key);
			if (list) list.push(l);
			else byRef.set(key, [l]);
		}
	}
	for (const b of bank) {
		if (b.bankRef === '') continue;
		const cands = (byRef.get(b.bankRef) ?? []).filter(
			(l) => ledgerClaimed[l.index] === 0 && l.units === b.units
		);
		cands.sort((x, y) => Math.abs(x.day - b.day) - Math.abs(y.day - b.day) || x.index - y.index);
		const l = cands[0];
		if (!l) continue;
		bankClaimed[b.index] = 1;
		ledgerClaimed[l.index] = 1;
		propose({
			kind: 'reference',
			bankLineIds: [b.id],
			ledgerLineIds: [l.id],
			score: 1,
			reasons: [`bank reference ${b.bankRef} equal`, 'amount exact', daysText(Math.abs(l.day - b.day))]
		});
	}

	// Pass 2: exact amount within the date window, scored by date distance and payee similarity.
	const byAmount = indexByAmount(ledger);
	const pairs: Pair[] = [];
	const simCache = new Map<string, number>();
	const similarity = (x: Prepared, y: Prepared) => {
		const k = `${x.key}\u0000${y.key}`;
		let v = simCache.get(k);
		if (v === undefined) simCache.set(k, (v = profileSimilarity(x.profile, y.profile)));
		return v;
	};
	for (const b of bank) {
		if (bankClaimed[b.index] === 1) continue;
		const list = byAmount.get(b.units);
		if (!list) continue;
		for (let i = lowerBound(list, b.day - window); i < list.length; i++) {
			const l = list[i] as Prepared;
			if (l.day > b.day + window) break;
			if (ledgerClaimed[l.index] === 1) continue;
			if (strict && b.bankRef !== '' && l.bankRef !== '' && l.bankRef !== b.bankRef) continue;
			const days = Math.abs(l.day - b.day);
			const sim = similarity(b, l);
			let raw = 0.55 + 0.2 * (1 - days / (window + 1)) + 0.25 * sim;
			const reasons = ['amount exact', daysText(days), `payee ${sim.toFixed(2)} similar`];
			if (l.reference.length >= 4 && b.text.includes(l.reference)) {
				raw += 0.1;
				reasons.push(`reference ${l.reference} in bank text`);
			}
			if (l.cleared) {
				raw -= 0.1;
				reasons.push('ledger line already cleared');
			}
			if (l.bankRef !== '') raw -= 0.001;
			pairs.push({ b, l, raw, days, sim, reasons });
		}
	}
	// Competition: a pair is doubtful when another candidate (not an indistinguishable twin) scores close to it.
	// Candidate lists are sorted once, so finding the best other candidate is usually one or two steps.
	const byRawDesc = (x: Pair, y: Pair) => y.raw - x.raw;
	const pairsByBank = new Map<number, Pair[]>();
	const pairsByLedger = new Map<number, Pair[]>();
	const push = (m: Map<number, Pair[]>, k: number, p: Pair) => {
		const list = m.get(k);
		if (list) list.push(p);
		else m.set(k, [p]);
	};
	for (const p of pairs) {
		push(pairsByBank, p.b.index, p);
		push(pairsByLedger, p.l.index, p);
	}
	for (const list of pairsByBank.values()) list.sort(byRawDesc);
	for (const list of pairsByLedger.values()) list.sort(byRawDesc);
	const bestOther = (list: Pair[] | undefined, self: Pair, side: 'b' | 'l') => {
		for (const q of list ?? []) {
			if (q === self) continue;
			if (side === 'l' ? twins(q.l, self.l) : twins(q.b, self.b)) continue;
			return q.raw;
		}
		return -1;
	};
	const scored = pairs.map((p) => {
		const competitor = Math.max(
			bestOther(pairsByBank.get(p.b.index), p, 'l'),
			bestOther(pairsByLedger.get(p.l.index), p, 'b')
		);
		let score = p.raw;
		if (competitor >= 0 && p.raw - competitor < 0.15) {
			score -= 0.15 - Math.max(0, p.raw - competitor);
			p.reasons.push('another candidate is close');
		}
		return { p, score };
	});
	scored.sort(
		(x, y) =>
			y.score - x.score || x.p.days - y.p.days || x.p.b.index - y.p.b.index || x.p.l.index - y.p.l.index
	);
	for (const { p, score } of scored) {
		if (bankClaimed[p.b.index] === 1 || ledgerClaimed[p.l.index] === 1) continue;
		bankClaimed[p.b.index] = 1;
		ledgerClaimed[p.l.index] = 1;
		propose({
			kind: 'amount-date',
			bankLineIds: [p.b.id],
			ledgerLineIds: [p.l.id],
			score: Math.min(score, 0.99),
			reasons: p.reasons
		});
	}

	// Pass 3: one bank line = several ledger lines, then several bank lines = one ledger line.
	const budget: Budget = { steps: o.splitStepBudget ?? 2_000_000, exhausted: false };
	const cap = o.splitCandidateCap ?? 16;
	const maxParts = o.maxSplitParts ?? 4;
	const byDay = (xs: Prepared[]) => [...xs].sort((a, b) => a.day - b.day || a.index - b.index);
	const ledgerByDay = byDay(ledger);
	const bankByDay = byDay(bank);
	const bySize = (xs: Prepared[]) =>
		[...xs].sort((a, b) => Math.abs(b.units) - Math.abs(a.units) || a.index - b.index);
	const splitScore = (one: Prepared, parts: readonly Prepared[], ambiguous: boolean) => {
		const days = Math.max(...parts.map((p) => Math.abs(p.day - one.day)));
		const sim = parts.reduce((s, p) => s + profileSimilarity(one.profile, p.profile), 0) / parts.length;
		const reasons = [
			`${parts.length} lines add up to ${unitsToCents(one.units)}`,
			`within ${days} day${days === 1 ? '' : 's'}`,
			`payee ${sim.toFixed(2)} similar`
		];
		let score = 0.6 + 0.15 * (1 - days / (window + 1)) + 0.2 * sim;
		if (ambiguous) {
			score -= 0.25;
			reasons.push('other combinations also add up');
		}
		return { score, reasons };
	};
	for (const b of bySize(bank)) {
		if (bankClaimed[b.index] === 1) continue;
		const found = findSubset(b, ledgerByDay, ledgerClaimed, window, cap, maxParts, budget);
		if (!found) continue;
		bankClaimed[b.index] = 1;
		for (const p of found.parts) ledgerClaimed[p.index] = 1;
		const s = splitScore(b, found.parts, found.ambiguous);
		propose({
			kind: 'one-bank-many-ledger',
			bankLineIds: [b.id],
			ledgerLineIds: found.parts.map((p) => p.id),
			...s
		});
	}
	for (const l of bySize(ledger)) {
		if (ledgerClaimed[l.index] === 1) continue;
		const found = findSubset(l, bankByDay, bankClaimed, window, cap, maxParts, budget);
		if (!found) continue;
		ledgerClaimed[l.index] = 1;
		for (const p of found.parts) bankClaimed[p.index] = 1;
		const s = splitScore(l, found.parts, found.ambiguous);
		propose({
			kind: 'many-bank-one-ledger',
			bankLineIds: found.parts.map((p) => p.id),
			ledgerLineIds: [l.id],
			...s
		});
	}

	// Pass 4: the first enabled rule (in order) that fits proposes a new entry for a line nothing matched.
	const ruleProposals = proposeFromRules(
		bank.filter((b) => bankClaimed[b.index] === 0).map((b) => bankLive[b.index] as BankLineInput),
		o.rules ?? []
	);
	return {
		matches,
		ruleProposals,
		unmatchedBankLineIds: bank.filter((b) => bankClaimed[b.index] === 0).map((b) => b.id),
		unmatchedLedgerLineIds: ledger.filter((l) => ledgerClaimed[l.index] === 0).map((l) => l.id),
		budgetExhausted: budget.exhausted
	};
}

/** Rule proposals for bank lines: the first enabled rule (in order) that fits each line proposes its entry. */
export function proposeFromRules(
	lines: readonly BankLineInput[],
	allRules: readonly MatchRule[]
): RuleProposal[] {
	const rules = orderRules(allRules.filter((r) => r.enabled));
	if (rules.length === 0) return [];
	const out: RuleProposal[] = [];
	for (const line of lines) {
		const hit = firstFit(rules, line);
		if (!hit) continue;
		const { rule, reasons } = hit;
		out.push({
			bankLineId: line.id,
			ruleId: rule.id,
			ruleName: rule.name,
			account: rule.outcome.account,
			memo: ruleMemo(rule.outcome.memo, line),
			dimensions: { ...(rule.outcome.dimensions ?? {}) },
			lines: proposedLines(rule.outcome, line.amount),
			score: round3(0.5 + 0.1 * Math.min(reasons.length, 4)),
			reasons: [`rule "${rule.name}"`, ...reasons]
		});
	}
	return out;
}
