// A live, plain-record view of the people shard. Invariant: every fact it hands out passed its shape
// check; a stored value that did not sits in quarantined() with the reason (shown, never counted,
// never deleted). Leave request status is derived from decision facts, balances are never stored,
// and every write validates with the HR engine first and returns a Result.
import type * as Y from 'yjs';
import { fail, ok, type DomainError, type Result } from '$lib/shared/domain';
import {
	checkNewRequest,
	validateCompensationHistory,
	validateEmploymentHistory,
	type CalendarsByLocation,
	type Compensation,
	type CustomFieldDefinition,
	type DocumentMeta,
	type Employee,
	type Employment,
	type Fact,
	type History,
	type LeaveDecision,
	type LeaveEvent,
	type LeavePolicy,
	type LeaveRequest
} from '$lib/people/domain';
import * as docs from './doc';
import * as fields from './fields';
import { SealedSettings, type SettingNotCounted } from './sealed-settings';
import { writeSetting, type SettingChange } from './sealed-settings-write';
import * as settings from './settings-writes';
import { writeHrFacts, type HrItem } from './hr-write';
import {
	type ChecklistRun,
	type FactTypes,
	type HistoryArea,
	type PeopleChange,
	type PersonLeave,
	type Quarantined
} from './shape';
import { encodeStateVectorText } from '../../shared/sync/state-vector';
import { PeopleFacts } from './facts';
import { factKeys } from '$lib/shared/sync/facts';
import { hrRewrites, type HrRewrite } from './rewrites';
import { checkLeaveDecision, foldLeave, leaveEventToStore, readPolicies } from './leave';
import { hrJudgeFor, type HrJudge, type NotCounted, type PeopleReplicaOptions } from './hr-judge';
import { hrAdoptionsMap } from './sealed-hr';

export type { ChecklistRun, HistoryArea } from './shape';
export type { HrRewrite } from './rewrites';
export type { NotCounted, PeopleReplicaOptions } from './hr-judge';
export type { SettingNotCounted } from './sealed-settings';

export type { Quarantined, PeopleChange, PersonLeave } from './shape';

export class PeopleReplica {
	readonly #doc: Y.Doc;
	readonly #people = new Map<string, Employee>();
	readonly #malformed = new Map<string, string[]>();
	readonly #quarantine = new Map<string, Quarantined>();
	readonly #store: PeopleFacts;
	/** Every well-formed fact, by map and id (see PeopleFacts). */
	readonly #facts: { readonly [K in docs.FactMap]: Map<string, FactTypes[K]> };
	readonly #listeners = new Set<(c: PeopleChange) => void>();
	readonly #unobserve: () => void;
	#policies: LeavePolicy[] = [];
	#fieldDefs: CustomFieldDefinition[] = [];
	/** HR facts written over or removed (null: to be read again after a change to the fact maps). */
	#rewrites: HrRewrite[] | null = null;
	/** Signed HR facts (absent in a workspace without member keys) and the decisions being signed. */
	readonly #hr: HrJudge | null;
	readonly #signer: PeopleReplicaOptions['signer'];
	readonly #signing = new Set<Promise<void>>();
	/** HR approvers and person-member links, sealed by an owner or admin (sealed-settings.ts). */
	readonly #settings: SealedSettings;

