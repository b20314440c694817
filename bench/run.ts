// `npm run bench`: performance figures from the built app in headless Chromium (and, for the
// ledger, from Node against hledger and ledger-cli on the same journal). Prints figures and goals;
// it is a measurement, not a test, and never fails on a slow machine.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/browser';
import { tasksBackup } from './tasks-backup';
import { peopleBackup } from './people-backup';
import { ledgerBench } from './ledger';
import { bankingBench, payrollBench } from './engines';
import { payrollBackup, BENCH_RUN_ID } from './payroll-backup';
import { generateCases } from '$lib/payroll/domain/generated-cases';
import type { IsoDate } from '$lib/shared/domain';
import { booksBench } from './books';
import { signedBench } from './signed';
import { benchBankingWorker } from './banking-worker';

const PORT = 4175;
const BASE = `http://127.0.0.1:${PORT}`;
const results: Array<{ what: string; value: string; goal: string }> = [];
const record = (what: string, value: string, goal = '') => {
	results.push({ what, value, goal });
	console.log(`  ${what}: ${value}${goal ? `   (goal ${goal})` : ''}`);
};

function percentile(values: number[], p: number): number {
	const s = [...values].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}
const median = (v: number[]) => percentile(v, 50);

async function waitForOutput(child: ChildProcess, text: string, what: string): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`${what} did not start`)), 30_000);
		const on = (d: Buffer) => {
			if (d.toString().includes(text)) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout?.on('data', on);
		child.stderr?.on('data', on);
	});
}

