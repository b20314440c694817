// HR facts that someone wrote over or removed after they were written: employment and pay changes,
// leave entries and leave decisions. None of it is applied — each counts as first written (see
// shared/sync/facts.ts) — and People → Needs review lists what was tried, naming the person.
import type * as Y from 'yjs';
import { factRewrites, type FactRewrite } from '$lib/shared/sync/facts';
import * as docs from './doc';
import { FACT_READERS } from './shape';

/** The HR fact maps that stay as written. */
export const KEPT_AS_WRITTEN = ['history', 'leave', 'decisions'] as const;
export type KeptFactMap = (typeof KEPT_AS_WRITTEN)[number];

/** One HR fact written over or removed: which kind, whose, and what it was. */
export interface HrRewrite {
	readonly map: KeptFactMap;
	readonly key: string;
	readonly kind: FactRewrite['kind'];
	/** The person the fact is about, when the fact as written reads (a decision: its request's person). */
	readonly personId: string | null;
	/** For a history change: which history ('employment' or 'compensation') and its effective date. */
	readonly area?: string;
	readonly effectiveDate?: string;
	/** For a leave entry or decision: the leave's dates and, for a decision, what was decided. */
	readonly start?: string;
	readonly end?: string;
	readonly decided?: string;
}

/** Every history, leave and decision fact someone wrote over or removed, in map then key order. */
export function hrRewrites(
	doc: Y.Doc,
	requestPerson: (requestId: string) => { personId: string; start: string; end: string } | undefined
): HrRewrite[] {
	const out: HrRewrite[] = [];
	for (const map of KEPT_AS_WRITTEN)
		for (const r of factRewrites(docs.factMap(doc, map))) {
			// A fact that never read as one, written over with one that does, was repaired, not rewritten.
			if (!FACT_READERS[map](r.first, r.key).ok) continue;
			const base = { map, key: r.key, kind: r.kind };
			if (map === 'history') {
				const read = FACT_READERS.history(r.first, r.key);
				out.push(
					read.ok
						? {
								...base,
								personId: read.value.personId,
								area: read.value.area,
								effectiveDate: read.value.fact.effectiveDate
							}
						: { ...base, personId: null }
				);
			} else if (map === 'leave') {
				const read = FACT_READERS.leave(r.first, r.key);
				const dated = read.ok && read.value.kind === 'request' ? read.value : null;
				out.push({
					...base,
					personId: read.ok ? read.value.personId : null,
					...(dated ? { start: dated.start, end: dated.end } : {})
				});
			} else {
				const read = FACT_READERS.decisions(r.first, r.key);
				const request = read.ok ? requestPerson(read.value.requestId) : undefined;
				out.push({
					...base,
					personId: request?.personId ?? null,
					...(request ? { start: request.start, end: request.end } : {}),
					...(read.ok ? { decided: read.value.status } : {})
				});
			}
		}
	return out;
}
