// What the Payroll screens read and the verbs they call. Runs are computed in the payroll worker
// from the People records this page holds; finalizing writes the run once as a fact in the people
// shard and, when this browser has Books, posts its journal (entry id derived from the run id, so a
// teammate posting the same run writes the same entry, not a second one). YTD is derived from the
// finalized runs on every computation, never stored.
import { ok, type Result } from '$lib/shared/domain';
import { displayName, type Employment } from '$lib/people/domain';
import type { PayCase } from '$lib/payroll/domain';
import {
	defaultAccountMap,
	runTotals,
	type RunTotals,
	type ComputedRun,
	type FinalizedRun,
	type PayRunDraft,
	type PaySchedule,
	type PayrollAccounts
} from '$lib/payroll/domain/run';
import type {
	PayrollQuarantined,
	PayrollReplica,
	PayrollRewrite,
	Payment,
	SupersededAttempt
} from '$lib/payroll/sync/replica';
import {
	currentOpening,
	type CurrentOpening,
	type OpeningInput,
	type OpeningYtd
} from '$lib/payroll/domain/opening';
import type { BooksState } from '../../books/state/books.svelte';
import type { PeopleState } from '../../people/state/people.svelte';
import { newId } from '../../shared/state/ids';
import { check, parseForm } from '$lib/shared/domain/schema';
import { postingAccountsSchema, scheduleKind, SCHEDULE_LABELS } from '$lib/payroll/sync/records';
import { candidates, type Candidate } from './data';
import { clashWords } from './clash';
import { importOpenings, saveOpening } from './openings';
import { ONE_CLICK_ACCOUNTS, REQUIRED_ROLES, type OneClickRole } from './accounts';
import { no, type PayslipExtras, type PostingState, type RunInput } from './verb';
import {
	createAccountBeside,
	finalizedOutcome,
	postedFromSuperseded,
	markPaid,
	postPayment,
	postRun,
	type PostingContext
} from './posting';
import { payslipExtras, payslipPdfOf } from './payslips';
import { finalizedRun, computeInWorker, grossToNetTimed, newDraft, withRunInput, type NewRun } from './runs';

export { ACCOUNT_ROLES, ONE_CLICK_ROLES, type AccountRole, type OneClickRole } from './accounts';
export { RUN_INPUTS, type PayslipExtras, type PostingState, type RunInput } from './verb';

/** A schedule as its form gives it: the first period's start as typed, checked when saved. */
export type ScheduleInput = Omit<PaySchedule, 'schemaVersion' | 'id' | 'anchor'> & {
	readonly id?: string;
	readonly anchor: string;
};

export class PayrollState {
	#replica: PayrollReplica | null = null;
	#unsubscribe: (() => void) | null = null;
	readonly #me: string;
	readonly #people: PeopleState;
	readonly #books: BooksState | null;

	ready = $state(false);
	schedules = $state.raw<PaySchedule[]>([]);
	drafts = $state.raw<PayRunDraft[]>([]);
	finals = $state.raw<FinalizedRun[]>([]);
	savedAccounts = $state.raw<Partial<PayrollAccounts>>({});
	quarantined = $state.raw<PayrollQuarantined[]>([]);
	/** Finalized runs, payments, postings and openings someone wrote over or removed (not applied). */
	rewrites = $state.raw<PayrollRewrite[]>([]);
	/** Finalizations written after their run was finalized (never the run), by run. */
	late = $state.raw<{ runId: string; attempts: SupersededAttempt[] }[]>([]);
	/** Opening year-to-date entries (well-formed; which one counts: openingFor). */
	openings = $state.raw<OpeningYtd[]>([]);
	version = $state(0);
	/** Computed previews of runs not yet finalized, by run id, with the record versions they used. */
	previews = $state.raw<Record<string, { computed: ComputedRun; stamp: string }>>({});

