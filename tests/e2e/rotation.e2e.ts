// Removal that works, in three separate Chromium instances over y-webrtc on loopback: the owner (Ann),
// a Books member (Bea) and a Tasks-only member (Cal) all sync; Ann removes Cal. The workspace's keys
// change: Ann's and Bea's browsers move to new rooms and keep syncing with each other (a task, a books
// entry, both ways, and again after Bea reloads), while Cal's browser, still open and listening with
// its old keys, receives nothing written after the removal, and nothing Cal writes reaches Ann or Bea.
// Cal's browser learns of the removal (through the old key's handover room) and says so, in words.
import type { Page } from '@playwright/test';
import { expect, test, testDay } from './test';
import {
	addTask,
	browserPool,
	createWorkspace,
	invite,
	join,
	startSignaling,
	taskRow,
	waitForPeer
} from './helpers';
import { balanceOf, postEntry } from './books-helpers';

let signaling: { url: string; stop: () => void };
const pool = browserPool();

test.beforeAll(async () => {
	signaling = await startSignaling();
});
test.afterAll(async () => {
	await pool.closeAll();
	signaling?.stop();
});

const memberRow = (page: Page, name: string) => page.getByTestId('member-row').filter({ hasText: name });

/** This browser's registry entry for the workspace: its shard rooms (the secrets stay in the page). */
async function rooms(page: Page, wsId: string): Promise<Record<string, string>> {
	return page.evaluate(async (id) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open('keel-registry');
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const entry = await new Promise<{ shards: Record<string, { room: string }> }>((resolve, reject) => {
			const req = db.transaction('workspaces').objectStore('workspaces').get(id);
			req.onsuccess = () => resolve(req.result as { shards: Record<string, { room: string }> });
			req.onerror = () => reject(req.error);
		});
		db.close();
		return Object.fromEntries(Object.entries(entry.shards).map(([k, v]) => [k, v.room]));
	}, wsId);
}

/** The kinds of the signed statements in this browser's meta shard (a test hook; debug only). */
async function statementKinds(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const keel = (window as unknown as { __keel: { debug: { shardDoc: (s: string) => unknown } } }).__keel;
		const doc = keel.debug.shardDoc('meta') as { getMap: (n: string) => Map<string, unknown> } | null;
		if (!doc) return [];
		return [...doc.getMap('grants').values()].map((s) => (s as { body: { kind: string } }).body.kind);
	});
}

/** Every task title in this browser's tasks shard, read from the document itself (debug only). */
async function taskTitles(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const keel = (window as unknown as { __keel: { debug: { shardDoc: (s: string) => unknown } } }).__keel;
		const doc = keel.debug.shardDoc('tasks') as { toJSON: () => unknown } | null;
		return doc ? [...JSON.stringify(doc.toJSON()).matchAll(/"title":"([^"]*)"/g)].map((m) => m[1] ?? '') : [];
	});
}

/** Owner Ann, Books member Bea and Tasks-only Cal, all verified with encryption keys, all in sync. */
async function team(org: string) {
	const ann = await pool.newPage();
	const bea = await pool.newPage();
	const cal = await pool.newPage();
	for (const p of [ann, bea, cal]) await p.addInitScript(() => localStorage.setItem('keel-debug', '1'));
	const wsId = await createWorkspace(ann, org, 'Ann');
	const beaLink = await invite(ann, wsId, signaling.url, 'Books (and Tasks)');
	await join(bea, beaLink, 'Bea');
	await waitForPeer(bea);
	const calLink = await invite(ann, wsId, signaling.url, 'Tasks only');
	await join(cal, calLink, 'Cal');
	await waitForPeer(cal);
	await ann.goto(`/w/${wsId}/settings`);
	await expect(memberRow(ann, 'Bea')).toContainText('Verified', { timeout: 30_000 });
	await expect(memberRow(ann, 'Cal')).toContainText('Verified', { timeout: 30_000 });
	await expect
		.poll(async () => (await statementKinds(ann)).filter((k) => k === 'box-key').length, { timeout: 30_000 })
		.toBe(3);
	await ann.goto(`/w/${wsId}/tasks`);
	await addTask(ann, 'Before the removal');
	await expect(taskRow(cal, 'Before the removal')).toBeVisible({ timeout: 30_000 });
	await expect(taskRow(bea, 'Before the removal')).toBeVisible({ timeout: 30_000 });
	return { ann, bea, cal, wsId };
}

