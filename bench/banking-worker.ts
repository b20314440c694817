// Banking in the worker, in headless Chromium: parsing 10k-line files of each format, and matching a
// 10k-line statement against a 50k-entry book over the persisted books shard, with the longest
// main-thread task seen meanwhile (PerformanceObserver 'longtask').
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { generateStatementText, type GeneratedFormat } from '$lib/banking/domain/generate-statements';
import { bankingBackup } from './banking-backup';

type Record = (what: string, value: string, goal?: string) => void;
type Hooks = {
	__keel: {
		debug: {
			bankingReady(): number;
			bankMatch(): Promise<{ wallMs: number; workerMs: number; matches: number } | { error: string } | null>;
			bankParse(
				text: string,
				fileName: string
			): Promise<{ wallMs: number; lines: number } | { error: string } | null>;
		};
	};
};

/** Runs `work` in the page while observing long tasks; answers its value and the longest task (ms). */
async function withLongTasks<T>(
	page: Page,
	work: string
): Promise<{ value: T; longest: number; count: number }> {
	return page.evaluate(async (call) => {
		const tasks: number[] = [];
		const observer = new PerformanceObserver((list) => {
			for (const e of list.getEntries()) tasks.push(e.duration);
		});
		observer.observe({ type: 'longtask', buffered: false });
		const hooks = (window as unknown as Hooks).__keel.debug;
		const value = (await (call === 'match' ? hooks.bankMatch() : Promise.resolve(null))) as T;
		await new Promise((r) => setTimeout(r, 100));
		observer.disconnect();
		return { value, longest: Math.round(Math.max(0, ...tasks)), count: tasks.length };
	}, work);
}

export async function benchBankingWorker(args: {
	page: Page;
	base: string;
	record: Record;
	restoreBackup: (page: Page, path: string) => Promise<string>;
}): Promise<void> {
	const { page, base, record } = args;
	const dir = mkdtempSync(join(tmpdir(), 'keel-bench-banking-'));
	const path = join(dir, 'banking.keel.json');
	writeFileSync(path, await bankingBackup());
	const wsId = await args.restoreBackup(page, path);
	await page.goto(`${base}/w/${wsId}/banking`);
	await page.waitForFunction(
		() => ((window as unknown as Partial<Hooks>).__keel?.debug.bankingReady() ?? 0) > 0,
		null,
		{
			timeout: 180_000
		}
	);
	await page.getByRole('heading', { name: 'Checking' }).waitFor({ timeout: 60_000 });
	// Let opening settle (the 50k-entry shard loads and is persisted on the main thread): we measure
	// matching, not opening, so wait for 2 s without a long task (at most 60 s).
	const quietAfter = await page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				const t0 = performance.now();
				let last = t0;
				const observer = new PerformanceObserver((list) => {
					for (const e of list.getEntries()) last = Math.max(last, e.startTime + e.duration);
				});
				observer.observe({ type: 'longtask', buffered: true });
				const tick = setInterval(() => {
					const now = performance.now();
					if (now - last >= 2000 || now - t0 > 60_000) {
						clearInterval(tick);
						observer.disconnect();
						resolve(Math.round(now - t0));
					}
				}, 200);
			})
	);
	console.log(`    (page quiet after ${quietAfter} ms)`);

	for (const format of ['csv', 'ofx', 'qif', 'camt', 'mt940'] as GeneratedFormat[]) {
		const text = generateStatementText(format, 10_000);
		const fileName = `bench.${format === 'camt' ? 'xml' : format}`;
		const runs: number[] = [];
		let lines = 0;
		for (let i = 0; i < 3; i++) {
			const r = await page.evaluate(
				([t, f]) => (window as unknown as Hooks).__keel.debug.bankParse(t as string, f as string),
				[text, fileName]
			);
			if (!r || 'error' in r) throw new Error(`parse ${format}: ${r ? r.error : 'banking not ready'}`);
			runs.push(r.wallMs);
			lines = r.lines;
		}
		runs.sort((a, b) => a - b);
		record(
			`parse a 10k-line ${format} statement in the worker (Chromium, median of 3, bytes in to statement out)`,
			`${runs[1]} ms, ${lines} lines`
		);
	}

	const cold = await withLongTasks<
		{ wallMs: number; workerMs: number; matches: number } | { error: string } | null
	>(page, 'match');
	if (!cold.value || 'error' in cold.value)
		throw new Error(`match: ${cold.value ? cold.value.error : 'no bank account'}`);
	record(
		'match 10k bank lines against a 50k-entry book in the worker, first time (includes the worker reading the shard)',
		`${cold.value.wallMs} ms wall, ${cold.value.workerMs} ms matching, ${cold.value.matches} proposals; longest main-thread task ${cold.longest} ms (${cold.count} over 50 ms)`,
		'<= 2000 ms, no main-thread task > 50 ms'
	);
	const warm: number[] = [];
	let longest = 0;
	let count = 0;
	for (let i = 0; i < 3; i++) {
		const r = await withLongTasks<
			{ wallMs: number; workerMs: number; matches: number } | { error: string } | null
		>(page, 'match');
		if (!r.value || 'error' in r.value) throw new Error('match failed');
		warm.push(r.value.wallMs);
		longest = Math.max(longest, r.longest);
		count += r.count;
	}
	warm.sort((a, b) => a - b);
	record(
		'match 10k bank lines against a 50k-entry book in the worker, again (median of 3, request to proposals on the page)',
		`${warm[1]} ms; longest main-thread task ${longest} ms (${count} over 50 ms in 3 runs)`,
		'<= 2000 ms, no main-thread task > 50 ms'
	);
}
