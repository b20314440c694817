// People beyond the basics, in real Chromium: an HR admin defines custom fields and fills them
// (validation names the field), records a second emergency contact, requests leave in hours, grants
// and adjusts a balance with a reason, names HR approvers; and a workspace backup carries a person's
// document file into a restored workspace, where it opens; and a teammate given People access in
// another browser receives the file itself over WebRTC.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, testDay } from './test';

// Everything happens in the leave year of the test day, so the balances below hold on any day.
const Y = testDay().slice(0, 4);
import { browserPool, createWorkspace, invite, join, startSignaling } from './helpers';

// A 1×1 PNG: enough for the browser to decode and show as a preview.
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64'
);

async function fillBasics(page: Page, given: string, family: string) {
	await page.getByLabel('Given name').fill(given);
	await page.getByLabel('Family name').fill(family);
	await page.getByLabel('Job title').fill('Nurse');
	await page.getByLabel('Department').fill('Care');
	await page.getByLabel('Location').fill('London');
	await page.getByLabel('Start date').fill(`${Y}-01-01`);
	await page.getByLabel('Annual salary').fill('40000');
}

test('people: custom fields, a second emergency contact, leave in hours, grants, adjustments and approvers', async ({
	page
}) => {
	const wsId = await createWorkspace(page, 'Riverside Care', 'Priya');
	await page.goto(`/w/${wsId}/people/policies`);
	await page.getByRole('button', { name: /Add: UK annual leave/ }).click();
	await expect(page.getByTestId('policy')).toContainText('25 days a year');

	// Define two custom fields on People → Settings.
	await page.getByRole('navigation', { name: 'People' }).getByRole('link', { name: 'Settings' }).click();
	await expect(page.getByRole('heading', { name: 'People settings' })).toBeVisible();
	await page.getByLabel('Field label').fill('Badge number');
	await page.getByLabel('Field type').selectOption('number');
	await page.getByLabel('Required', { exact: true }).check();
	await page.getByRole('button', { name: 'Add field' }).click();
	await page.getByLabel('Field label').fill('T-shirt size');
	await page.getByLabel('Field type').selectOption('select');
	await page.getByLabel('Field options').fill('S\nM\nL');
	await page.getByRole('button', { name: 'Add field' }).click();
	await expect(page.getByTestId('custom-field')).toHaveCount(2);
	// A clashing label is refused, naming it.
	await page.getByLabel('Field label').fill('badge number');
	await page.getByRole('button', { name: 'Add field' }).click();
	await expect(page.getByRole('alert')).toContainText('another field already has this label');
	await page.getByLabel('Field label').fill('');

	// The person form asks for them; messages name the field.
	await page.goto(`/w/${wsId}/people/new`);
	await fillBasics(page, 'Kemi', 'Ito');
	await page.getByRole('button', { name: 'Add person' }).click();
	await expect(page.getByRole('alert')).toContainText('Badge number is required');
	await page.getByLabel('Badge number').fill('forty');
	await page.getByRole('button', { name: 'Add person' }).click();
	await expect(page.getByRole('alert')).toContainText('Badge number must be a number');
	await page.getByLabel('Badge number').fill('42');
	await page.getByLabel('T-shirt size').selectOption('M');
	await page.getByLabel('Emergency contact name', { exact: true }).fill('Ola Ito');
	await page.getByLabel('Emergency contact phone', { exact: true }).fill('07700 900001');
	await page.getByLabel('Second emergency contact name').fill('Dee Ito');
	await page.getByLabel('Second emergency contact phone').fill('07700 900002');
	await page.getByRole('button', { name: 'Add person' }).click();
	await expect(page.getByTestId('person-name')).toHaveText('Kemi Ito');
	await expect(page.getByTestId('custom-value')).toHaveText(['42', 'M']);
	await expect(page.getByText('Second emergency contact')).toBeVisible();
	await expect(page.getByText('Dee Ito')).toBeVisible();
	const personUrl = page.url();

	// Leave in hours: 3.75 hours of a 7.5-hour day is half a day.
	await page.getByLabel('Leave first day').fill(`${Y}-12-14`);
	await page.getByLabel('Leave length').selectOption('hours');
	await page.getByLabel('Leave hours').fill('3.75');
	await page.getByRole('button', { name: 'Request leave' }).click();
	await expect(page.getByText('Requested 3.75 hour(s): 0.5 day(s).')).toBeVisible();
	await expect(page.getByTestId('leave-request')).toContainText('(3.75 hours)');
	await page.getByTestId('leave-request').getByRole('button', { name: 'Approve' }).click();
	await expect(page.getByTestId('leave-status')).toHaveText('Approved');
	await expect(page.getByTestId('leave-available')).toHaveText('24.5');

	// A grant and an adjustment, each with a reason; the balance is derived from them.
	await page.getByText('Grant or adjust a balance').click();
	await page.getByLabel('Balance change days').fill('2');
	await page.getByRole('button', { name: 'Record' }).click();
	await expect(page.getByRole('alert')).toContainText('reason is required');
	await page.getByLabel('Balance change reason').fill('Worked the Easter weekend');
	await page.getByRole('button', { name: 'Record' }).click();
	await expect(page.getByText('Granted 2 day(s).')).toBeVisible();
	await expect(page.getByTestId('leave-available')).toHaveText('26.5');
	await page.getByLabel('Balance change kind').selectOption('adjustment');
	await page.getByLabel('Balance change days').fill('-1');
	await page.getByLabel('Balance change reason').fill('Day taken before Keel');
	await page.getByRole('button', { name: 'Record' }).click();
	await expect(page.getByTestId('leave-available')).toHaveText('25.5');
	await page.getByTestId('balance-history').getByText('Grants and adjustments (2)').click();
	await expect(page.getByTestId('balance-change')).toHaveCount(2);
	await expect(page.getByTestId('balance-change').first()).toContainText(
		'granted 2 day(s) — Worked the Easter weekend'
	);
	await expect(page.getByTestId('balance-change').nth(1)).toContainText(
		'adjusted by -1 day(s) — Day taken before Keel'
	);
	await expect(page.getByTestId('balance-change').first()).toContainText('recorded by Priya');

	// Priya becomes an HR approver; a new request is hers to decide...
	await page.goto(`/w/${wsId}/people/settings`);
	await page.getByLabel('HR approver: Priya').check();
	await page.goto(personUrl);
	await page.getByLabel('Leave first day').fill(`${Y}-12-15`);
	await page.getByLabel('Leave last day').fill(`${Y}-12-15`);
	await page.getByRole('button', { name: 'Request leave' }).click();
	const pending = page.getByTestId('leave-request').filter({ hasText: `${Y}-12-15` });
	await expect(pending.getByRole('button', { name: 'Approve' })).toBeEnabled();
	// ...until Kemi's record is linked to Priya's member: nobody decides their own request (and
	// Priya's earlier approval of Kemi's hours now counts as her own, so it is no longer applied).
	await page
		.getByLabel('Workspace member (for approvals and checklist tasks)')
		.selectOption({ label: 'Priya' });
	await expect(pending.getByRole('button', { name: 'Approve' })).toBeDisabled();
	await expect(pending.getByRole('button', { name: 'Reject' })).toBeDisabled();
	await expect(pending.getByTestId('decide-why')).toHaveText('You cannot decide your own leave request.');

	await expect(
		page.getByText('1 decision(s) made elsewhere at the same time were not applied')
	).toBeVisible();

	// Everything survives a reload.
	await page.reload();
	await expect(page.getByTestId('custom-value')).toHaveText(['42', 'M']);
	await expect(page.getByTestId('leave-available')).toHaveText('26');
	await expect(page.getByTestId('balance-change')).toHaveCount(2);
});

