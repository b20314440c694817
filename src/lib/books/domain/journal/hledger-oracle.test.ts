// Outside oracle 2: hledger itself. Random journals (30 seeds; several commodities, elided amounts,
// comments, grouping marks, both symbol placements and negative forms, rare >15-digit amounts) must
// give exactly the balances `hledger bal --flat -O csv --layout bare` prints, per account and commodity.
// With CI set, a missing hledger fails the test; without CI it is skipped.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../../cli/ledger';
import { generateJournal } from '../generate';
import { canonical, csvRows, hledgerBalances } from './hledger-oracle.helper';

const hledgerVersion = spawnSync('hledger', ['--version'], { encoding: 'utf8' });
const haveHledger = hledgerVersion.status === 0;
const requireHledger = Boolean(process.env.CI);

async function keelBalances(file: string, end?: string): Promise<Map<string, string>> {
	let out = '';
	let err = '';
	const code = await run(['balance', '--file', file, '--format', 'csv', ...(end ? ['--end', end] : [])], {
		out: (t) => (out += t + '\n'),
		err: (t) => (err += t + '\n'),
		readFile: async (p) => new Uint8Array(readFileSync(p))
	});
	expect(err).toBe('');
	expect(code).toBe(0);
	const rows = csvRows(out).slice(1);
	return new Map(rows.map((r) => [`${r[0]}|${r[1]}`, canonical(r[2] as string)]));
}

const COMMODITY_SETS: readonly (readonly string[])[] = [
	['$'],
	['$', 'EUR'],
	['£', 'EUR', 'JPY'],
	['$', 'BTC', 'ACME 1'],
	['$', 'EUR', '£', 'JPY', 'BTC', 'ACME 1']
];

describe.skipIf(!haveHledger && !requireHledger)('hledger agrees with Keel to the last digit', () => {
	it('hledger is installed', () => {
		expect(hledgerVersion.status, 'hledger must be installed when CI is set (apt-get install hledger)').toBe(
			0
		);
	});

	const dir = mkdtempSync(join(tmpdir(), 'keel-oracle-'));
	for (let seed = 1; seed <= 30; seed++) {
		it(`seed ${seed}`, async () => {
			const file = join(dir, `seed-${seed}.journal`);
			writeFileSync(
				file,
				generateJournal({
					seed,
					transactions: 150 + seed * 10,
					commodities: COMMODITY_SETS[seed % COMMODITY_SETS.length] as readonly string[],
					bigAmounts: seed % 3 === 0,
					variety: true,
					comments: true,
					elide: true
				})
			);
			const theirs = hledgerBalances(file);
			expect(theirs.size).toBeGreaterThan(5);
			expect(Object.fromEntries(await keelBalances(file))).toEqual(Object.fromEntries(theirs));
			// --end is exclusive, as hledger's -e.
			const end = '2020-03-01';
			expect(Object.fromEntries(await keelBalances(file, end))).toEqual(
				Object.fromEntries(hledgerBalances(file, end))
			);
		});
	}

	// The installed command (bin/keel.js, which runs the bundle `npm run build` makes) is checked to
	// print exactly what the sources print, on this same seed-1 journal, in tests/e2e/cli.e2e.ts: the
	// end-to-end stage runs after the build, so there it fails rather than skips without one.
});
