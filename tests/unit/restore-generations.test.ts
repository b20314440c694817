// Restoring over a workspace never drops the old copy before the new one is complete: a failure or a
// closed tab at every step leaves the old workspace opening intact (before the switch) or the new one
// complete (after it), and the next start tidies up. Also: each refusal of a restore — another
// workspace's backup, an edited one, one Keel cannot check without the person's go-ahead.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ShardName, WorkspaceEntry } from '$lib/shared/domain/workspace';
import { getWorkspace, putWorkspace, registryDb } from '$lib/shared/storage/registry';
import { encodeBackup } from '$lib/shared/sync/backup';
import { writeProfile } from '$lib/shared/sync/meta-doc';
import { readShardDoc } from '$lib/shared/sync/shard-reader';
import { writeShardUpdates } from '$lib/shared/sync/shard-writer';
import {
	finishUnfinishedRestores,
	restoreAsNewWorkspace,
	restoreIntoWorkspace,
	type RestoreStep
} from '$lib/workspace/state/restore';

const STEPS: RestoreStep[] = ['marked', 'shards-written', 'files-written', 'switched', 'old-dropped'];
let seq = 0;

function docs(name: string, task: string): Map<ShardName, Y.Doc> {
	const meta = new Y.Doc();
	writeProfile(meta, { name, country: 'GB', baseCurrency: 'GBP', fiscalYearStart: '04-06' });
	const tasks = new Y.Doc();
	tasks.getMap('probe').set('task', task);
	return new Map([
		['meta', meta],
		['tasks', tasks]
	]);
}

/** A workspace in the registry, its shards written as an older Keel wrote them (no generation). */
async function workspace(name = 'Harbour Trust'): Promise<WorkspaceEntry> {
	const id = `W${++seq}`;
	const entry: WorkspaceEntry = {
		id,
		name,
		createdAt: '2026-01-01T00:00:00.000Z',
		lastOpenedAt: '2026-01-01T00:00:00.000Z',
		shards: {
			meta: { room: `meta-room-${id}`, secret: `meta-secret-${id}` },
			tasks: { room: `tasks-room-${id}`, secret: `tasks-secret-${id}` }
		},
		memberId: 'm1',
		memberName: 'Bea',
		signaling: [],
		online: true,
		schemaVersion: 1
	};
	await putWorkspace(entry);
	const updates: Partial<Record<ShardName, Uint8Array>> = {};
	for (const [s, d] of docs(name, 'old task')) updates[s] = Y.encodeStateAsUpdate(d);
	await writeShardUpdates(id, updates);
	return entry;
}

const backupOf = (entry: WorkspaceEntry, task = 'new task') =>
	encodeBackup({
		workspace: { id: entry.id, name: entry.name },
		docs: docs(entry.name, task),
		now: '2026-11-23T00:00:00Z',
		metaSecret: entry.shards.meta?.secret
	});

/** What a session opening the workspace now would read (the registry's live generation). */
async function liveTask(id: string): Promise<unknown> {
	const doc = await readShardDoc(id, 'tasks');
	const meta = await readShardDoc(id, 'meta');
	expect(meta.getMap('profile').size).toBeGreaterThan(0);
	return doc.getMap('probe').get('task');
}

async function stores(id: string): Promise<string[]> {
	return (await indexedDB.databases())
		.map((d) => d.name ?? '')
		.filter((n) => n.startsWith(`keel-${id}-`) || n.startsWith(`keel-${id}.`))
		.sort();
}

async function markers(): Promise<number> {
	return registryDb().settings.where('key').startsWith('restore-under-way:').count();
}

