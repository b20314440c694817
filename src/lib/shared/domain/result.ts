// Business failures are values: every domain verb that can fail returns Result<T>, never throws.
// Throwing is kept for programmer errors (a broken invariant inside Keel itself).

export interface DomainError {
	/** Stable machine code, e.g. 'ledger/unbalanced'. Words for people live in one map per module. */
	readonly code: string;
	/** A sentence a person can act on: names the file, line, field or entry and the figures. */
	readonly message: string;
	readonly details?: Readonly<Record<string, unknown>>;
}

export type Result<T, E extends DomainError = DomainError> =
	{ readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
	return { ok: true, value };
}

export function err<E extends DomainError>(error: E): { readonly ok: false; readonly error: E } {
	return { ok: false, error };
}

export function fail(code: string, message: string, details?: Record<string, unknown>) {
	return err(details === undefined ? { code, message } : { code, message, details });
}

/** Unwraps a result where failure would be a bug in the caller (tests, fixtures). */
export function unwrap<T>(result: Result<T>): T {
	if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
	return result.value;
}
