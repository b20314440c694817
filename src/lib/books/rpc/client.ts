// Typed Comlink client for the books worker. One worker per page, started on first use; every call
// takes one object argument and answers { ok, value } or { ok: false, error: { code, message } }.
import { wrap, type Remote } from 'comlink';
import type { BooksApi } from '$lib/books/worker/api';

let client: Remote<BooksApi> | undefined;

export function booksWorker(): Remote<BooksApi> {
	client ??= wrap<BooksApi>(
		new Worker(new URL('../worker/books.worker.ts', import.meta.url), { type: 'module', name: 'keel-books' })
	);
	return client;
}