async function start(): Promise<{ stop: () => void; signalUrl: string }> {
	if (!existsSync('build/index.html')) {
		const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
		if (built.status !== 0) throw new Error('build failed');
	}
	const preview = spawn(
		process.execPath,
		[
			'node_modules/vite/bin/vite.js',
			'preview',
			'--port',
			String(PORT),
			'--strictPort',
			'--host',
			'127.0.0.1'
		],
		{ stdio: ['ignore', 'pipe', 'pipe'] }
	);
	await waitForOutput(preview, String(PORT), 'preview server');
	const sigPort = PORT + 100;
	const signal = spawn(process.execPath, ['node_modules/y-webrtc/bin/server.js'], {
		env: { ...process.env, PORT: String(sigPort) },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	await waitForOutput(signal, 'Signaling server running', 'signaling server');
	return {
		signalUrl: `ws://127.0.0.1:${sigPort}`,
		stop: () => {
			preview.kill();
			signal.kill();
		}
	};
}

async function newPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
	await context.addInitScript(() => localStorage.setItem('keel-debug', '1'));
	return context.newPage();
}

async function restoreBackup(page: Page, path: string): Promise<string> {
	await page.goto(`${BASE}/`);
	await page.getByTestId('restore-file-new').setInputFiles(path);
	await page.getByLabel('Your name in the restored workspace').fill('Alex');
	await page.getByRole('button', { name: 'Restore as a new workspace' }).click();
	// The bench's generated backups are unsigned (format 2), so Keel asks before trusting one.
	const anyway = page.getByRole('button', { name: 'Restore anyway' });
	await Promise.race([
		page.waitForURL(/\/w\/[0-9A-Z]+$/, { timeout: 120_000 }).catch(() => undefined),
		anyway
			.waitFor({ timeout: 120_000 })
			.then(() => anyway.click())
			.catch(() => undefined)
	]);
	await page.waitForURL(/\/w\/[0-9A-Z]+$/, { timeout: 120_000 });
	return new URL(page.url()).pathname.split('/')[2] as string;
}

async function share(page: Page, wsId: string, signalUrl: string): Promise<string> {
	await page.goto(`${BASE}/w/${wsId}/settings`);
	await page.getByLabel('Signaling servers').fill(signalUrl);
	await page.getByRole('button', { name: 'Save servers' }).click();
	await page.getByLabel('Access to grant').selectOption('all');
	await page.getByRole('button', { name: 'Create invite link' }).click();
	const link = await page.getByTestId('invite-link').inputValue();
	// The page may reach only the servers it opened with (CSP connect-src): new ones need a reload.
	const reload = page.getByRole('button', { name: 'Reload to connect' });
	if ((await reload.count()) > 0) await Promise.all([page.waitForEvent('load'), reload.click()]);
	return link;
}

async function joinWorkspace(page: Page, link: string): Promise<void> {
	await page.goto(link);
	await page.getByLabel('Your name').fill('Blake');
	await page.getByRole('button', { name: 'Join workspace' }).click();
	await page.waitForURL(/\/tasks$/);
}

async function benchOpen(browser: Browser, count: number): Promise<{ page: Page; wsId: string }> {
	const dir = mkdtempSync(join(tmpdir(), 'keel-bench-'));
	const path = join(dir, `tasks-${count}.keel.json`);
	writeFileSync(path, await tasksBackup(count));
	const page = await newPage(browser);
	page.on('pageerror', (e) => console.log(`    [page error] ${e.message.slice(0, 300)}`));
	page.on('console', (m) => {
		if (m.type() === 'error') console.log(`    [console] ${m.text().slice(0, 300)}`);
	});
	const wsId = await restoreBackup(page, path);
	const cold = Date.now();
	await page.goto(`${BASE}/w/${wsId}/tasks`);
	await page.getByTestId('task-row').first().waitFor({ timeout: 120_000 });
	const coldMs = Date.now() - cold;
	// The first open builds the projection in the worker; later opens paint from it.
	await page.waitForFunction(
		() =>
			(
				window as unknown as { __keel: { debug: { projectionReady(): boolean } } }
			).__keel.debug.projectionReady(),
		null,
		{ timeout: 120_000 }
	);
	// Measured in the page, from navigation start to the frame after the first rows render: a
	// poll from Node would wait for the main thread, which is busy loading the shard right after.
	const times: number[] = [];
	for (let i = 0; i < 5; i++) {
		await page.goto(`${BASE}/w/${wsId}/tasks`, { waitUntil: 'commit' });
		await page.waitForFunction(() => performance.getEntriesByName('keel:list-painted').length > 0, null, {
			timeout: 60_000
		});
		times.push(
			await page.evaluate(() => Math.round(performance.getEntriesByName('keel:list-painted')[0]!.startTime))
		);
		await page.waitForFunction(() => performance.getEntriesByName('keel:tasks-live').length > 0, null, {
			timeout: 60_000
		});
	}
	const marks = await page.evaluate(() =>
		performance
			.getEntriesByType('mark')
			.map((m) => `${m.name.replace('keel:', '')} ${m.startTime.toFixed(0)} ms`)
	);
	console.log(`    last reload's timeline: ${marks.join(', ')}`);
	const total = await page.evaluate(() =>
		(window as unknown as { __keel: { debug: { taskCount(): number } } }).__keel.debug.taskCount()
	);
	record(`first open of a restored ${total}-task workspace (no projection yet)`, `${coldMs} ms`);
	record(
		`open a workspace of ${total} tasks: navigation start to list on screen (median of 5 reloads)`,
		`${median(times)} ms (min ${Math.min(...times)}, max ${Math.max(...times)})`,
		'<= 1000 ms'
	);
	return { page, wsId };
}

async function benchJsSize(browser: Browser, wsId: string, origin: Page): Promise<void> {
	// A fresh profile, as a first visit: every script the page loads to show the tasks list.
	const context = await browser.newContext();
	const page = await context.newPage();
	const scripts = new Map<string, number>();
	page.on('response', async (res) => {
		const url = res.url();
		if (!url.endsWith('.js') || url.includes('service-worker')) return;
		try {
			scripts.set(url, gzipSync(await res.body()).length);
		} catch {
			/* a response without a body (redirect) */
		}
	});
	await page.goto(`${BASE}/`);
	await page.waitForLoadState('networkidle');
	const onFirst = [...scripts.values()].reduce((a, b) => a + b, 0);
	await context.close();
	void origin;
	void wsId;
	record(
		'initial JavaScript, gzipped (first visit to the app)',
		`${(onFirst / 1024).toFixed(1)} KB in ${scripts.size} files`,
		'<= 200 KB'
	);
}

type Debug = {
	debug: {
		countWithPriority(p: number): number;
		setPriorityOfFirst(n: number, p: number): number;
		taskCount(): number;
	};
};

async function benchLatency(browser: Browser, signalUrl: string): Promise<void> {
	const a = await newPage(browser);
	const b = await newPage(await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }));
	await a.goto(`${BASE}/`);
	await a.getByLabel('Organisation name').fill('Latency Ltd');
	await a.getByLabel('Your name', { exact: true }).fill('Alex');
	await a.getByRole('button', { name: 'Create workspace' }).click();
	await a.waitForURL(/\/tasks$/);
	const wsId = new URL(a.url()).pathname.split('/')[2] as string;
	const link = await share(a, wsId, signalUrl);
	await a.goto(`${BASE}/w/${wsId}/tasks`);
	await joinWorkspace(b, link);
	await b
		.getByTestId('sync-status')
		.filter({ hasText: /Synced with/ })
		.waitFor({ timeout: 60_000 });
	await b.evaluate(() => {
		const seen: Record<string, number> = {};
		(window as unknown as { __seen: typeof seen }).__seen = seen;
		new MutationObserver(() => {
			for (const el of document.querySelectorAll('[data-testid="task-row"] button.title')) {
				const m = /^lat-(\d+)$/.exec(el.textContent ?? '');
				if (m && !(m[1]! in seen)) seen[m[1]!] = performance.timeOrigin + performance.now();
			}
		}).observe(document.body, { subtree: true, childList: true, characterData: true });
	});
	const samples: number[] = [];
	for (let i = 0; i < 60; i++) {
		const sent = await a.evaluate((title) => {
			const input = document.querySelector<HTMLInputElement>('input[aria-label="New task title"]')!;
			input.value = title;
			input.dispatchEvent(new Event('input', { bubbles: true }));
			const at = performance.timeOrigin + performance.now();
			input.form!.requestSubmit();
			return at;
		}, `lat-${i}`);
		await b.waitForFunction(
			(k) => k in (window as unknown as { __seen: Record<string, number> }).__seen,
			String(i),
			{ timeout: 10_000 }
		);
		const seen = await b.evaluate(
			(k) => (window as unknown as { __seen: Record<string, number> }).__seen[k]!,
			String(i)
		);
		if (i >= 10) samples.push(seen - sent); // the first edits include connection warm-up
		await a.waitForTimeout(30);
	}
	record(
		`peer edit latency over WebRTC on loopback, edit in A to row on B's screen (${samples.length} edits)`,
		`p50 ${median(samples).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms`,
		'p95 <= 100 ms'
	);
	await b.context().browser()?.close();
	await a.context().close();
}

