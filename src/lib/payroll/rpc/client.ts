// Typed Comlink client for the payroll worker. One worker per page, started on first use; every call
// takes one object argument and answers { ok, value } or { ok: false, error: { code, message } }.
import { wrap, type Remote } from 'comlink';
import type { PayrollApi } from '$lib/payroll/worker/api';

let client: Remote<PayrollApi> | undefined;

export function payrollWorker(): Remote<PayrollApi> {
	client ??= wrap<PayrollApi>(
		new Worker(new URL('../worker/payroll.worker.ts', import.meta.url), {
			type: 'module',
			name: 'keel-payroll'
		})
	);
	return client;
}
