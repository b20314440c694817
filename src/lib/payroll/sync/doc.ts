// Pay runs in the people shard (payroll is as private as HR). Schedules and draft runs are mutable
// records: one Y.Map per record, one key per field, and a nested map per person for hours and
// off-cycle amounts, so two people entering different employees' hours both keep theirs. A payment
// is an immutable fact keyed by the run id. Each finalization is its own fact keyed by run id and
// content digest, so two teammates finalizing at once both keep theirs and every replica picks the
// same one (`payroll-finals.ts`); older versions read the copy under the run id in `payRunFinals`.
// Nothing here leaks a Y type.
import * as Y from 'yjs';

export const PAYROLL_MAPS = [
	'paySchedules',
	'payRuns',
	'payRunFinals',
	'payRunPayments',
	'payRunPostings',
	'payrollSettings',
	'payRunFinalizations',
	'payrollRulePacks'
] as const;
export type PayrollMap = (typeof PAYROLL_MAPS)[number];

export const schedulesMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('paySchedules');
export const runsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('payRuns');
export const finalsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('payRunFinals');
export const paymentsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('payRunPayments');
/** Entry id → { at, by }: which runs a teammate with Books access has posted (seen by all). */
export const postingsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('payRunPostings');
export const settingsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('payrollSettings');
/** `<run id>/<attempt digest>` → one finalization attempt of the run (a finalized run value). */
export const attemptsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('payRunFinalizations');
/** Checksum → imported rule pack ({ text, addedAt, addedBy }): immutable facts, written once. */
export const rulePacksMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('payrollRulePacks');

function plain(v: unknown): unknown {
	if (typeof v !== 'object' || v === null) return v;
	const copy: unknown = JSON.parse(JSON.stringify(v));
	return copy;
}
/** Per-person records of a draft run: concurrent edits for different people both survive. */
const NESTED = new Set([
	'hours',
	'amounts',
	'overtimeHours',
	'bonuses',
	'reimbursements',
	'oneOffDeductions'
]);

/** Creates or updates a record, writing only the fields that differ; per-person inputs (hours, amounts, overtime, bonus,
 * reimbursement, one-off deduction) per person. */
export function saveRecord(
	doc: Y.Doc,
	map: Y.Map<Y.Map<unknown>>,
	record: { id: string } & Record<string, unknown>
): void {
	doc.transact(() => {
		let m = map.get(record.id);
		if (!(m instanceof Y.Map)) {
			m = new Y.Map<unknown>();
			map.set(record.id, m);
		}
		for (const [k, v] of Object.entries(record)) {
			if (NESTED.has(k) && typeof v === 'object' && v !== null) {
				const found = m.get(k);
				const y: Y.Map<unknown> = found instanceof Y.Map ? found : new Y.Map<unknown>();
				if (y !== found) m.set(k, y);
				for (const [pk, pv] of Object.entries(v)) if (y.get(pk) !== pv) y.set(pk, pv);
				for (const pk of [...y.keys()]) if (!(pk in v)) y.delete(pk);
			} else if (v === undefined) {
				if (m.has(k)) m.delete(k);
			} else if (JSON.stringify(m.get(k)) !== JSON.stringify(v)) m.set(k, plain(v));
		}
	});
}

/** A record's fields as a plain object (untrusted until checked). */
export function readRecord(m: Y.Map<unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [k, v] of m.entries())
		// Nested keys in sorted order: insertion order differs between replicas.
		out[k] =
			v instanceof Y.Map ? Object.fromEntries([...v.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) : v;
	return out;
}

/** Writes a fact once; false (nothing written) when the key is already taken here. */
export function insertOnce(map: Y.Map<unknown>, id: string, value: unknown): boolean {
	if (map.has(id)) return false;
	map.set(id, plain(value));
	return true;
}

/** Calls `onChange` after any transaction that touched a payroll map, local or remote. */
export function observePayroll(doc: Y.Doc, onChange: (local: boolean) => void): () => void {
	const roots = new Set<Y.AbstractType<unknown>>([
		schedulesMap(doc),
		runsMap(doc),
		finalsMap(doc),
		paymentsMap(doc),
		postingsMap(doc),
		settingsMap(doc),
		attemptsMap(doc),
		rulePacksMap(doc),
		// Opening year-to-date entries (sync/payroll-openings.ts).
		doc.getMap('payrollOpenings'),
		// Adoptions of runs finalized before runs were signed (sync/sealed-runs.ts).
		doc.getMap('payRunAdoptions'),
		// … and of payments and postings recorded before those were signed (sync/sealed-pay-facts.ts).
		doc.getMap('payFactAdoptions')
	] as Y.AbstractType<unknown>[]);
	const handler = (tr: Y.Transaction) => {
		for (const type of tr.changed.keys()) {
			let t = type as Y.AbstractType<unknown>;
			while (t._item) t = t._item.parent as Y.AbstractType<unknown>;
			if (roots.has(t)) {
				onChange(tr.local);
				return;
			}
		}
	};
	doc.on('afterTransaction', handler);
	return () => doc.off('afterTransaction', handler);
}
