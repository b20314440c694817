// Payroll → Needs review, in words: finalized runs, payments, postings and opening figures someone
// wrote over or removed (not applied), finalizations written after a run was finalized (never the
// run), and records kept aside. Names the run by its period and people and members by name; never
// an internal id, key or field path.
import type { FinalizedRun } from '$lib/payroll/domain/run';
import type { PayrollQuarantined, PayrollRewrite, SupersededAttempt } from '$lib/payroll/sync/replica';

export interface ReviewItem {
	/** A stable key for the list (not shown). */
	readonly key: string;
	/** Which run or record, in words. */
	readonly title: string;
	/** What was tried, and that it was not applied. */
	readonly said: string;
}

export interface PayrollReview {
	readonly changed: ReviewItem[];
	readonly late: ReviewItem[];
	readonly keptAside: ReviewItem[];
}

/** What each stored map holds, in words. */
const KINDS: Record<string, string> = {
	paySchedules: 'A pay schedule',
	payRuns: 'A pay run being prepared',
	payRunFinals: 'A finalized pay run',
	payRunFinalizations: 'A finalized pay run',
	payRunPayments: 'A payment of a pay run',
	payrollRulePacks: 'An imported tax table',
	payrollOpenings: 'Opening year-to-date figures'
};

export function runTitle(run: FinalizedRun | undefined): string {
	return run
		? `Pay run ${run.period.start} to ${run.period.end}, paid ${run.period.payDate}`
		: 'A pay run this device does not hold as finalized';
}

function changedWords(w: PayrollRewrite, person: (id: string) => string): { title: string; said: string } {
	const removed = w.kind === 'removed';
	switch (w.what) {
		case 'run':
			return {
				title: '',
				said: removed
					? 'Removed after it was finalized. Not applied: the run still counts as finalized.'
					: 'Written over with different figures after it was finalized. Not applied: the run keeps the figures it was finalized with.'
			};
		case 'payment':
			return {
				title: '',
				said: removed
					? 'Its payment record was removed after it was recorded. Not applied: it still counts as paid.'
					: 'Its payment record was changed after it was recorded. Not applied.'
			};
		case 'posting':
			return {
				title: 'A record of pay posted to Books',
				said: removed
					? 'Removed after it was recorded. Not applied.'
					: 'Changed after it was recorded. Not applied.'
			};
		case 'opening':
			return {
				title: `Opening year-to-date figures${w.personId ? ` for ${person(w.personId)}` : ''}`,
				said: removed
					? 'Removed after they were recorded. Not applied: they still count.'
					: 'Written over with different figures after they were recorded. Not applied.'
			};
	}
}

export function payrollReview(p: {
	rewrites: readonly PayrollRewrite[];
	late: readonly { runId: string; attempts: readonly SupersededAttempt[] }[];
	quarantined: readonly PayrollQuarantined[];
	final: (runId: string) => FinalizedRun | undefined;
	member: (memberId: string) => string;
	person: (personId: string) => string;
}): PayrollReview {
	const changed = p.rewrites.map((w, i) => {
		const words = changedWords(w, p.person);
		return {
			key: `${w.what}:${w.key}:${i}`,
			title: words.title || runTitle(w.runId === null ? undefined : p.final(w.runId)),
			said: words.said
		};
	});
	const late = p.late.flatMap(({ runId, attempts }) =>
		attempts.map((a) => ({
			key: `${runId}:${a.attemptId}`,
			title: runTitle(p.final(runId)),
			said: `${p.member(a.finalizedBy)} wrote another finalization of this run ${
				a.sameFigures ? 'with the same figures' : 'with different figures'
			} after it was finalized. Not applied: ${
				p.final(runId)
					? 'the run keeps the figures it was finalized with.'
					: 'a finalization written that way never counts.'
			}`
		}))
	);
	const keptAside = p.quarantined.map((q, i) => ({
		key: `${q.map}:${q.id}:${i}`,
		title: KINDS[q.map] ?? 'A payroll record',
		said: `Kept aside and not used: ${q.reason}`
	}));
	return { changed, late, keptAside };
}
