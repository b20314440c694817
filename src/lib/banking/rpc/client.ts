// Typed Comlink client for Banking's worker calls. They go to the books worker (books/rpc/client.ts),
// which hosts the banking API beside the books one so both read its one copy of the books shard. Every
// call takes one object argument and answers { ok, value } or { ok: false, error: { code, message } }.
import type { Remote } from 'comlink';
import type { BankingApi } from '$lib/banking/worker/api';
import { sharedBooksWorker } from '$lib/books/rpc/client';

export function bankingWorker(): Remote<BankingApi> {
	return sharedBooksWorker().banking;
}