describe('restore over a workspace: new copy first, then the switch, then the old copy goes', () => {
	it('a finished restore reads the backup, keeps only the live generation, and can be repeated', async () => {
		const entry = await workspace();
		expect(await stores(entry.id)).toEqual([`keel-${entry.id}-meta`, `keel-${entry.id}-tasks`]);
		for (const task of ['first restore', 'second restore']) {
			const r = await restoreIntoWorkspace({ entry, text: await backupOf(entry, task), fileName: 'b.json' });
			expect(r.ok).toBe(true);
			const live = await getWorkspace(entry.id);
			expect(live?.storeGeneration).toMatch(/^[0-9a-z]{26}$/);
			expect(await liveTask(entry.id)).toBe(task);
			const g = live?.storeGeneration;
			expect(await stores(entry.id)).toEqual([`keel-${entry.id}.g${g}-meta`, `keel-${entry.id}.g${g}-tasks`]);
		}
		expect(await markers()).toBe(0);
		// Another tab that read the entry before the restore saves it (say, going offline): the
		// workspace stays on the restored databases.
		await putWorkspace({ ...entry, online: false });
		expect((await getWorkspace(entry.id))?.storeGeneration).toMatch(/^[0-9a-z]{26}$/);
		expect((await getWorkspace(entry.id))?.online).toBe(false);
		expect(await liveTask(entry.id)).toBe('second restore');
	});

	it('a failure at any step leaves the old copy live and intact before the switch, the new one complete after', async () => {
		for (const step of STEPS) {
			const entry = await workspace();
			const text = await backupOf(entry);
			const failing = restoreIntoWorkspace(
				{ entry, text, fileName: 'b.json' },
				{
					after: (s) => {
						if (s === step) throw new Error(`disk full at ${s}`);
					}
				}
			);
			await expect(failing).rejects.toThrow(`disk full at ${step}`);
			const switched = step === 'switched' || step === 'old-dropped';
			expect(await liveTask(entry.id), step).toBe(switched ? 'new task' : 'old task');
			await finishUnfinishedRestores();
			expect(await markers(), step).toBe(0);
			expect(await liveTask(entry.id), step).toBe(switched ? 'new task' : 'old task');
			const g = (await getWorkspace(entry.id))?.storeGeneration;
			expect(g === undefined, step).toBe(!switched);
			const prefix = g ? `keel-${entry.id}.g${g}` : `keel-${entry.id}`;
			expect(await stores(entry.id), step).toEqual([`${prefix}-meta`, `${prefix}-tasks`]);
		}
	});

	it('a tab closed at any step: the next start keeps the old copy (before the switch) or finishes the new one', async () => {
		for (const step of STEPS) {
			const entry = await workspace();
			const text = await backupOf(entry);
			let reached = () => {};
			const stopped = new Promise<void>((r) => (reached = r));
			// The tab closes at `step`: nothing after it runs, not even the clean-up of a failure.
			void restoreIntoWorkspace(
				{ entry, text, fileName: 'b.json' },
				{
					after: (s) => {
						if (s !== step) return;
						reached();
						return new Promise<void>(() => {});
					}
				}
			);
			await stopped;
			const switched = step === 'switched' || step === 'old-dropped';
			expect(await liveTask(entry.id), step).toBe(switched ? 'new task' : 'old task');
			expect(await finishUnfinishedRestores(), step).toBeGreaterThanOrEqual(1);
			expect(await markers(), step).toBe(0);
			expect(await liveTask(entry.id), step).toBe(switched ? 'new task' : 'old task');
			const g = (await getWorkspace(entry.id))?.storeGeneration;
			const prefix = g ? `keel-${entry.id}.g${g}` : `keel-${entry.id}`;
			expect(await stores(entry.id), step).toEqual([`${prefix}-meta`, `${prefix}-tasks`]);
		}
	});

	it('a restore as a new workspace cut short leaves nothing behind after the next start', async () => {
		const source = await workspace('Source Ltd');
		const text = await backupOf(source);
		for (const step of ['marked', 'shards-written', 'files-written'] as const) {
			let reached = () => {};
			const stopped = new Promise<void>((r) => (reached = r));
			let made = '';
			void restoreAsNewWorkspace(
				{ text, fileName: 'b.json', memberName: 'Ann' },
				{
					after: async (s) => {
						if (s !== step) return;
						made = (await registryDb().settings.where('key').startsWith('restore-under-way:').primaryKeys())
							.map(String)
							.find((k) => !k.endsWith(source.id))!
							.split(':')[1]!;
						reached();
						return new Promise<void>(() => {});
					}
				}
			);
			await stopped;
			await finishUnfinishedRestores();
			expect(await getWorkspace(made)).toBeUndefined();
			expect(await stores(made), step).toEqual([]);
		}
		expect(await markers()).toBe(0);
	});
});

