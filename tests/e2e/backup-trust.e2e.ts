// Backups as an attacker would try them, in real Chromium with real IndexedDB: the default backup is
// encrypted behind a passphrase that must be strong and typed twice; a plaintext one needs an
// explicit choice; an edited file (sealed or plaintext, even with its checksum fixed) is refused by
// name; another workspace's backup is refused over this one, naming both; a plaintext backup restored
// where its workspace is not held needs a go-ahead; and restoring over a workspace keeps the data.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import * as Y from 'yjs';
import type { Page } from '@playwright/test';
import { expect, fixToday, test } from './test';
import { BASE, addTask, createWorkspace } from './helpers';

const PASSPHRASE = 'harbour lights 42';
const SHARD_ORDER = ['meta', 'tasks', 'books', 'people'];

async function download(page: Page, click: () => Promise<void>, path: string): Promise<string> {
	const file = page.waitForEvent('download');
	await click();
	await (await file).saveAs(path);
	return readFileSync(path, 'utf8');
}

async function restoreOver(page: Page, path: string, passphrase = ''): Promise<void> {
	await page.getByTestId('restore-file-replace').setInputFiles(path);
	await page.getByLabel('Passphrase (if the backup has one)').fill(passphrase);
	await page.getByRole('button', { name: 'Replace this workspace’s data…' }).click();
	await page.getByRole('button', { name: 'Replace', exact: true }).click();
}

/** The checksum a backup carries, recomputed as anyone could (see shared/sync/backup.ts). */
function digestOf(file: {
	shards: Record<string, string>;
	files: Record<string, { type: string; data: string }>;
}) {
	const parts = SHARD_ORDER.filter((s) => file.shards[s] !== undefined).map((s) => `${s}:${file.shards[s]}`);
	for (const id of Object.keys(file.files).sort())
		parts.push(`file:${id}:${file.files[id]?.type}:${file.files[id]?.data}`);
	return createHash('sha256').update(parts.join('\n')).digest('hex');
}

