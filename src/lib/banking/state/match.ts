// Asks the worker (banking's API, hosted in the books worker) for match proposals and rule counts, retrying until the worker has read
// the books shard as this page holds it (so a line just matched is never proposed), and fetching a
// large answer page by page. Also reads the `entryId#lineIndex` references a match claims.
import { bankingProblem, type MatchResult } from '$lib/banking/domain';
import { bankingWorker } from '$lib/banking/rpc/client';
import type { Proposals, RuleCounts } from '$lib/banking/worker/api';
import { err, type Result } from '$lib/shared/domain';

const notCaughtUp = (): Result<never> => err(bankingProblem('banking/not-caught-up'));

/** Proposals for a bank account, once the worker's state vector equals `want()`. */
export async function caughtUpProposals(p: {
	workspaceId: string;
	bankAccountId: string;
	autoAcceptThreshold: number;
	want: () => string | undefined;
}): Promise<Result<MatchResult & { ms: number }>> {
	for (let attempt = 0; attempt < 60; attempt++) {
		const r = await bankingWorker().match({
			workspaceId: p.workspaceId,
			bankAccountId: p.bankAccountId,
			options: { autoAcceptThreshold: p.autoAcceptThreshold }
		});
		if (!r.ok) return r;
		if (r.value.stateVector === p.want()) return restOf(r.value);
		await new Promise((done) => setTimeout(done, 50));
	}
	return notCaughtUp();
}

/** Fetches the remaining pages of an answer, one small message at a time. */
async function restOf(first: Proposals): Promise<Result<MatchResult & { ms: number }>> {
	const matches = [...first.result.matches];
	const ruleProposals = [...first.result.ruleProposals];
	const unmatchedBankLineIds = [...first.result.unmatchedBankLineIds];
	for (let page = 1; page < first.pages; page++) {
		const r = await bankingWorker().matchPage({ token: first.token, page });
		if (!r.ok) return r;
		matches.push(...r.value.matches);
		ruleProposals.push(...r.value.ruleProposals);
		unmatchedBankLineIds.push(...r.value.unmatchedBankLineIds);
	}
	return {
		ok: true,
		value: { ...first.result, matches, ruleProposals, unmatchedBankLineIds, ms: first.ms }
	};
}

/** How many open bank lines each rule would apply to, once the worker has caught up. */
export async function caughtUpRuleCounts(
	workspaceId: string,
	want: () => string | undefined
): Promise<Result<RuleCounts>> {
	for (let attempt = 0; attempt < 60; attempt++) {
		const r = await bankingWorker().ruleCounts({ workspaceId });
		if (!r.ok) return r;
		if (r.value.stateVector === want()) return r;
		await new Promise((done) => setTimeout(done, 50));
	}
	return notCaughtUp();
}

/** Reads a ledger line reference `entryId#lineIndex`. */
export function parseRef(id: string): { entryId: string; lineIndex: number } {
	const at = id.lastIndexOf('#');
	return { entryId: id.slice(0, at), lineIndex: Number(id.slice(at + 1)) };
}
