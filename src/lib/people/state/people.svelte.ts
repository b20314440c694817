// What the People screens read and the verbs they call. Plain records in and out: the replica turns
// verbs into facts and field edits in the people shard, document bytes go to this device's files
// store, and checklist and expiry reminders become tasks. Every verb validates before it writes;
// balances, statuses and the directory are derived on read, never stored.
import { ok, todayUtc, type IsoDate, type Result } from '$lib/shared/domain';
import {
	directoryCards,
	indexPeople,
	searchIndex,
	type Authority,
	type BalanceChange,
	type CalendarsByLocation,
	type Compensation,
	type CustomFieldDefinition,
	type DocumentMeta,
	type DocumentType,
	type Employee,
	type Employment,
	type History,
	type LeavePolicy,
	type LeaveRequest,
	type PeopleFilters,
	type PersonCard
} from '$lib/people/domain';
import type { PeopleReplica, HistoryArea, HrRewrite, Quarantined } from '$lib/people/sync/replica';
import type { SettingNotCounted } from '$lib/people/sync/sealed-settings';
import type { NotCounted } from '$lib/people/sync/hr-judge';
import { PeopleLocalDb } from '$lib/people/storage/local';
import type { PeopleFilesReplica } from '$lib/shared/sync/files';
import { DocumentFiles } from './document-files.svelte';
import { DirectoryProjection } from './directory';
import type { TasksState } from '../../tasks/state/tasks.svelte';
import { defaultCalendarId, failed, refuse } from './data';
import { newId, nowIso } from '../../shared/state/ids';
import { checklistTasks, CHECKLISTS, EXPIRY_LEAD_DAYS } from './tasks';
import { balanceChange, calendarsFor, leaveAuthority, leaveDecision } from './leave-rules';
import { addPerson, recordChange, updatePerson, type RecordContext } from './hire';
import { personExportFile } from './export';
import { addDocument } from './documents';

export { CHECKLISTS, EXPIRY_LEAD_DAYS };

export class PeopleState {
	#replica: PeopleReplica | null = null;
	readonly #me: string;
	readonly #files: PeopleLocalDb;
	readonly #directory: DirectoryProjection;
	readonly #tasks: TasksState | null;
	#unsubscribe: (() => void) | null = null;
	readonly #documentFiles: DocumentFiles;

	ready = $state(false);
	people = $state.raw<Employee[]>([]);
	employment = $state.raw<Record<string, History<Employment>>>({});
	requests = $state.raw<LeaveRequest[]>([]);
	policies = $state.raw<LeavePolicy[]>([]);
	calendarSettings = $state.raw<Record<string, string>>({});
	quarantined = $state.raw<Quarantined[]>([]);
	/** Histories, leave entries and decisions someone wrote over or removed (not applied). */
	rewrites = $state.raw<HrRewrite[]>([]);
	/** Leave decisions that do not count because of who signed them (or nobody did). */
	notCounted = $state.raw<NotCounted[]>([]);
	/** HR approver entries and person-member links not set by an owner or admin (not applied). */
	settingsNotCounted = $state.raw<SettingNotCounted[]>([]);
	/** Custom field definitions, archived included, in creation order. */
	customFields = $state.raw<CustomFieldDefinition[]>([]);
	/** Workspace members named as HR approvers. */
	approvers = $state.raw<string[]>([]);
	/** Bumped on every change to the shard: per-person reads depend on it. */
	version = $state(0);
	today = $state<IsoDate>(todayUtc());
	country = $state('');

	/** Last session's cards, shown until the shard has loaded (read-only until `ready`). */
	preview = $state.raw<PersonCard[] | null>(null);
	cards = $derived<PersonCard[]>(
		this.ready
			? directoryCards({
					people: this.people,
					employment: this.employment,
					leave: this.requests,
					asOf: this.today
				})
			: (this.preview ?? [])
	);
	/** Folded and sorted once per change, so each search only filters. */
	index = $derived(indexPeople(this.cards));
	departments = $derived([...new Set(this.cards.map((c) => c.department).filter(Boolean))].sort());
	locations = $derived([...new Set(this.cards.map((c) => c.location).filter(Boolean))].sort());

