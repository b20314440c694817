// Finalized pay runs, payments, postings and opening year-to-date figures that someone wrote over or
// removed after they were written. None of it is applied — each counts as first written (see
// shared/sync/facts.ts) — and Payroll → Needs review lists what was tried, naming the run.
import type * as Y from 'yjs';
import { factRewrites, type FactRewrite } from '$lib/shared/sync/facts';
import * as docs from './doc';
import { parseAttemptKey } from './finals';
import { OPENINGS_MAP } from './openings';

/** What kind of payroll fact was written over or removed. */
export type PayrollFactKind = 'run' | 'payment' | 'posting' | 'opening';

export interface PayrollRewrite {
	readonly what: PayrollFactKind;
	readonly key: string;
	readonly kind: FactRewrite['kind'];
	/** The run it belongs to (a run, its payment); null for a posting or an opening entry. */
	readonly runId: string | null;
	/** The person an opening entry is for, when it reads as one. */
	readonly personId: string | null;
}

const text = (v: unknown, k: string): string | null => {
	const x = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined;
	return typeof x === 'string' ? x : null;
};

/** Every payroll fact someone wrote over or removed, runs first, in key order. */
export function payrollRewrites(doc: Y.Doc): PayrollRewrite[] {
	const out: PayrollRewrite[] = [];
	const add = (what: PayrollFactKind, r: FactRewrite, runId: string | null, personId: string | null = null) =>
		out.push({ what, key: r.key, kind: r.kind, runId, personId });
	for (const r of factRewrites(docs.attemptsMap(doc))) add('run', r, parseAttemptKey(r.key)?.runId ?? null);
	// The copy under the run id that older versions read (a new finalization there is listed as late).
	for (const r of factRewrites(docs.finalsMap(doc))) add('run', r, r.key);
	for (const r of factRewrites(docs.paymentsMap(doc))) add('payment', r, r.key);
	for (const r of factRewrites(docs.postingsMap(doc))) add('posting', r, null);
	for (const r of factRewrites(doc.getMap(OPENINGS_MAP))) add('opening', r, null, text(r.first, 'personId'));
	return out;
}
