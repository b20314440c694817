// What the People screens read and the verbs they call. Plain records in and out: the replica turns
// verbs into facts and field edits in the people shard, document bytes go to this device's files
// store, and checklist and expiry reminders become tasks. Every verb validates before it writes;
// balances, statuses and the directory are derived on read, never stored.
import { addDays, parseIsoDate, todayUtc, type IsoDate } from '$lib/domain/core';
import {
	canDecideLeave,
	checkDocumentUpload,
	employmentAsOf,
	directoryCards,
	indexPeople,
	searchIndex,
	foldFacts,
	instantiateChecklist,
	LEAVER_TEMPLATE,
	NEW_HIRE_TEMPLATE,
	personExport,
	validateCompensationHistory,
	validateEmployee,
	validateEmploymentHistory,
	type Authority,
	type BalanceChange,
	type CalendarsByLocation,
	type Compensation,
	type CustomFieldDefinition,
	type DocumentMeta,
	type DocumentType,
	type Employee,
	type Employment,
	type Fact,
	type History,
	type LeavePolicy,
	type LeaveRequest,
	type PeopleFilters,
	type PersonCard
} from '$lib/domain/hr';
import type { PeopleReplica, HistoryArea, Quarantined } from '$lib/sync/people-replica';
import { PeopleLocalDb } from '$lib/storage/people-local';
import { sha256Hex, type PeopleFilesReplica } from '$lib/sync/people-files';
import { DocumentFiles } from './document-files.svelte';
import { DirectoryProjection } from './people-directory';
import type { TasksState } from './tasks.svelte';
import { CALENDARS, NO_HOLIDAYS, defaultCalendarId, failed, problemsOf, type FormProblem, type PeopleResult } from './people-data';
import { newId, nowIso } from './ids';

