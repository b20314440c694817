// A Tasks-only teammate attacks the workspace meta shard from their own browser (a separate Chromium
// instance): they write a malformed member entry, a member entry posing as the owner, and a fiscal-year
// start of 13-40 into their replica, which syncs them to the owner. The owner's workspace still opens
// on reload, Books reports still work (the fiscal year reads as 01-01), the owner's name is not taken
// over, and Settings → Needs review lists what was set aside, in words.
import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { browserPool, createWorkspace, invite, join, startSignaling, waitForPeer } from './helpers';

let signaling: { url: string; stop: () => void };
const pool = browserPool();

test.beforeAll(async () => {
	signaling = await startSignaling();
});
test.afterAll(async () => {
	await pool.closeAll();
	signaling?.stop();
});

interface MetaMap {
	set(key: string, value: unknown): void;
	get(key: string): unknown;
}
interface DebugWindow {
	__keel?: { debug?: { shardDoc(shard: string): { getMap(name: string): MetaMap } | null } };
}

/** Writes into the attacker's own replica of the meta shard, as a modified client would. */
async function attack(page: Page, ownerName: string): Promise<void> {
	await expect
		.poll(() =>
			page.evaluate(() => (window as unknown as DebugWindow).__keel?.debug?.shardDoc('meta') != null)
		)
		.toBe(true);
	await page.evaluate((owner) => {
		const doc = (window as unknown as DebugWindow).__keel?.debug?.shardDoc('meta');
		if (!doc) throw new Error('no meta doc');
		const members = doc.getMap('members');
		// The owner's member id, found by name in the attacker's copy.
		let ownerId = '';
		const all = members as unknown as { forEach(f: (v: unknown, k: string) => void): void };
		all.forEach((value, key) => {
			if (typeof value === 'object' && value !== null && Reflect.get(value, 'name') === owner) ownerId = key;
		});
		members.set('mallory-1', { id: 'mallory-1', name: 'Mallory' });
		members.set('mallory-2', {
			id: ownerId,
			name: 'Mallory as owner',
			color: '#000',
			joinedAt: '2026-01-01'
		});
		doc.getMap('profile').set('fiscalYearStart', '13-40');
	}, ownerName);
}

test('a Tasks-only teammate cannot lock the owner out through the meta shard', async () => {
	const owner = await pool.newPage();
	const attacker = await pool.newPage();
	await attacker.addInitScript(() => localStorage.setItem('keel-debug', '1'));

	const wsId = await createWorkspace(owner, '', 'Olive', { demo: true });
	const link = await invite(owner, wsId, signaling.url, 'Tasks only');
	await join(attacker, link, 'Mallory');
	await waitForPeer(attacker);
	await waitForPeer(owner);

	await attack(attacker, 'Olive');

	// The owner's copy receives the writes: Needs review lists them as they arrive.
	await owner.goto(`/w/${wsId}/settings`);
	const review = owner.getByTestId('needs-review');
	await expect(review.getByTestId('needs-review-item')).toHaveCount(3, { timeout: 30_000 });

	// On reload the workspace opens, and Needs review says what was set aside and why, in words.
	await owner.reload();
	await expect(owner.getByTestId('workspace-name')).toHaveText(/demo/);
	await expect(review).toContainText('Fiscal year start (“13-40”) was set aside');
	await expect(review).toContainText('01-01 is used instead');
	await expect(review).toContainText('A member entry for “Mallory” was set aside: its color is missing.');
	await expect(review).toContainText(
		'A member entry for “Mallory as owner” was set aside: it claims to be a different member'
	);
	await expect(review).toContainText('Who wrote it is not known');
	// No internal keys or field names on screen.
	await expect(review).not.toContainText('fiscalYearStart');
	await expect(review).not.toContainText('mallory-');
	// The fiscal year reads as its default everywhere.
	await expect(owner.getByLabel('Fiscal year starts')).toHaveValue('01-01');

	// Books reports still work.
	await owner.goto(`/w/${wsId}/books/reports`);
	// The default period is the fiscal year from 01-01, around the test day.
	await expect(owner.getByTestId('report-dates')).toContainText('2026');
	await expect(owner.getByRole('heading', { level: 2 }).first()).toBeVisible();
	await expect(owner.getByText('Something went wrong')).toHaveCount(0);

	// The owner's name is not taken over by the entry posing as them.
	await owner.goto(`/w/${wsId}/tasks`);
	await expect(owner.getByText('Mallory as owner')).toHaveCount(0);
});

test('renaming a member does not rewrite who recorded an HR change', async () => {
	const page = await pool.newPage();
	const wsId = await createWorkspace(page, 'Riverside Care', 'Priya');
	await page.goto(`/w/${wsId}/people/new`);
	await page.getByLabel('Given name').fill('Ada');
	await page.getByLabel('Family name').fill('Okafor');
	await page.getByLabel('Job title').fill('Director');
	await page.getByLabel('Department').fill('Programmes');
	await page.getByLabel('Location').fill('London');
	await page.getByLabel('Start date').fill('2025-01-06');
	await page.getByLabel('Annual salary').fill('60000');
	await page.getByRole('button', { name: 'Add person' }).click();
	await expect(page.getByTestId('person-name')).toHaveText('Ada Okafor');
	const personUrl = page.url();
	await expect(page.getByTestId('timeline')).toContainText('by Priya');

	// The member list now calls Priya something else (a rename, or a teammate's forged entry).
	await page.goto(`/w/${wsId}/settings`);
	await page.getByLabel('Your name').fill('Someone Else');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByText('Saved.')).toBeVisible();

	await page.goto(personUrl);
	await expect(page.getByTestId('timeline')).toContainText('by Priya');
	await expect(page.getByTestId('timeline')).not.toContainText('Someone Else');
});
