// The application as the screens see it: the workspaces in this browser, the open one, and the
// verbs that create, join, open, delete and restore workspaces.
import { limitConnections } from '$lib/shared/state/connect-policy';
import type { Invite, WorkspaceEntry } from '$lib/shared/domain/workspace';
import {
	RESTORE_MARKER_PREFIX,
	getWorkspace,
	listWorkspaces,
	putWorkspace,
	settingKeys
} from '$lib/shared/storage/registry';
import { WorkspaceSession } from '$lib/shared/sync/session';
import { err, ok, problem, todayUtc, type Result } from '$lib/shared/domain';
import type { OpenWorkspace } from './workspace.svelte';
import type { NewWorkspace } from './workspace-ops';
import { nowIso } from '../../shared/state/ids';
import { booksDebug } from '../../books/state/debug';
import { background } from '$lib/shared/state/background';

// What an open workspace needs (its sections' state, engines and replicas) loads when one is first
// opened, not with the workspace list: the first visit stays small. The service worker precaches
// these chunks with the rest of the build, so opening a workspace offline still works.
const workspaceModule = () => import('./workspace.svelte');
const ops = () => import('./workspace-ops');
const restoreOps = () => import('./restore');

/** The longest the page waits for the books worker to read its shard before loading its own copy. */
const BOOKS_HEAD_START_MS = 400;

class KeelApp {
	workspaces = $state.raw<WorkspaceEntry[]>([]);
	loaded = $state(false);
	current = $state.raw<OpenWorkspace | null>(null);
	opening = $state<string | null>(null);
	error = $state<string | null>(null);
	/** Why the last workspace asked for through `show` could not be opened, in words. */
	openError = $state<string | null>(null);
	/** What the last restore over the open workspace did, shown once it has reopened. */
	restoreNotice = $state<{ workspaceId: string; text: string } | null>(null);
	#openSeq = 0;
	/** A restore a closed tab cut short is completed or undone before anything is listed or opened. */
	#recovered: Promise<unknown> | null = null;

