// background(): a failure of work nobody awaits is reported once, in words naming the work; success
// is silent; nothing is left as an unhandled rejection.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { background } from './background';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('background', () => {
	afterEach(() => vi.restoreAllMocks());

	it('reports a failure with what was being done and why', async () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		background(Promise.reject(new Error('QuotaExceededError')), "saving the task list's index");
		await settle();
		expect(error).toHaveBeenCalledTimes(1);
		expect(error).toHaveBeenCalledWith("Keel: saving the task list's index failed: QuotaExceededError");
	});

	it('says nothing when the work succeeds', async () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		background(Promise.resolve(42), 'recording when this workspace was opened');
		await settle();
		expect(error).not.toHaveBeenCalled();
	});
});
