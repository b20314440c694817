// Plans a journal import against the books as they are: imported accounts are matched to existing
// ones by full name (the books' type and fields win), entries are re-pointed at those ids and validated with the ledger's rules.
// Invariant: the plan is all or nothing — any problem returns one error naming the file and line
// (or entry), and the caller writes nothing. Re-importing the same file changes nothing. writeImport
// then writes a plan in one transaction (sealed first when the device signs).
import { err, ok, type DomainError, type IsoDate, type Result } from '$lib/shared/domain';
import { commitFirst, storageProblem } from '$lib/shared/sync/shard-store';
import type { ImportSummary } from './replica-types';
import {
	indexAccounts,
	ledgerError,
	validateChart,
	validateEntry,
	type Account,
	type AccountId,
	type JournalEntry,
	type LedgerError
} from '$lib/books/domain';
import type * as Y from 'yjs';
import type { DeviceKey } from '$lib/shared/crypto/signing';
import { sameRecord } from './shape';
import * as docs from './doc';
import { sealBatch, sealEntry } from './authority';

export interface ImportData {
	readonly accounts: readonly Account[];
	readonly entries: readonly JournalEntry[];
	/** Line of the file each entry starts at, by entry id, when known (for messages). */
	readonly lines?: Readonly<Record<string, number>>;
}

export interface ImportPlan {
	readonly accounts: Account[];
	readonly entries: JournalEntry[];
	readonly drafts: JournalEntry[];
	/** Entries already in the books with the same content (a re-import). */
	readonly unchanged: number;
}

export interface ImportTarget {
	readonly accounts: readonly Account[];
	readonly lockDate: IsoDate | null;
	/** The stored value for an entry id, if any (posted or draft). */
	existing(id: string): unknown;
}

const same = sameRecord;

export function planImport(
	target: ImportTarget,
	data: ImportData,
	fileName: string
): Result<ImportPlan, LedgerError> {
	const where = (id: string) => {
		const line = data.lines?.[id];
		return line !== undefined ? `${fileName}:${line}` : `${fileName}, entry '${id}'`;
	};
	const have = indexAccounts(target.accounts);
	const incoming = indexAccounts(data.accounts);
	const idMap = new Map<AccountId, AccountId>();
	const added: Account[] = [];
	for (const a of data.accounts) {
		const full = incoming.fullName(a.id);
		const match = have.byFullName.get(full);
		// The books' chart is authoritative for an account it has (a file without `account`
		// directives only guesses types from top-level names).
		if (match) idMap.set(a.id, match.id);
		else if (have.byId.has(a.id))
			return ledgerError(
				'ledger/bad-chart',
				`${fileName}: account id '${a.id}' (${full}) is already used by '${have.fullName(a.id)}'`,
				{ account: full }
			);
		else idMap.set(a.id, a.id);
	}
	for (const a of data.accounts) {
		if (idMap.get(a.id) !== a.id || have.byId.has(a.id)) continue;
		const parentId = a.parentId === undefined ? undefined : (idMap.get(a.parentId) ?? a.parentId);
		const { parentId: _p, ...rest } = a;
		added.push(parentId === undefined ? rest : { ...rest, parentId });
	}
	const chart = [...target.accounts, ...added];
	const checkedChart = validateChart(chart);
	if (!checkedChart.ok)
		return ledgerError(
			'ledger/bad-chart',
			`${fileName}: ${checkedChart.error.message}`,
			checkedChart.error.details as Record<string, unknown>
		);
	const ctx = {
		accounts: checkedChart.value.byId,
		...(target.lockDate ? { lockDate: target.lockDate } : {})
	};
	const entries: JournalEntry[] = [];
	const drafts: JournalEntry[] = [];
	const ids = new Set<string>();
	let unchanged = 0;
	for (const raw of data.entries) {
		const e: JournalEntry = {
			...raw,
			lines: raw.lines.map((l) => ({ ...l, account: idMap.get(l.account) ?? l.account }))
		};
		if (ids.has(e.id))
			return ledgerError('ledger/bad-entry', `${where(e.id)}: entry id '${e.id}' appears twice in the file`, {
				entryId: e.id
			});
		ids.add(e.id);
		const before = target.existing(e.id);
		if (before !== undefined) {
			if (same(before, e)) {
				unchanged++;
				continue;
			}
			return ledgerError(
				'ledger/bad-entry',
				`${where(e.id)}: entry id '${e.id}' is already in the books with other content`,
				{ entryId: e.id }
			);
		}
		if (e.status === 'draft') {
			drafts.push(e);
			continue;
		}
		const checked = validateEntry(e, ctx);
		if (!checked.ok)
			return ledgerError(
				checked.error.code,
				`${where(e.id)}: ${checked.error.message}`,
				checked.error.details as Record<string, unknown>
			);
		entries.push(e);
	}
	return ok({ accounts: added, entries, drafts, unchanged });
}