test('after a removal the keys change: the team keeps syncing, the removed browser receives nothing', async () => {
	test.setTimeout(240_000);
	const { ann, bea, cal, wsId } = await team('Rotate Co');
	const annBefore = await rooms(ann, wsId);
	const beaBefore = await rooms(bea, wsId);
	const calBefore = await rooms(cal, wsId);
	expect(beaBefore.meta).toBe(annBefore.meta);

	// Ann removes Cal: the screen says the keys changed, in words.
	await ann.goto(`/w/${wsId}/settings`);
	await memberRow(ann, 'Cal').getByRole('button', { name: 'Remove Cal' }).click();
	await expect(memberRow(ann, 'Cal')).toContainText('Removed');
	await expect(memberRow(ann, 'Cal').getByTestId('keys-changed')).toContainText(
		`Access removed; keys changed on ${testDay(0)}`,
		{ timeout: 30_000 }
	);
	await expect(memberRow(ann, 'Cal')).not.toContainText(/[A-Za-z0-9_-]{43}/);
	// The invite links still open carried the old keys: withdrawn with the removal.
	await expect(ann.getByTestId('invite-row')).toContainText(['Withdrawn', 'Withdrawn']);

	// Ann's and Bea's browsers move to new rooms for meta and tasks (Cal could read those); books stays.
	await expect.poll(async () => (await rooms(ann, wsId)).meta, { timeout: 30_000 }).not.toBe(annBefore.meta);
	await expect.poll(async () => (await rooms(bea, wsId)).meta, { timeout: 60_000 }).not.toBe(beaBefore.meta);
	const annAfter = await rooms(ann, wsId);
	const beaAfter = await rooms(bea, wsId);
	expect(beaAfter).toEqual({ meta: annAfter.meta, tasks: annAfter.tasks, books: annAfter.books });
	expect(annAfter.tasks).not.toBe(annBefore.tasks);
	expect(annAfter.books).toBe(annBefore.books);
	expect(annAfter.people).toBe(annBefore.people);
	expect(await rooms(cal, wsId)).toEqual(calBefore);

	// Ann and Bea each write; each sees the other's.
	await ann.goto(`/w/${wsId}/tasks`);
	await addTask(ann, 'Written by Ann after the removal');
	await bea.goto(`/w/${wsId}/tasks`);
	await expect(taskRow(bea, 'Written by Ann after the removal')).toBeVisible({ timeout: 30_000 });
	await addTask(bea, 'Written by Bea after the removal');
	await expect(taskRow(ann, 'Written by Bea after the removal')).toBeVisible({ timeout: 30_000 });
	await bea.goto(`/w/${wsId}/books/journal`);
	await postEntry(bea, {
		date: '2026-01-02',
		memo: 'Capital paid in after the removal',
		lines: [
			['Assets:Checking', '700', ''],
			['Equity', '', '700']
		]
	});
	await ann.goto(`/w/${wsId}/books`);
	await expect(balanceOf(ann, 'Assets:Checking')).toHaveText('700.00 USD', { timeout: 30_000 });

	// Cal, still open with the old keys, writes; nothing of it reaches Ann or Bea.
	await cal.goto(`/w/${wsId}/tasks`);
	await addTask(cal, 'Written by Cal after the removal');

	// Cal's browser learns of its removal through the old key's handover room, and says so.
	// (In-app navigation: a full page load right after a write may cut off its save to IndexedDB.)
	await cal.getByRole('link', { name: 'Settings' }).click();
	await expect(cal.getByTestId('access-removed')).toContainText('no longer have access', { timeout: 60_000 });
	await expect(memberRow(cal, 'Cal')).toContainText('Removed');

	// Bea reloads: she comes back in the new rooms and still syncs with Ann.
	await bea.reload();
	await waitForPeer(bea);
	expect(await rooms(bea, wsId)).toEqual(beaAfter);
	await ann.goto(`/w/${wsId}/tasks`);
	await addTask(ann, 'Written by Ann after Bea reloaded');
	await bea.goto(`/w/${wsId}/tasks`);
	await expect(taskRow(bea, 'Written by Ann after Bea reloaded')).toBeVisible({ timeout: 30_000 });

	// Well past the time sync takes (Ann's and Bea's writes crossed in seconds), Cal has none of them,
	// on screen or in its copy of the tasks; and Cal's write is in neither Ann's nor Bea's copy.
	await cal.waitForTimeout(15_000);
	await cal.getByRole('link', { name: 'Tasks' }).click();
	await expect(taskRow(cal, 'Before the removal')).toBeVisible();
	await expect(taskRow(cal, 'Written by Cal after the removal')).toBeVisible();
	for (const title of [
		'Written by Ann after the removal',
		'Written by Bea after the removal',
		'Written by Ann after Bea reloaded'
	])
		await expect(taskRow(cal, title)).toHaveCount(0);
	const calTitles = await taskTitles(cal);
	expect(calTitles).toContain('Before the removal');
	expect(calTitles).not.toContain('Written by Ann after the removal');
	expect(calTitles).not.toContain('Written by Bea after the removal');
	for (const p of [ann, bea]) {
		await expect(taskRow(p, 'Written by Cal after the removal')).toHaveCount(0);
		expect(await taskTitles(p)).not.toContain('Written by Cal after the removal');
	}
	expect(await taskTitles(ann)).toContain('Written by Bea after the removal');
});