describe('what a restore refuses', () => {
	it('refuses another workspace’s backup over this one, naming both', async () => {
		const here = await workspace('Harbour Trust');
		const other = await workspace('Quay Foods');
		const r = await restoreIntoWorkspace({ entry: here, text: await backupOf(other), fileName: 'quay.json' });
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.error.code).toBe('backup/other-workspace');
			expect(r.error.message).toBe(
				'quay.json: this is a backup of “Quay Foods”, not of “Harbour Trust”: restore it as a new workspace from the workspace list. Nothing was changed.'
			);
		}
		const twin = await workspace('Harbour Trust');
		const same = await restoreIntoWorkspace({ entry: here, text: await backupOf(twin), fileName: 't.json' });
		expect(!same.ok && same.error.message).toMatch(/another workspace of the same name/);
		expect(await liveTask(here.id)).toBe('old task');
	});

	it('refuses an edited plaintext backup over the workspace and as new on a browser that holds it', async () => {
		const entry = await workspace();
		const parsed = JSON.parse(await backupOf(entry));
		const forged = JSON.parse(
			await backupOf({ ...entry, shards: { ...entry.shards, meta: { room: 'x', secret: 'guessed' } } })
		);
		for (const text of [JSON.stringify({ ...forged }), JSON.stringify({ ...parsed, createdAt: 'y' })]) {
			const over = await restoreIntoWorkspace({
				entry,
				text,
				fileName: 'edited.json',
				acceptUnchecked: true
			});
			expect(!over.ok && over.error.code).toBe('backup/edited');
			expect(!over.ok && over.error.message).toMatch(/^edited\.json: /);
			const asNew = await restoreAsNewWorkspace({
				text,
				fileName: 'edited.json',
				memberName: 'A',
				acceptUnchecked: true
			});
			expect(!asNew.ok && asNew.error.code).toBe('backup/edited');
		}
		expect(await liveTask(entry.id)).toBe('old task');
	});

	it('needs a go-ahead for a backup it cannot check: an old-format file, or plaintext from a workspace not held here', async () => {
		const entry = await workspace();
		const v2 = JSON.stringify({ ...JSON.parse(await backupOf(entry)), version: 2, signature: undefined });
		const refused = await restoreIntoWorkspace({ entry, text: v2, fileName: 'old.json' });
		expect(!refused.ok && refused.error.code).toBe('backup/unchecked');
		expect(!refused.ok && refused.error.message).toMatch(
			/^old\.json: this backup was made by an older version of Keel/
		);
		expect(await liveTask(entry.id)).toBe('old task');
		const accepted = await restoreIntoWorkspace({
			entry,
			text: v2,
			fileName: 'old.json',
			acceptUnchecked: true
		});
		expect(accepted.ok).toBe(true);
		expect(await liveTask(entry.id)).toBe('new task');

		const foreign = await encodeBackup({
			workspace: { id: 'not-held-here', name: 'Quay Foods' },
			docs: docs('Quay Foods', 'quay task'),
			now: 'x',
			metaSecret: 'a secret this browser never had'
		});
		const asNew = await restoreAsNewWorkspace({ text: foreign, fileName: 'quay.json', memberName: 'A' });
		expect(!asNew.ok && asNew.error.message).toMatch(
			/^quay\.json: this backup is not encrypted and this browser does not hold “Quay Foods”/
		);
		const ok = await restoreAsNewWorkspace({
			text: foreign,
			fileName: 'quay.json',
			memberName: 'A',
			acceptUnchecked: true
		});
		expect(ok.ok).toBe(true);
		if (ok.ok) expect(await liveTask(ok.value.id)).toBe('quay task');
	});
});