	#stamp(): string {
		return `${this.#people.version}/${this.version}`;
	}
	/** The run's preview if it was computed from the records as they are now. */
	freshPreview(id: string): ComputedRun | undefined {
		const p = this.previews[id];
		return p && p.stamp === this.#stamp() ? p.computed : undefined;
	}

	constructor(me: string, people: PeopleState, books: BooksState | null) {
		this.#me = me;
		this.#people = people;
		this.#books = books;
	}

	get hasBooks(): boolean {
		return this.#books !== null;
	}

	/** Saved account choices, else guesses from the chart (subtype and name). */
	get accounts(): Partial<PayrollAccounts> {
		const guessed = this.#books ? defaultAccountMap(this.#books.accounts) : {};
		return { ...guessed, ...this.savedAccounts };
	}

	attach(replica: PayrollReplica): void {
		this.#replica = replica;
		this.#refresh();
		this.ready = true;
		this.#unsubscribe = replica.onChange(() => this.#refresh());
	}

	#refresh(): void {
		const r = this.#replica;
		if (!r) return;
		this.schedules = r.schedules();
		this.drafts = r.drafts();
		this.finals = r.finals();
		this.savedAccounts = r.accounts();
		this.quarantined = r.quarantined();
		this.rewrites = r.rewrites();
		this.late = r.lateRuns().map((runId) => ({ runId, attempts: r.late(runId) }));
		this.openings = r.openings();
		this.version++;
	}

	/** The replica for a read, after touching `version`: reads are reactive by construction (see PeopleState). */
	get #tracked(): PayrollReplica | null {
		void this.version;
		return this.#replica;
	}

	get #live(): PayrollReplica {
		if (!this.#replica) throw new Error('Payroll is still loading');
		return this.#replica;
	}

	schedule(id: string): PaySchedule | undefined {
		return this.schedules.find((s) => s.id === id);
	}
	draft(id: string): PayRunDraft | undefined {
		return this.#tracked?.draft(id);
	}
	final(id: string): FinalizedRun | undefined {
		return this.finals.find((f) => f.runId === id);
	}
	totalsOf(run: FinalizedRun): RunTotals {
		return runTotals(run.payslips.map((s) => s.payslip));
	}
	payment(id: string): Payment | undefined {
		return this.#tracked?.payment(id);
	}
	/** Finalizations of the run made at the same time as the kept one, which lost (none usually). */
	superseded(id: string): SupersededAttempt[] {
		return this.#tracked?.superseded(id) ?? [];
	}

	/**
	 * In words, when teammates finalized this run at the same time: whose figures were kept and, for
	 * the person whose finalization lost, that their payslips were not issued. Null when nobody did.
	 */
	finalizeClash(id: string, name: (memberId: string) => string): string | null {
		const run = this.final(id);
		return run
			? clashWords({ keptBy: run.finalizedBy, superseded: this.superseded(id), me: this.#me, name })
			: null;
	}

	/** Books holds this run's journal with the figures of a finalization that was not kept. */
	postedFromSuperseded(id: string): boolean {
		return postedFromSuperseded(this.#posting, id, () => this.superseded(id));
	}

	/** Who can be paid on a schedule in a period (employed then), with why someone does not fit. */
	candidates(scheduleId: string, period: PayRunDraft['period']): Candidate[] {
		const schedule = this.schedule(scheduleId);
		if (!schedule) return [];
		return candidates({
			schedule,
			period,
			people: this.#people.people,
			employment: (id) => this.#people.history<Employment>(id, 'employment'),
			compensation: (id) => this.#people.compensation(id)
		});
	}

	// ---- setup ----------------------------------------------------------------------------------

	/** Saves a schedule as the form gives it (the first period's start as typed), checked first. */
	saveSchedule(input: ScheduleInput): Result<string> {
		const s = parseForm(
			scheduleKind.schema,
			{ ...input, schemaVersion: scheduleKind.version, id: input.id ?? newId() },
			SCHEDULE_LABELS
		);
		if (!s.ok) return s;
		const saved = this.#live.saveSchedule(s.value);
		return saved.ok ? ok(s.value.id) : saved;
	}

	saveAccounts(a: Partial<PayrollAccounts>): Result<null> {
		const missing = REQUIRED_ROLES.filter((r) => !a[r.key]).map((r) => r.label);
		const chosen = check(postingAccountsSchema, a);
		if (missing.length || !chosen.ok) return no('payroll/choose-accounts', undefined, { missing });
		this.#live.setAccounts(chosen.value);
		return ok(null);
	}

	/** The name of the account Setup can add in one click for a role ("401(k)" on US-only payrolls). */
	oneClickAccountName(role: OneClickRole): string {
		return ONE_CLICK_ACCOUNTS[role].name(this.usOnly);
	}

	/** Adds the role's account to the chart beside its related account, or finds one already there. */
	createAccountFor(role: OneClickRole): Result<string> {
		const a = ONE_CLICK_ACCOUNTS[role];
		return createAccountBeside(this.#books, a.name(this.usOnly), a.type, a.subtype, this.accounts[a.beside]);
	}

	/** Every schedule is a US one (names the one-click accounts "401(k)" rather than "pension"). */
	get usOnly(): boolean {
		return this.schedules.length > 0 && this.schedules.every((s) => s.jurisdiction === 'US');
	}

	// ---- runs -----------------------------------------------------------------------------------

	createRun(p: NewRun): Result<string> {
		if (p.personIds.length === 0) return no('payroll/no-employees');
		const d = newDraft(p, this.#me, (id) => {
			const person = this.#people.person(id);
			return person ? displayName(person) : 'this person';
		});
		if (!d.ok) return d;
		const saved = this.#live.saveDraft(d.value);
		return saved.ok ? ok(d.value.id) : saved;
	}

	updateRun(
		id: string,
		patch: Partial<Pick<PayRunDraft, 'personIds' | 'hours' | 'amounts' | 'status' | RunInput>>
	): Result<null> {
		const d = this.draft(id);
		if (!d) return no('payroll/no-run');
		if (d.status === 'approved' && patch.status === undefined) return no('payroll/approved');
		const saved = this.#live.saveDraft({ ...d, ...patch });
		return saved.ok ? ok(null) : saved;
	}

	/**
	 * Sets (or, when blank, clears) one person's one-off input on a draft run. Refuses anything but
	 * an amount of 0 or more (hours to 2 places, money to the cent), naming the field and person.
	 */
	setRunInput(id: string, field: RunInput | 'hours', personId: string, text: string): Result<null> {
		const d = this.draft(id);
		if (!d) return no('payroll/no-run');
		const next = withRunInput(d, field, personId, text, this.#people.person(personId));
		if (!next.ok) return next;
		return this.updateRun(id, { [field]: next.value });
	}

	// ---- opening year to date from a previous provider ---------------------------------------------

	/** What counts for a person and tax year: figures, none, or entries that disagree. */
	openingFor(personId: string, jurisdiction: 'US' | 'UK', taxYear: string): CurrentOpening {
		return currentOpening(this.openings, { personId, jurisdiction, taxYear });
	}

	/** Records a person's opening figures for a tax year (a correction replaces what counted). */
	saveOpening(personId: string, input: OpeningInput): Result<'saved' | 'unchanged'> {
		const write = (e: readonly OpeningYtd[]) => this.#live.recordOpenings(e);
		return saveOpening({ existing: this.openings, personId, input, me: this.#me, write });
	}

	/** Imports opening figures from a CSV file: every row, or none with every bad cell named. */
	importOpenings(text: string, file: string): Result<{ saved: number; unchanged: number }> {
		const write = (e: readonly OpeningYtd[]) => this.#live.recordOpenings(e);
		return importOpenings({
			text,
			file,
			people: this.#people.people,
			existing: this.openings,
			me: this.#me,
			write
		});
	}

	/** Computes a run in the worker from the People records and finalized runs this page holds. */
	async preview(id: string): Promise<Result<ComputedRun>> {
		const d = this.draft(id);
		const schedule = d && this.schedule(d.scheduleId);
		if (!d || !schedule) return no('payroll/no-schedule');
		const stamp = this.#stamp();
		const got = await computeInWorker({
			schedule,
			draft: d,
			people: this.#people,
			openings: this.openings,
			finals: this.finals,
			rulePacks: this.#replica?.rulePacks() ?? []
		});
		if (!got.ok) return got;
		const computed = got.value;
		this.previews = { ...this.previews, [id]: { computed, stamp } };
		return ok(computed);
	}

	/** Writes the run once as a finalized fact, then posts it to Books when this browser has them. */
	async finalize(id: string): Promise<Result<{ posted: PostingState; message: string }>> {
		const d = this.draft(id);
		const schedule = d && this.schedule(d.scheduleId);
		if (!d || !schedule) return no(this.final(id) ? 'payroll/finalized' : 'payroll/no-run');
		if (d.status !== 'approved') return no('payroll/not-approved');
		// The preview on screen counts if it was computed from the records as they are now.
		const fresh = this.freshPreview(id);
		const computed: Result<ComputedRun> = fresh ? ok(fresh) : await this.preview(id);
		if (!computed.ok) return computed;
		if (computed.value.problems.length)
			return no('payroll/run-problems', undefined, {
				problems: computed.value.problems.map((p) => p.message).join('; ')
			});
		const run = finalizedRun(id, d, schedule, computed.value, this.#me);
		const written = this.#live.finalize(run);
		if (!written.ok) return written;
		// A run is written once this device has sealed and stored it, and counts once its seal is
		// checked; if it could not be stored, nothing changed and the screen says so.
		await this.#live.settled();
		const failed = this.#live.notWritten(id);
		if (failed) return { ok: false, error: failed };
		return finalizedOutcome(this.#posting, id);
	}

	postingState(entryId: string): PostingState {
		if (this.#books) return this.#books.entry(entryId) ? 'posted' : 'not-posted';
		return this.#tracked?.posting(entryId) ? 'posted' : 'no-books';
	}

	get #posting(): PostingContext {
		return {
			books: this.#books,
			live: () => this.#live,
			me: this.#me,
			accounts: () => this.accounts,
			final: (id) => this.final(id),
			payment: (id) => this.payment(id)
		};
	}

	postRun(id: string): Result<string> {
		return postRun(this.#posting, id);
	}

	/**
	 * Records the payment (a fact) and posts it: net pay payable to the bank. Paid on the run's pay
	 * date unless told otherwise; never before the run's posting date (the domain refuses it).
	 */
	markPaid(id: string, paidOn?: string): Promise<Result<PostingState>> {
		return markPaid(this.#posting, id, paidOn);
	}

	postPayment(id: string): Result<PostingState> {
		return postPayment(this.#posting, id);
	}

	/**
	 * What a payslip shows besides its lines: the employee's address and masked tax number from their
	 * People record (as it is now), and the year-to-date column from the finalized runs and the
	 * opening figures from a previous provider.
	 */
	payslipExtras(runId: string, personId: string): PayslipExtras | null {
		return payslipExtras(this, this.#people.person(personId), runId, personId);
	}

	payslipPdf(
		runId: string,
		personId: string,
		organisation: string,
		employerAddress: readonly string[] = [],
		locale?: string
	): Promise<Uint8Array> | null {
		const extras = this.payslipExtras(runId, personId);
		return payslipPdfOf(this, extras, { runId, personId, organisation, employerAddress, locale });
	}

	/** For `npm run bench`: one gross-to-net batch in the worker; round trip and in-worker times. */
	grossToNetTimed(cases: readonly PayCase[]): Promise<{ ok: number; roundTripMs: number; workerMs: number }> {
		return grossToNetTimed(cases);
	}

	destroy(): void {
		this.#unsubscribe?.();
	}
}
