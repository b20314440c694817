import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateJournal } from '../lib/books/domain/generate';
import type { CliIo } from './io';
import { run } from './ledger';

const dir = mkdtempSync(join(tmpdir(), 'keel-cli-'));
function file(name: string, text: string): string {
	const p = join(dir, name);
	writeFileSync(p, text);
	return p;
}
async function keel(...args: string[]) {
	let out = '';
	let err = '';
	const io: CliIo = {
		out: (t) => (out += t + '\n'),
		err: (t) => (err += t + '\n'),
		readFile: async (p) => new Uint8Array(await readFile(p))
	};
	const code = await run(args, io);
	return { code, out, err };
}

const JOURNAL = `; books
2024-01-01 * Opening
    Assets:Bank, Main   $1,000.50
    Equity:Opening

2024-02-01 Rent
    Expenses:Rent      $500
    Assets:Bank, Main
    Assets:Euro        10 EUR
    Income:FX         -10 EUR
`;

describe('keel ledger', () => {
	it('balance --format csv: account,commodity,amount, debit positive, plain decimals', async () => {
		const r = await keel('balance', '--file', file('a.journal', JOURNAL), '--format', 'csv');
		expect(r.code).toBe(0);
		expect(r.out.trim().split('\n')).toEqual([
			'account,commodity,amount',
			'"Assets:Bank, Main",$,500.50',
			'Assets:Euro,EUR,10',
			'Equity:Opening,$,-1000.50',
			'Expenses:Rent,$,500.00',
			'Income:FX,EUR,-10'
		]);
	});

	it('balance --format csv neutralises account names a spreadsheet would run as formulas', async () => {
		const journal = '2024-01-01 Crafted\n    =HYPERLINK("http://x")   $5\n    @Cash\n';
		const r = await keel('balance', '--file', file('formula.journal', journal), '--format', 'csv');
		expect(r.code).toBe(0);
		expect(r.out.trim().split('\n')).toEqual([
			'account,commodity,amount',
			'"\'=HYPERLINK(""http://x"")",$,5',
			"'@Cash,$,-5"
		]);
	});

	it('balance --end is exclusive (hledger -e)', async () => {
		const r = await keel(
			'balance',
			'--file',
			file('b.journal', JOURNAL),
			'--format',
			'csv',
			'--end',
			'2024-02-01'
		);
		expect(r.out).toContain('"Assets:Bank, Main",$,1000.50');
		expect(r.out).not.toContain('Rent');
	});

	it('balance text shows amounts, accounts and a zero total', async () => {
		const r = await keel('balance', '--file', file('c.journal', JOURNAL));
		expect(r.out).toMatch(/\$500\.50 {2}Assets:Bank, Main/);
		expect(r.out.trim().endsWith('0')).toBe(true);
	});

	it('check: 0 when valid, 1 with line-numbered errors on stderr', async () => {
		expect((await keel('check', '--file', file('ok.journal', JOURNAL))).code).toBe(0);
		const bad = await keel(
			'check',
			'--file',
			file(
				'bad.journal',
				JOURNAL + '\n2024-03-01 x\n    a  $1\n    b  $2\n\n2024-03-02 y\n    a  $oops\n    b\n'
			)
		);
		expect(bad.code).toBe(1);
		expect(bad.err).toContain('bad.journal:12: ');
		expect(bad.err).toContain('bad.journal:17: ');
		expect((await keel('balance', '--file', join(dir, 'bad.journal'))).code).toBe(1);
	});

	it('usage errors exit 2; --help exits 0', async () => {
		expect((await keel('balance')).code).toBe(2);
		expect((await keel('balance', '--file', 'x', '--format', 'xml')).code).toBe(2);
		expect((await keel('balance', '--file', 'x', '--end', '2024-13-01')).code).toBe(2);
		expect((await keel('balance', '--file', 'x', '--bogus', '1')).code).toBe(2);
		expect((await keel('frob')).code).toBe(2);
		expect((await keel('--help')).code).toBe(0);
		expect((await keel('balance', '--help')).out).toContain('--end');
		expect((await keel('check', '--file', join(dir, 'missing.journal'))).code).toBe(1);
	});

	it('balances a 100k-transaction journal end to end (timing is in npm run bench)', async () => {
		const p = file(
			'big.journal',
			generateJournal({ seed: 42, transactions: 100_000, commodities: ['$', 'EUR', '£'] })
		);
		const started = performance.now();
		const r = await keel('balance', '--file', p, '--format', 'csv');
		const ms = performance.now() - started;
		expect(r.code).toBe(0);
		expect(r.out.split('\n').length).toBeGreaterThan(20);
		console.log(`keel ledger balance, 100k transactions: ${ms.toFixed(0)} ms`);
	});
});
