// Golden equivalence: the engine's complete output (every line, amount and basis text, every refusal
// with its message) for thousands of seeded mixed US/UK cases must equal the recorded snapshot, taken
// from the unoptimised engine before any speed work (commit a5ee7e9), re-recorded once for the HMRC
// 2025-26 NI and Scottish PAYE fix (issue 11). Any changed result, however small, changes that case's
// digest. Re-record only for a deliberate, reviewed change of results: with outputs[i] =
// JSON.stringify(grossToNetReference(cases[i])), digests[i] = digest(outputs[i]), all = digest(outputs.join('\n')).
import { describe, expect, it } from 'vitest';
import snapshot from './equivalence.snapshot.json';
import { digest, generateCases, SNAPSHOT_COUNT, SNAPSHOT_SEED } from './generated-cases';
import { grossToNet, grossToNetBatch, grossToNetFast, grossToNetReference } from './gross-to-net';
import type { PayCase } from './types';

const cases = generateCases(SNAPSHOT_SEED, SNAPSHOT_COUNT);

function firstMismatch(outputs: readonly string[]): { index: number; input: PayCase; output: string } | undefined {
	for (let i = 0; i < outputs.length; i++)
		if (digest(outputs[i] as string) !== snapshot.digests[i]) return { index: i, input: cases[i] as PayCase, output: outputs[i] as string };
	return undefined;
}

describe('optimised gross-to-net equals the recorded results', () => {
	it('the snapshot is for these cases', () => {
		expect(snapshot.seed).toBe(SNAPSHOT_SEED);
		expect(snapshot.count).toBe(SNAPSHOT_COUNT);
		expect(snapshot.digests).toHaveLength(cases.length);
		// The cases are the mix they claim to be: both jurisdictions, successes and refusals.
		const results = cases.map((c) => grossToNet(c));
		expect(cases.filter((c) => c.jurisdiction === 'US').length).toBeGreaterThan(SNAPSHOT_COUNT / 3);
		expect(cases.filter((c) => c.jurisdiction === 'UK').length).toBeGreaterThan(SNAPSHOT_COUNT / 3);
		expect(results.filter((r) => r.ok).length).toBeGreaterThan(SNAPSHOT_COUNT * 0.9);
		expect(results.filter((r) => !r.ok).length).toBeGreaterThan(20);
	});

	it('grossToNet, case by case, byte for byte', () => {
		const outputs = cases.map((c) => JSON.stringify(grossToNet(c)));
		expect(firstMismatch(outputs)).toBeUndefined();
		expect(digest(outputs.join('\n'))).toBe(snapshot.all);
	});

	it('grossToNetBatch gives the same results in the same order', () => {
		const outputs = grossToNetBatch(cases).map((r) => JSON.stringify(r));
		expect(outputs).toHaveLength(cases.length);
		expect(firstMismatch(outputs)).toBeUndefined();
		expect(digest(outputs.join('\n'))).toBe(snapshot.all);
	});

	it('repeated runs give the same results (no state leaks between cases)', () => {
		const reversed = [...cases].reverse();
		const outputs = grossToNetBatch(reversed).map((r) => JSON.stringify(r)).reverse();
		expect(firstMismatch(outputs)).toBeUndefined();
	});
});

describe('fast path against the reference path kept beside it', () => {
	it('equal on fresh seeded cases, and the fast path takes almost every valid case', () => {
		let taken = 0;
		let valid = 0;
		for (const seed of [1, 2, 3]) {
			for (const c of generateCases(seed, 1500)) {
				const reference = grossToNetReference(c);
				const fast = grossToNetFast(c);
				if (reference.ok) valid++;
				if (fast === undefined) continue;
				taken++;
				expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
			}
		}
		// Declining is always safe (the reference answers), but it must stay rare or the speed is lost.
		expect(taken).toBeGreaterThan(valid * 0.98);
	});
});
