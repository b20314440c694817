// The payroll engine's golden test: its complete output (every line, amount and basis text, every
// refusal with its message) for thousands of seeded mixed US/UK cases must equal the recorded
// snapshot, taken from the unoptimised decimal.js engine before any speed work (commit a5ee7e9),
// re-recorded once for the HMRC 2025-26 NI and Scottish PAYE fix (issue 11); and on three more seeds
// it must equal that engine's recorded results (equivalence.fresh.json, recorded when Keel's two
// engines became this one). Any changed result, however small, changes that case's digest.
// Re-record only for a deliberate, reviewed change of results: with outputs[i] =
// JSON.stringify(grossToNet(cases[i])), digests[i] = digest(outputs[i]), all = digest(outputs.join('\n')).
import { describe, expect, it } from 'vitest';
import fresh from './equivalence.fresh.json';
import snapshot from './equivalence.snapshot.json';
import { digest, generateCases, SNAPSHOT_COUNT, SNAPSHOT_SEED } from './generated-cases';
import { grossToNet, grossToNetBatch } from './gross-to-net';
import type { PayCase } from './types';

const cases = generateCases(SNAPSHOT_SEED, SNAPSHOT_COUNT);

function firstMismatch(
	outputs: readonly string[]
): { index: number; input: PayCase; output: string } | undefined {
	for (let i = 0; i < outputs.length; i++)
		if (digest(outputs[i] as string) !== snapshot.digests[i])
			return { index: i, input: cases[i] as PayCase, output: outputs[i] as string };
	return undefined;
}

describe('the payroll engine equals the recorded golden results', () => {
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
		const outputs = grossToNetBatch(reversed)
			.map((r) => JSON.stringify(r))
			.reverse();
		expect(firstMismatch(outputs)).toBeUndefined();
	});
});

describe('the payroll engine on fresh seeds equals the recorded results of the decimal.js engine', () => {
	it('every case, byte for byte, successes and refusals', () => {
		const seeds: Readonly<Record<string, readonly string[]>> = fresh.seeds;
		let valid = 0;
		let refused = 0;
		for (const seed of [1, 2, 3]) {
			const recorded = seeds[String(seed)] ?? [];
			const seeded = generateCases(seed, 1500);
			expect(recorded).toHaveLength(seeded.length);
			for (const [i, c] of seeded.entries()) {
				const result = grossToNet(c);
				if (result.ok) valid++;
				else refused++;
				expect({ seed, i, digest: digest(JSON.stringify(result)) }).toEqual({ seed, i, digest: recorded[i] });
			}
		}
		// The seeds are a real mix: almost all are paid, and some are refused.
		expect(valid).toBeGreaterThan(4500 * 0.9);
		expect(refused).toBeGreaterThan(0);
	});
});