/** Imports of at least this many entries are written as batches; smaller ones entry by entry. */
export const BATCH_FROM = 50;

/**
 * Writes a planned import as ONE update, stored before it is applied (commitFirst, shard-store.ts):
 * accounts, entries (in batches of ENTRY_BATCH_SIZE from BATCH_FROM entries on: far quicker for every
 * replica to load) and drafts. With a signer, one seal per batch (or per entry for a small import) is
 * made first. Resolves once the import is stored and applied; rejects, having changed nothing, when
 * the write failed. Returns undefined, written at once, for a doc nothing stores and no signer.
 */
export function writeImport(
	doc: Y.Doc,
	plan: ImportPlan,
	newId: () => string,
	signer: { readonly device: DeviceKey; readonly workspaceId: string } | null
): Promise<void> | undefined {
	const { accounts, entries } = plan;
	const batches: { id: string; entries: JournalEntry[]; text: string }[] = [];
	if (entries.length >= BATCH_FROM)
		for (let i = 0; i < entries.length; i += docs.ENTRY_BATCH_SIZE) {
			const part = entries.slice(i, i + docs.ENTRY_BATCH_SIZE);
			batches.push({ id: newId(), entries: part, text: docs.batchText(part) });
		}
	// The plan was checked against `doc` (planImport); the write goes to a scratch doc first.
	const write = (seals: { batches: unknown[]; entries: JournalEntry[] } | null) =>
		commitFirst(doc, (d) => {
			for (const a of accounts) docs.insertAccount(d, a);
			if (entries.length < BATCH_FROM) for (const e of seals?.entries ?? entries) docs.insertEntry(d, e);
			else
				batches.forEach((b, i) =>
					docs.insertEntryBatch(
						d,
						b.id,
						b.entries,
						seals ? { text: b.text, seal: seals.batches[i] } : undefined
					)
				);
			for (const dr of plan.drafts) docs.saveDraft(d, dr);
		});
	if (!signer) return write(null);
	const { device, workspaceId } = signer;
	return (async () => {
		const [batchSeals, sealedEntries] = await Promise.all([
			Promise.all(batches.map((b) => sealBatch(device, workspaceId, b.id, b.text))),
			entries.length < BATCH_FROM
				? Promise.all(entries.map((e) => sealEntry(device, workspaceId, e)))
				: Promise.resolve([])
		]);
		await write({ batches: batchSeals, entries: sealedEntries });
	})();
}

/**
 * Plans `data` against `target` and writes it (writeImport): a bad record, or a write the device
 * refuses (no room left), changes nothing and says which. Resolves once the import is stored.
 */
export async function importInto(
	doc: Y.Doc,
	target: ImportTarget,
	data: ImportData,
	fileName: string,
	how: {
		newId: () => string;
		signer: { readonly device: DeviceKey; readonly workspaceId: string } | null;
		track: (p: Promise<unknown>) => void;
	}
): Promise<Result<ImportSummary, DomainError>> {
	const plan = planImport(target, data, fileName);
	if (!plan.ok) return plan;
	const { accounts, entries, drafts, unchanged } = plan.value;
	const writing = writeImport(doc, plan.value, how.newId, how.signer);
	if (writing) {
		how.track(writing);
		try {
			await writing;
		} catch (e) {
			return err(storageProblem(e));
		}
	}
	return ok({ accounts: accounts.length, entries: entries.length, drafts: drafts.length, unchanged });
}
