// Same-browser behaviour: tabs stay in step, the app and its data load with the network off, and
// backups restore exactly while a corrupt file changes nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from './test';
import { addTask, createWorkspace, openTask, taskRow } from './helpers';

test('two tabs of one browser stay in sync', async ({ context }) => {
	const one = await context.newPage();
	const wsId = await createWorkspace(one, 'Two Tabs Ltd', 'Pat');
	const two = await context.newPage();
	await two.goto(`/w/${wsId}/tasks`);
	await addTask(one, 'Added in tab one');
	await expect(taskRow(two, 'Added in tab one')).toBeVisible();
	await addTask(two, 'Added in tab two');
	await expect(taskRow(one, 'Added in tab two')).toBeVisible();
	await taskRow(two, 'Added in tab one').getByRole('checkbox').check();
	await expect(taskRow(one, 'Added in tab one').getByRole('checkbox')).toBeChecked();
});

test('reloads with the network off: the shell and all data are there', async ({ context, page }) => {
	await page.goto('/');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	const wsId = await createWorkspace(page, 'Offline Org', 'Ola');
	await addTask(page, 'Works on the train');
	// Wait for the service worker to control the page so the next navigation can come from it.
	await page.reload();
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

	await context.setOffline(true);
	await page.goto(`/w/${wsId}/tasks`);
	await expect(taskRow(page, 'Works on the train')).toBeVisible();
	await addTask(page, 'Added while offline');
	await page.reload();
	await expect(taskRow(page, 'Added while offline')).toBeVisible();
	await page.goto(`/w/${wsId}/settings`);
	await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
	await context.setOffline(false);
});

test('backup restores identical data; a corrupt file gives a clear error and changes nothing', async ({
	page
}, info) => {
	const wsId = await createWorkspace(page, 'Backup Charity', 'Bea');
	await addTask(page, 'Gift Aid claim');
	await addTask(page, 'Trustee report');
	await openTask(page, 'Gift Aid claim');
	await page
		.getByTestId('task-detail')
		.getByLabel('Description')
		.fill('Claim for donations since April — £1,240.50');
	await page.getByTestId('task-detail').getByLabel('New checklist item').fill('Collect declarations');
	await page.getByTestId('task-detail').getByLabel('New checklist item').press('Enter');

	await page.goto(`/w/${wsId}/settings`);
	// A plaintext backup (so this test can damage its data), by the explicit choice it needs.
	await page.getByRole('button', { name: 'Download without encryption…' }).click();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download without encryption', exact: true }).click();
	const file = await download;
	const backupPath = info.outputPath('backup.keel.json');
	await file.saveAs(backupPath);
	expect(file.suggestedFilename()).toMatch(/^keel-backup-charity-\d{4}-\d{2}-\d{2}\.keel\.json$/);

	// A damaged copy: one character changed inside the data.
	const text = readFileSync(backupPath, 'utf8');
	const parsed = JSON.parse(text);
	const tasks: string = parsed.shards.tasks;
	parsed.shards.tasks = tasks.slice(0, 50) + (tasks[50] === 'A' ? 'B' : 'A') + tasks.slice(51);
	const corruptPath = info.outputPath('corrupt.keel.json');
	writeFileSync(corruptPath, JSON.stringify(parsed));
	const foreignPath = info.outputPath('statement.csv');
	writeFileSync(foreignPath, 'Date,Amount\n2026-01-01,10.00\n');

	for (const [path, why] of [
		[corruptPath, /corrupt\.keel\.json: the backup is damaged/],
		[foreignPath, /statement\.csv: this is not a Keel backup/]
	] as const) {
		await page.getByTestId('restore-file-replace').setInputFiles(path);
		await page.getByRole('button', { name: 'Replace this workspace’s data…' }).click();
		await page.getByRole('button', { name: 'Replace', exact: true }).click();
		await expect(page.getByTestId('restore-message')).toHaveText(why);
	}
	await page.goto(`/w/${wsId}/tasks`);
	await expect(page.getByTestId('task-row')).toHaveCount(2);

	// Restore the good file as a new workspace: the same tasks, fields and checklist.
	await page.goto('/');
	await page.getByTestId('restore-file-new').setInputFiles(backupPath);
	await page.getByLabel('Your name in the restored workspace').fill('Bea');
	await page.getByRole('button', { name: 'Restore as a new workspace' }).click();
	await page.waitForURL(/\/w\/[0-9A-Z]+$/);
	const restoredId = new URL(page.url()).pathname.split('/')[2];
	expect(restoredId).not.toBe(wsId);
	await expect(page.getByTestId('workspace-name')).toHaveText('Backup Charity');
	await page.goto(`/w/${restoredId}/tasks`);
	await expect(page.getByTestId('task-row')).toHaveCount(2);
	await openTask(page, 'Gift Aid claim');
	await expect(page.getByTestId('task-detail').getByLabel('Description')).toHaveValue(
		'Claim for donations since April — £1,240.50'
	);
	await expect(page.getByTestId('task-detail').getByLabel('Done: Collect declarations')).not.toBeChecked();

	// Backing up the restored workspace gives the same tasks data, byte for byte. (The meta shard
	// gains the person who restored it as a member, so only it may differ.)
	await page.goto(`/w/${restoredId}/settings`);
	await page.getByRole('button', { name: 'Download without encryption…' }).click();
	const again = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download without encryption', exact: true }).click();
	const againPath = info.outputPath('again.keel.json');
	await (await again).saveAs(againPath);
	const second = JSON.parse(readFileSync(againPath, 'utf8'));
	const first = JSON.parse(text);
	expect(second.shards.tasks).toBe(first.shards.tasks);
	expect(second.shards.books).toBe(first.shards.books);
	expect(second.shards.people).toBe(first.shards.people);
	expect(second.workspace.name).toBe(first.workspace.name);
});

test('settings show storage use and ask for persistence', async ({ page }) => {
	const wsId = await createWorkspace(page, 'Storage Co', 'Sol');
	await page.goto(`/w/${wsId}/settings`);
	await expect(page.getByTestId('storage-usage')).toContainText(/Using .+ of .+ available/);
});
