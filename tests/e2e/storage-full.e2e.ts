// A device with little room left: Chromium's storage quota for the app is forced low (DevTools
// protocol, Storage.overrideQuotaForOrigin), so IndexedDB refuses a large write. Importing a journal
// must then say it was not saved and leave the workspace as it was — on screen and after a reload —
// and once there is room the same import works. An ordinary edit too large for the room left (a
// 1.5 MB description) is kept in the tab under a banner that says so, and stored by itself, banner
// gone, once there is room.
//
// Chromium applies a quota override to a storage bucket only before its first write, and then checks
// each transaction against that quota (not against what was written since), and a lowered quota is
// not taken once written to. So the quota is set before the first page load, below one big import but
// above every ordinary write. A pay run's finalization is one small write that such a quota cannot
// refuse alone; its refused write is shown on fake-indexeddb (payroll/sync/not-stored.test.ts).
import type { CDPSession, Page } from '@playwright/test';
import { E2E_PORT } from './browser';
import { expect, test } from './test';
import { createWorkspace } from './payroll-helpers';
import { addTask, createWorkspace as createTeamWorkspace, openTask } from './helpers';
import { balanceOf } from './books-helpers';

const ORIGIN = `http://127.0.0.1:${E2E_PORT}`;
const sessions = new WeakMap<Page, CDPSession>();

/**
 * Puts the app's origin under a storage quota of `bytes` before its first page load; the override
 * lives as long as the DevTools session, so one is kept per page.
 */
async function overrideQuota(page: Page, bytes: number): Promise<void> {
	const cdp = await page.context().newCDPSession(page);
	sessions.set(page, cdp);
	await cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN, quotaSize: bytes });
}

/** Room again: a quota far above anything the test writes. */
async function relax(page: Page): Promise<void> {
	await sessions.get(page)?.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN, quotaSize: 1 << 30 });
}

test('storage full: importing a journal says it was not saved and changes nothing', async ({ page }) => {
	await overrideQuota(page, 1 << 20);
	const wsId = await createWorkspace(page, 'Corner Bakery', 'US');
	// 8,000 entries: one write of well over the 1 MB quota.
	const journal = Array.from(
		{ length: 8000 },
		(_, i) =>
			`2026-03-${String((i % 28) + 1).padStart(2, '0')} * Cake order ${i + 1}\n    Assets:Checking    $${(i % 100) + 10}.00\n    Income:Sales\n`
	).join('\n');
	const importFile = async () => {
		await page.getByLabel('Journal file').setInputFiles({
			name: 'march.journal',
			mimeType: 'text/plain',
			buffer: Buffer.from(journal)
		});
		await page.getByRole('button', { name: 'Import' }).click();
	};
	// 80 × ($10 + … + $109): what Assets:Checking holds once the file is in.
	const checking = () => balanceOf(page, 'Assets:Checking');
	const accounts = async () => {
		await page.goto(`/w/${wsId}/books`);
		await expect(page.locator('tr[data-account="Assets:Checking"]')).toBeVisible();
	};
	await accounts();
	const before = (await checking().textContent())?.trim() ?? '';
	expect(before).not.toContain('476,000.00');

	await page.goto(`/w/${wsId}/books`);
	await page.getByRole('link', { name: 'Import & export' }).click();
	await importFile();
	await expect(page.getByTestId('import-result')).toContainText('no room left');
	await accounts();
	await expect(checking()).toHaveText(before);

	await relax(page);
	await page.reload();
	await expect(page.locator('tr[data-account="Assets:Checking"]')).toBeVisible();
	await expect(checking()).toHaveText(before);
	await page.goto(`/w/${wsId}/books`);
	await page.getByRole('link', { name: 'Import & export' }).click();
	await importFile();
	await expect(page.getByTestId('import-result')).toContainText('8000 entries');
	await accounts();
	await expect(checking()).toHaveText('476,000.00 USD');
	await page.reload();
	await expect(checking()).toHaveText('476,000.00 USD');
});

test('storage full: an edit that could not be stored is announced and stored once there is room', async ({
	page
}) => {
	await overrideQuota(page, 1 << 20);
	await createTeamWorkspace(page, 'Harbourside Trust', 'Sam');
	await addTask(page, 'Write up the audit notes');
	await openTask(page, 'Write up the audit notes');
	await expect(page.getByTestId('unsaved-banner')).toHaveCount(0);

	// 1.5 MB of notes pasted into the description: one write larger than the room left.
	const notes = 'Reconciled. '.repeat(128 * 1024);
	const description = page.getByTestId('task-detail').getByLabel('Description');
	await description.fill(notes);
	await description.blur();
	await expect(page.getByTestId('unsaved-banner')).toContainText('could not be saved on this device');
	await expect(page.getByTestId('unsaved-banner')).toContainText('keep this tab open');

	// Room again: within Keel's retry the notes are stored and the banner goes; a reload keeps them.
	await relax(page);
	await expect(page.getByTestId('unsaved-banner')).toHaveCount(0, { timeout: 20_000 });
	await page.reload();
	await openTask(page, 'Write up the audit notes');
	await expect(page.getByTestId('task-detail').getByLabel('Description')).toHaveValue(notes);
});
