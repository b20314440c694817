// LiveQuery: asks again when what the question reads changes, drops an answer that arrives after a
// newer question, and reports both failure shapes workers use in words.
import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { LiveQuery } from './live-query.svelte';
import type { Result } from '../domain';

/** A question whose answers the test releases by hand, in any order. */
function controlled<T>() {
	const pending: { arg: number; resolve: (a: Result<T>) => void }[] = [];
	const ask = (arg: number) => new Promise<Result<T>>((resolve) => pending.push({ arg, resolve }));
	return { pending, ask };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('LiveQuery', () => {
	it('with debounceMs, sends one request once its inputs have settled', async () => {
		const input = $state({ n: 1 });
		const { pending, ask } = controlled<string>();
		let q!: LiveQuery<string>;
		const stop = $effect.root(() => {
			q = new LiveQuery(
				() => {
					const n = input.n;
					return () => ask(n);
				},
				undefined,
				{ debounceMs: 20 }
			);
		});
		flushSync();
		input.n = 2;
		flushSync();
		input.n = 3;
		flushSync();
		expect(pending).toEqual([]);
		await new Promise((r) => setTimeout(r, 40));
		expect(pending.map((p) => p.arg)).toEqual([3]);
		pending[0]?.resolve({ ok: true, value: 'three' });
		await settle();
		expect(q.value).toBe('three');
		stop();
	});

	it('asks again when its input changes and keeps only the newest answer', async () => {
		const input = $state({ n: 1 });
		const { pending, ask } = controlled<string>();
		let q!: LiveQuery<string>;
		const stop = $effect.root(() => {
			q = new LiveQuery(() => ask(input.n));
		});
		flushSync();
		expect(pending.map((p) => p.arg)).toEqual([1]);
		expect(q.loading).toBe(true);
		input.n = 2;
		flushSync();
		expect(pending.map((p) => p.arg)).toEqual([1, 2]);
		// The newer answer arrives first; the older one, arriving after, is dropped.
		pending[1]?.resolve({ ok: true, value: 'two' });
		await settle();
		pending[0]?.resolve({ ok: true, value: 'one' });
		await settle();
		expect(q.value).toBe('two');
		expect(q.loading).toBe(false);
		expect(q.error).toBeNull();
		stop();
	});

	it('reports a failure in words, keeps its code, and keeps the last good answer', async () => {
		const input = $state({ n: 1 });
		const { pending, ask } = controlled<string>();
		let q!: LiveQuery<string>;
		const stop = $effect.root(() => {
			q = new LiveQuery(() => ask(input.n));
		});
		flushSync();
		pending[0]?.resolve({ ok: true, value: 'first' });
		await settle();
		input.n = 2;
		flushSync();
		pending[1]?.resolve({
			ok: false,
			error: { code: 'books/report-failed', message: 'The books could not be read.' }
		});
		await settle();
		expect(q.error).toBe('The books could not be read.');
		expect(q.failure?.code).toBe('books/report-failed');
		expect(q.value).toBe('first');
		input.n = 3;
		flushSync();
		pending[2]?.resolve({
			ok: false,
			error: { code: 'ledger/unknown-account', message: 'No such account.' }
		});
		await settle();
		expect(q.error).toBe('No such account.');
		expect(q.failure?.code).toBe('ledger/unknown-account');
		stop();
	});

	it('does not ask while the question is null, and calls back on each good answer', async () => {
		const input = $state<{ n: number | null }>({ n: null });
		const { pending, ask } = controlled<string>();
		const seen: string[] = [];
		const stop = $effect.root(() => {
			new LiveQuery(
				() => (input.n === null ? null : ask(input.n)),
				(v) => seen.push(v)
			);
		});
		flushSync();
		expect(pending).toHaveLength(0);
		input.n = 5;
		flushSync();
		pending[0]?.resolve({ ok: true, value: 'five' });
		await settle();
		expect(seen).toEqual(['five']);
		stop();
	});
});