test('a member offline during the removal picks up the new keys when back, from the old key’s handover room', async () => {
	test.setTimeout(240_000);
	const { ann, bea, cal, wsId } = await team('Away Co');
	const before = await rooms(ann, wsId);
	await bea.getByTestId('toggle-online').click();
	await expect(bea.getByTestId('sync-status')).toContainText('Offline');

	await ann.goto(`/w/${wsId}/settings`);
	await memberRow(ann, 'Cal').getByRole('button', { name: 'Remove Cal' }).click();
	await expect(memberRow(ann, 'Cal').getByTestId('keys-changed')).toContainText('keys changed on', {
		timeout: 30_000
	});
	await expect.poll(async () => (await rooms(ann, wsId)).meta, { timeout: 30_000 }).not.toBe(before.meta);
	await ann.goto(`/w/${wsId}/tasks`);
	await addTask(ann, 'Written while Bea was away');
	// Bea still holds only the old keys.
	expect((await rooms(bea, wsId)).meta).toBe(before.meta);

	// Back online, Bea meets only Cal in the old rooms, and Ann's handover room: she moves, and syncs.
	await bea.getByTestId('toggle-online').click();
	await expect
		.poll(async () => (await rooms(bea, wsId)).meta, { timeout: 60_000 })
		.toBe((await rooms(ann, wsId)).meta);
	await expect(taskRow(bea, 'Written while Bea was away')).toBeVisible({ timeout: 30_000 });
	await addTask(bea, 'Written by Bea once back');
	await expect(taskRow(ann, 'Written by Bea once back')).toBeVisible({ timeout: 30_000 });
	await cal.waitForTimeout(5_000);
	await expect(taskRow(cal, 'Written while Bea was away')).toHaveCount(0);
	await expect(taskRow(cal, 'Written by Bea once back')).toHaveCount(0);
});
