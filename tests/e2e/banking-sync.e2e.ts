// Two bookkeepers in separate Chromium instances share the books over WebRTC. The statement one
// imports and the matches one makes appear on the other's reconcile screen live; when both, offline,
// match the same bank line to different ledger lines, after reconnecting both screens show the same
// match holding and the other one as a conflict.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { browserPool, createWorkspace, invite, join, startSignaling, waitForPeer } from './helpers';
import { postEntry } from './books-helpers';

let signaling: { url: string; stop: () => void };
const pool = browserPool();
const newPage = () => pool.newPage();

test.beforeAll(async () => {
	signaling = await startSignaling();
});
test.afterAll(async () => {
	await pool.closeAll();
	signaling?.stop();
});

test("teammates see each other's statements and matches live; concurrent claims resolve the same on both", async () => {
	const alice = await newPage();
	const bob = await newPage();
	const wsId = await createWorkspace(alice, 'Two Desk Bakery', 'Alice');
	const link = await invite(alice, wsId, signaling.url, 'Books (and Tasks)');
	await join(bob, link, 'Bob');
	await waitForPeer(bob);

	// Two ledger lines could each be the electric bill.
	await alice.goto(`/w/${wsId}/books/journal`);
	for (const [date, memo] of [
		['2011-04-04', 'Electric bill'],
		['2011-04-06', 'Electric bill again']
	] as const)
		await postEntry(alice, {
			date,
			memo,
			lines: [
				['Expenses:Office Supplies', '34.51', ''],
				['Assets:Checking', '', '34.51']
			]
		});

	await alice.goto(`/w/${wsId}/banking`);
	await alice.getByRole('button', { name: 'New bank account' }).click();
	const form = alice.getByRole('form', { name: 'New bank account' });
	await form.getByLabel('Bank account name').fill('Main checking');
	await form.getByLabel('Ledger account', { exact: true }).selectOption({ label: 'Assets:Checking' });
	await form.getByRole('button', { name: 'Create bank account' }).click();
	const card = alice.getByRole('region', { name: 'Bank account Main checking' });
	await card.getByRole('button', { name: 'Import a statement' }).click();
	await card.getByLabel(/Statement file/).setInputFiles({
		name: 'checking.ofx',
		mimeType: 'application/x-ofx',
		buffer: readFileSync('tests/e2e/fixtures/checking.ofx')
	});
	await card.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(card.getByRole('status')).toHaveText('Imported 3 new lines from checking.ofx.');

	// Bob sees the statement and opens it; Alice opens it too.
	await bob.goto(`/w/${wsId}/banking`);
	await bob.getByRole('link', { name: 'checking.ofx' }).click({ timeout: 30_000 });
	await card.getByRole('link', { name: 'checking.ofx' }).click();
	const row = (p: Page, payee: string) =>
		p.getByRole('table', { name: 'Statement lines' }).locator(`tr[data-line="${payee}"]`);

	// Alice posts an entry from the dividend line; Bob's screen shows it matched, live.
	const dividend = 'DIVIDEND EARNED FOR PERIOD OF 03';
	await row(alice, dividend).getByRole('button', { name: 'Create entry' }).click();
	const entry = alice.getByRole('form', { name: 'Create an entry from this line' });
	await entry.getByLabel('Offset account').selectOption({ label: 'Income:Interest Income' });
	await entry.getByRole('button', { name: 'Post entry' }).click();
	await expect(row(bob, dividend)).toHaveAttribute('data-state', 'matched', { timeout: 30_000 });
	await expect(row(bob, dividend)).toContainText('by Alice');

	// Both offline; each matches the bill by hand to a different ledger line.
	for (const p of [alice, bob]) {
		await p.getByTestId('toggle-online').click();
		await expect(p.getByTestId('sync-status')).toContainText('Offline');
	}
	const bill = 'AUTOMATIC WITHDRAWAL, ELECTRIC BILL';
	for (const [p, memo] of [
		[alice, /Electric bill · -34.51/],
		[bob, /Electric bill again/]
	] as const) {
		await row(p, bill).getByRole('button', { name: 'Match by hand' }).click();
		const pick = p.getByRole('group', { name: 'Match by hand' });
		await pick.getByLabel(memo).check();
		await pick.getByRole('button', { name: 'Match', exact: true }).click();
		await expect(row(p, bill)).toHaveAttribute('data-state', 'matched');
	}

	// Reconnect: one claim holds on both screens, the other is shown as a conflict on both.
	for (const p of [alice, bob]) await p.getByTestId('toggle-online').click();
	for (const p of [alice, bob])
		await expect(row(p, bill).getByTestId('conflict')).toHaveCount(1, { timeout: 30_000 });
	const held = await row(alice, bill).locator('td').nth(4).locator('div').first().innerText();
	await expect(row(bob, bill).locator('td').nth(4).locator('div').first()).toHaveText(held);
	expect(held).toMatch(/Electric bill/);
	const conflictBy = await row(alice, bill).getByTestId('conflict').innerText();
	await expect(row(bob, bill).getByTestId('conflict')).toHaveText(conflictBy);
});