async function benchMerge(browser: Browser, a: Page, wsId: string, signalUrl: string): Promise<void> {
	const link = await share(a, wsId, signalUrl);
	await a.goto(`${BASE}/w/${wsId}/tasks`);
	const other = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	const b = await newPage(other);
	b.on('console', (m) => {
		if (m.type() === 'error' || m.type() === 'warning')
			console.log(`    [teammate console] ${m.text().slice(0, 200)}`);
	});
	b.on('pageerror', (e) => console.log(`    [teammate error] ${e.message.slice(0, 200)}`));
	const total = await a.evaluate(() => (window as unknown as { __keel: Debug }).__keel.debug.taskCount());
	a.on('console', (m) => {
		if (m.type() === 'error' || m.type() === 'warning')
			console.log(`    [sharer console] ${m.text().slice(0, 200)}`);
	});
	const t0 = Date.now();
	await joinWorkspace(b, link);
	await b.waitForFunction(
		(n) => (window as unknown as { __keel: Debug }).__keel.debug.taskCount() >= n,
		total,
		{ timeout: 300_000, polling: 20 }
	);
	record(
		`first sync of a ${total}-task workspace to a new teammate (join to all tasks present)`,
		`${Date.now() - t0} ms`
	);

	await b.getByTestId('toggle-online').click();
	await b.getByTestId('sync-status').filter({ hasText: 'Offline' }).waitFor();
	await a.evaluate(() => (window as unknown as { __keel: Debug }).__keel.debug.setPriorityOfFirst(10_000, 3));
	await a.waitForTimeout(500);
	const before = await b.evaluate(() =>
		(window as unknown as { __keel: Debug }).__keel.debug.countWithPriority(3)
	);
	const t1 = Date.now();
	await b.getByTestId('toggle-online').click();
	await b.waitForFunction(
		() =>
			((
				window as unknown as { __keel: { connections(): Record<string, { webrtc: number }> | null } }
			).__keel.connections()?.tasks?.webrtc ?? 0) > 0,
		null,
		{ timeout: 60_000, polling: 5 }
	);
	const connected = Date.now() - t1;
	await b.waitForFunction(
		(n) => (window as unknown as { __keel: Debug }).__keel.debug.countWithPriority(3) >= n,
		total,
		{ timeout: 300_000, polling: 10 }
	);
	const merged = Date.now() - t1;
	record(
		`merge 10,000 task edits made while a teammate was offline (reconnect to all applied)`,
		`${merged} ms (${total - before} tasks changed; WebRTC reconnected at ${connected} ms, so ${merged - connected} ms to sync and apply)`,
		'<= 2000 ms'
	);
	await other.close();
	void browser;
}

