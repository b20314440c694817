// A new version is offered, never forced: while someone is typing, a new service worker waits;
// the page shows "Update available — reload" and reloads only when asked.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { expect, test } from './test';
import { serveStatic } from './static-server';

test('a new version waits for the person to click reload', async ({ page }) => {
	// Serve a copy of the build that the test can redeploy under the running page.
	const dir = mkdtempSync(join(tmpdir(), 'keel-deploy-'));
	cpSync('build', dir, { recursive: true });
	const server = await serveStatic(dir);
	try {
		await page.goto(`${server.url}/`);
		await page.getByLabel('Organisation name').fill('Update Co');
		await page.getByLabel('Your name', { exact: true }).fill('Uma');
		await page.getByRole('button', { name: 'Create workspace' }).click();
		await page.waitForURL(/\/w\/[0-9A-Z]+\/tasks$/);
		await expect
			.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 20_000 })
			.toBe(true);

		// Half-typed work that a forced reload would lose.
		await page.getByLabel('New task title').fill('Half-typed while an update arrives');

		// Deploy a new version: the service worker script changes on the server.
		const sw = join(dir, 'service-worker.js');
		writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n// deployed again ${randomUUID()}\n`);
		await page.evaluate(async () => {
			const reg = await navigator.serviceWorker.getRegistration();
			await reg?.update();
		});
		const button = page.getByRole('button', { name: 'Update available — reload' });
		await expect(button).toBeVisible({ timeout: 20_000 });
		// Nothing was reloaded behind the person's back.
		await page.waitForTimeout(1000);
		await expect(page.getByLabel('New task title')).toHaveValue('Half-typed while an update arrives');

		const url = page.url();
		await Promise.all([page.waitForEvent('load', { timeout: 20_000 }), button.click()]);
		expect(page.url()).toBe(url);
		await expect(page.getByLabel('New task title')).toHaveValue('');
		await expect(page.getByRole('button', { name: 'Update available — reload' })).toHaveCount(0);
		await expect(page.getByTestId('workspace-name')).toHaveText('Update Co');
	} finally {
		await server.close();
	}
});