	constructor(workspaceId: string, me: string, tasks: TasksState | null) {
		this.#me = me;
		this.#tasks = tasks;
		this.#files = new PeopleLocalDb(workspaceId);
		this.#directory = new DirectoryProjection(this.#files);
		this.#documentFiles = new DocumentFiles(this.#files);
		this.previewed = this.#directory.preview().then((cards) => {
			performance.mark('keel:people-projection-read');
			if (!this.#replica) this.preview = cards;
		});
	}

	/** Settles once last session's directory is on screen (or known to be missing). */
	readonly previewed: Promise<void>;

	attach(replica: PeopleReplica): void {
		performance.mark('keel:people-live');
		this.#replica = replica;
		this.#refresh();
		this.ready = true;
		this.#unsubscribe = replica.onChange(() => this.#refresh());
	}

	/** Shares document files with teammates who have People access (and shares any not shared yet). */
	attachFiles(shared: PeopleFilesReplica): void {
		this.#documentFiles.attach(shared, () => new Set(this.#replica?.documents().map((d) => d.id) ?? []));
	}

	/** Whether the document's file is on this device (added here, restored, or received from a teammate). */
	hasFile(id: string): boolean {
		return this.#documentFiles.has(id);
	}

	#refresh(): void {
		const r = this.#replica;
		if (!r) return;
		this.people = r.people();
		this.employment = r.allEmployment();
		this.requests = r.allRequests();
		this.policies = r.policies();
		this.calendarSettings = r.calendarSettings();
		this.quarantined = r.quarantined();
		this.rewrites = r.rewrites();
		this.notCounted = r.notCounted();
		this.settingsNotCounted = r.settingsNotCounted();
		this.customFields = r.customFields();
		this.approvers = r.approvers();
		this.version++;
		this.#directory.schedule(() => this.cards);
	}

	/**
	 * The replica for a read: touching `version` first makes whatever asks (a `$derived`, an effect, a
	 * template) depend on the next change to the shard, so every read below is reactive by
	 * construction and no screen has to remember to depend on `version` itself.
	 */
	get #tracked(): PeopleReplica | null {
		void this.version;
		return this.#replica;
	}

	get #live(): PeopleReplica {
		if (!this.#replica) throw new Error('People are still loading');
		return this.#replica;
	}

	get me(): string {
		return this.#me;
	}

	// ---- reads ----------------------------------------------------------------------------------

	search(query: string, filters: PeopleFilters = {}): PersonCard[] {
		return searchIndex(this.index, query, filters);
	}
	person(id: string): Employee | undefined {
		return this.#tracked?.person(id);
	}
	history<T>(personId: string, area: HistoryArea): History<T> {
		return this.#tracked?.history<T>(personId, area) ?? [];
	}
	compensation(personId: string): History<Compensation> {
		return this.history<Compensation>(personId, 'compensation');
	}
	leave(personId: string) {
		return this.#tracked?.leave(personId) ?? { events: [], requests: [], refused: [] };
	}
	documents(personId: string): DocumentMeta[] {
		return this.#tracked?.documents(personId) ?? [];
	}
	checklistRuns(personId: string) {
		return this.#tracked?.checklistRuns(personId) ?? [];
	}
	memberOf(personId: string): string | null {
		return this.#tracked?.memberOf(personId) ?? null;
	}
	malformedFields(personId: string): readonly string[] {
		return this.#tracked?.malformedFields(personId) ?? [];
	}
	calendarIdFor(location: string): string {
		return this.calendarSettings[location] ?? defaultCalendarId(this.country);
	}
	/** Every location in use (and any with a setting) → its public holiday calendar. */
	calendars(): CalendarsByLocation {
		const locations = new Set([...this.locations, ...Object.keys(this.calendarSettings)]);
		return calendarsFor(locations, (loc) => this.calendarIdFor(loc));
	}

	// ---- people and histories -------------------------------------------------------------------

	get #record(): RecordContext {
		return { live: () => this.#live, today: this.today, customFields: this.customFields, me: this.#me };
	}

	/** Checks the record and its first employment and pay facts together, so every problem shows at once. */
	addPerson(
		person: Result<Employee>,
		employment: Result<Employment>,
		compensation: Result<Compensation> | null
	): Result<string> {
		return addPerson(this.#record, person, employment, compensation);
	}

	updatePerson(before: Employee, after: Employee): Result<undefined> {
		return updatePerson(this.#record, before, after);
	}

	/** A change "effective as of" any date, past or future; earlier views are never rewritten. */
	recordChange(
		personId: string,
		area: HistoryArea,
		effectiveDate: IsoDate,
		changes: Partial<Employment> | Partial<Compensation>,
		reason: string
	): Result<undefined> {
		return recordChange(this.#record, { personId, area, effectiveDate, changes, reason });
	}

	setMember(personId: string, memberId: string | null): void {
		this.#live.setMember(personId, memberId);
	}

	// ---- settings -------------------------------------------------------------------------------

	/** Creates (no id yet) or updates a custom field definition. */
	saveCustomField(def: Omit<CustomFieldDefinition, 'id'> & { id?: string }): Result<string> {
		const full: CustomFieldDefinition = { ...def, id: def.id ?? newId(), name: def.name.trim() };
		const done = this.#live.saveCustomField(full, nowIso());
		return done.ok ? ok(full.id) : failed(done.error);
	}

	setApprover(memberId: string, approver: boolean): void {
		this.#live.setApprover(memberId, approver, nowIso());
	}

	/** The person record linked to this browser's member, if any. */
	get myPersonId(): string | null {
		return this.#tracked?.personOf(this.#me) ?? null;
	}

	/** Whether this member may approve, reject or cancel the person's request, and why not. */
	authority(personId: string, status: 'approved' | 'rejected' | 'cancelled'): Authority {
		return leaveAuthority({
			me: this.#me,
			myPersonId: this.myPersonId,
			approvers: this.approvers,
			personId,
			memberId: this.memberOf(personId),
			employment: this.history<Employment>(personId, 'employment'),
			today: this.today,
			status
		});
	}

	// ---- leave ----------------------------------------------------------------------------------

	savePolicy(policy: LeavePolicy): Result<undefined> {
		const done = this.#live.savePolicy(policy);
		return done.ok ? ok(undefined) : failed(done.error);
	}

	setCalendar(location: string, calendarId: string): void {
		this.#live.setCalendar(location, calendarId);
	}

	requestLeave(fields: Omit<LeaveRequest, 'kind' | 'id' | 'status' | 'requestedAt'>): Result<string> {
		const request: LeaveRequest = {
			kind: 'request',
			id: newId(),
			status: 'requested',
			requestedAt: nowIso(),
			...fields
		};
		const done = this.#live.requestLeave(request, this.calendars());
		return done.ok ? ok(done.value.days) : failed(done.error);
	}

	decideLeave(
		personId: string,
		requestId: string,
		status: 'approved' | 'rejected' | 'cancelled'
	): Result<undefined> {
		const may = this.authority(personId, status);
		if (!may.ok)
			return refuse(may.error.code, may.error.message, [{ field: 'status', message: may.error.message }]);
		const done = this.#live.decideLeave(leaveDecision(requestId, status, this.#me), this.calendars());
		return done.ok ? ok(undefined) : failed(done.error);
	}

	/** A grant (adds days) or an adjustment (signed) to one policy's balance, with its reason. */
	adjustBalance(
		personId: string,
		change: Omit<BalanceChange, 'id' | 'recordedAt' | 'recordedBy' | 'recordedByName'>
	): Result<undefined> {
		const done = this.#live.addLeaveEvent(personId, balanceChange(change, this.#me));
		return done.ok ? ok(undefined) : failed(done.error);
	}

	// ---- documents ------------------------------------------------------------------------------

	/**
	 * Keeps the file on this device (IndexedDB) and its metadata in the shard; an expiry date also
	 * creates a reminder task due EXPIRY_LEAD_DAYS before it. Nothing is written if the file is refused.
	 */
	async addDocument(
		personId: string,
		file: File,
		type: DocumentType,
		expiresOn: IsoDate | null
	): Promise<Result<undefined>> {
		const ctx = { live: () => this.#live, files: this.#documentFiles, tasks: this.#tasks, me: this.#me };
		return addDocument(ctx, { personId, file, type, expiresOn });
	}

	/** The file from this browser's store, else a teammate's copy whose bytes match its recorded hash. */
	async file(id: string): Promise<Blob | undefined> {
		return this.#documentFiles.get(id, this.#replica?.documents().find((d) => d.id === id)?.sha256);
	}

	async removeDocument(id: string): Promise<void> {
		this.#live.removeDocument(id, nowIso(), this.#me);
		await this.#documentFiles.remove([id]);
	}

	// ---- checklists -----------------------------------------------------------------------------

	/**
	 * Creates one task per checklist item, due relative to the start or end date, assigned to the
	 * members chosen for each role; 'person' goes to the member linked to the person, if any.
	 */
	runChecklist(
		personId: string,
		templateId: string,
		roles: { hr?: string; it?: string; manager?: string }
	): Result<number> {
		const made = checklistTasks({
			tasks: this.#tasks,
			templateId,
			personId,
			employment: this.history<Employment>(personId, 'employment'),
			self: this.memberOf(personId),
			roles
		});
		if (!made.ok) return made;
		const ids = made.value;
		this.#live.recordChecklist({
			id: newId(),
			personId,
			templateId,
			taskIds: ids,
			createdAt: nowIso(),
			createdBy: this.#me
		});
		return ok(ids.length);
	}

	// ---- privacy --------------------------------------------------------------------------------

	/** Removes personal details (and this device's copies of their documents); pay history stays. */
	async erase(personId: string, keepTaxIdentifiers: boolean): Promise<Result<undefined>> {
		const ids = this.documents(personId).map((d) => d.id);
		const done = this.#live.erase(personId, nowIso(), keepTaxIdentifiers);
		if (!done.ok) return failed(done.error);
		await this.#documentFiles.remove(ids);
		return ok(undefined);
	}

	/** Everything Keel holds about one person: the engine's export plus each document's bytes (base64). */
	async exportPerson(personId: string): Promise<{ fileName: string; text: string } | null> {
		return personExportFile(this, personId);
	}

	/** Waits for signed writes under way and the directory copy to be written. */
	async settle(): Promise<void> {
		await this.#replica?.settled();
		await this.#directory.flush(() => this.cards);
	}

	destroy(): void {
		this.#unsubscribe?.();
		this.#documentFiles.destroy();
		// A pending directory write is dropped; the next open rewrites what differs.
		this.#directory.stop();
		this.#files.close();
	}
}

/** Ids for new people: ULIDs, which say nothing about the person and are safe in URLs. */
export const newPersonId = (): string => newId();