/** People: open a 5,000-person directory to rows on screen, then time searches to rows updated. */
async function benchPeople(browser: Browser, count: number): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'keel-bench-'));
	const path = join(dir, `people-${count}.keel.json`);
	writeFileSync(path, await peopleBackup(count));
	const page = await newPage(browser);
	page.on('pageerror', (e) => console.log(`    [page error] ${e.message.slice(0, 300)}`));
	page.on('console', (m) => {
		if (m.type() === 'error') console.log(`    [console] ${m.text().slice(0, 300)}`);
	});
	const wsId = await restoreBackup(page, path);
	const cold = Date.now();
	await page.goto(`${BASE}/w/${wsId}/people`);
	await page.getByTestId('person-row').first().waitFor({ timeout: 120_000 });
	record(
		`first open of a restored ${count}-person workspace (no directory copy yet)`,
		`${Date.now() - cold} ms`
	);
	// The directory copy is written shortly after the shard is live; later opens paint from it.
	await page.waitForTimeout(2000);
	const times: number[] = [];
	for (let i = 0; i < 5; i++) {
		await page.goto(`${BASE}/w/${wsId}/people`, { waitUntil: 'commit' });
		await page.waitForFunction(() => performance.getEntriesByName('keel:people-painted').length > 0, null, {
			timeout: 60_000
		});
		times.push(
			await page.evaluate(() => Math.round(performance.getEntriesByName('keel:people-painted')[0]!.startTime))
		);
		await page.waitForFunction(() => performance.getEntriesByName('keel:people-live').length > 0, null, {
			timeout: 60_000
		});
	}
	await page.waitForTimeout(500);
	const marks = await page.evaluate(() =>
		performance
			.getEntriesByType('mark')
			.map((m) => `${m.name.replace('keel:', '')} ${m.startTime.toFixed(0)} ms`)
	);
	console.log(`    last reload's timeline: ${marks.join(', ')}`);
	const shown = await page.getByTestId('people-count').textContent();
	record(
		`open a directory of ${count} people: navigation start to list on screen (median of 5 reloads; ${shown})`,
		`${median(times)} ms (min ${Math.min(...times)}, max ${Math.max(...times)})`,
		'<= 500 ms'
	);
	// Each search: from the keystroke's input event to the rows updated in the DOM (Svelte flushes in
	// a microtask, so a zero timeout runs after it), and to the next frame (the rows on screen).
	const queries = [
		'zoe',
		'ada ok',
		'finance lead',
		'garcia-1',
		'angstrom',
		'care',
		'x-no-match',
		'ben hale-13',
		'it ad',
		'noah'
	];
	const dom: number[] = [];
	const frame: number[] = [];
	for (const q of [...queries, ...queries]) {
		const [d, f] = await page.evaluate(async (text) => {
			const input = document.querySelector<HTMLInputElement>('input[aria-label="Search people"]')!;
			const before = document.querySelector('[data-testid="people-count"]')?.textContent;
			const t0 = performance.now();
			input.value = text;
			input.dispatchEvent(new Event('input', { bubbles: true }));
			await new Promise((r) => setTimeout(r, 0));
			const changed = document.querySelector('[data-testid="people-count"]')?.textContent !== before;
			const t1 = performance.now();
			await new Promise((r) => requestAnimationFrame(r));
			return [changed ? t1 - t0 : Number.NaN, performance.now() - t0];
		}, q);
		dom.push(d);
		frame.push(f);
		await page.evaluate(() => {
			const input = document.querySelector<HTMLInputElement>('input[aria-label="Search people"]')!;
			input.value = '';
			input.dispatchEvent(new Event('input', { bubbles: true }));
		});
		await page.waitForTimeout(50);
	}
	console.log(
		`    per search (ms to DOM): ${[...queries, ...queries].map((q, i) => `${q} ${dom[i]!.toFixed(0)}`).join(', ')}`
	);
	if (dom.some(Number.isNaN))
		console.log('    (a search did not change the list within one task: its DOM time is NaN)');
	record(
		`search a directory of ${count} people, keystroke to rows updated in the DOM (${dom.length} searches)`,
		`p50 ${median(dom).toFixed(1)} ms, p95 ${percentile(dom, 95).toFixed(1)} ms, max ${Math.max(...dom).toFixed(1)} ms`,
		'<= 50 ms'
	);
	record(
		`search a directory of ${count} people, keystroke to the next frame (rows on screen)`,
		`p50 ${median(frame).toFixed(1)} ms, p95 ${percentile(frame, 95).toFixed(1)} ms, max ${Math.max(...frame).toFixed(1)} ms`
	);
	await page.context().close();
}

