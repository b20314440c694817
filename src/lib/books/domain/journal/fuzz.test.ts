// Fuzzing the journal reader: thousands of mutated fixture and generated journals. Whatever the
// input, the reader returns a Result (never throws), finishes quickly, and any success balances.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateJournal, seededRandom } from '../generate';
import { trialBalance } from '../reports/trial-balance';
import { readJournal, readJournalBalances } from './reader';

const DIR = join(__dirname, '../../../../../../shared/fixtures/third-party/journals/ledger');
const seeds: string[] = [
	...readdirSync(DIR)
		.filter((f) => f.endsWith('.test'))
		.map((f) => readFileSync(join(DIR, f), 'utf8')),
	generateJournal({ seed: 11, transactions: 40, commodities: ['$', 'EUR', 'ACME 1'], bigAmounts: true }),
	'decimal-mark ,\ncommodity 1.000,00 EUR\nD 1,00 EUR\n2024-01-01 x\n  a  1.234,5\n  b  = (2 - 1)\n  c\n'
];
const ALPHABET = [
	'\n',
	' ',
	'  ',
	'\t',
	';',
	'"',
	'(',
	')',
	'[',
	']',
	'=',
	'==*',
	'@',
	'@@',
	'-',
	'+',
	'.',
	',',
	'$',
	'€',
	'0',
	'9',
	'1e5',
	':',
	'*',
	'!',
	'~',
	'account ',
	'commodity ',
	'D ',
	'Y 2024',
	'2024-02-30',
	'\r',
	'\u0000',
	'\uFEFF',
	'end comment',
	'comment\n',
	'9'.repeat(40)
];

function mutate(text: string, rnd: () => number): string {
	let s = text;
	const edits = 1 + Math.floor(rnd() * 6);
	for (let k = 0; k < edits; k++) {
		const at = Math.floor(rnd() * (s.length + 1));
		const op = rnd();
		if (op < 0.35)
			s = s.slice(0, at) + (ALPHABET[Math.floor(rnd() * ALPHABET.length)] as string) + s.slice(at);
		else if (op < 0.6) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(rnd() * 8));
		else if (op < 0.75) {
			const lines = s.split('\n');
			const i = Math.floor(rnd() * lines.length);
			lines.splice(i, 0, lines[Math.floor(rnd() * lines.length)] ?? '');
			s = lines.join('\n');
		} else if (op < 0.85) s = s.slice(0, at);
		else s = s.slice(0, at) + String.fromCharCode(Math.floor(rnd() * 0x3000)) + s.slice(at + 1);
	}
	return s;
}

describe('journal reader fuzz', () => {
	it('never throws or hangs on 4000 mutated journals; every success balances', () => {
		const rnd = seededRandom(20261123);
		let accepted = 0;
		for (let i = 0; i < 4000; i++) {
			const input = mutate(seeds[i % seeds.length] as string, rnd);
			const started = performance.now();
			let result;
			try {
				result = readJournal(input);
				readJournalBalances(input);
			} catch (e) {
				throw new Error(`reader threw on input #${i}: ${String(e)}\n---\n${input.slice(0, 2000)}`, {
					cause: e
				});
			}
			expect(performance.now() - started).toBeLessThan(1000);
			expect(typeof result.ok).toBe('boolean');
			if (result.ok) {
				accepted++;
				const tb = trialBalance({ entries: result.value.entries, accounts: result.value.accounts });
				const costs = result.value.entries.some((e) => e.lines.some((l) => l.cost));
				if (!costs) expect(tb.totals).toEqual({});
			} else {
				expect(result.error.message).toMatch(/^journal:\d+: /);
			}
		}
		// The mutations must leave some journals valid, or the check above would test nothing.
		expect(accepted).toBeGreaterThan(100);
	});
});
