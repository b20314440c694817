// How every worker answers across Comlink: a value, or an error as plain data { code, message }
// (Error objects do not survive the structured clone with their fields). A WorkerError thrown
// inside carries its own code; anything else thrown is reported under the call's code.
export type WorkerResult<T> =
	{ ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export class WorkerError extends Error {
	constructor(
		readonly code: string,
		message: string
	) {
		super(message);
	}
}

function failed(code: string, e: unknown): WorkerResult<never> {
	if (e instanceof WorkerError) return { ok: false, error: { code: e.code, message: e.message } };
	return { ok: false, error: { code, message: e instanceof Error ? e.message : String(e) } };
}

export async function guard<T>(code: string, work: () => Promise<T> | T): Promise<WorkerResult<T>> {
	try {
		return { ok: true, value: await work() };
	} catch (e) {
		return failed(code, e);
	}
}

/** The same for synchronous work (answers without waiting a microtask). */
export function guardSync<T>(code: string, work: () => T): WorkerResult<T> {
	try {
		return { ok: true, value: work() };
	} catch (e) {
		return failed(code, e);
	}
}