	constructor(doc: Y.Doc, options: PeopleReplicaOptions = {}) {
		this.#doc = doc;
		this.#signer = options.signer;
		this.#settings = new SealedSettings(doc, options.authority ?? null);
		this.#hr = hrJudgeFor(doc, options, {
			request: (id) => this.#store.request(id),
			approvers: () => this.approvers(),
			memberOf: (p) => this.memberOf(p),
			personOf: (m) => this.personOf(m),
			employment: (p) => this.employment(p),
			settingsPending: () => this.#settings.pending()
		});
		this.#store = new PeopleFacts(doc, this.#quarantine, (map, id) => this.#hr?.factCounts(map, id) ?? true);
		this.#facts = this.#store.byMap;
		for (const id of docs.peopleMap(doc).keys()) this.#readPerson(id);
		// Every key ever written (a removed fact that stays as written still counts).
		for (const name of docs.FACT_MAPS) this.#store.judge(name, [...factKeys(docs.factMap(doc, name))]);
		this.#readPolicies();
		this.#readFieldDefs();
		const unobserve = docs.observePeople(doc, (c) => {
			this.#hr?.invalidate();
			this.#settings.invalidate();
			for (const id of c.people) this.#readPerson(id);
			for (const [name, ids] of Object.entries(c.facts) as [docs.FactMap, string[]][])
				this.#store.judge(name, ids);
			if (Object.keys(c.facts).length) this.#rewrites = null;
			if (c.policies) this.#readPolicies();
			if (c.settings) this.#readFieldDefs();
			for (const l of this.#listeners) l(c);
		});
		// A seal checked or an adoption arrived: judge the signed facts again.
		const rejudge = () => this.rejudge();
		const unsubscribe = options.authority?.checker.subscribe(rejudge);
		hrAdoptionsMap(doc).observe(rejudge);
		this.#unobserve = () => {
			unobserve();
			unsubscribe?.();
			hrAdoptionsMap(doc).unobserve(rejudge);
		};
	}

	/** Judges the signed facts again and tells the listeners (a seal checked, roles changed…). */
	rejudge(): void {
		this.#hr?.invalidate();
		this.#settings.invalidate();
		const change = { people: [], facts: {}, policies: false, settings: false, local: false };
		for (const l of this.#listeners) l(change);
	}

	/** Settles when every decision started here has been signed and written, and its seal checked. */
	async settled(): Promise<void> {
		while (this.#signing.size) await Promise.all(this.#signing);
		await this.#settings.settled();
		await this.#hr?.settled(this.#store.held);
	}

	#readPerson(id: string): void {
		const m = docs.peopleMap(this.#doc).get(id);
		const read = m ? docs.readPerson(m) : null;
		if (!read) {
			this.#people.delete(id);
			return;
		}
		this.#people.set(id, read.person);
		if (read.malformed.length) this.#malformed.set(id, read.malformed);
		else this.#malformed.delete(id);
	}

	#readPolicies(): void {
		this.#policies = readPolicies(this.#doc, this.#quarantine);
	}

	#readFieldDefs(): void {
		this.#fieldDefs = fields.readFieldDefsInto(this.#doc, this.#quarantine);
	}

	// ---- reads ----------------------------------------------------------------------------------

	people(): Employee[] {
		return [...this.#people.values()];
	}
	person(id: string): Employee | undefined {
		return this.#people.get(id);
	}
	/** Person keys a peer wrote with the wrong shape (ignored on read). */
	malformedFields(id: string): readonly string[] {
		return this.#malformed.get(id) ?? [];
	}
	history<T = unknown>(personId: string, area: HistoryArea): History<T> {
		return this.#store.history<T>(personId, area);
	}
	employment(personId: string): History<Employment> {
		return this.history<Employment>(personId, 'employment');
	}
	compensation(personId: string): History<Compensation> {
		return this.history<Compensation>(personId, 'compensation');
	}
	/** Every person's employment history, for the directory and org chart. */
	allEmployment(): Record<string, History<Employment>> {
		return this.#store.allEmployment();
	}
	decisions(requestId?: string): LeaveDecision[] {
		const all = [...this.#facts.decisions.values()].filter((d) => this.#hr?.counts(d) ?? true);
		return requestId === undefined ? all : all.filter((d) => d.requestId === requestId);
	}
	/** One person's leave events, request statuses folded from their decision facts. */
	leave(personId: string): PersonLeave {
		const folded = foldLeave(this.#store.leaveOf(personId), this.decisions(), this.memberOf(personId));
		// Decisions on these requests that do not count because of who signed them: not applied either.
		return this.#hr ? this.#hr.withRefused(folded, this.#facts.decisions.values()) : folded;
	}
	/** Every person's leave requests with derived status (for the team calendar and directory). */
	allRequests(): LeaveRequest[] {
		return [...this.#store.leaveBy.keys()].flatMap((id) => this.leave(id).requests);
	}
	policies(): LeavePolicy[] {
		return this.#policies;
	}
	documents(personId?: string): DocumentMeta[] {
		return this.#store.documents(personId);
	}
	checklistRuns(personId: string): ChecklistRun[] {
		return this.#store.checklistRuns(personId);
	}
	calendarSettings(): Record<string, string> {
		return Object.fromEntries(docs.settingsMap(this.#doc, 'calendars').entries());
	}
	/** The workspace member linked to a person (for approvals and checklist tasks), if any. */
	memberOf(personId: string): string | null {
		return this.#settings.memberOf(personId);
	}
	/** The person record linked to a workspace member, if any (the first by person id). */
	personOf(memberId: string): string | null {
		return this.#settings.personOf(memberId);
	}
	/** Custom field definitions, archived ones included, in the order they were created. */
	customFields(): CustomFieldDefinition[] {
		return this.#fieldDefs;
	}
	/** Workspace members named as HR approvers (by an owner or admin, in a workspace with keys). */
	approvers(): string[] {
		return this.#settings.approvers();
	}
	/** Approver entries and links that do not count because of who wrote or removed them. */
	settingsNotCounted(): SettingNotCounted[] {
		return this.#settings.notCounted();
	}
	/** Histories, leave entries and decisions someone wrote over or removed: not applied, listed. */
	rewrites(): HrRewrite[] {
		this.#rewrites ??= hrRewrites(this.#doc, (requestId) => this.#store.request(requestId));
		return this.#rewrites;
	}
	/** Decisions that do not count because of who signed them (or that nobody did), with why. */
	notCounted(): NotCounted[] {
		return this.#hr?.notCounted(this.#store.held) ?? [];
	}
	quarantined(): Quarantined[] {
		return [...this.#quarantine.values()].sort((a, b) => (a.map + a.id < b.map + b.id ? -1 : 1));
	}

	onChange(listener: (c: PeopleChange) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	// ---- writes ---------------------------------------------------------------------------------

	/** Adds a person with the first facts of their histories, all in one transaction. */
	addPerson(
		person: Employee,
		facts: { employment?: Fact<Employment>; compensation?: Fact<Compensation> }
	): Result<Employee> {
		if (this.#people.has(person.id) || docs.peopleMap(this.#doc).has(person.id))
			return fail('hr/duplicate-id', `A person with id ${person.id} already exists`, { field: 'id' });
		const checks = [
			facts.employment && validateEmploymentHistory([facts.employment]),
			facts.compensation && validateCompensationHistory([facts.compensation])
		];
		for (const c of checks) if (c && !c.ok) return c;
		const stored = [
			facts.employment && { area: 'employment', personId: person.id, fact: facts.employment },
			facts.compensation && { area: 'compensation', personId: person.id, fact: facts.compensation }
		].flatMap((f) => (f ? [{ map: 'history' as const, key: f.fact.id, value: f }] : []));
		// The person and their first facts land together (after signing, in a keyed workspace), so a
		// page that leaves right after sees both or neither, never a person without a history.
		this.#write(stored, () => docs.insertPerson(this.#doc, person));
		return ok(person);
	}

	/** Writes only the fields that differ between `before` and `after` (what this edit changed). */
	updatePerson(before: Employee, after: Employee): Result<Employee> {
		if (!this.#people.has(after.id))
			return fail('hr/unknown-person', `There is no person ${after.id}`, { field: 'id' });
		docs.patchPerson(this.#doc, after.id, docs.personChanges(before, after));
		return ok(after);
	}

	/** Records a change as of its effective date, after checking the whole history stays valid. */
	recordChange(personId: string, area: HistoryArea, fact: Fact<unknown>): Result<Fact<unknown>> {
		if (!this.#people.has(personId))
			return fail('hr/unknown-person', `There is no person ${personId}`, { field: 'personId' });
		const history = [...this.history(personId, area), fact];
		const checked =
			area === 'employment'
				? validateEmploymentHistory(history as History<Employment>)
				: validateCompensationHistory(history as History<Compensation>);
		if (!checked.ok) return checked;
		if (docs.factMap(this.#doc, 'history').has(fact.id))
			return fail('hr/history-duplicate-id', `Fact ${fact.id} already exists`, { field: 'id' });
		this.#write([{ map: 'history', key: fact.id, value: { area, personId, fact } }]);
		return ok(fact);
	}

	/** Erases personal details and document metadata (settings-writes.ts); histories and leave stay. */
	erase(personId: string, at: string, keepTaxIdentifiers: boolean): Result<true> {
		if (!this.#people.has(personId))
			return fail('hr/unknown-person', `There is no person ${personId}`, { field: 'personId' });
		settings.erasePerson(this.#doc, personId, at, keepTaxIdentifiers);
		return ok(true);
	}

	/** A new request is checked against every approved and pending day before it is written. */
	requestLeave(request: LeaveRequest, calendars: CalendarsByLocation): Result<{ days: string }> {
		const policy = this.#policies.find((p) => p.id === request.policyId);
		if (!policy)
			return fail('hr/unknown-policy', `There is no leave policy ${request.policyId}`, { field: 'policyId' });
		const events = this.leave(request.personId).events;
		const checked = checkNewRequest({
			policy,
			employment: this.employment(request.personId),
			events,
			calendars,
			request
		});
		if (!checked.ok) return checked;
		this.#write([{ map: 'leave', key: request.id, value: { ...request, status: 'requested' } }]);
		return checked;
	}

	/** Grants and adjustments are facts too, with a reason; their days are signed decimal strings. */
	addLeaveEvent(personId: string, event: LeaveEvent): Result<LeaveEvent> {
		const checked = leaveEventToStore(personId, event);
		if (!checked.ok) return checked;
		this.#write([{ map: 'leave', key: checked.value.event.id, value: checked.value.value }]);
		return ok(checked.value.event);
	}

	/**
	 * Approves, rejects or cancels. Approving a request that the overdraw check flags is refused (it
	 * can still be rejected); the decision is a new fact, so a concurrent one elsewhere is kept too.
	 */
	decideLeave(decision: LeaveDecision, calendars: CalendarsByLocation): Result<LeaveRequest, DomainError> {
		const stored = this.#facts.leave.get(decision.requestId);
		if (stored?.kind !== 'request' || !(this.#hr?.factCounts('leave', stored.id) ?? true))
			return fail('hr/unknown-request', `There is no leave request ${decision.requestId}`, {
				field: 'requestId'
			});
		const next = checkLeaveDecision({
			decision,
			personId: stored.personId,
			leave: this.leave(stored.personId),
			self: this.memberOf(stored.personId) === decision.by,
			policies: this.#policies,
			employment: this.employment(stored.personId),
			calendars
		});
		if (!next.ok) return next;
		this.#write([{ map: 'decisions', key: decision.id, value: decision }]);
		return next;
	}

	/** Writes HR facts in one transaction, sealed first in a workspace with member keys (hr-write.ts). */
	#write(items: HrItem[], first?: () => void): void {
		this.#track(writeHrFacts(this.#doc, this.#hr, this.#signer?.() ?? null, items, first));
	}

	/** Waited for by settled(): a write being signed. */
	#track(done: Promise<void> | undefined): void {
		if (!done) return;
		this.#signing.add(done);
		void done.finally(() => this.#signing.delete(done));
	}

	savePolicy(policy: LeavePolicy): Result<LeavePolicy> {
		return settings.savePolicy(this.#doc, policy);
	}
	/** Creates or updates a definition after checking it against every other one. */
	saveCustomField(def: CustomFieldDefinition, at: string): Result<CustomFieldDefinition> {
		return settings.saveCustomField(this.#doc, this.#fieldDefs, def, at);
	}
	/** Sealed first in a workspace with member keys; counts only when this device is an owner or admin. */
	setApprover(memberId: string, approver: boolean, at: string): void {
		this.#setting({ map: 'approvers', key: memberId, approver, at });
	}
	#setting(change: SettingChange): void {
		const signer = this.#signer?.() ?? null;
		this.#track(writeSetting(this.#doc, this.#settings, signer, change));
	}
	setCalendar(location: string, calendarId: string): void {
		docs.settingsMap(this.#doc, 'calendars').set(location, calendarId);
	}
	setMember(personId: string, memberId: string | null): void {
		this.#setting({ map: 'members', key: personId, memberId });
	}
	addDocument(meta: DocumentMeta): Result<DocumentMeta> {
		return settings.addDocument(this.#doc, meta);
	}
	removeDocument(id: string, at: string, by: string): boolean {
		return docs.insertFact(this.#doc, 'documentRemovals', id, { at, by });
	}
	recordChecklist(run: ChecklistRun): Result<ChecklistRun> {
		return settings.recordChecklist(this.#doc, run);
	}

	/** What this replica has seen, as base64url: equal vectors mean equal shard contents. */
	stateVector(): string {
		return encodeStateVectorText(this.#doc);
	}

	destroy(): void {
		this.#unobserve();
		this.#listeners.clear();
	}
}
