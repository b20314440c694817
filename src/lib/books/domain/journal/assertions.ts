// Balance assertions (`= $100`) and assignments (a posting with no amount and `= $100`), checked in
// date order as hledger does (same-date transactions in file order). Invariant: every assertion
// holds against the exact running balance, and an assigned posting's amount is exactly what brings
// the account to the asserted figure.
import { ExactSum } from '../../../shared/domain';
import { formatAmount } from '../format';
import type { LineProblem } from '../errors';
import type { EntryLine } from '../types';
import { settle, type Posting, type Transaction } from './transaction';

type Balances = Map<string, Map<string, ExactSum>>;

function balanceOf(balances: Balances, account: string, commodity: string, inclusive: boolean): ExactSum {
	const total = new ExactSum();
	if (!inclusive) {
		const s = balances.get(account)?.get(commodity);
		return s ? total.addSum(s) : total;
	}
	const prefix = account + ':';
	for (const [name, byCommodity] of balances) {
		if (name !== account && !name.startsWith(prefix)) continue;
		const s = byCommodity.get(commodity);
		if (s) total.addSum(s);
	}
	return total;
}

function commoditiesOf(balances: Balances, account: string, inclusive: boolean): Set<string> {
	const out = new Set<string>();
	const prefix = account + ':';
	for (const [name, byCommodity] of balances) {
		if (name !== account && !(inclusive && name.startsWith(prefix))) continue;
		for (const [c, s] of byCommodity) if (!s.isZero()) out.add(c);
	}
	return out;
}

function apply(balances: Balances, line: EntryLine): void {
	let byCommodity = balances.get(line.account);
	if (!byCommodity) balances.set(line.account, (byCommodity = new Map()));
	let s = byCommodity.get(line.commodity);
	if (!s) byCommodity.set(line.commodity, (s = new ExactSum()));
	s.addDecimal(line.amount);
}

function check(balances: Balances, p: Posting): string | undefined {
	const a = p.assertion;
	if (!a) return undefined;
	const actual = balanceOf(balances, p.account, a.amount.commodity, a.inclusive);
	const diff = new ExactSum().addDecimal(a.amount.text).addSum(actual.clone().negate()); // expected - actual
	if (!diff.isZero())
		return `balance assertion failed for ${p.account}: expected ${formatAmount(a.amount.text, a.amount.commodity)}, actual ${formatAmount(actual.toDecimal(), a.amount.commodity)} (difference ${formatAmount(diff.toDecimal(), a.amount.commodity)})`;
	if (a.total) {
		const others = [...commoditiesOf(balances, p.account, a.inclusive)].filter(
			(c) => c !== a.amount.commodity
		);
		if (others.length > 0)
			return `balance assertion '==' failed for ${p.account}: it also holds ${others.map((c) => formatAmount(balanceOf(balances, p.account, c, a.inclusive).toDecimal(), c)).join(', ')}`;
	}
	return undefined;
}

/**
 * Walks all transactions in date order. `lines[i]` are the settled lines of transaction i, or
 * undefined for one with an assignment, which is settled here; `txs[i]` is kept only for
 * transactions with assertions or assignments. Fills `lines` in place; returns the problems.
 */
export function checkBalances(
	dates: readonly string[],
	lines: (EntryLine[] | undefined)[],
	txs: ReadonlyMap<number, Transaction>
): LineProblem[] {
	const order = dates
		.map((_, i) => i)
		.sort((a, b) => (dates[a] as string).localeCompare(dates[b] as string) || a - b);
	const balances: Balances = new Map();
	const problems: LineProblem[] = [];
	for (const i of order) {
		const tx = txs.get(i);
		if (!tx) {
			for (const l of lines[i] ?? []) apply(balances, l);
			continue;
		}
		if (tx.hasAssignment) {
			const pending: Balances = new Map();
			for (const p of tx.postings) {
				if (p.amount) {
					if (!p.cost)
						apply(pending, { account: p.account, amount: p.amount.text, commodity: p.amount.commodity });
					continue;
				}
				const a = p.assertion;
				if (!a) continue;
				const target = new ExactSum().addDecimal(a.amount.text);
				target.addSum(balanceOf(balances, p.account, a.amount.commodity, a.inclusive).negate());
				target.addSum(balanceOf(pending, p.account, a.amount.commodity, a.inclusive).negate());
				const text = target.toDecimal(a.amount.scale);
				p.amount = {
					...a.amount,
					text,
					units: target.big === null ? target.n : 0,
					big: target.big,
					scale: target.scale
				};
				apply(pending, { account: p.account, amount: text, commodity: a.amount.commodity });
			}
			const settled = settle(tx);
			if (typeof settled === 'string') {
				problems.push({ line: tx.line, message: settled });
				continue;
			}
			lines[i] = settled;
		}
		for (const p of tx.postings) {
			for (const l of p.lines ?? []) apply(balances, l);
			const problem = check(balances, p);
			if (problem) problems.push({ line: p.line, message: problem });
		}
	}
	return problems;
}
