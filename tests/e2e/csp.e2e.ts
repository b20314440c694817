// Content Security Policy in real Chromium: the preview server sends frame-ancestors 'none' (which
// only works as a header) with X-Frame-Options and nosniff; an open workspace may connect only to
// 'self' and its configured signaling servers, so a WebSocket or fetch to any other host is blocked
// (a securitypolicyviolation event) while sync through the configured server works; a server added
// in Settings is reached after the reload Keel asks for.
import type { Page } from '@playwright/test';
import { expect, test } from './test';
import {
	addTask,
	browserPool,
	createWorkspace,
	freePort,
	invite,
	join,
	startSignaling,
	taskRow,
	waitForPeer
} from './helpers';

/** Tries a WebSocket and a fetch to each URL; the CSP violations the page saw, by blocked URL. */
async function tryConnect(page: Page, ws: string[], http: string[]): Promise<string[]> {
	return page.evaluate(
		async ({ ws, http }) => {
			const blocked: string[] = [];
			const seen = (e: SecurityPolicyViolationEvent) =>
				blocked.push(`${e.effectiveDirective} ${e.blockedURI}`);
			document.addEventListener('securitypolicyviolation', seen);
			for (const url of ws) new WebSocket(url).close();
			for (const url of http) await fetch(url).catch(() => undefined);
			await new Promise((r) => setTimeout(r, 500));
			document.removeEventListener('securitypolicyviolation', seen);
			// A fetch elsewhere breaks both policies (SvelteKit's and the workspace's): count it once.
			return [...new Set(blocked)].sort();
		},
		{ ws, http }
	);
}

test('CSP: frame-ancestors by header; connections only to the workspace’s own servers', async ({ page }) => {
	const res = await page.goto('/');
	const headers = res?.headers() ?? {};
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['x-frame-options']).toBe('DENY');
	expect(headers['x-content-type-options']).toBe('nosniff');

	const main = await startSignaling();
	const other = await startSignaling();
	const pool = browserPool();
	try {
		const alice = await pool.newPage();
		const bob = await pool.newPage();
		const wsId = await createWorkspace(alice, 'Tight Ship Ltd', 'Alice');
		// Saving a server asks for a reload (the helper clicks it); then the workspace syncs through it.
		const link = await invite(alice, wsId, main.url, 'Tasks only');
		await join(bob, link, 'Bob');
		await waitForPeer(bob);
		await alice.goto(`/w/${wsId}/tasks`);
		await waitForPeer(alice);
		await addTask(alice, 'Check the policy');
		await expect(taskRow(bob, 'Check the policy')).toBeVisible({ timeout: 30_000 });

		// Another host, by WebSocket or fetch, is blocked; the configured server and 'self' are not.
		const stranger = `http://127.0.0.1:${await freePort()}/collect`;
		expect(await tryConnect(alice, [other.url, main.url], [stranger, '/manifest.webmanifest'])).toEqual(
			[`connect-src ${other.url}/`, `connect-src ${stranger}`].sort()
		);

		// A second server added in Settings: Keel asks for a reload, after which it may be reached.
		await alice.goto(`/w/${wsId}/settings`);
		await alice.getByLabel('Signaling servers').fill(`${main.url}\n${other.url}`);
		await alice.getByRole('button', { name: 'Save servers' }).click();
		await expect(alice.getByTestId('servers-reload')).toContainText('Sync servers changed');
		expect(await tryConnect(alice, [other.url], [])).toEqual([`connect-src ${other.url}/`]);
		await Promise.all([
			alice.waitForEvent('load'),
			alice.getByRole('button', { name: 'Reload to connect' }).click()
		]);
		await expect(alice.getByTestId('sync-status')).toBeVisible();
		await expect(alice.getByTestId('servers-reload')).toHaveCount(0);
		expect(await tryConnect(alice, [other.url, main.url], [stranger])).toEqual([`connect-src ${stranger}`]);
		await waitForPeer(alice);
	} finally {
		await pool.closeAll();
		main.stop();
		other.stop();
	}
});
