// One open workspace as the screens see it: profile, members, who is online and where, sync status,
// and the feature states. It shows at once from the local registry and projections, and becomes
// live (editable, syncing) when its shards have loaded from IndexedDB: `ready` says which.
import {
	GRANTS,
	SHARDS,
	type Grant,
	type ShardName,
	type WorkspaceEntry
} from '$lib/shared/domain/workspace';
import type { PeerPresence, WorkspaceSession } from '$lib/shared/sync/session';
import { storageProblem } from '$lib/shared/sync/shard-store';
import { messageFor } from '$lib/shared/domain';
import {
	observeMeta,
	readMembers,
	readProfile,
	upsertMember,
	writeProfile,
	type Member,
	type WorkspaceProfile
} from '$lib/shared/sync/meta-doc';
import { metaKeptAside, type MetaKeptAside } from '$lib/shared/sync/meta-review';
import { TasksReplica } from '$lib/tasks/sync/replica';
import { err, ok, problem, type Result } from '$lib/shared/domain';
import { putWorkspace } from '$lib/shared/storage/registry';
import { TasksState } from '../../tasks/state/tasks.svelte';
import { BooksState } from '../../books/state/books.svelte';
import { BooksReplica } from '$lib/books/sync/replica';
import { PeopleReplica } from '$lib/people/sync/replica';
import { PeopleFilesReplica } from '$lib/shared/sync/files';
import { PeopleState } from '../../people/state/people.svelte';
import { PayrollReplica } from '$lib/payroll/sync/replica';
import { PayrollState } from '../../payroll/state/payroll.svelte';
import { RulePacksState } from '../../payroll/state/rule-packs.svelte';
import { BankingReplica } from '$lib/banking/sync/replica';
import { BankingState } from '../../banking/state/banking.svelte';
import { memberColor, renameWorkspace } from './workspace-ops';
import { newId, nowIso } from '../../shared/state/ids';
import { background } from '$lib/shared/state/background';
import { TrustReplica } from '$lib/shared/sync/trust-doc';
import { MembersState } from './members.svelte';
import { wirePayrollAuthority } from './payroll-authority.svelte';
import { wirePeopleAuthority } from './people-authority.svelte';
import { RotationState } from './rotation.svelte';
import { wireBooksAuthority } from './books-authority.svelte';
import { AuditView, startAuditLog } from './audit.svelte';
import { setAuthorName } from '$lib/shared/state/author';
import { auditName } from '$lib/shared/domain/workspace/audit-name';

export type { MetaKeptAside };
import { connectionsAllowed } from '$lib/shared/state/connect-policy';

export class OpenWorkspace {
	readonly tasks: TasksState | null;
	readonly books: BooksState | null;
	readonly people: PeopleState | null;
	readonly payroll: PayrollState | null;
	/** Payroll's tax tables (built-in and imported rule packs); only with the people shard. */
	readonly rulePacks: RulePacksState | null;
	#payrollReplica: PayrollReplica | null = null;
	#peopleReplica: PeopleReplica | null = null;
	readonly banking: BankingState | null;
	#session: WorkspaceSession | null = null;
	#replica: TasksReplica | null = null;
	#booksReplica: BooksReplica | null = null;
	readonly #cleanups: Array<() => void> = [];
	/** Stops the audit log's recorders; resolves when their last (signed) entry is written. */
	#stopAudit: (() => Promise<void>) | null = null;
	#closed = false;

	ready = $state(false);
	/** Members with keys and their verified roles (Settings → Members); null until live. */
	trust = $state.raw<MembersState | null>(null);
	/** Key changes after removals (workspace/state/rotation.svelte.ts); null until live. */
	rotation = $state.raw<RotationState | null>(null);
	entry = $state.raw<WorkspaceEntry>() as WorkspaceEntry;
	profile = $state.raw<WorkspaceProfile>() as WorkspaceProfile;
	members = $state.raw<Member[]>([]);
	/** What the meta shard kept aside (malformed members, unsound profile fields): Needs review. */
	metaReview = $state.raw<MetaKeptAside[]>([]);
	peers = $state.raw<PeerPresence[]>([]);
	connections = $state.raw<Record<string, { webrtc: number; bc: number }>>({});
	/** Edits this device could not store (a full disk): what to tell the person, until they are stored. */
	unsaved = $state<string | null>(null);
	/** The sync servers changed since this page narrowed its connect-src: a reload connects to them. */
	needsReload = $state(false);

	others = $derived(this.peers.filter((p) => !p.self));
	connectedPeers = $derived(Math.max(0, ...Object.values(this.connections).map((c) => c.webrtc + c.bc)));

