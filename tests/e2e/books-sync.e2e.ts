// Two bookkeepers in separate Chromium instances share the books over WebRTC. Posted entries cross
// over; when one locks January while the other, offline, posts into January, the late entry is
// kept aside on both sides as "needs review" and counted in neither's balances.
import { expect, test } from './test';
import { browserPool, createWorkspace, invite, join, startSignaling, waitForPeer } from './helpers';
import { balanceOf, postEntry } from './books-helpers';

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

test('entries sync between bookkeepers; an entry into a period locked meanwhile is kept aside for review', async () => {
	const alice = await newPage();
	const bob = await newPage();
	const wsId = await createWorkspace(alice, 'Two Desk Accounting', 'Alice');
	const link = await invite(alice, wsId, signaling.url, 'Books (and Tasks)');
	await join(bob, link, 'Bob');
	await waitForPeer(bob);

	// Alice's chart and entry reach Bob.
	await alice.goto(`/w/${wsId}/books/journal`);
	await postEntry(alice, {
		date: '2026-01-02',
		memo: 'Capital paid in',
		lines: [
			['Assets:Checking', '5000', ''],
			['Equity', '', '5000']
		]
	});
	await bob.goto(`/w/${wsId}/books`);
	await expect(balanceOf(bob, 'Assets:Checking')).toHaveText('5,000.00 USD', { timeout: 30_000 });

	// Both go offline. Alice locks January; Bob, not knowing, posts a January bill.
	await alice.getByTestId('toggle-online').click();
	await bob.getByTestId('toggle-online').click();
	await expect(alice.getByTestId('sync-status')).toContainText('Offline');
	await expect(bob.getByTestId('sync-status')).toContainText('Offline');
	await alice.goto(`/w/${wsId}/settings`);
	await alice.getByLabel('Lock date').fill('2026-01-31');
	await alice.getByRole('button', { name: 'Save lock date' }).click();
	await expect(alice.getByTestId('lock-date')).toHaveText('locked through 2026-01-31');
	await bob.goto(`/w/${wsId}/books/journal`);
	await postEntry(bob, {
		date: '2026-01-20',
		memo: 'January insurance',
		lines: [
			['Expenses:Insurance', '300', ''],
			['Assets:Checking', '', '300']
		]
	});
	await postEntry(bob, {
		date: '2026-02-03',
		memo: 'February insurance',
		lines: [
			['Expenses:Insurance', '300', ''],
			['Assets:Checking', '', '300']
		]
	});
	await bob.goto(`/w/${wsId}/books`);
	await expect(balanceOf(bob, 'Assets:Checking')).toHaveText('4,400.00 USD');

	// Reconnect: the February entry counts everywhere; the January one is kept aside on both sides.
	await alice.getByTestId('toggle-online').click();
	await bob.getByTestId('toggle-online').click();
	await alice.goto(`/w/${wsId}/books`);
	for (const p of [alice, bob]) {
		await expect(p.getByTestId('review-count')).toHaveText('1', { timeout: 30_000 });
		await expect(balanceOf(p, 'Assets:Checking')).toHaveText('4,700.00 USD');
		await p.getByRole('link', { name: 'Needs review' }).click();
		const kept = p.getByTestId('quarantined');
		await expect(kept).toHaveCount(1);
		await expect(kept).toContainText('January insurance');
		await expect(kept).toContainText('2026-01-31');
	}
	// The books crossed over WebRTC between the two browsers.
	const conns = await bob.evaluate(() =>
		(
			window as unknown as { __keel?: { connections(): Record<string, { webrtc: number }> } }
		).__keel?.connections()
	);
	expect(conns?.books?.webrtc).toBeGreaterThan(0);

	// Bob corrects it: a copy becomes a draft dated today, which posts normally.
	await bob.getByRole('button', { name: 'Copy into a draft' }).click();
	await expect(bob).toHaveURL(/\/books\/journal#draft-/);
	const form = bob.getByRole('form', { name: 'Journal entry' });
	await expect(form.getByLabel('Description')).toHaveValue('January insurance');
	await form.getByRole('button', { name: 'Post entry' }).click();
	await bob.getByRole('link', { name: 'Accounts' }).click();
	await expect(balanceOf(bob, 'Assets:Checking')).toHaveText('4,400.00 USD');
	await alice.getByRole('link', { name: 'Accounts' }).click();
	await expect(balanceOf(alice, 'Assets:Checking')).toHaveText('4,400.00 USD', { timeout: 30_000 });
});
