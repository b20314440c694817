// Which finalization of a pay run counts when teammates finalize it at once. Each attempt is its own
// fact, keyed by the run id and the SHA-256 of its content; the run is the attempt with the lowest
// digest, so every replica holding the same attempts picks the same one, whatever order they came in
// and whatever any clock said. Only attempts made without knowing of a finalized run compete: one
// written after its writer had seen the run (`run-copies.ts`) is listed as late, never counted. A run
// finalized by an older version (one value, no digest) outranks attempts. Invariant: every attempt
// that is not the run is listed (superseded or late), never dropped.
import { digest } from 'lib0/hash/sha256';
import type { FinalizedRun } from '$lib/payroll/domain/run';

/** A finalization that lost to another made at the same time: who made it, and whether it differed. */
export interface SupersededAttempt {
	readonly attemptId: string;
	readonly finalizedBy: string;
	readonly finalizedAt: string;
	/** Its payslips were the same as the kept run's (only who and when differ). */
	readonly sameFigures: boolean;
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The attempt id: SHA-256 (hex) of the finalized run's JSON text, its own attempt id and its seal
 * (the author's signature, which covers the attempt id) left out. Yjs
 * keeps an object's key order, so every replica reads the text the writer hashed.
 */
export function attemptDigest(run: unknown): string {
	const content =
		typeof run === 'object' && run !== null
			? Object.fromEntries(Object.entries(run).filter(([k]) => k !== 'attemptId' && k !== 'seal'))
			: run;
	return hex(digest(new TextEncoder().encode(JSON.stringify(content))));
}

/** The money on a run's payslips (who finalized, when, and the facts they knew are not figures). */
const figuresCache = new WeakMap<FinalizedRun, string>();
function figures(r: FinalizedRun): string {
	let text = figuresCache.get(r);
	if (text === undefined) {
		text = JSON.stringify(r.payslips.map((s) => [s.personId, s.payslip, s.retro]));
		figuresCache.set(r, text);
	}
	return text;
}

export const attemptKey = (runId: string, attemptId: string) => `${runId}/${attemptId}`;

/** Splits an attempt key; undefined when it is not `<run id>/<64 hex digits>`. */
export function parseAttemptKey(key: string): { runId: string; attemptId: string } | undefined {
	const m = /^(.+)\/([0-9a-f]{64})$/.exec(key);
	const [, runId, attemptId] = m ?? [];
	return runId !== undefined && attemptId !== undefined ? { runId, attemptId } : undefined;
}

/**
 * The finalized run of each run id, and the attempts that lost. `legacy` are runs finalized by
 * older versions (they win); `attempts` passed their shape and digest checks and were made without
 * knowing of a finalized run; `late` passed them too but were written after their writer had seen
 * the run finalized (or without the copy every finalization writes): never the run, always listed.
 */
export function settleFinals(
	legacy: ReadonlyMap<string, FinalizedRun>,
	attempts: readonly FinalizedRun[],
	late: readonly FinalizedRun[] = []
): {
	finals: Map<string, FinalizedRun>;
	superseded: Map<string, SupersededAttempt[]>;
	late: Map<string, SupersededAttempt[]>;
} {
	const finals = new Map(legacy);
	const byRun = new Map<string, FinalizedRun[]>();
	for (const a of attempts) byRun.set(a.runId, [...(byRun.get(a.runId) ?? []), a]);
	const superseded = new Map<string, SupersededAttempt[]>();
	for (const [runId, list] of byRun) {
		const sorted = [...list].sort((a, b) => ((a.attemptId ?? '') < (b.attemptId ?? '') ? -1 : 1));
		const kept = finals.get(runId) ?? sorted[0];
		if (!kept) continue;
		finals.set(runId, kept);
		const others = sorted.filter((a) => a !== kept);
		if (others.length === 0) continue;
		const lost = others.map((a) => ({
			attemptId: a.attemptId ?? '',
			finalizedBy: a.finalizedBy,
			finalizedAt: a.finalizedAt,
			sameFigures: figures(a) === figures(kept)
		}));
		superseded.set(runId, lost);
	}
	const lateByRun = new Map<string, SupersededAttempt[]>();
	for (const a of [...late].sort((x, y) => ((x.attemptId ?? '') < (y.attemptId ?? '') ? -1 : 1))) {
		const kept = finals.get(a.runId);
		const listed: SupersededAttempt = {
			attemptId: a.attemptId ?? '',
			finalizedBy: a.finalizedBy,
			finalizedAt: a.finalizedAt,
			sameFigures: kept !== undefined && figures(a) === figures(kept)
		};
		lateByRun.set(a.runId, [...(lateByRun.get(a.runId) ?? []), listed]);
	}
	return { finals, superseded, late: lateByRun };
}