	#recover(): Promise<unknown> {
		// The restore code loads only when a restore was cut short: the first visit stays small.
		this.#recovered ??= settingKeys(RESTORE_MARKER_PREFIX)
			.then(async (keys) => (keys.length ? (await restoreOps()).finishUnfinishedRestores() : 0))
			.catch((e: unknown) => console.error('Keel could not finish an interrupted restore', e));
		return this.#recovered;
	}

	async refresh(): Promise<void> {
		await this.#recover();
		try {
			this.workspaces = await listWorkspaces();
		} catch (e) {
			this.error = `Keel could not read this browser's storage: ${e instanceof Error ? e.message : String(e)}`;
		}
		this.loaded = true;
	}

	#pendingOpen: { id: string; promise: Promise<OpenWorkspace | null> } | null = null;
	/** Callers of `show` waiting for a workspace to reach the screen. */
	#shownWaiters: { id: string; settle: (ws: OpenWorkspace | null) => void }[] = [];

	/**
	 * Opens a workspace (see `open`) but resolves as soon as it is on screen — shown from the registry
	 * and last session's projections — while its shards go on loading; null when this browser does not
	 * hold it. What the workspace layout's `load` waits for, so pages render early and never see null.
	 */
	show(id: string): Promise<OpenWorkspace | null> {
		if (this.current?.id === id) return Promise.resolve(this.current);
		this.openError = null;
		return new Promise((resolve, reject) => {
			let settled = false;
			// The first of "on screen" and "open failed" decides; the other is then ignored.
			const once =
				<T>(finish: (x: T) => void) =>
				(x: T) => {
					if (settled) return;
					settled = true;
					this.#shownWaiters = this.#shownWaiters.filter((w) => w.settle !== settle);
					finish(x);
				};
			const settle = once(resolve);
			this.#shownWaiters.push({ id, settle });
			this.open(id).then(settle, (e: unknown) => {
				const error = e instanceof Error ? e : new Error(String(e));
				// Shown already, then its shards failed to load: the layout says so from `openError`.
				this.openError = `Keel could not open this workspace: ${error.message}`;
				once(reject)(error);
			});
		});
	}

	/** Opens a workspace by id, closing the one open before. Resolves to null if it is unknown here. */
	open(id: string): Promise<OpenWorkspace | null> {
		if (this.current?.id === id) return Promise.resolve(this.current);
		// Two callers asking for the same workspace at once share one open, never two sessions.
		if (this.#pendingOpen?.id === id) return this.#pendingOpen.promise;
		const promise = this.#open(id).finally(() => {
			if (this.#pendingOpen?.promise === promise) this.#pendingOpen = null;
		});
		this.#pendingOpen = { id, promise };
		return promise;
	}

	async #open(id: string): Promise<OpenWorkspace | null> {
		const seq = ++this.#openSeq;
		this.opening = id;
		try {
			performance.mark('keel:open-start');
			const module = workspaceModule();
			await this.#recover();
			const entry = await getWorkspace(id);
			performance.mark('keel:registry-read');
			if (!entry) return null;
			if (this.restoreNotice?.workspaceId !== id) this.restoreNotice = null;
			// Narrow connect-src to this workspace's servers before anything connects; a page already
			// narrowed to other servers reloads (a policy cannot be loosened) and opens this one afresh.
			if (limitConnections(entry.signaling) === 'reload') {
				location.reload();
				return await new Promise<null>(() => {});
			}
			await this.close();
			const updated = { ...entry, lastOpenedAt: nowIso() };
			// Recording the open must not hold up showing it.
			background(putWorkspace(updated), 'recording when this workspace was opened');
			// Show the workspace at once (from the registry and projections), then go live.
			const { OpenWorkspace } = await module;
			if (seq !== this.#openSeq) return this.current;
			const open = new OpenWorkspace(updated);
			this.current = open;
			performance.mark('keel:workspace-shown');
			for (const w of this.#shownWaiters.filter((x) => x.id === id)) w.settle(open);
			// Let the projection's copy reach the screen before loading the shards takes the thread.
			await open.tasks?.previewed;
			await open.people?.previewed;
			await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
			// Let the books worker read its copy of a large book first (it reads ~15× faster with the
			// main thread idle), but never hold the workspace up for long on it. Small books skip this:
			// the wait would only delay everything else.
			if (open.books?.wasLarge)
				await Promise.race([
					open.books.workerReading,
					new Promise((r) => setTimeout(r, BOOKS_HEAD_START_MS))
				]);
			performance.mark('keel:shards-loading');
			const session = await WorkspaceSession.open(updated);
			if (seq !== this.#openSeq || this.current !== open) {
				await session.close();
				return this.current;
			}
			open.attach(session);
			void this.refresh();
			return open;
		} finally {
			if (seq === this.#openSeq) this.opening = null;
		}
	}

	async close(): Promise<void> {
		const open = this.current;
		this.current = null;
		await open?.close();
	}

	async create(input: NewWorkspace & { demo?: boolean }): Promise<OpenWorkspace> {
		await this.close();
		const [{ createWorkspace }, { OpenWorkspace }, { seedDemoBooks, seedDemoTasks }] = await Promise.all([
			ops(),
			workspaceModule(),
			import('./demo')
		]);
		const { entry, session } = await createWorkspace(input);
		const open = new OpenWorkspace(entry);
		open.attach(session);
		if (input.demo && open.tasks) seedDemoTasks(open.tasks, todayUtc(), open.entry.memberId);
		if (input.demo && open.books) seedDemoBooks(open.books, todayUtc(), input.profile.baseCurrency);
		this.current = open;
		await this.refresh();
		return open;
	}

	/** Joins from an invite; a link that fails its checks is refused with why, and nothing changes. */
	async join(invite: Invite, memberName: string): Promise<Result<OpenWorkspace | null>> {
		await this.close();
		const { joinWorkspace } = await ops();
		const joined = await joinWorkspace(invite, memberName);
		if (!joined.ok) return joined;
		await this.refresh();
		return ok(await this.open(joined.value.id));
	}

	async remove(id: string): Promise<void> {
		const entry = this.workspaces.find((w) => w.id === id) ?? (await getWorkspace(id));
		if (!entry) return;
		if (this.current?.id === id) await this.close();
		const { deleteWorkspace } = await ops();
		await deleteWorkspace(entry);
		await this.refresh();
	}

	async backup(passphrase?: string): Promise<{ fileName: string; text: string } | null> {
		const open = this.current;
		if (!open) return null;
		const { backupWorkspace } = await ops();
		const text = await backupWorkspace(open.session, passphrase);
		const slug =
			open.profile.name
				.replace(/[^\p{L}\p{N}]+/gu, '-')
				.replace(/^-|-$/g, '')
				.toLowerCase() || 'workspace';
		return { fileName: `keel-${slug}-${todayUtc()}.keel.json`, text };
	}

	async restoreNew(args: {
		text: string;
		fileName: string;
		passphrase?: string;
		memberName: string;
		/** The person's go-ahead for a backup Keel cannot check for edits. */
		acceptUnchecked?: boolean;
	}): Promise<Result<WorkspaceEntry>> {
		const { restoreAsNewWorkspace } = await restoreOps();
		const result = await restoreAsNewWorkspace(args);
		await this.refresh();
		return result;
	}

	async restoreInto(args: {
		text: string;
		fileName: string;
		passphrase?: string;
		/** The person's go-ahead for a backup Keel cannot check for edits. */
		acceptUnchecked?: boolean;
	}): Promise<Result<WorkspaceEntry>> {
		const open = this.current;
		if (!open) return err(problem('workspace/not-open'));
		// Check the file before closing anything: a bad, edited or foreign file leaves the workspace untouched.
		const { checkRestoreInto, writeOverWorkspace } = await restoreOps();
		const checked = await checkRestoreInto({ entry: open.entry, ...args });
		if (!checked.ok) return checked;
		const entry = open.entry;
		await this.close();
		try {
			const restored = await writeOverWorkspace(entry.id, checked.value);
			this.restoreNotice = {
				workspaceId: entry.id,
				text: `Restored “${checked.value.workspace.name}” from ${args.fileName}.`
			};
			return ok(restored);
		} finally {
			await this.refresh();
			await this.open(entry.id);
		}
	}
}

export const app = new KeelApp();

// A window for tests, benchmarks and support: sync connection counts of the open workspace, and,
// only when localStorage 'keel-debug' is '1', bulk verbs used by `npm run bench`.
if (typeof window !== 'undefined') {
	const debug = (() => {
		try {
			return localStorage.getItem('keel-debug') === '1';
		} catch {
			return false;
		}
	})();
	(window as unknown as { __keel: object }).__keel = {
		connections: () => app.current?.session.peerCounts() ?? null,
		presenceStates: () => app.current?.session.presenceStates() ?? null,
		...(debug && {
			debug: {
				books: booksDebug(() => app.current?.books),
				taskCount: () => app.current?.tasks?.all.length ?? 0,
				/** A shard's live Y.Doc once the workspace is live, for e2e tests that play a teammate tampering with their own copy. */
				shardDoc: (shard: string) =>
					app.current?.ready
						? ([...app.current.session.docs].find(([name]) => name === shard)?.[1] ?? null)
						: null,
				projectionReady: () => app.current?.tasks?.projectionReady ?? false,
				/** Payroll bench: a gross-to-net batch in the payroll worker. */
				payrollGrossToNet: (cases: Parameters<NonNullable<OpenWorkspace['payroll']>['grossToNetTimed']>[0]) =>
					app.current?.payroll?.grossToNetTimed(cases) ?? null,
				/** Payroll bench: computes a run in the worker from the People records (ms, page to page). */
				payrollPreview: async (runId: string) => {
					const t0 = performance.now();
					const r = await app.current?.payroll?.preview(runId);
					return r?.ok ? performance.now() - t0 : null;
				},
				countWithPriority: (p: number) => app.current?.tasks?.all.filter((t) => t.priority === p).length ?? 0,
				bankingReady: () =>
					app.current?.banking?.ready ? (app.current.banking.bankAccounts.length ?? 0) : 0,
				/** Asks the books worker (banking part) for proposals on the first bank account, as the reconcile screen does. */
				bankMatch: async () => {
					const b = app.current?.banking;
					const account = b?.bankAccounts[0];
					if (!b || !account) return null;
					const t0 = performance.now();
					const r = await b.proposals(account.id, 0.9);
					const wallMs = Math.round(performance.now() - t0);
					return r.ok
						? { wallMs, workerMs: r.value.ms, matches: r.value.matches.length }
						: { error: r.error.message };
				},
				/** Parses statement text in the books worker (banking part): lines read and time taken. */
				bankParse: async (text: string, fileName: string) => {
					const b = app.current?.banking;
					if (!b) return null;
					const bytes = new TextEncoder().encode(text);
					const t0 = performance.now();
					const r = await b.parse(bytes, fileName);
					const wallMs = Math.round(performance.now() - t0);
					return r.ok
						? { wallMs, lines: r.value.statements.reduce((n, s) => n + s.lines.length, 0) }
						: { error: r.error.message };
				},
				/** Sets the priority of the first n tasks, each as its own edit, like n separate clicks. */
				setPriorityOfFirst: (n: number, p: 0 | 1 | 2 | 3) => {
					const tasks = app.current?.tasks;
					if (!tasks) return 0;
					const ids = tasks.all.slice(0, n).map((t) => t.id);
					for (const id of ids) tasks.setPriority(id, p);
					return ids.length;
				}
			}
		})
	};
}
