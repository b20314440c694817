// Shared steps for the end-to-end tests: a signaling server on loopback, separate browsers, inviting
// a teammate, and the few UI steps nearly every test takes (create a workspace, add a task, open it).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium, expect, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, E2E_PORT } from './browser';
import { fixToday } from './test';

export const BASE = `http://127.0.0.1:${E2E_PORT}`;

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
		});
	});
}

/** Starts y-webrtc's own signaling server (the `y-webrtc-signaling` bin) and waits until it listens. */
export async function startSignaling(): Promise<{ url: string; stop: () => void }> {
	const port = await freePort();
	const child: ChildProcess = spawn(process.execPath, ['node_modules/y-webrtc/bin/server.js'], {
		env: { ...process.env, PORT: String(port) },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('signaling server did not start in 10 s')), 10_000);
		child.stdout?.on('data', (d: Buffer) => {
			if (d.toString().includes('Signaling server running')) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.on('exit', (code) => reject(new Error(`signaling server exited with ${code}`)));
	});
	return { url: `ws://127.0.0.1:${port}`, stop: () => child.kill() };
}

export async function launch(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Separate Chromium instances (separate profiles), each with one page; `closeAll` ends them. */
export function browserPool() {
	const browsers: Browser[] = [];
	return {
		async newPage(): Promise<Page> {
			const browser = await launch();
			browsers.push(browser);
			const context = await browser.newContext({ baseURL: BASE });
			await fixToday(context);
			return context.newPage();
		},
		async closeAll(): Promise<void> {
			for (const b of browsers.splice(0)) await b.close();
		}
	};
}

/**
 * Points the workspace at the signaling server and makes a signed invite link granting `grant`
 * (expiring after `days`, 7 unless given; single use when asked). Only an owner or admin sees the form.
 */
export async function invite(
	page: Page,
	wsId: string,
	signalingUrl: string,
	grant: string,
	opts: { days?: 1 | 7 | 30; singleUse?: boolean } = {}
): Promise<string> {
	await page.goto(`/w/${wsId}/settings`);
	await page.getByLabel('Signaling servers').fill(signalingUrl);
	await page.getByRole('button', { name: 'Save servers' }).click();
	await page.getByLabel('Access to grant').selectOption({ label: grant });
	if (opts.days) await page.getByLabel('Invite expires after').selectOption(String(opts.days));
	if (opts.singleUse) await page.getByLabel('Single use').check();
	await page.getByRole('button', { name: 'Create invite link' }).click();
	const link = await page.getByTestId('invite-link').inputValue();
	expect(link).toMatch(/\/join#[A-Za-z0-9_-]{60,}$/);
	// The page may reach only the servers it opened with (CSP connect-src): new ones need a reload,
	// which Keel asks for.
	const reload = page.getByRole('button', { name: 'Reload to connect' });
	if ((await reload.count()) > 0) {
		await Promise.all([page.waitForEvent('load'), reload.click()]);
		await expect(page.getByTestId('sync-status')).toBeVisible();
	}
	return link;
}

/** Joins through an invite link under `name`; the secret must not linger in the address bar. */
export async function join(page: Page, link: string, name: string): Promise<void> {
	await page.goto(link);
	await page.getByLabel('Your name').fill(name);
	await page.getByRole('button', { name: 'Join workspace' }).click();
	await page.waitForURL(/\/w\/[0-9A-Z]+\/tasks$/);
	expect(page.url()).not.toContain('#');
}

export async function waitForPeer(page: Page): Promise<void> {
	await expect(page.getByTestId('sync-status')).toContainText(/Synced with \d+ peer/, { timeout: 30_000 });
}

export async function createWorkspace(
	page: Page,
	org: string,
	member: string,
	opts: { demo?: boolean } = {}
): Promise<string> {
	await page.goto(`${BASE}/`);
	await page.getByLabel('Organisation name').fill(org);
	await page.getByLabel('Your name', { exact: true }).fill(member);
	if (opts.demo) await page.getByRole('button', { name: 'Load demo workspace' }).click();
	else await page.getByRole('button', { name: 'Create workspace' }).click();
	await page.waitForURL(/\/w\/[0-9A-Z]+\/tasks$/);
	await expect(page.getByTestId('workspace-name')).toHaveText(opts.demo && !org ? /demo/ : org);
	return new URL(page.url()).pathname.split('/')[2] as string;
}

export async function addTask(page: Page, title: string): Promise<void> {
	await page.getByLabel('New task title').fill(title);
	await page.getByLabel('New task title').press('Enter');
	await expect(taskRow(page, title)).toBeVisible();
}

export function taskRow(page: Page, title: string) {
	return page.getByTestId('task-row').filter({ has: page.getByRole('button', { name: title, exact: true }) });
}

export async function openTask(page: Page, title: string): Promise<void> {
	await taskRow(page, title).getByRole('button', { name: title, exact: true }).click();
	await expect(page.getByTestId('task-detail').getByLabel('Title')).toHaveValue(title);
}
