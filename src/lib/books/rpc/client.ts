// Typed Comlink client for the books worker. One worker per page, started on first use, and shared by
// Books and Banking (banking/rpc/client.ts): it holds the one worker copy of the books shard. Every call
// takes one object argument and answers { ok, value } or { ok: false, error: { code, message } }.
import { wrap, type ProxyMarked, type Remote } from 'comlink';
import type { BooksApi } from '$lib/books/worker/api';
import type { BankingApi } from '$lib/banking/worker/api';

/** What books.worker.ts exposes: each feature's API under its name (proxy-marked, so calls reach through). */
export interface BooksWorkerApi {
	readonly books: BooksApi & ProxyMarked;
	readonly banking: BankingApi & ProxyMarked;
}

let remote: Remote<BooksWorkerApi> | undefined;

/** The page's one books worker, with both APIs. */
export function sharedBooksWorker(): Remote<BooksWorkerApi> {
	remote ??= wrap<BooksWorkerApi>(
		new Worker(new URL('../worker/books.worker.ts', import.meta.url), { type: 'module', name: 'keel-books' })
	);
	return remote;
}

export function booksWorker(): Remote<BooksApi> {
	return sharedBooksWorker().books;
}