	constructor(entry: WorkspaceEntry) {
		this.entry = entry;
		setAuthorName(entry.memberName);
		this.profile = { name: entry.name, country: '', baseCurrency: '', fiscalYearStart: '', createdAt: '' };
		this.tasks = entry.shards.tasks ? new TasksState(entry.id, entry.memberId) : null;
		this.books = entry.shards.books ? new BooksState(entry.id) : null;
		this.people = entry.shards.people ? new PeopleState(entry.id, entry.memberId, this.tasks) : null;
		this.payroll = this.people ? new PayrollState(entry.memberId, this.people, this.books) : null;
		this.rulePacks = this.people ? new RulePacksState(entry.memberId) : null;
		this.banking = entry.shards.books ? new BankingState(entry.id, entry.memberId) : null;
	}

	/** The live session; only present once `ready`. */
	get session(): WorkspaceSession {
		if (!this.#session) throw new Error('OpenWorkspace.session read before the workspace was ready');
		return this.#session;
	}

	/** Makes the workspace live on a loaded session. */
	attach(session: WorkspaceSession): void {
		if (this.#closed) return;
		this.#session = session;
		// Before anything writes, so every change this browser makes is in the log.
		this.#stopAudit = startAuditLog(
			session,
			() => ({ id: this.entry.memberId, name: this.entry.memberName }),
			() => this.entry
		);
		const meta = session.doc('meta');
		if (meta) {
			this.profile = readProfile(meta);
			this.members = readMembers(meta);
			this.metaReview = metaKeptAside(meta);
			upsertMember(meta, {
				id: this.entry.memberId,
				name: this.entry.memberName,
				color: memberColor(this.entry.memberId),
				joinedAt: nowIso()
			});
			this.#cleanups.push(
				observeMeta(meta, () => {
					this.profile = readProfile(meta);
					this.members = readMembers(meta);
					this.metaReview = metaKeptAside(meta);
					if (this.profile.name !== this.entry.name)
						background(
							this.#saveEntry({ ...this.entry, name: this.profile.name }),
							"saving the workspace's name in this browser's list"
						);
				})
			);
			const replica = new TrustReplica(meta, this.entry.id);
			const rotation = new RotationState({
				replica,
				entry: () => this.entry,
				saveEntry: (entry) => this.#saveEntry(entry),
				reconnect: (entry) => session.connect(entry)
			});
			this.rotation = rotation;
			const trust = new MembersState({
				replica,
				entry: () => this.entry,
				saveEntry: (entry) => this.#saveEntry(entry),
				members: () => this.members,
				rekey: (args) => rotation.buildRekey(args)
			});
			this.trust = trust;
			this.#cleanups.push(
				() => trust.destroy(),
				() => rotation.destroy()
			);
		}
		const tasksDoc = session.doc('tasks');
		if (tasksDoc && this.tasks) {
			this.#replica = new TasksReplica(tasksDoc);
			this.tasks.attach(this.#replica);
		}
		const booksDoc = session.doc('books');
		if (booksDoc && this.books) {
			const signed = wireBooksAuthority({
				doc: booksDoc,
				entry: () => this.entry,
				trust: () => this.trust?.trust ?? null,
				members: () => this.members
			});
			this.#booksReplica = new BooksReplica(booksDoc, { newId, ...signed?.options });
			if (signed) this.#cleanups.push(signed.start(this.#booksReplica));
			this.books.attach(this.#booksReplica);
			const bankingReplica = new BankingReplica(booksDoc, this.#booksReplica);
			this.banking?.attach(bankingReplica, this.#booksReplica, this.books);
			this.#cleanups.push(() => bankingReplica.destroy());
		}
		const peopleDoc = session.doc('people');
		if (peopleDoc && this.people) {
			const signedRuns = wirePayrollAuthority({
				doc: peopleDoc,
				entry: () => this.entry,
				trust: () => this.trust?.trust ?? null,
				members: () => this.members
			});
			// Leave decisions are judged with the same authority as the pay runs of this shard.
			const signedHr =
				signedRuns &&
				wirePeopleAuthority({
					doc: peopleDoc,
					authority: signedRuns.options.authority,
					entry: () => this.entry,
					trust: () => this.trust?.trust ?? null,
					members: () => this.members
				});
			this.#peopleReplica = new PeopleReplica(peopleDoc, signedHr?.options);
			if (signedHr) this.#cleanups.push(signedHr.start(this.#peopleReplica));
			this.people.attach(this.#peopleReplica);
			if (session.filesDoc) {
				const files = new PeopleFilesReplica(session.filesDoc);
				this.people.attachFiles(files);
				this.#cleanups.push(() => files.destroy());
			}
			this.#payrollReplica = new PayrollReplica(peopleDoc, signedRuns?.options);
			if (signedRuns) this.#cleanups.push(signedRuns.start(this.#payrollReplica));
			this.payroll?.attach(this.#payrollReplica);
			this.rulePacks?.attach(this.#payrollReplica);
		}
		this.#cleanups.push(session.onPresence(() => (this.peers = session.presence())));
		this.#cleanups.push(session.onWriteError((e) => (this.unsaved = e ? unsavedWords(e) : null)));
		const poll = setInterval(() => (this.connections = session.peerCounts()), 500);
		this.#cleanups.push(() => clearInterval(poll));
		this.ready = true;
		this.setPresence('dashboard', null);
	}

	get id(): string {
		return this.entry.id;
	}

	has(shard: 'tasks' | 'books' | 'people'): boolean {
		return !!this.entry.shards[shard];
	}

	memberName(id: string | null): string {
		if (!id) return 'Unassigned';
		return this.members.find((m) => m.id === id)?.name ?? (this.ready ? 'Former member' : '…');
	}

	/**
	 * Who did something recorded in an audit fact: the name stored with the fact (as it was then), or,
	 * for facts recorded before names were kept, today's name marked as such.
	 */
	auditName(id: string | null | undefined, storedName?: string): string {
		return auditName({ id, storedName, members: this.members, ready: this.ready });
	}

	setPresence(section: string, recordId: string | null): void {
		if (!this.#session) return;
		this.#session.setPresence({
			user: { id: this.entry.memberId, name: this.entry.memberName, color: memberColor(this.entry.memberId) },
			at: { section, recordId }
		});
		this.peers = this.#session.presence();
	}

	/** Who else is looking at a record right now. */
	viewersOf(recordId: string): PeerPresence[] {
		return this.others.filter((p) => p.at.recordId === recordId);
	}

	async #saveEntry(entry: WorkspaceEntry): Promise<void> {
		this.entry = entry;
		await putWorkspace(entry);
	}

	async rename(name: string): Promise<Result<null>> {
		const trimmed = name.trim();
		if (!trimmed) return err(problem('workspace/name-required'));
		await renameWorkspace(this.session, trimmed);
		this.entry = { ...this.entry, name: trimmed };
		return ok(null);
	}

	updateProfile(patch: Partial<WorkspaceProfile>): void {
		const meta = this.#session?.doc('meta');
		if (meta) writeProfile(meta, patch);
	}

	async setMemberName(name: string): Promise<void> {
		const trimmed = name.trim();
		if (!trimmed) return;
		await this.#saveEntry({ ...this.entry, memberName: trimmed });
		setAuthorName(trimmed);
		const meta = this.#session?.doc('meta');
		if (meta)
			upsertMember(meta, {
				id: this.entry.memberId,
				name: trimmed,
				color: memberColor(this.entry.memberId),
				joinedAt: nowIso()
			});
		this.setPresence('settings', null);
	}

	/**
	 * Sets the signaling servers and reconnects every shard through them. The page's connect-src
	 * allows only the servers it opened with, so new ones take effect after a reload (`needsReload`).
	 */
	async setSignaling(urls: string[]): Promise<void> {
		const entry = { ...this.entry, signaling: urls };
		this.needsReload = !connectionsAllowed(urls);
		await this.#saveEntry(entry);
		this.#session?.connect(entry);
		this.rotation?.rejoinHandover(entry);
		this.setPresence('settings', null);
	}

	/** Takes effect at once (the providers disconnect before anything else); then it is remembered. */
	async setOnline(online: boolean): Promise<void> {
		this.#session?.setOnline(online);
		this.rotation?.setOnline(online);
		await this.#saveEntry({ ...this.entry, online });
	}

	/** The shards this browser holds, in the order the audit log lists them. */
	get shards(): ShardName[] {
		return SHARDS.filter((s) => this.entry.shards[s]);
	}

	/** A live view of one shard's audit log; the caller destroys it. */
	auditLog(shard: ShardName): AuditView {
		const judge = this.entry.root
			? {
					workspaceId: this.entry.id,
					trust: () => this.trust?.trust ?? null,
					memberName: (id: string) => this.members.find((m) => m.id === id)?.name
				}
			: null;
		return new AuditView(this.session, shard, judge);
	}

	grantLabel(grant: Grant): string {
		return GRANTS[grant].label;
	}

	async close(): Promise<void> {
		this.#closed = true;
		const auditWritten = this.#stopAudit?.();
		for (const c of this.#cleanups) c();
		this.tasks?.destroy();
		this.#replica?.destroy();
		this.books?.destroy();
		this.banking?.destroy();
		this.#booksReplica?.destroy();
		this.people?.destroy();
		this.#peopleReplica?.destroy();
		this.payroll?.destroy();
		this.rulePacks?.destroy();
		this.#payrollReplica?.destroy();
		await auditWritten;
		await this.#session?.close();
	}
}

/** What the banner says about edits a failed write left unstored. */
function unsavedWords(e: Error): string {
	const p = storageProblem(e);
	return p.code === 'storage/full'
		? messageFor('storage/unsaved')
		: messageFor('storage/unsaved-other', p.details);
}
