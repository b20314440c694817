// Typed Comlink client for the banking worker. One worker per page, started on first use; every call
// takes one object argument and answers { ok, value } or { ok: false, error: { code, message } }.
import { wrap, type Remote } from 'comlink';
import type { BankingApi } from '$lib/banking/worker/api';

let client: Remote<BankingApi> | undefined;

export function bankingWorker(): Remote<BankingApi> {
	client ??= wrap<BankingApi>(
		new Worker(new URL('../worker/banking.worker.ts', import.meta.url), {
			type: 'module',
			name: 'keel-banking'
		})
	);
	return client;
}
