// The audit log as the Settings screen shows it: which shards this browser can read, each one's log
// checked (shared/sync/audit-log.ts), re-read shortly after the shard changes. Recording starts when
// a workspace opens (startAuditLog) and writes only this browser's own changes, each entry sealed
// with this device's key when it has one. In a workspace with member keys, who wrote each entry is
// read from its seal (one check per device's chain, shared/domain/audit-signers.ts), not from the
// name the writing device gave.
import type { ShardName } from '$lib/shared/domain/workspace';
import { settleUnlogged, type AuditCheck, type UnloggedSuspects } from '$lib/shared/domain/audit';
import { attributeAudit, type AttributedAudit } from '$lib/shared/domain/audit-signers';
import {
	deletionProblems,
	settleDeletions,
	unaccountedDeletions,
	type DeletedRun,
	type DeletionSuspects
} from '$lib/shared/domain/audit-deletions';
import type { TrustState } from '$lib/shared/domain/identity';
import type { WorkspaceEntry } from '$lib/shared/domain/workspace';
import { auditSealCheck, auditSealContext } from '$lib/shared/sync/audit-seal';
import { createSealChecker, type SealChecker } from '$lib/shared/sync/fact-seal';
import {
	AuditRecorder,
	deletedRuns,
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

/**
 * Starts recording this browser's changes to every shard it holds, each entry sealed by the device
 * key `entry()` holds (none: unsigned, as before keys). The returned function stops, flushes, and
 * resolves when the last entry is written (signing is asynchronous).
 */
export function startAuditLog(
	session: WorkspaceSession,
	author: () => AuditAuthor,
	entry: () => WorkspaceEntry
): () => Promise<void> {
	const recorders = [...session.docs].map(
		([shard, doc]) =>
			new AuditRecorder(doc, {
				words: WORDS[shard],
				author,
				now: nowIso,
				signer: () => {
					const { id, device } = entry();
					return device ? { device, ctx: auditSealContext(id, shard) } : null;
				}
			})
	);
	const flush = () => {
		for (const r of recorders) r.flush();
	};
	addEventListener('pagehide', flush);
	return async () => {
		removeEventListener('pagehide', flush);
		for (const r of recorders) r.destroy();
		await Promise.all(recorders.map((r) => r.settled()));
	};
}

/** What judges who wrote each entry: null in a workspace without member keys (nothing could say). */
export interface AuditJudge {
	readonly workspaceId: string;
	/** The verified roles (null while they are first read). */
	trust(): TrustState | null;
	memberName(memberId: string): string | undefined;
}

/**
 * How long changes may sit uncovered by the log before they are shown as "not in the log": a
 * teammate's entry for them follows at once, or after their typing pauses (1.5 s), plus sync time.
 */
const UNLOGGED_GRACE_MS = 5000;

/** One shard's checked log, kept current while the screen shows it. */
export class AuditView {
	#checked = $state.raw<AuditCheck>({ entries: [], problems: [] });
	/** Bumped when signature checks finish, so `log` reads their answers. */
	#sealsChecked = $state(0);
	/** The shard's deleted runs at the last read (only in a workspace with member keys). */
	#deleted = $state.raw<DeletedRun[]>([]);
	/** Bumped when a deletion held back for its entry to arrive is due to be judged again. */
	#deletionsDue = $state(0);
	readonly #deletionSuspects: DeletionSuspects = new Map();
	#deletionTimer: ReturnType<typeof setTimeout> | null = null;
	readonly #judge: AuditJudge | null;
	readonly #shard: ShardName;
	readonly #checker: SealChecker;
	readonly #read: () => AuditCheck;
	readonly #readDeleted: () => DeletedRun[];
	readonly #stop: () => void;

	/** The checked log, with each entry's author as its seal shows (when the workspace has keys). */
	log: AttributedAudit = $derived.by(() => {
		const checked = this.#checked;
		const judge = this.#judge;
		if (!judge) return { ...checked, who: new Map() };
		void this.#sealsChecked;
		void this.#deletionsDue;
		const seals = auditSealCheck({
			checker: this.#checker,
			ctx: auditSealContext(judge.workspaceId, this.#shard),
			trust: judge.trust(),
			memberName: (id) => judge.memberName(id)
		});
		const attributed = attributeAudit(checked, seals);
		// Deletions no signed entry accounts for, once they have had time for their entry to arrive.
		const { unaccounted } = unaccountedDeletions({
			runs: this.#deleted,
			log: attributed,
			ownSeal: (e) => seals.status(e)
		});
		const { shown, recheckIn } = settleDeletions(
			unaccounted,
			this.#deletionSuspects,
			performance.now(),
			UNLOGGED_GRACE_MS
		);
		if (recheckIn !== null && this.#deletionTimer === null)
			this.#deletionTimer = setTimeout(() => {
				this.#deletionTimer = null;
				this.#deletionsDue++;
			}, recheckIn);
		return { ...attributed, problems: [...attributed.problems, ...deletionProblems(shown)] };
	});

	readonly #suspects: UnloggedSuspects = new Map();
	#recheck: ReturnType<typeof setTimeout> | null = null;

	constructor(session: WorkspaceSession, shard: ShardName, judge: AuditJudge | null = null) {
		this.#judge = judge;
		this.#shard = shard;
		this.#checker = createSealChecker({ onChange: () => this.#sealsChecked++ });
		const doc = session.doc(shard);
		this.#read = () => (doc ? readAuditLog(doc) : { entries: [], problems: [] });
		this.#readDeleted = () => (doc && judge ? deletedRuns(doc, WORDS[shard]) : []);
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
		this.#checked = shown;
		this.#deleted = this.#readDeleted();
		if (recheckIn !== null && this.#recheck === null)
			this.#recheck = setTimeout(() => {
				this.#recheck = null;
				this.refresh();
			}, recheckIn);
	}

	destroy(): void {
		this.#stop();
		if (this.#recheck !== null) clearTimeout(this.#recheck);
		if (this.#deletionTimer !== null) clearTimeout(this.#deletionTimer);
	}
}
