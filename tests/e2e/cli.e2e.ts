// The installed `keel` command: bin/keel.js runs the JavaScript that `npm run build` bundles from
// src/cli (vite.cli.config.ts), under plain `node`. Ledger and bank output must be exactly what the
// TypeScript sources print in-process, so the bundle cannot drift from the code the unit tests (and
// hledger, in src/lib/books/domain/journal/hledger-oracle.test.ts) check; payroll must give the unit
// tests' figures. No skip: without a
// build the command exits 1 with its "not built" message and these tests fail.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './test';
import { main } from '../../src/cli/main';
import { generateJournal } from '../../src/lib/books/domain/generate';
import {
	canonical,
	csvRows,
	hledgerBalances
} from '../../src/lib/books/domain/journal/hledger-oracle.helper';

const BIN = fileURLToPath(new URL('../../bin/keel.js', import.meta.url));

/** Runs `node bin/keel.js …` as a user would. */
function installed(args: string[]): { code: number | null; out: string; err: string } {
	const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
	return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The same command run in-process from the TypeScript sources, printing as bin/keel.js does. */
async function fromSources(args: string[]): Promise<{ code: number; out: string; err: string }> {
	let out = '';
	let err = '';
	const line = (t: string) => (t.endsWith('\n') ? t : t + '\n');
	const code = await main(args, {
		out: (t) => (out += line(t)),
		err: (t) => (err += line(t)),
		readFile: async (p) => new Uint8Array(readFileSync(p))
	});
	return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'keel-cli-'));

/** The very journal the hledger oracle's "seed 1" proves the sources balance as hledger does. */
function seedJournal(): string {
	const file = join(dir, 'seed-1.journal');
	writeFileSync(
		file,
		generateJournal({
			seed: 1,
			transactions: 160,
			commodities: ['$', 'EUR'],
			bigAmounts: false,
			variety: true,
			comments: true,
			elide: true
		})
	);
	return file;
}

test('keel --help runs the built command under node and lists the groups', () => {
	const r = installed(['--help']);
	expect(r.err).toBe('');
	expect(r.code).toBe(0);
	expect(r.out).toContain('usage: keel <group> <command> [options]');
	for (const group of ['ledger', 'bank', 'payroll']) expect(r.out).toContain(`  ${group} `);
});

test('keel ledger balance prints exactly what the sources print', async () => {
	// The very journal the hledger oracle's "seed 1" proves the sources balance as hledger does.
	const file = seedJournal();
	for (const args of [
		['ledger', 'balance', '--file', file, '--format', 'csv'],
		['ledger', 'balance', '--file', file, '--end', '2020-03-01'],
		['ledger', 'check', '--file', file]
	]) {
		const r = installed(args);
		expect(r.err).toBe('');
		expect(r.code).toBe(0);
		expect(r.out.length).toBeGreaterThan(0);
		expect(r).toEqual(await fromSources(args));
	}
});

test('keel ledger balance from the installed command equals hledger on the same journal', () => {
	// The assertion the unit oracle made of bin/keel.js before the CLI was bundled: it runs here,
	// after the build. .ci/run installs hledger; a missing hledger fails this test.
	const file = seedJournal();
	const r = installed(['ledger', 'balance', '--file', file, '--format', 'csv']);
	expect(r.code).toBe(0);
	const rows = csvRows(r.out).slice(1);
	expect(new Map(rows.map((row) => [`${row[0]}|${row[1]}`, canonical(row[2] as string)]))).toEqual(
		hledgerBalances(file)
	);
});

test('keel bank parse prints exactly what the sources print', async () => {
	const args = ['bank', 'parse', fileURLToPath(new URL('./fixtures/checking.ofx', import.meta.url))];
	const r = installed(args);
	expect(r.code).toBe(0);
	expect(r.out).toContain('"lines"');
	expect(r).toEqual(await fromSources(args));
});

test('keel payroll calc computes with the bundled tax tables', async () => {
	const file = join(dir, 'us.json');
	writeFileSync(
		file,
		JSON.stringify({
			jurisdiction: 'US',
			taxYear: 2026,
			frequency: 'biweekly',
			gross: '3100.00',
			w4: {
				version: 2020,
				filingStatus: 'single',
				step2: false,
				step3: '0',
				step4a: '0',
				step4b: '0',
				step4c: '0'
			},
			preTax: [{ kind: '401k', amount: '150.00' }],
			ytd: { socialSecurityWages: '0', medicareWages: '0' }
		})
	);
	// Node cannot load the sources' JSON tax tables in-process here (they are imported without a JSON
	// import attribute, which only bundlers accept), so the figures are src/cli/payroll.test.ts's.
	const r = installed(['payroll', 'calc', '--input', file]);
	expect(r.err).toBe('');
	expect(r.code).toBe(0);
	const o = JSON.parse(r.out) as { lines: { code: string; amount: string }[]; net: string };
	expect(o.lines).toContainEqual({ code: 'US.FIT', amount: '309.38' });
	expect(o.lines).toContainEqual({ code: 'US.SS.ER', amount: '192.20' });
	expect(o.net).toBe('2403.47');
});

test('a bad command exits 2 with the usage, as from the sources', async () => {
	const r = installed(['nonsense']);
	expect(r.code).toBe(2);
	expect(r.err).toContain("keel: unknown group 'nonsense'");
	expect(r).toEqual(await fromSources(['nonsense']));
});
