// Reading the finalized runs of the people shard as they were written: each attempt as first written
// under its key (an overwrite or deletion is not applied, shared/sync/facts.ts), sorted into those
// that compete (made without knowing of a finalized run) and those written after one. Every
// finalization also writes a copy of itself under the run id in `payRunFinals` (for older versions),
// and Yjs records, for each write under a key, the write it was made on top of (its origin): a copy
// made on top of another was written by someone who had already seen the run finalized.
// Invariant: every stored attempt is either kept aside with its reason, competing, or late — none
// is dropped; the sort reads the shard's contents alone, so every replica makes the same one.
import type * as Y from 'yjs';
import { fail, type Result } from '$lib/shared/domain';
import { factEntries, factKeys, factWrites, firstFact } from '$lib/shared/sync/facts';
import type { FinalizedRun } from '$lib/payroll/domain/run';
import * as docs from './doc';
import { attemptDigest, parseAttemptKey } from './finals';
import { checkFinal } from './shape';
import { adoptedRuns, authorshipReason, runAuthorship, type PayrollAuthority } from './sealed-runs';

/** A check of a finalized value, remembered by the caller per slot (a fact is written once). */
export type Verdict = (
	slot: string,
	value: unknown,
	check: () => Result<FinalizedRun>
) => Result<FinalizedRun>;

export interface FinalsRead {
	/** Runs finalized by older versions (one value under the run id, no digest), not written late. */
	readonly legacy: Map<string, FinalizedRun>;
	readonly attempts: FinalizedRun[];
	readonly late: FinalizedRun[];
	readonly quarantined: { map: string; id: string; reason: string }[];
}

/** An attempt counts when its shape is right and its key is its run id and the digest of its content. */
export function checkAttempt(key: string, v: unknown): Result<FinalizedRun> {
	const k = parseAttemptKey(key);
	if (!k)
		return fail(
			'record/invalid',
			'One finalization attempt is stored under a key that is not a run id and digest.'
		);
	const run = checkFinal(v, k.runId);
	if (!run.ok) return run;
	// The digest is of the stored value as written (its key order), not of the checked copy.
	return run.value.attemptId === k.attemptId && attemptDigest(v) === k.attemptId
		? run
		: fail('record/invalid', 'digest does not match its content');
}

/** The copy of an attempt written under the run id for older versions (it names its attempt). */
export const isAttemptCopy = (v: unknown): v is { attemptId: string } =>
	typeof v === 'object' && v !== null && 'attemptId' in v && typeof v.attemptId === 'string';

/**
 * Whether an attempt (its first write at `at`) may compete: nothing at all was written under its run
 * id, or its own copy there — written in the same transaction, right after it — was written on top of
 * nothing (Yjs records no origin: its writer had seen no finalized run). An attempt written after its
 * writer saw the run, or without its copy once the run has one, never competes.
 */
function competes(
	finalsMap: Y.Map<unknown>,
	runId: string,
	at: { client: number; clock: number } | undefined
): boolean {
	const writes = factWrites(finalsMap, runId);
	if (writes.length === 0) return true;
	return (
		at !== undefined &&
		writes.some((w) => !w.saw && w.origin.client === at.client && w.origin.clock === at.clock + 1)
	);
}

export function readFinals(doc: Y.Doc, verdict: Verdict, authority?: PayrollAuthority): FinalsRead {
	const quarantined: FinalsRead['quarantined'] = [];
	const adopted = authority ? adoptedRuns(doc, authority) : null;
	/** Whether a run that passed its checks was finalized by someone entitled (always, unchecked). */
	const signed = (map: 'payRunFinals' | 'payRunFinalizations', key: string, value: unknown): boolean => {
		if (!authority) return true;
		const a = runAuthorship(authority, adopted, map, key, value);
		if (a.kind === 'ok') return true;
		// Being checked: not counted yet, and counted once it turns out good (the replica reads again).
		if (a.kind !== 'pending')
			quarantined.push({
				map,
				id: key,
				reason: `One finalized pay run does not count: ${authorshipReason(authority, a)}.`
			});
		return false;
	};
	const finalsMap = docs.finalsMap(doc);
	const legacy = new Map<string, FinalizedRun>();
	for (const runId of factKeys(finalsMap)) {
		// A value of an older version counts when it was written without seeing anything under the
		// run id; of several written at once, the one Yjs ranks last (as older versions read it).
		const first = firstFact(finalsMap, runId);
		if (first?.held && !isAttemptCopy(first.value)) {
			const value = first.value;
			const r = verdict(`legacy|${runId}`, value, () => checkFinal(value, runId));
			if (r.ok && signed('payRunFinals', runId, value)) legacy.set(runId, r.value);
		}
		// What every replica holds (the latest value) is what a bad one is listed by, as before.
		const latest = finalsMap.get(runId);
		if (latest === undefined || isAttemptCopy(latest)) continue;
		const r = verdict(`latest|${runId}`, latest, () => checkFinal(latest, runId));
		if (!r.ok) quarantined.push({ map: 'payRunFinals', id: runId, reason: r.error.message });
	}
	const attempts: FinalizedRun[] = [];
	const late: FinalizedRun[] = [];
	const attemptsMap = docs.attemptsMap(doc);
	for (const [key, v] of factEntries(attemptsMap)) {
		const r = verdict(`attempt|${key}`, v, () => checkAttempt(key, v));
		if (!r.ok) {
			quarantined.push({ map: 'payRunFinalizations', id: key, reason: r.error.message });
			continue;
		}
		if (!signed('payRunFinalizations', key, v)) continue;
		(competes(finalsMap, r.value.runId, firstFact(attemptsMap, key)?.origin) ? attempts : late).push(r.value);
	}
	return { legacy, attempts, late, quarantined };
}
