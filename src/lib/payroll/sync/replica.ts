// A plain-record view of the pay runs in the people shard. Invariant: every value it hands out passed
// its shape check (others sit in quarantined(), shown, never counted or deleted); a run's status is
// 'finalized' exactly when its finalized fact exists, and from then on its draft fields are ignored;
// a run is finalized and paid at most once here (an existing fact is never overwritten). Teammates
// finalizing one run at once each write their own attempt; the kept one is chosen by content
// (`settleFinals`) and the others are listed in superseded(), never silently dropped.
import type * as Y from 'yjs';
import { fail, ok, type DomainError, type Result } from '$lib/shared/domain';
import { storageProblem } from '$lib/shared/sync/shard-store';
import {
	checkPaymentDate,
	validateSchedule,
	type FinalizedRun,
	type PayRunDraft,
	type PaySchedule,
	type PayrollAccounts
} from '$lib/payroll/domain/run';
import { judgeStoredPacks, storedPack, type LoadedPack, type PackInReview } from '$lib/payroll/domain/rules';
import type { OpeningYtd } from '$lib/payroll/domain/opening';
import * as docs from './doc';
import { readOpenings, writeOpenings } from './openings';
import { checkDraft, checkFinal, checkPayment, checkSchedule } from './shape';
import { packAddedSchema, postingSchema, readAccounts, type Payment } from './records';
import { check } from '$lib/shared/domain/schema';
import { attemptDigest, attemptKey, settleFinals, type SupersededAttempt } from './finals';
import { readFinals } from './finals-read';
import { writeFinalization, type PayrollAuthority } from './sealed-runs';
import type { DeviceKey } from '$lib/shared/crypto/signing';
import { payrollRewrites, type PayrollRewrite } from './rewrites';
import { factEntries, factKeys, factWrites, firstFact } from '$lib/shared/sync/facts';
import { sealThenWrite } from '$lib/shared/sync/fact-authority';
import { adoptedPayFacts, judgePayFact, payFactContext, type PayFactMap } from './sealed-pay-facts';

export type { SupersededAttempt, PayrollRewrite };

/** Signed finalized runs: how runs are judged, and the key new ones are sealed with. */
export interface PayrollReplicaOptions {
	/** Absent: a workspace without member keys (nothing to check). */
	readonly authority?: PayrollAuthority;
	/** This device's key and workspace, when it can sign. */
	readonly signer?: () => { device: DeviceKey; workspaceId: string } | null;
}

export interface PayrollQuarantined {
	readonly map: string;
	readonly id: string;
	readonly reason: string;
}