test('people: a backup carries document files; restored as a new workspace, the document opens', async ({
	page
}, info) => {
	const wsId = await createWorkspace(page, 'Harbour Trust', 'Bea');
	await page.goto(`/w/${wsId}/people/new`);
	await fillBasics(page, 'Ada', 'Okafor');
	await page.getByRole('button', { name: 'Add person' }).click();
	await expect(page.getByTestId('person-name')).toHaveText('Ada Okafor');
	const personPath = new URL(page.url()).pathname.split('/').slice(3).join('/');
	await page
		.getByLabel('Document file')
		.setInputFiles({ name: 'contract.png', mimeType: 'image/png', buffer: PNG });
	await page.getByRole('button', { name: 'Add document' }).click();
	await expect(page.getByTestId('document')).toContainText('contract.png');

	// An encrypted backup.
	await page.goto(`/w/${wsId}/settings`);
	await page.getByLabel('Backup passphrase').fill('harbour lights 42');
	await page.getByLabel('Confirm passphrase').fill('harbour lights 42');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download backup' }).click();
	const backupPath = info.outputPath('backup.keel.json');
	await (await download).saveAs(backupPath);
	expect(readFileSync(backupPath, 'utf8')).not.toContain('contract.png');

	await page.goto('/');
	await page.getByTestId('restore-file-new').setInputFiles(backupPath);
	await page.getByLabel('Passphrase (if the backup has one)').first().fill('harbour lights 42');
	await page.getByLabel('Your name in the restored workspace').fill('Bea');
	await page.getByRole('button', { name: 'Restore as a new workspace' }).click();
	await page.waitForURL(/\/w\/[0-9A-Z]+$/);
	const restoredId = new URL(page.url()).pathname.split('/')[2];
	expect(restoredId).not.toBe(wsId);

	// The restored workspace holds the file itself, not only the list entry.
	await page.goto(`/w/${restoredId}/${personPath}`);
	await expect(page.getByTestId('document')).toContainText('contract.png');
	await page.getByTestId('document').getByRole('button', { name: 'Preview' }).click();
	await expect(page.getByText('The file is not in this browser')).toHaveCount(0);
	const img = page.getByTestId('document-preview').getByRole('img');
	await expect(img).toBeVisible();
	expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1);
	// Byte for byte: the downloaded file is the PNG that was added.
	const file = page.waitForEvent('download');
	await page.getByTestId('document').getByRole('button', { name: 'Download' }).click();
	const saved = await file;
	expect(saved.suggestedFilename()).toBe('contract.png');
	expect(readFileSync(await saved.path()).equals(PNG)).toBe(true);
});

