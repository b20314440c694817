// A plain-record view of the pay runs in the people shard. Invariant: every value it hands out passed
// its shape check (others sit in quarantined(), shown, never counted or deleted); a run's status is
// 'finalized' exactly when its finalized fact exists, and from then on its draft fields are ignored;
// a run is finalized and paid at most once here (an existing fact is never overwritten).
import type * as Y from 'yjs';
import { fail, ok, type IsoDate, type Result } from '$lib/domain/core';
import {
	validateSchedule,
	type FinalizedRun,
	type PayRunDraft,
	type PaySchedule,
	type PayrollAccounts
} from '$lib/domain/payroll/run';
import type { OpeningYtd } from '$lib/domain/payroll/opening';
import * as docs from './payroll-doc';
import { readOpenings, writeOpenings } from './payroll-openings';
import { checkDraft, checkFinal, checkPayment, checkSchedule } from './payroll-shape';

export interface PayrollQuarantined {
	readonly map: string;
	readonly id: string;
	readonly reason: string;
}

export interface Payment {
	readonly paidOn: IsoDate;
	readonly at: string;
	readonly by: string;
}

const byId =
	<T>(key: (t: T) => string) =>
	(a: T, b: T) =>
		key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

export class PayrollReplica {
	readonly #doc: Y.Doc;
	readonly #listeners = new Set<() => void>();
	readonly #unobserve: () => void;
	#schedules: PaySchedule[] = [];
	#drafts: PayRunDraft[] = [];
	#finals = new Map<string, FinalizedRun>();
	#payments = new Map<string, Payment>();
	#quarantine: PayrollQuarantined[] = [];
	#openings: OpeningYtd[] = [];

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		this.#read();
		this.#unobserve = docs.observePayroll(doc, () => {
			this.#read();
			for (const l of this.#listeners) l();
		});
	}

	#read(): void {
		const q: PayrollQuarantined[] = [];
		const judge = <T>(map: string, id: string, v: unknown, problem: string | null, out: (t: T) => void) => {
			if (problem) q.push({ map, id, reason: problem });
			else out(v as T);
		};
		const schedules: PaySchedule[] = [];
		for (const [id, m] of docs.schedulesMap(this.#doc)) {
			const v = docs.readRecord(m);
			judge<PaySchedule>('paySchedules', id, v, checkSchedule(v), (s) =>
				schedules.push({ ...s, schemaVersion: 1 })
			);
		}
		const drafts: PayRunDraft[] = [];
		for (const [id, m] of docs.runsMap(this.#doc)) {
			const v = docs.readRecord(m);
			judge<PayRunDraft>('payRuns', id, v, checkDraft(v), (d) => drafts.push({ ...d, schemaVersion: 1 }));
		}
		const finals = new Map<string, FinalizedRun>();
		for (const [id, v] of docs.finalsMap(this.#doc)) {
			// A finalized run already judged is the same value (facts are written once): reuse it.
			const known = this.#finals.get(id);
			if (known && v === this.#rawFinals.get(id)) finals.set(id, known);
			else judge<FinalizedRun>('payRunFinals', id, v, checkFinal(v, id), (f) => finals.set(id, f));
			this.#rawFinals.set(id, v);
		}
		const payments = new Map<string, Payment>();
		for (const [id, v] of docs.paymentsMap(this.#doc))
			judge<Payment>('payRunPayments', id, v, checkPayment(v), (p) => payments.set(id, p));
		this.#schedules = schedules.sort(byId((s) => s.name + s.id));
		this.#drafts = drafts.sort(byId((d) => d.period.payDate + d.id));
		this.#finals = finals;
		this.#payments = payments;
		const openings = readOpenings(this.#doc);
		this.#openings = openings.entries;
		q.push(...openings.quarantined);
		this.#quarantine = q.sort(byId((x) => x.map + x.id));
	}
	readonly #rawFinals = new Map<string, unknown>();

	// ---- reads ----------------------------------------------------------------------------------

	schedules(): PaySchedule[] {
		return this.#schedules;
	}
	/** Runs not yet finalized. */
	drafts(): PayRunDraft[] {
		return this.#drafts.filter((d) => !this.#finals.has(d.id));
	}
	draft(id: string): PayRunDraft | undefined {
		return this.#drafts.find((d) => d.id === id);
	}
	/** Every finalized run, in pay date then id order (the same on every replica). */
	finals(): FinalizedRun[] {
		return [...this.#finals.values()].sort(byId((f) => f.period.payDate + f.runId));
	}
	final(runId: string): FinalizedRun | undefined {
		return this.#finals.get(runId);
	}
	payment(runId: string): Payment | undefined {
		return this.#payments.get(runId);
	}
	/** Who recorded posting this journal entry to Books, if anyone (readable without Books access). */
	posting(entryId: string): { at: string; by: string } | undefined {
		const v = docs.postingsMap(this.#doc).get(entryId) as { at?: unknown; by?: unknown } | undefined;
		return v && typeof v.at === 'string' && typeof v.by === 'string' ? { at: v.at, by: v.by } : undefined;
	}
	accounts(): Partial<PayrollAccounts> {
		const v = docs.settingsMap(this.#doc).get('accounts');
		if (typeof v !== 'object' || v === null) return {};
		return Object.fromEntries(
			Object.entries(v).filter(([, x]) => typeof x === 'string')
		) as Partial<PayrollAccounts>;
	}
	/** Every well-formed opening year-to-date entry, in id order (which one counts: domain/payroll/opening). */
	openings(): OpeningYtd[] {
		return this.#openings;
	}
	quarantined(): PayrollQuarantined[] {
		return this.#quarantine;
	}
	onChange(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	// ---- writes ---------------------------------------------------------------------------------

	saveSchedule(s: PaySchedule): Result<PaySchedule> {
		const valid = validateSchedule(s);
		if (!valid.ok) return valid;
		docs.saveRecord(this.#doc, docs.schedulesMap(this.#doc), { ...s });
		return valid;
	}

	/** Creates or edits a run that is not finalized; a finalized run is refused. */
	saveDraft(d: PayRunDraft): Result<PayRunDraft> {
		if (this.#finals.has(d.id) || docs.finalsMap(this.#doc).has(d.id))
			return fail(
				'payroll/finalized',
				'This run is finalized and cannot change; make a correction run instead.'
			);
		const problem = checkDraft(d);
		if (problem) return fail('payroll/run', `Pay run: ${problem}`);
		docs.saveRecord(this.#doc, docs.runsMap(this.#doc), { ...d });
		return ok(d);
	}

	/** Writes the finalized run once. Refused when this replica already holds one for the run. */
	finalize(run: FinalizedRun): Result<FinalizedRun> {
		const problem = checkFinal(run, run.runId);
		if (problem) return fail('payroll/run', `Finalized run: ${problem}`);
		if (!docs.insertOnce(docs.finalsMap(this.#doc), run.runId, run))
			return fail('payroll/finalized', 'This run is already finalized.');
		return ok(this.#finals.get(run.runId) ?? run);
	}

	markPaid(runId: string, payment: Payment): Result<Payment> {
		if (!this.#finals.has(runId))
			return fail('payroll/not-finalized', 'Only a finalized run can be marked paid.');
		if (!docs.insertOnce(docs.paymentsMap(this.#doc), runId, payment))
			return fail('payroll/paid', 'This run is already marked paid.');
		return ok(payment);
	}

	/** Writes opening year-to-date entries all at once, or none (the reason when refused). */
	recordOpenings(entries: readonly OpeningYtd[]): Result<null> {
		const problem = writeOpenings(this.#doc, entries);
		return problem ? fail('payroll/opening', problem) : ok(null);
	}

	recordPosting(entryId: string, at: string, by: string): void {
		docs.insertOnce(docs.postingsMap(this.#doc), entryId, { at, by });
	}

	setAccounts(a: PayrollAccounts): void {
		docs.settingsMap(this.#doc).set('accounts', { ...a });
	}

	destroy(): void {
		this.#unobserve();
		this.#listeners.clear();
	}
}