/** Payroll in Chromium: gross-to-net batches in the payroll worker, then a full 1,000-person run. */
async function benchPayrollApp(browser: Browser, count: number): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'keel-bench-'));
	const path = join(dir, `payroll-${count}.keel.json`);
	// A fixed day, so the run's pay date always falls inside the tax tables Keel ships.
	writeFileSync(path, await payrollBackup(count, '2026-06-15' as IsoDate));
	const page = await newPage(browser);
	page.on('pageerror', (e) => console.log(`    [page error] ${e.message.slice(0, 300)}`));
	const wsId = await restoreBackup(page, path);
	await page.goto(`${BASE}/w/${wsId}/payroll`);
	await page.getByRole('heading', { name: 'Pay runs' }).waitFor();
	await page.getByTestId('run-item').first().waitFor({ timeout: 120_000 });
	type Debug = {
		debug: { payrollGrossToNet(c: unknown): Promise<{ ok: number; roundTripMs: number; workerMs: number }> };
	};
	for (const n of [1_000, 10_000]) {
		const cases = generateCases(42, n);
		const rounds: { ok: number; roundTripMs: number; workerMs: number }[] = [];
		for (let i = 0; i < 5; i++)
			rounds.push(
				await page.evaluate(
					(c) => (window as unknown as { __keel: Debug }).__keel.debug.payrollGrossToNet(c),
					cases
				)
			);
		record(
			`gross-to-net for ${n.toLocaleString('en')} employees in the payroll worker, Chromium (median of 5; ${rounds[0]?.ok} payslips, the rest refused as invalid cases)`,
			`${median(rounds.map((r) => r.workerMs)).toFixed(0)} ms in the worker, ${median(rounds.map((r) => r.roundTripMs)).toFixed(0)} ms round trip from the page`,
			n === 1_000 ? '<= 100 ms' : '<= 1 s'
		);
	}
	// A full run: open the approved run (its preview computes), then Finalize → computed again in the
	// worker from the People records, written to the people shard, posted to Books.
	const open0 = Date.now();
	await page.goto(`${BASE}/w/${wsId}/payroll/${BENCH_RUN_ID}`);
	await page.getByTestId('register-row').first().waitFor({ timeout: 120_000 });
	const openMs = Date.now() - open0;
	const rows = await page.getByTestId('register-row').count();
	record(
		`open an approved ${rows.toLocaleString('en')}-employee run: navigation to register on screen (shard load, cases built and computed in the worker)`,
		`${openMs} ms`
	);
	type PreviewDebug = { debug: { payrollPreview(id: string): Promise<number | null> } };
	const computeMs = await page.evaluate(
		(id) => (window as unknown as { __keel: PreviewDebug }).__keel.debug.payrollPreview(id),
		BENCH_RUN_ID
	);
	const t0 = Date.now();
	await page.getByRole('button', { name: 'Finalize' }).click();
	await page.getByText('Posted to Books.').first().waitFor({ timeout: 120_000 });
	const ms = Date.now() - t0;
	const net = await page.getByTestId('register-total-net').textContent();
	record(
		`full pay run for ${rows.toLocaleString('en')} employees: compute in the worker from People records + Finalize click to "Posted to Books" (saved as the finalized run, journal posted; net ${net})`,
		`${Math.round((computeMs ?? Number.NaN) + ms)} ms (compute ${Math.round(computeMs ?? Number.NaN)} ms + finalize, save and post ${ms} ms)`,
		'<= 2 s'
	);
	await page.context().close();
}