test('people: a teammate with People access receives document files over WebRTC, and approves as a manager', async () => {
	const signaling = await startSignaling();
	const pool = browserPool();
	try {
		const alice = await pool.newPage();
		const bob = await pool.newPage();
		const wsId = await createWorkspace(alice, 'Shared Care', 'Alice');
		await alice.goto(`/w/${wsId}/people/new`);
		await fillBasics(alice, 'Ada', 'Okafor');
		await alice.getByRole('button', { name: 'Add person' }).click();
		await expect(alice.getByTestId('person-name')).toHaveText('Ada Okafor');
		const personUrl = new URL(alice.url()).pathname;
		await alice
			.getByLabel('Document file')
			.setInputFiles({ name: 'contract.png', mimeType: 'image/png', buffer: PNG });
		await alice.getByRole('button', { name: 'Add document' }).click();
		await expect(alice.getByTestId('document')).toContainText('contract.png');

		const link = await invite(alice, wsId, signaling.url, 'People & Payroll (and Tasks)');
		await alice.goto(personUrl);

		await join(bob, link, 'Bob');
		await bob.goto(personUrl);
		await expect(bob.getByTestId('document')).toContainText('contract.png', { timeout: 30_000 });
		// The file itself arrives (it may show as not here yet for a moment first).
		await expect(bob.getByTestId('file-missing')).toHaveCount(0, { timeout: 30_000 });
		await bob.getByTestId('document').getByRole('button', { name: 'Preview' }).click();
		const img = bob.getByTestId('document-preview').getByRole('img');
		await expect(img).toBeVisible();
		expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1);
		const conns = await bob.evaluate(() =>
			(window as unknown as { __keel?: { connections(): unknown } }).__keel?.connections()
		);
		expect(conns).toMatchObject({ 'people-files': { webrtc: 1 } });

		// Approvals: Alice is the HR approver; Ada's record is linked to Bob, and Kemi reports to Ada.
		await alice.goto(`/w/${wsId}/people/policies`);
		await alice.getByRole('button', { name: /Add: UK annual leave/ }).click();
		await expect(alice.getByTestId('policy')).toContainText('25 days a year');
		for (const [given, manager] of [
			['Kemi', 'Ada Okafor'],
			['Sam', '']
		] as const) {
			await alice.goto(`/w/${wsId}/people/new`);
			await fillBasics(alice, given, 'Roe');
			if (manager) await alice.getByLabel('Manager').selectOption({ label: manager });
			await alice.getByRole('button', { name: 'Add person' }).click();
			await expect(alice.getByTestId('person-name')).toHaveText(`${given} Roe`);
			await alice.getByLabel('Leave first day').fill(`${Y}-12-14`);
			await alice.getByLabel('Leave last day').fill(`${Y}-12-14`);
			await alice.getByRole('button', { name: 'Request leave' }).click();
			await expect(alice.getByTestId('leave-status')).toHaveText('Awaiting approval');
		}
		await alice.goto(`/w/${wsId}/people/settings`);
		await alice.getByLabel('HR approver: Alice').check();
		await alice.goto(personUrl);
		await alice
			.getByLabel('Workspace member (for approvals and checklist tasks)')
			.selectOption({ label: 'Bob' });

		// Bob, as Kemi's manager, may decide her request; not Sam's, and he is told why.
		await bob.goto(`/w/${wsId}/people`);
		await bob.getByRole('link', { name: 'Sam Roe' }).click();
		await expect(bob.getByTestId('decide-why')).toHaveText(
			"Only this person's manager or an HR approver can decide this request.",
			{
				timeout: 30_000
			}
		);
		await expect(bob.getByTestId('leave-request').getByRole('button', { name: 'Approve' })).toBeDisabled();
		await bob.goto(`/w/${wsId}/people`);
		await bob.getByRole('link', { name: 'Kemi Roe' }).click();
		await bob.getByTestId('leave-request').getByRole('button', { name: 'Approve' }).click();
		await expect(bob.getByTestId('leave-status')).toHaveText('Approved');
		await alice.goto(new URL(bob.url()).pathname);
		await expect(alice.getByTestId('leave-status')).toHaveText('Approved', { timeout: 30_000 });
	} finally {
		await pool.closeAll();
		signaling.stop();
	}
});
