import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './io';
import { run } from './bank';

/** The shared fixtures sit beside the project checkout (`../shared`), wherever it is cloned. */
const FIX = join(__dirname, '../../../shared/fixtures/third-party');

function memoryIo(files: Record<string, string> = {}) {
	const out: string[] = [];
	const err: string[] = [];
	const io: CliIo = {
		out: (t) => void out.push(t),
		err: (t) => void err.push(t),
		readFile: async (p) => (p in files ? new TextEncoder().encode(files[p]) : new Uint8Array(readFileSync(p)))
	};
	return { io, out, err };
}

describe('keel bank parse', () => {
	it('prints the statement as JSON with decimal-string amounts and the balance check', async () => {
		const { io, out } = memoryIo();
		expect(await run(['parse', `${FIX}/mt940/actual/data.sta`], io)).toBe(0);
		const json = JSON.parse(out.join(''));
		expect(json).toMatchObject({
			format: 'mt940',
			currency: 'EUR',
			openingBalance: '1500.00',
			closingBalance: '2496.71',
			balanceCheck: 'ok'
		});
		expect(json.lines[0]).toEqual({
			date: '2025-08-01',
			amount: '-42.50',
			payee: "Boulangerie L'Étoile",
			memo: 'Facture 2025-0042',
			bankRef: 'BANKREF001'
		});
	});
	it('reports statements that do not reconcile as mismatch, and uses a saved CSV mapping', async () => {
		const a = memoryIo();
		await run(['parse', `${FIX}/mt940/jejik/abnamro.txt`, '--format', 'mt940'], a.io);
		expect(JSON.parse(a.out.join('')).balanceCheck).toBe('mismatch');
		const map = {
			version: 1,
			delimiter: ',',
			encoding: 'auto',
			headerRow: 0,
			columns: { date: 2, amount: 4, payee: [0] },
			dateOrder: 'mdy',
			decimalComma: false,
			sign: 'inverted'
		};
		const b = memoryIo({ 'map.json': JSON.stringify(map) });
		expect(await run(['parse', `${FIX}/csv/csv2ofx/pcmastercard.csv`, '--csv-map', 'map.json'], b.io)).toBe(
			0
		);
		expect(JSON.parse(b.out.join('')).lines.map((l: { amount: string }) => l.amount)).toEqual([
			'-36.33',
			'-13.98'
		]);
	});
	it('exits 1 with a message naming the file on a bad file', async () => {
		const { io, err } = memoryIo({
			'bad.ofx': 'OFXHEADER:100\n<OFX><STMTRS><BANKTRANLIST><STMTTRN><DTPOSTED>2019<TRNAMT>1'
		});
		expect(await run(['parse', 'bad.ofx'], io)).toBe(1);
		expect(err.join('')).toMatch(/bad\.ofx, line \d+, DTPOSTED/);
	});
});

describe('keel bank reconcile', () => {
	it('matches statement lines to the account lines of a journal and lists what is left', async () => {
		const journal = [
			'2019-01-22 * PATIENT FIRST',
			'    Expenses:Medical          30.00',
			'    Assets:Bank:Checking     -30.00',
			'',
			'2019-01-21 Verizon Wireless',
			'    Expenses:Phone           115.99',
			'    Assets:Bank:Checking    -115.99',
			'',
			'2019-01-10 Outstanding cheque',
			'    Expenses:Misc             50.00',
			'    Assets:Bank:Checking     -50.00',
			''
		].join('\n');
		const { io, out, err } = memoryIo({ 'books.journal': journal });
		const code = await run(
			[
				'reconcile',
				'--statement',
				`${FIX}/ofx/actual/data.ofx`,
				'--journal',
				'books.journal',
				'--account',
				'Assets:Bank:Checking'
			],
			io
		);
		expect(err.join('')).toBe('');
		expect(code).toBe(0);
		const json = JSON.parse(out.join(''));
		const pairs = json.matches.map((m: { bankLine: { amount: string }; ledger: { payee: string }[] }) => [
			m.bankLine.amount,
			m.ledger.map((l) => l.payee)
		]);
		expect(pairs).toEqual(
			expect.arrayContaining([
				['-30.00', ['PATIENT FIRST']],
				['-115.99', ['Verizon Wireless']]
			])
		);
		expect(json.matches[0].reasons).toContain('amount exact');
		expect(json.unmatched.ledger.map((l: { payee: string }) => l.payee)).toEqual(['Outstanding cheque']);
		expect(json.unmatched.bank).toHaveLength(8);
	});
	it('names a missing account', async () => {
		const { io, err } = memoryIo({ 'j.journal': '2024-01-01 x\n    a   1\n    b  -1\n' });
		expect(
			await run(
				[
					'reconcile',
					'--statement',
					`${FIX}/ofx/actual/data.ofx`,
					'--journal',
					'j.journal',
					'--account',
					'Assets:Nope'
				],
				io
			)
		).toBe(1);
		expect(err.join('')).toMatch(/no account 'Assets:Nope'/);
	});
});
