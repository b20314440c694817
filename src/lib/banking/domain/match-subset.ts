// Pass 3: one line on one side equal to the sum of several on the other (a deposit covering three invoices),
// found by a bounded subset-sum over a few pruned candidates. A shared step budget keeps the worst case bounded.
import { lowerBound, type Prepared } from './match-prep';
import { profileSimilarity } from './similarity';

export interface SubsetFound {
	readonly parts: readonly Prepared[];
	/** Another combination also added up: the proposal is doubtful. */
	readonly ambiguous: boolean;
}

export interface Budget {
	steps: number;
	exhausted: boolean;
}

/**
 * Finds parts among `pool` (sorted by day) with the same sign as `target`, each smaller in size, dated within
 * `window` days, that sum exactly to `target.units`. At most `cap` candidates and `maxParts` parts.
 */
export function findSubset(
	target: Prepared,
	pool: readonly Prepared[],
	claimed: Uint8Array,
	window: number,
	cap: number,
	maxParts: number,
	budget: Budget
): SubsetFound | undefined {
	if (budget.exhausted) return undefined;
	const sign = Math.sign(target.units);
	const goal = Math.abs(target.units);
	const from = lowerBound(pool, target.day - window);
	const near: { p: Prepared; closeness: number }[] = [];
	for (let i = from; i < pool.length; i++) {
		const p = pool[i] as Prepared;
		if (p.day > target.day + window) break;
		if (claimed[p.index] === 1 || Math.sign(p.units) !== sign || Math.abs(p.units) >= goal) continue;
		near.push({ p, closeness: Math.abs(p.day - target.day) });
	}
	if (near.length < 2) return undefined;
	near.sort((a, b) => a.closeness - b.closeness);
	const shortlist = near
		.slice(0, cap * 3)
		.map((n) => ({ p: n.p, sim: profileSimilarity(n.p.profile, target.profile), closeness: n.closeness }));
	shortlist.sort((a, b) => b.sim - a.sim || a.closeness - b.closeness);
	const cands = shortlist
		.slice(0, cap)
		.map((c) => c.p)
		.sort((a, b) => Math.abs(b.units) - Math.abs(a.units));
	const sizes = cands.map((c) => Math.abs(c.units));
	// suffix sums bound the search: if everything left cannot reach the goal, stop.
	const suffix = new Array<number>(sizes.length + 1).fill(0);
	for (let i = sizes.length - 1; i >= 0; i--) suffix[i] = (suffix[i + 1] as number) + (sizes[i] as number);
	const solutions: number[][] = [];
	const chosen: number[] = [];
	const walk = (start: number, remaining: number): void => {
		if (solutions.length >= 2 || budget.exhausted) return;
		if (remaining === 0) {
			if (chosen.length >= 2) solutions.push([...chosen]);
			return;
		}
		if (chosen.length === maxParts) return;
		for (let i = start; i < sizes.length; i++) {
			if (--budget.steps <= 0) {
				budget.exhausted = true;
				return;
			}
			const s = sizes[i] as number;
			if (s > remaining) continue;
			if ((suffix[i] as number) < remaining) return;
			chosen.push(i);
			walk(i + 1, remaining - s);
			chosen.pop();
			if (solutions.length >= 2) return;
		}
	};
	walk(0, goal);
	const first = solutions[0];
	if (!first) return undefined;
	return { parts: first.map((i) => cands[i] as Prepared), ambiguous: solutions.length > 1 };
}