export const CHECKLISTS = [NEW_HIRE_TEMPLATE, LEAVER_TEMPLATE];
/** Days before a document expires that its reminder task falls due. */
export const EXPIRY_LEAD_DAYS = 30;
const DOCUMENT_WORDS: Record<DocumentType, string> = { contract: 'a contract', id: 'an ID document', certificate: 'a certificate', other: 'a document' };

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
			? directoryCards({ people: this.people, employment: this.employment, leave: this.requests, asOf: this.today })
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
		const out: Record<string, (typeof CALENDARS)[number]> = {};
		for (const loc of new Set([...this.locations, ...Object.keys(this.calendarSettings)])) {
			out[loc] = CALENDARS.find((c) => c.id === this.calendarIdFor(loc)) ?? NO_HOLIDAYS;
		}
		return out;
	}

	// ---- people and histories -------------------------------------------------------------------

	/** Checks the record and its first employment and pay facts together, so every problem shows at once. */
	addPerson(person: Employee, employment: Employment, compensation: Compensation | null): PeopleResult<string> {
		const problems: FormProblem[] = [];
		const checked = validateEmployee(person, { today: this.today, customFieldDefinitions: this.customFields });
		if (!checked.ok) problems.push(...problemsOf(checked.error));
		const at = nowIso();
		const fact = <T>(changes: T): Fact<T> => ({
			id: newId(),
			effectiveDate: employment.startDate,
			recordedAt: at,
			recordedBy: this.#me,
			changes,
			reason: 'Hired'
		});
		const facts = { employment: fact(employment), ...(compensation ? { compensation: fact(compensation) } : {}) };
		if (!parseIsoDate(employment.startDate)) {
			problems.push({ field: 'startDate', message: 'Start date: enter the first day of work.' });
		} else {
			const e = validateEmploymentHistory([facts.employment]);
			if (!e.ok) problems.push(...problemsOf(e.error));
			const c = facts.compensation && validateCompensationHistory([facts.compensation]);
			if (c && !c.ok) problems.push(...problemsOf(c.error));
		}
		if (problems.length) return { ok: false, message: `${problems.length} problem(s) to fix`, problems };
		const added = this.#live.addPerson(person, facts);
		return added.ok ? { ok: true, value: person.id } : failed(added.error);
	}

	updatePerson(before: Employee, after: Employee): PeopleResult {
		// Values for fields this device has no definition of yet (a newer peer's) are kept, not judged.
		const known = new Set(this.customFields.map((d) => d.id));
		const judged = { ...after, customFields: Object.fromEntries(Object.entries(after.customFields).filter(([k]) => known.has(k))) };
		const checked = validateEmployee(judged, { today: this.today, customFieldDefinitions: this.customFields });
		if (!checked.ok) return failed(checked.error);
		const done = this.#live.updatePerson(before, after);
		return done.ok ? { ok: true, value: undefined } : failed(done.error);
	}

	/** A change "effective as of" any date, past or future; earlier views are never rewritten. */
	recordChange(
		personId: string,
		area: HistoryArea,
		effectiveDate: IsoDate,
		changes: Partial<Employment> | Partial<Compensation>,
		reason: string
	): PeopleResult {
		if (Object.keys(changes).length === 0)
			return { ok: false, message: 'Nothing changed.', problems: [{ field: '', message: 'Change at least one field.' }] };
		const fact: Fact<unknown> = {
			id: newId(),
			effectiveDate,
			recordedAt: nowIso(),
			recordedBy: this.#me,
			changes,
			...(reason.trim() ? { reason: reason.trim() } : {})
		};
		const done = this.#live.recordChange(personId, area, fact);
		return done.ok ? { ok: true, value: undefined } : failed(done.error);
	}

	setMember(personId: string, memberId: string | null): void {
		this.#live.setMember(personId, memberId);
	}

	// ---- settings -------------------------------------------------------------------------------

	/** Creates (no id yet) or updates a custom field definition. */
	saveCustomField(def: Omit<CustomFieldDefinition, 'id'> & { id?: string }): PeopleResult<string> {
		const full: CustomFieldDefinition = { ...def, id: def.id ?? newId(), name: def.name.trim() };
		const done = this.#live.saveCustomField(full, nowIso());
		return done.ok ? { ok: true, value: full.id } : failed(done.error);
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
		const employment = employmentAsOf(this.history<Employment>(personId, 'employment'), this.today);
		return canDecideLeave(
			{
				me: this.#me,
				myPersonId: this.myPersonId,
				approvers: this.approvers,
				requesterId: personId,
				requesterMemberId: this.memberOf(personId),
				managerId: employment?.managerId ?? null
			},
			status
		);
	}

	// ---- leave ----------------------------------------------------------------------------------

	savePolicy(policy: LeavePolicy): PeopleResult {
		const done = this.#live.savePolicy(policy);
		return done.ok ? { ok: true, value: undefined } : failed(done.error);
	}

	setCalendar(location: string, calendarId: string): void {
		this.#live.setCalendar(location, calendarId);
	}

	requestLeave(fields: Omit<LeaveRequest, 'kind' | 'id' | 'status' | 'requestedAt'>): PeopleResult<string> {
		const request: LeaveRequest = { kind: 'request', id: newId(), status: 'requested', requestedAt: nowIso(), ...fields };
		const done = this.#live.requestLeave(request, this.calendars());
		return done.ok ? { ok: true, value: done.value.days } : failed(done.error);
	}

	decideLeave(personId: string, requestId: string, status: 'approved' | 'rejected' | 'cancelled'): PeopleResult {
		const may = this.authority(personId, status);
		if (!may.ok) return { ok: false, message: may.reason, problems: [{ field: 'status', message: may.reason }] };
		const done = this.#live.decideLeave({ id: newId(), requestId, status, by: this.#me, at: nowIso() }, this.calendars());
		return done.ok ? { ok: true, value: undefined } : failed(done.error);
	}

	/** A grant (adds days) or an adjustment (signed) to one policy's balance, with its reason. */
	adjustBalance(personId: string, change: Omit<BalanceChange, 'id' | 'recordedAt' | 'recordedBy'>): PeopleResult {
		const event = { ...change, id: newId(), recordedAt: nowIso(), recordedBy: this.#me } as BalanceChange;
		const done = this.#live.addLeaveEvent(personId, event);
		return done.ok ? { ok: true, value: undefined } : failed(done.error);
	}

	// ---- documents ------------------------------------------------------------------------------

	/**
	 * Keeps the file on this device (IndexedDB) and its metadata in the shard; an expiry date also
	 * creates a reminder task due EXPIRY_LEAD_DAYS before it. Nothing is written if the file is refused.
	 */
	async addDocument(personId: string, file: File, type: DocumentType, expiresOn: IsoDate | null): Promise<PeopleResult> {
		const bytes = new Uint8Array(await file.arrayBuffer());
		const sha256 = await sha256Hex(bytes);
		const meta: DocumentMeta = {
			schemaVersion: 1,
			id: newId(),
			personId,
			type,
			fileName: file.name,
			mimeType: file.type || 'application/octet-stream',
			sizeBytes: file.size,
			uploadedAt: nowIso(),
			uploadedBy: this.#me,
			expiresOn,
			sha256
		};
		const checked = checkDocumentUpload(meta);
		if (!checked.ok) return failed(checked.error);
		try {
			await this.#documentFiles.add(meta.id, file, bytes, sha256);
		} catch (e) {
			const quota = e instanceof Error && /quota/i.test(e.name + e.message);
			const message = quota ? 'This browser is out of storage space; the file was not added.' : 'The file could not be stored.';
			return { ok: false, message, problems: [{ field: 'file', message }] };
		}
		const done = this.#live.addDocument(meta);
		if (!done.ok) {
			await this.#documentFiles.remove([meta.id]);
			return failed(done.error);
		}
		if (expiresOn) this.#expiryReminder(personId, meta, expiresOn);
		return { ok: true, value: undefined };
	}

	#expiryReminder(personId: string, meta: DocumentMeta, expiresOn: IsoDate): void {
		const tasks = this.#tasks;
		if (!tasks?.ready) return;
		// The tasks shard also reaches task-only teammates: no name or file name goes into it.
		tasks.createTask({
			listId: this.#peopleList(tasks),
			title: `Renew ${DOCUMENT_WORDS[meta.type]} before it expires on ${expiresOn}`,
			description: 'The document and the person it belongs to are linked; open them in People.',
			due: addDays(expiresOn, -EXPIRY_LEAD_DAYS),
			links: [
				{ kind: 'person', id: personId },
				{ kind: 'document', id: meta.id }
			]
		});
	}

	#peopleList(tasks: TasksState): string {
		const existing = tasks.lists.find((l) => l.name === 'People' && !l.archived);
		return existing?.id ?? (tasks.createList('People').id as string);
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
	runChecklist(personId: string, templateId: string, roles: { hr?: string; it?: string; manager?: string }): PeopleResult<number> {
		const tasks = this.#tasks;
		const template = CHECKLISTS.find((t) => t.id === templateId);
		if (!tasks?.ready || !template)
			return { ok: false, message: 'Tasks are not available here.', problems: [{ field: 'template', message: 'Tasks are not available here.' }] };
		// The latest known start and end dates (a future end date counts: offboarding is planned ahead).
		const latest = foldFacts(this.history<Employment>(personId, 'employment'));
		const drafts = instantiateChecklist(
			template,
			{ id: personId },
			{ startDate: latest.startDate ?? null, endDate: latest.endDate ?? null },
			roles
		);
		if (!drafts.ok) return failed(drafts.error);
		const listId = this.#peopleList(tasks);
		const self = this.memberOf(personId);
		const ids: string[] = [];
		for (const d of drafts.value) {
			const made = tasks.createTask({
				listId,
				title: d.title,
				description: d.description,
				due: d.dueDate,
				assignee: d.assignee === personId ? self : d.assignee,
				links: d.links.map((l) => ({ kind: l.kind, id: l.id })),
				labels: [template.kind]
			});
			if (made.id) ids.push(made.id);
		}
		this.#live.recordChecklist({ id: newId(), personId, templateId, taskIds: ids, createdAt: nowIso(), createdBy: this.#me });
		return { ok: true, value: ids.length };
	}

	// ---- privacy --------------------------------------------------------------------------------

	/** Removes personal details (and this device's copies of their documents); pay history stays. */
	async erase(personId: string, keepTaxIdentifiers: boolean): Promise<PeopleResult> {
		const ids = this.documents(personId).map((d) => d.id);
		const done = this.#live.erase(personId, nowIso(), keepTaxIdentifiers);
		if (!done.ok) return failed(done.error);
		await this.#documentFiles.remove(ids);
		return { ok: true, value: undefined };
	}

	/** Everything Keel holds about one person: the engine's export plus each document's bytes (base64). */
	async exportPerson(personId: string): Promise<{ fileName: string; text: string } | null> {
		const person = this.person(personId);
		if (!person) return null;
		const leave = this.leave(personId);
		const metas = this.documents(personId);
		const bundle = personExport(
			person,
			{ employment: this.history(personId, 'employment'), compensation: this.history(personId, 'compensation') },
			leave.events,
			metas,
			{ exportedAt: nowIso() }
		);
		const files: { id: string; fileName: string; mimeType: string; base64: string | null }[] = [];
		for (const m of metas) {
			const blob = await this.file(m.id);
			files.push({ id: m.id, fileName: m.fileName, mimeType: m.mimeType, base64: blob ? await toBase64(blob) : null });
		}
		// The file name carries the id only: names stay out of download lists and synced folders.
		return { fileName: `keel-person-${personId}.json`, text: JSON.stringify({ ...bundle, files }, null, 2) };
	}

	/** Waits for the directory copy to be written (tests and benchmarks). */
	async settle(): Promise<void> {
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

async function toBase64(blob: Blob): Promise<string> {
	const bytes = new Uint8Array(await blob.arrayBuffer());
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

/** Ids for new people: ULIDs, which say nothing about the person and are safe in URLs. */
export const newPersonId = (): string => newId();
