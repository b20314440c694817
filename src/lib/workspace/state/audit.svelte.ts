// The audit log as the Settings screen shows it: which shards this browser can read, each one's log
// checked (shared/sync/audit-log.ts), re-read shortly after the shard changes. Recording starts when
// a workspace opens (startAuditLog) and writes only this browser's own changes.
import type { ShardName } from '$lib/shared/domain/workspace';
import { settleUnlogged, type AuditCheck, type UnloggedSuspects } from '$lib/shared/domain/audit';
import {
	AuditRecorder,
	observeAuditLog,
	readAuditLog,
	type AuditAuthor,
	type AuditWords
} from '$lib/shared/sync/audit-log';
import type { WorkspaceSession } from '$lib/shared/sync/session';
import { TASKS_AUDIT_WORDS } from '$lib/tasks/sync/audit-words';
import { BOOKS_AUDIT_WORDS } from '$lib/books/sync/audit-words';
import { BANKING_AUDIT_WORDS } from '$lib/banking/sync/audit-words';
import { PEOPLE_AUDIT_WORDS } from '$lib/people/sync/audit-words';
import { PAYROLL_AUDIT_WORDS } from '$lib/payroll/sync/audit-words';
import { nowIso } from '../../shared/state/ids';

const WORDS: Record<ShardName, AuditWords> = {
	meta: { profile: 'Workspace settings', members: 'Member', grants: 'Member role or invite' },
	tasks: TASKS_AUDIT_WORDS,
	books: { ...BOOKS_AUDIT_WORDS, ...BANKING_AUDIT_WORDS },
	people: { ...PEOPLE_AUDIT_WORDS, ...PAYROLL_AUDIT_WORDS }
};

/** What each shard's log is called on screen. */
export const SHARD_LABELS: Record<ShardName, string> = {
	meta: 'Workspace and members',
	tasks: 'Tasks',
	books: 'Books and banking',
	people: 'People and payroll'
};

/** Starts recording this browser's changes to every shard it holds; the returned function stops (and flushes). */
export function startAuditLog(session: WorkspaceSession, author: () => AuditAuthor): () => void {
	const recorders = [...session.docs].map(
		([shard, doc]) => new AuditRecorder(doc, { words: WORDS[shard], author, now: nowIso })
	);
	const flush = () => {
		for (const r of recorders) r.flush();
	};
	addEventListener('pagehide', flush);
	return () => {
		removeEventListener('pagehide', flush);
		for (const r of recorders) r.destroy();
	};
}

/**
 * How long changes may sit uncovered by the log before they are shown as "not in the log": a
 * teammate's entry for them follows at once, or after their typing pauses (1.5 s), plus sync time.
 */
const UNLOGGED_GRACE_MS = 5000;

/** One shard's checked log, kept current while the screen shows it. */
export class AuditView {
	log = $state.raw<AuditCheck>({ entries: [], problems: [] });
	readonly #read: () => AuditCheck;
	readonly #stop: () => void;

	readonly #suspects: UnloggedSuspects = new Map();
	#recheck: ReturnType<typeof setTimeout> | null = null;

	constructor(session: WorkspaceSession, shard: ShardName) {
		const doc = session.doc(shard);
		this.#read = () => (doc ? readAuditLog(doc) : { entries: [], problems: [] });
		this.refresh();
		this.#stop = doc ? observeAuditLog(doc, () => this.refresh()) : () => {};
	}

	refresh(): void {
		const { shown, recheckIn } = settleUnlogged(
			this.#read(),
			this.#suspects,
			performance.now(),
			UNLOGGED_GRACE_MS
		);
		this.log = shown;
		if (recheckIn !== null && this.#recheck === null)
			this.#recheck = setTimeout(() => {
				this.#recheck = null;
				this.refresh();
			}, recheckIn);
	}

	destroy(): void {
		this.#stop();
		if (this.#recheck !== null) clearTimeout(this.#recheck);
	}
}