test('the default backup is encrypted, a weak or mistyped passphrase is refused with the reason', async ({
	page
}, info) => {
	const wsId = await createWorkspace(page, 'Harbour Trust', 'Bea');
	await addTask(page, 'Payroll for June');
	await page.goto(`/w/${wsId}/settings`);
	const problem = page.getByTestId('backup-passphrase-problem');
	await page.getByRole('button', { name: 'Download backup' }).click();
	await expect(problem).toHaveText(/^Passphrase: enter one, or choose to download without encryption/);
	for (const [weak, why] of [
		['short one', /at least 12 characters/],
		['password1234', /common word, a run such as “1234”/],
		['Harbour Trust!', /common word|run|repeat/]
	] as const) {
		await page.getByLabel('Backup passphrase').fill(weak);
		await page.getByLabel('Confirm passphrase').fill(weak);
		await page.getByRole('button', { name: 'Download backup' }).click();
		await expect(problem).toHaveText(why);
	}
	await page.getByLabel('Backup passphrase').fill(PASSPHRASE);
	await page.getByLabel('Confirm passphrase').fill('harbour lights 43');
	await page.getByRole('button', { name: 'Download backup' }).click();
	await expect(problem).toHaveText(/^Confirm passphrase: it does not match/);
	await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
	const text = await download(
		page,
		() => page.getByRole('button', { name: 'Download backup' }).click(),
		info.outputPath('sealed.keel.json')
	);
	await expect(problem).toHaveCount(0);
	const sealed = JSON.parse(text);
	expect(sealed.format).toBe('keel-backup-sealed');
	expect(sealed.workspace).toEqual({ id: wsId });
	expect(text).not.toContain('Payroll for June');
	expect(text).not.toContain('Harbour Trust');

	// Plaintext only by choice, after a warning in plain words.
	await page.getByRole('button', { name: 'Download without encryption…' }).click();
	await expect(page.getByTestId('plain-backup-warning')).toContainText(
		'Without encryption, anyone who gets hold of this file can read everything in it'
	);
	const plain = await download(
		page,
		() => page.getByRole('button', { name: 'Download without encryption', exact: true }).click(),
		info.outputPath('plain.keel.json')
	);
	expect(JSON.parse(plain).signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
});

test('edited backups are refused by name; another workspace’s backup is refused over this one', async ({
	page
}, info) => {
	const wsId = await createWorkspace(page, 'Harbour Trust', 'Bea');
	await addTask(page, 'Pay Ada £2,000');
	await page.goto(`/w/${wsId}/settings`);
	await page.getByLabel('Backup passphrase').fill(PASSPHRASE);
	await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
	const sealedText = await download(
		page,
		() => page.getByRole('button', { name: 'Download backup' }).click(),
		info.outputPath('sealed.keel.json')
	);
	await page.getByRole('button', { name: 'Download without encryption…' }).click();
	const plainText = await download(
		page,
		() => page.getByRole('button', { name: 'Download without encryption', exact: true }).click(),
		info.outputPath('plain.keel.json')
	);

	// A sealed file with one character of its ciphertext changed.
	const sealed = JSON.parse(sealedText);
	const data: string = sealed.data;
	sealed.data = data.slice(0, 80) + (data[80] === 'A' ? 'B' : 'A') + data.slice(81);
	const editedSealed = info.outputPath('edited-sealed.keel.json');
	writeFileSync(editedSealed, JSON.stringify(sealed));
	// A plaintext file with a forged change to the tasks and its checksum recomputed, as anyone could.
	const plain = JSON.parse(plainText);
	const doc = new Y.Doc();
	Y.applyUpdate(doc, Buffer.from(plain.shards.tasks, 'base64url'));
	doc.getMap('forged').set('note', 'pay Mallory');
	plain.shards.tasks = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64url');
	plain.digest = digestOf(plain);
	const editedPlain = info.outputPath('edited-plain.keel.json');
	writeFileSync(editedPlain, JSON.stringify(plain));

	await restoreOver(page, editedSealed, PASSPHRASE);
	await expect(page.getByTestId('restore-message')).toHaveText(
		/^edited-sealed\.keel\.json: wrong passphrase, or the backup was changed after it was made/
	);
	await restoreOver(page, editedPlain);
	await expect(page.getByTestId('restore-message')).toHaveText(
		/^edited-plain\.keel\.json: this backup was changed after it was made/
	);
	// Restored as new in this browser (which holds the workspace) it is refused as well.
	await page.goto('/');
	await page.getByTestId('restore-file-new').setInputFiles(editedPlain);
	await page.getByLabel('Your name in the restored workspace').fill('Bea');
	await page.getByRole('button', { name: 'Restore as a new workspace' }).click();
	await expect(page.getByTestId('restore-message')).toHaveText(
		/^edited-plain\.keel\.json: this backup was changed/
	);

	// Another workspace: this workspace's backup is refused over it, naming both.
	const otherId = await createWorkspace(page, 'Quay Foods', 'Bea');
	await addTask(page, 'Quay stock take');
	await page.goto(`/w/${otherId}/settings`);
	await restoreOver(page, info.outputPath('sealed.keel.json'), PASSPHRASE);
	await expect(page.getByTestId('restore-message')).toHaveText(
		'sealed.keel.json: this is a backup of “Harbour Trust”, not of “Quay Foods”: restore it as a new workspace from the workspace list. Nothing was changed.'
	);
	await page.goto(`/w/${otherId}/tasks`);
	await expect(page.getByTestId('task-row')).toHaveCount(1);
	await page.goto(`/w/${wsId}/tasks`);
	await expect(page.getByTestId('task-row')).toHaveCount(1);
	await expect(page.getByTestId('task-row')).toContainText('Pay Ada £2,000');
});

test('restoring over a workspace brings its data back and drops the old copy; a plaintext backup elsewhere needs a go-ahead', async ({
	page,
	browser
}, info) => {
	const wsId = await createWorkspace(page, 'Harbour Trust', 'Bea');
	await addTask(page, 'Gift Aid claim');
	await addTask(page, 'Trustee report');
	await page.goto(`/w/${wsId}/settings`);
	await page.getByLabel('Backup passphrase').fill(PASSPHRASE);
	await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
	const sealedPath = info.outputPath('sealed.keel.json');
	await download(page, () => page.getByRole('button', { name: 'Download backup' }).click(), sealedPath);
	await page.getByRole('button', { name: 'Download without encryption…' }).click();
	const plainPath = info.outputPath('plain.keel.json');
	await download(
		page,
		() => page.getByRole('button', { name: 'Download without encryption', exact: true }).click(),
		plainPath
	);

	// Work after the backup, then restore over it: the workspace is as it was when backed up.
	await page.goto(`/w/${wsId}/tasks`);
	await addTask(page, 'Added after the backup');
	await page.goto(`/w/${wsId}/settings`);
	await restoreOver(page, sealedPath, PASSPHRASE);
	await expect(page.getByTestId('restore-message')).toHaveText(
		'Restored “Harbour Trust” from sealed.keel.json.'
	);
	await page.goto(`/w/${wsId}/tasks`);
	await expect(page.getByTestId('task-row')).toHaveCount(2);
	await page.reload();
	await expect(page.getByTestId('task-row')).toHaveCount(2);
	await expect(page.getByTestId('task-row').filter({ hasText: 'Gift Aid claim' })).toHaveCount(1);
	// Only the new generation of the workspace's shard databases is left in the browser.
	const names = await page.evaluate(
		async (id) =>
			(await indexedDB.databases())
				.map((d) => d.name ?? '')
				.filter((n) => n.startsWith(`keel-${id}-`) || n.startsWith(`keel-${id}.`))
				.sort(),
		wsId
	);
	expect(names.length).toBeGreaterThanOrEqual(4);
	for (const n of names.filter((n) => /-(meta|tasks|books|people)$/.test(n)))
		expect(n).toMatch(new RegExp(`^keel-${wsId}\\.g[0-9a-z]{26}-`));

	// Another browser profile, which does not hold the workspace: the plaintext backup needs a go-ahead.
	const elsewhere = await browser.newContext();
	await fixToday(elsewhere);
	const other = await elsewhere.newPage();
	await other.goto(`${BASE}/`);
	await other.getByTestId('restore-file-new').setInputFiles(plainPath);
	await other.getByLabel('Your name in the restored workspace').fill('Cal');
	await other.getByRole('button', { name: 'Restore as a new workspace' }).click();
	await expect(other.getByTestId('restore-unchecked-new')).toContainText(
		'plain.keel.json: this backup is not encrypted and this browser does not hold “Harbour Trust”, so Keel cannot check whether it was changed after it was made.'
	);
	expect(other.url()).toBe(`${BASE}/`);
	await other.getByRole('button', { name: 'Restore anyway' }).click();
	await other.waitForURL(/\/w\/[0-9A-Z]+$/);
	const restoredId = new URL(other.url()).pathname.split('/')[2];
	await other.goto(`${BASE}/w/${restoredId}/tasks`);
	await expect(other.getByTestId('task-row')).toHaveCount(2);
	await elsewhere.close();
});