async function main(): Promise<void> {
	console.log(`Keel benchmarks — ${new Date().toISOString()}`);
	console.log(
		`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`
	);
	const only = process.argv.slice(2);
	const want = (name: string) => only.length === 0 || only.includes(name);

	if (want('ledger')) {
		console.log('\nLedger (Node, same journal for Keel, hledger and ledger-cli)');
		await ledgerBench(record);
	}
	if (want('banking')) {
		console.log('\nBanking engine (Node, in-process)');
		bankingBench(record);
	}
	if (want('banking')) {
		const { stop } = await start();
		const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
		try {
			console.log('\nBanking in the worker (headless Chromium, production build)');
			await benchBankingWorker({ page: await newPage(browser), base: BASE, record, restoreBackup });
		} finally {
			await browser.close();
			stop();
		}
	}
	if (want('signed')) {
		console.log('\nSigned Books facts: the cost of signature checks (Node, in-process)');
		await signedBench(record);
	}
	if (want('payroll')) {
		console.log('\nPayroll engine (Node, in-process)');
		payrollBench(record);
	}
	if (want('payroll-app')) {
		const { stop } = await start();
		const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
		try {
			console.log('\nPayroll (headless Chromium, production build)');
			await benchPayrollApp(browser, 1_000);
		} finally {
			await browser.close();
			stop();
		}
	}
	if (want('people')) {
		const { stop } = await start();
		const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
		try {
			console.log('\nPeople (headless Chromium, production build)');
			await benchPeople(browser, 5_000);
		} finally {
			await browser.close();
			stop();
		}
	}
	if (want('app') || want('books') || only.includes('books-open')) {
		const { stop, signalUrl } = await start();
		const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
		try {
			if (want('app')) {
				console.log('\nApp (headless Chromium, production build)');
				const { page, wsId } = await benchOpen(browser, 10_000);
				await benchJsSize(browser, wsId, page);
				await benchLatency(browser, signalUrl);
				await benchMerge(browser, page, wsId, signalUrl);
			}
			if (want('books') || only.includes('books-open')) {
				console.log('\nBooks (headless Chromium, production build, reports in the books worker)');
				await booksBench({ browser, base: BASE, newPage, record, openOnly: !want('books') });
			}
		} finally {
			await browser.close();
			stop();
		}
	}
	console.log('\nSummary');
	for (const r of results) console.log(`  ${r.what}: ${r.value}${r.goal ? ` (goal ${r.goal})` : ''}`);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
