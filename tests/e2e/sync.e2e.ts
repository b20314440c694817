// Two teammates in two separate Chromium instances (separate profiles, so BroadcastChannel cannot
// carry anything between them) share a workspace through an invite link and y-webrtc's signaling
// server on loopback: edits cross over WebRTC, concurrent edits to different fields both survive,
// both sides work offline and converge on reconnect, and a task-only teammate never holds
// books or payroll data.
import type { Page } from '@playwright/test';
import { expect, test } from './test';
import {
	addTask,
	browserPool,
	createWorkspace,
	invite as inviteWith,
	join,
	openTask,
	startSignaling,
	taskRow,
	waitForPeer
} from './helpers';

let signaling: { url: string; stop: () => void };
const pool = browserPool();
const newPage = () => pool.newPage();
const invite = (page: Page, wsId: string, grant: string) => inviteWith(page, wsId, signaling.url, grant);

test.beforeAll(async () => {
	signaling = await startSignaling();
});
test.afterAll(async () => {
	await pool.closeAll();
	signaling?.stop();
});

test('teammates in separate browsers sync over WebRTC, merge concurrent and offline edits', async () => {
	const alice = await newPage();
	const bob = await newPage();
	const wsId = await createWorkspace(alice, 'Shared Books Co', 'Alice');
	await addTask(alice, 'Chase unpaid invoices');
	const link = await invite(alice, wsId, 'Tasks only');
	await alice.goto(`/w/${wsId}/tasks`);

	await join(bob, link, 'Bob');
	await waitForPeer(bob);
	await waitForPeer(alice);
	await expect(taskRow(bob, 'Chase unpaid invoices')).toBeVisible();
	await expect(bob.getByTestId('workspace-name')).toHaveText('Shared Books Co');

	// A new edit crosses (how fast is a benchmark figure, `npm run bench`: peer edit latency).
	await addTask(alice, 'Prepare VAT return');
	await expect(taskRow(bob, 'Prepare VAT return')).toBeVisible();

	// Presence: each sees the other, and where they are.
	await expect(alice.getByText('1 other here')).toBeVisible();
	await openTask(bob, 'Chase unpaid invoices');
	await expect(taskRow(alice, 'Chase unpaid invoices').getByText('Bob')).toBeVisible();

	// Concurrent edits to different fields of one task both survive.
	await openTask(alice, 'Chase unpaid invoices');
	await Promise.all([
		alice.getByTestId('task-detail').getByLabel('Priority').selectOption('3'),
		bob.getByTestId('task-detail').getByLabel('Due date').fill('2026-12-15')
	]);
	for (const p of [alice, bob]) {
		await expect(p.getByTestId('task-detail').getByLabel('Priority')).toHaveValue('3');
		await expect(p.getByTestId('task-detail').getByLabel('Due date')).toHaveValue('2026-12-15');
	}

	// Both go offline and keep working.
	await alice.getByTestId('toggle-online').click();
	await bob.getByTestId('toggle-online').click();
	await expect(alice.getByTestId('sync-status')).toContainText('Offline');
	await addTask(alice, 'Written by Alice offline');
	await addTask(bob, 'Written by Bob offline');
	await alice.getByTestId('task-detail').getByLabel('Title').fill('Chase unpaid invoices (Q4)');
	await alice.getByTestId('task-detail').getByLabel('Title').press('Enter');
	await bob.getByTestId('task-detail').getByLabel('New label').fill('receivables');
	await bob.getByTestId('task-detail').getByLabel('New label').press('Enter');
	await expect(taskRow(bob, 'Written by Alice offline')).toHaveCount(0);
	await expect(taskRow(alice, 'Written by Bob offline')).toHaveCount(0);

	// Reconnect: both converge on everything.
	await alice.getByTestId('toggle-online').click();
	await bob.getByTestId('toggle-online').click();
	for (const p of [alice, bob]) {
		await expect(taskRow(p, 'Written by Alice offline')).toBeVisible({ timeout: 30_000 });
		await expect(taskRow(p, 'Written by Bob offline')).toBeVisible({ timeout: 30_000 });
		await expect(taskRow(p, 'Chase unpaid invoices (Q4)')).toBeVisible();
		await expect(taskRow(p, 'Chase unpaid invoices (Q4)').getByText('receivables')).toBeVisible();
	}
	const titles = async (p: Page) =>
		(await p.getByTestId('task-row').locator('button.title').allTextContents()).sort();
	expect(await titles(bob)).toEqual(await titles(alice));

	// The sync went over WebRTC between the two browsers, not BroadcastChannel.
	const conns = await bob.evaluate(() =>
		(window as unknown as { __keel?: { connections(): unknown } }).__keel?.connections()
	);
	expect(conns).toMatchObject({ tasks: { webrtc: 1 } });

	// A task-only teammate's browser holds the workspace profile and tasks, never books or people.
	const dbs = await bob.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
	expect(dbs.some((n) => n.endsWith(`${wsId}-tasks`))).toBe(true);
	expect(dbs.some((n) => n.endsWith(`${wsId}-meta`))).toBe(true);
	expect(
		dbs.filter(
			(n) => n.endsWith(`${wsId}-people`) || n.endsWith(`${wsId}-people-files`) || n.endsWith(`${wsId}-books`)
		)
	).toEqual([]);
	const aliceDbs = await alice.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
	expect(aliceDbs.some((n) => n.endsWith(`${wsId}-people`))).toBe(true);
});

test('two people typing in one description at once both keep their words', async () => {
	const alice = await newPage();
	const bob = await newPage();
	const wsId = await createWorkspace(alice, 'Typing Co', 'Alice');
	await addTask(alice, 'Write the close memo');
	const link = await invite(alice, wsId, 'Everything');
	await alice.goto(`/w/${wsId}/tasks`);
	await join(bob, link, 'Bob');
	await waitForPeer(bob);
	await openTask(alice, 'Write the close memo');
	await openTask(bob, 'Write the close memo');
	const a = alice.getByTestId('task-detail').getByLabel('Description');
	const b = bob.getByTestId('task-detail').getByLabel('Description');
	await a.click();
	await b.click();
	await Promise.all([
		a.pressSequentially('Alice: revenue up. ', { delay: 15 }),
		b.pressSequentially('Bob: costs flat. ', { delay: 15 })
	]);
	for (const box of [a, b]) {
		await expect(box).toHaveValue(/Alice: revenue up\. /);
		await expect(box).toHaveValue(/Bob: costs flat\. /);
	}
	expect(await a.inputValue()).toBe(await b.inputValue());
});
