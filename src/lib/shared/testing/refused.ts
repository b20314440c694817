// What a refused verb looks like to a test: `{ ok: false, error }` whose error has exactly this
// message (and this code, when given). Test-only code.
import { expect } from 'vitest';

export function refused(message: string, code?: string) {
	const error = code === undefined ? { message } : { code, message };
	return { ok: false, error: expect.objectContaining(error) };
}