export type { Payment };

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
	#postings = new Map<string, { at: string; by: string }>();
	#quarantine: PayrollQuarantined[] = [];
	#packs: { usable: LoadedPack[]; review: PackInReview[] } = { usable: [], review: [] };
	#openings: OpeningYtd[] = [];

	readonly #options: PayrollReplicaOptions;
	/** Runs whose sealed finalization is being signed here (written once signed). */
	readonly #finalizing = new Map<string, Promise<void>>();
	readonly #failedWrites = new Map<string, DomainError>();

	constructor(doc: Y.Doc, options: PayrollReplicaOptions = {}) {
		this.#doc = doc;
		this.#options = options;
		this.#read();
		const unobserve = docs.observePayroll(doc, () => this.rejudge());
		// A seal checked: read again (a run waiting for its check may now count).
		const unsubscribe = options.authority?.checker.subscribe(() => this.rejudge());
		this.#unobserve = () => {
			unobserve();
			unsubscribe?.();
		};
	}

	/** Reads the shard again and tells the listeners (after a change, a seal checked, or new roles). */
	rejudge(): void {
		this.#read();
		for (const l of this.#listeners) l();
	}

	/** Settles when every finalization started here has been signed, written and its seal checked. */
	async settled(): Promise<void> {
		await Promise.all(this.#finalizing.values());
		await this.#options.authority?.checker.settled();
	}

	#read(): void {
		const q: PayrollQuarantined[] = [];
		const judge = <T>(map: string, id: string, r: Result<T>, out: (t: T) => void) => {
			if (r.ok) out(r.value);
			else q.push({ map, id, reason: r.error.message });
		};
		const schedules: PaySchedule[] = [];
		for (const [id, m] of docs.schedulesMap(this.#doc))
			judge('paySchedules', id, checkSchedule(docs.readRecord(m)), (s) => schedules.push(s));
		const drafts: PayRunDraft[] = [];
		for (const [id, m] of docs.runsMap(this.#doc))
			judge('payRuns', id, checkDraft(docs.readRecord(m)), (d) => drafts.push(d));
		// Finalized runs, payments and postings are read as first written (shared/sync/facts.ts).
		const read = readFinals(this.#doc, (slot, v, c) => this.#verdict(slot, v, c), this.#options.authority);
		q.push(...read.quarantined);
		const settled = settleFinals(read.legacy, read.attempts, read.late);
		const finals = settled.finals;
		this.#superseded = settled.superseded;
		this.#late = settled.late;
		this.#rewrites = null;
		// Payments and postings count when signed by someone who may record pay (sealed-pay-facts.ts).
		const auth = this.#options.authority;
		const adopted = auth ? adoptedPayFacts(this.#doc, auth) : null;
		const signed = (map: PayFactMap, id: string, v: unknown, what: string): boolean => {
			if (!auth) return true;
			const j = judgePayFact(auth, adopted, map, id, v);
			if (j.kind === 'refused') q.push({ map, id, reason: `One ${what} does not count: ${j.why}.` });
			return j.kind === 'ok';
		};
		// One that does not count may have raced a signed one written at the same time under its key
		// (the one Yjs ranks last is read first): then the signed one counts, so a forgery cannot
		// hide an honest payment by racing it.
		const raced = <T>(map: PayFactMap, id: string, read: (v: unknown) => Result<T>): T | undefined => {
			if (!auth) return undefined;
			for (const w of factWrites(this.#doc.getMap(map), id)
				.filter((x) => !x.saw && x.held)
				.reverse()) {
				const r = read(w.value);
				if (r.ok && judgePayFact(auth, adopted, map, id, w.value).kind === 'ok') return r.value;
			}
			return undefined;
		};
		const payments = new Map<string, Payment>();
		for (const [id, v] of factEntries(docs.paymentsMap(this.#doc)))
			judge('payRunPayments', id, checkPayment(v), (p) => {
				const kept = signed('payRunPayments', id, v, 'payment')
					? p
					: raced('payRunPayments', id, checkPayment);
				if (kept) payments.set(id, kept);
			});
		const postings = new Map<string, { at: string; by: string }>();
		const readPosting = (v: unknown) => check(postingSchema, v);
		for (const id of factKeys(docs.postingsMap(this.#doc))) {
			const v = firstFact(docs.postingsMap(this.#doc), id)?.value;
			const r = readPosting(v);
			const kept = !r.ok
				? undefined
				: signed('payRunPostings', id, v, 'record of a posting to Books')
					? r.value
					: raced('payRunPostings', id, readPosting);
			if (kept) postings.set(id, kept);
		}
		this.#postings = postings;
		this.#schedules = schedules.sort(byId((s) => s.name + s.id));
		this.#drafts = drafts.sort(byId((d) => d.period.payDate + d.id));
		this.#finals = finals;
		this.#payments = payments;
		// Imported rule packs: judged from the stored packs alone, so every replica uses the same.
		this.#packs = judgeStoredPacks(docs.rulePacksMap(this.#doc).entries());
		for (const r of this.#packs.review) q.push({ map: 'payrollRulePacks', id: r.key, reason: r.reason });
		const openings = readOpenings(this.#doc);
		this.#openings = openings.entries;
		q.push(...openings.quarantined);
		this.#quarantine = q.sort(byId((x) => x.map + x.id));
	}
	/** Verdicts on finalized values by map and key: a fact is written once, so the same value needs
	 * no second check (the digest of a large run is the costly part). */
	readonly #verdicts = new Map<string, { raw: unknown; verdict: Result<FinalizedRun> }>();
	#superseded = new Map<string, SupersededAttempt[]>();
	#late = new Map<string, SupersededAttempt[]>();
	#rewrites: PayrollRewrite[] | null = null;

	#verdict(slot: string, v: unknown, check: () => Result<FinalizedRun>): Result<FinalizedRun> {
		const known = this.#verdicts.get(slot);
		if (known && known.raw === v) return known.verdict;
		const verdict = check();
		this.#verdicts.set(slot, { raw: v, verdict });
		return verdict;
	}

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
	/** Finalizations of the run made at the same time as the kept one, which lost (by digest order). */
	superseded(runId: string): SupersededAttempt[] {
		return this.#superseded.get(runId) ?? [];
	}
	/** Finalizations of the run written after it was finalized: never the run, listed for review. */
	late(runId: string): SupersededAttempt[] {
		return this.#late.get(runId) ?? [];
	}
	/** Every run with a finalization written after it was finalized, by run id. */
	lateRuns(): string[] {
		return [...this.#late.keys()].sort();
	}
	/** Finalized runs, payments, postings and opening figures someone wrote over or removed. */
	rewrites(): PayrollRewrite[] {
		this.#rewrites ??= payrollRewrites(this.#doc);
		return this.#rewrites;
	}
	payment(runId: string): Payment | undefined {
		return this.#payments.get(runId);
	}
	/** Who recorded posting this journal entry to Books, if anyone (readable without Books access). */
	posting(entryId: string): { at: string; by: string } | undefined {
		return this.#postings.get(entryId);
	}
	accounts(): Partial<PayrollAccounts> {
		return readAccounts(docs.settingsMap(this.#doc).get('accounts'));
	}
	/** Imported rule packs that count (checked whole, no overlap), by kind and date. */
	rulePacks(): LoadedPack[] {
		return this.#packs.usable;
	}
	/** Who stored an imported pack and when (as the stored value says). */
	rulePackAdded(checksum: string): { by: string; at: string } | undefined {
		const r = check(packAddedSchema, docs.rulePacksMap(this.#doc).get(checksum));
		return r.ok ? { by: r.value.addedBy, at: r.value.addedAt } : undefined;
	}
	/** Imported rule packs kept aside, with the reason, never used. */
	rulePacksInReview(): PackInReview[] {
		return this.#packs.review;
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
		const checked = checkDraft(d);
		if (!checked.ok) return fail('payroll/run', checked.error.message);
		docs.saveRecord(this.#doc, docs.runsMap(this.#doc), { ...d });
		return ok(d);
	}

	/**
	 * Writes this finalization attempt (keyed by its digest) and, for older versions, a copy under the
	 * run id. Refused when this replica already holds a finalized run for it. A teammate's attempt
	 * made at the same time may still win once it arrives: superseded() then lists this one.
	 */
	finalize(run: FinalizedRun): Result<FinalizedRun> {
		const checked = checkFinal(run, run.runId);
		if (!checked.ok) return fail('payroll/run', checked.error.message);
		if (this.#finals.has(run.runId) || docs.finalsMap(this.#doc).has(run.runId))
			return fail('payroll/finalized', 'This run is already finalized.');
		// Something was written under the run id and removed: a finalization written now would sit on
		// top of it, which every replica reads as written after the run was finalized (never counted).
		if (firstFact(docs.finalsMap(this.#doc), run.runId) !== undefined)
			return fail(
				'payroll/run-written-over',
				'Someone wrote over this run’s finalized record, so it cannot be finalized; make a new run for the period.'
			);
		if (this.#finalizing.has(run.runId)) return fail('payroll/finalized', 'This run is already finalized.');
		const attempt: FinalizedRun = { ...run, attemptId: attemptDigest(run) };
		const key = attemptKey(run.runId, attempt.attemptId ?? '');
		const writing = writeFinalization(this.#doc, key, attempt, this.#options.signer?.() ?? null, () =>
			this.#finals.has(run.runId)
		);
		if (writing) {
			this.#failedWrites.delete(run.runId);
			const done = writing
				// Could not sign (the key is gone) or store (no room left): nothing is written, and
				// notWritten() says why.
				.catch((e: unknown) => void this.#failedWrites.set(run.runId, storageProblem(e)))
				.finally(() => this.#finalizing.delete(run.runId));
			this.#finalizing.set(run.runId, done);
		}
		return ok(this.#finals.get(run.runId) ?? attempt);
	}

	/** Why the last finalize() of `runId` wrote nothing, once settled() has resolved (else undefined). */
	notWritten(runId: string): DomainError | undefined {
		return this.#failedWrites.get(runId);
	}

	markPaid(runId: string, payment: Payment): Result<Payment> {
		const run = this.#finals.get(runId);
		if (!run) return fail('payroll/not-finalized', 'Only a finalized run can be marked paid.');
		const date = checkPaymentDate(run, payment.paidOn);
		if (!date.ok) return date;
		// Anything ever written under the run id (even removed since) makes a new payment an overwrite,
		// which would never count: refused here, as finalize() refuses such a run.
		if (this.#payments.has(runId) || firstFact(docs.paymentsMap(this.#doc), runId) !== undefined)
			return fail('payroll/paid', 'This run is already marked paid.');
		this.#sealed('payRunPayments', runId, payment);
		return ok(payment);
	}

	/** Writes opening year-to-date entries all at once, or none (the reason when refused). */
	recordOpenings(entries: readonly OpeningYtd[]): Result<null> {
		const problem = writeOpenings(this.#doc, entries);
		return problem ? fail('payroll/opening', problem) : ok(null);
	}

	recordPosting(entryId: string, at: string, by: string): void {
		this.#sealed('payRunPostings', entryId, { at, by });
	}

	/** Writes a payment or posting once: sealed first by this device when it can sign (then async). */
	#sealed(map: PayFactMap, key: string, value: object): void {
		const target = map === 'payRunPayments' ? docs.paymentsMap(this.#doc) : docs.postingsMap(this.#doc);
		const signer = this.#options.signer?.();
		const auth = this.#options.authority;
		if (!signer || !auth) {
			docs.insertOnce(target, key, value);
			return;
		}
		// Checked again when written: never on top of a write that arrived while this one was signed.
		const once = (sealed: object) =>
			void (
				firstFact(target, key) === undefined && target.set(key, JSON.parse(JSON.stringify(sealed)) as unknown)
			);
		const done = sealThenWrite({
			device: signer.device,
			ctx: payFactContext(signer.workspaceId, map),
			key,
			value,
			checker: auth.checker,
			write: once
		})
			// Could not sign (the key is gone): nothing is written.
			.catch(() => undefined)
			.finally(() => this.#finalizing.delete(`${map}:${key}`));
		this.#finalizing.set(`${map}:${key}`, done);
	}

	/**
	 * Stores an imported pack once, keyed by its checksum; false when it is already stored here. A
	 * value under that key that does not check (a peer's forgery) is replaced: any valid value there
	 * is this same pack, since the key is its checksum.
	 */
	addRulePack(pack: LoadedPack, at: string, by: string): boolean {
		const key = pack.header.checksum;
		const map = docs.rulePacksMap(this.#doc);
		if (map.has(key) && !this.#packs.review.some((r) => r.key === key)) return false;
		map.set(key, storedPack(pack, at, by));
		return true;
	}

	setAccounts(a: PayrollAccounts): void {
		docs.settingsMap(this.#doc).set('accounts', { ...a });
	}

	destroy(): void {
		this.#unobserve();
		this.#listeners.clear();
	}
}
