// Books hooks for `npm run bench` (window.__keel.debug.books, only with localStorage keel-debug=1):
// import a journal the way the app does (parse in the worker, write into the shard) and time the
// worker's reports as the page sees them, each timed inside the page.
import { booksWorker } from '$lib/books/rpc/client';
import type { BooksQuery, BooksState } from './books.svelte';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function booksDebug(current: () => BooksState | null | undefined) {
	const books = (): BooksState => {
		const b = current();
		if (!b?.ready) throw new Error('the books are not open');
		return b;
	};
	/** Waits until the worker counts `entries` entries (it reads them from IndexedDB, so they are persisted). */
	async function caughtUp(b: BooksState, entries: number, timeoutMs = 600_000): Promise<void> {
		const until = performance.now() + timeoutMs;
		while (performance.now() < until) {
			const s = await b.ask('summary', {});
			if (s.ok && s.value.entries >= entries) return;
			await sleep(25);
		}
		throw new Error(`the books worker did not reach ${entries} entries`);
	}
	return {
		entryCount: () => current()?.entries.length ?? 0,
		/** How long the books worker took to load this workspace's shard the first time. */
		async workerLoadMs() {
			const s = await books().ask('summary', {});
			return s.ok ? s.value.loadMs : null;
		},
		accountId: (fullName: string) => books().index.byFullName.get(fullName)?.id ?? null,
		/** Parse only (worker), then parse + write (the app's import), then until the worker counts it. */
		async importJournal(text: string, fileName: string) {
			const b = books();
			const before = b.entries.length;
			const t0 = performance.now();
			const parsed = await booksWorker().importJournal({ workspaceId: b.workspaceId, text, fileName });
			const parseMs = performance.now() - t0;
			if (!parsed.ok) return { ok: false, message: parsed.error.message };
			const t1 = performance.now();
			const r = await b.importJournal(text, fileName);
			const importMs = performance.now() - t1;
			if (!r.ok) return { ok: false, message: r.error.message };
			await caughtUp(b, before + r.value.entries);
			return { ok: true, entries: r.value.entries, parseMs, importMs, caughtUpMs: performance.now() - t1 };
		},
		/** One report call as the page makes it; `cold` first drops the worker's copy of the shard. */
		async report(method: BooksQuery, args: Record<string, unknown>, cold = false) {
			const b = books();
			if (cold) await booksWorker().reload({ workspaceId: b.workspaceId });
			const t0 = performance.now();
			const r = await b.ask(method, args as never);
			const ms = performance.now() - t0;
			return r.ok ? { ok: true, ms } : { ok: false, message: r.error.message };
		}
	};
}
