// How every worker answers across Comlink: the one Result of shared/domain (plain data, so the
// structured clone keeps it whole; Error objects would lose their fields). A WorkerError thrown inside
// carries its own code; anything else thrown is reported under the call's code.
import { err, ok, type Result } from '../domain/result';

/** A worker's answer: exactly the domain's Result, named for where it crosses. */
export type WorkerResult<T> = Result<T>;

export class WorkerError extends Error {
	constructor(
		readonly code: string,
		message: string
	) {
		super(message);
	}
}

function failed(code: string, e: unknown): Result<never> {
	if (e instanceof WorkerError) return err({ code: e.code, message: e.message });
	return err({ code, message: e instanceof Error ? e.message : String(e) });
}

export async function guard<T>(code: string, work: () => Promise<T> | T): Promise<Result<T>> {
	try {
		return ok(await work());
	} catch (e) {
		return failed(code, e);
	}
}

/** The same for synchronous work (answers without waiting a microtask). */
export function guardSync<T>(code: string, work: () => T): Result<T> {
	try {
		return ok(work());
	} catch (e) {
		return failed(code, e);
	}
}
