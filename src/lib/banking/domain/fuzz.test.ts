// Fuzzing the parsers with thousands of mutated fixture files: every call must return a Result (never throw, never
// hang), and every error must name the file.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectCsvMapping } from './csv-detect';
import { FIXTURES, fixtureBytes } from './fixtures.helper';
import { parseStatementFile, type FormatChoice } from './statement';
import { seededRandom } from '../../shared/domain';

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((f) => {
		const p = join(dir, f);
		return statSync(p).isDirectory() ? walk(p) : /SOURCE\.md|expected/.test(p) ? [] : [p];
	});
}

const files = ['ofx', 'qif', 'camt', 'mt940', 'csv'].flatMap((d) =>
	walk(join(FIXTURES, d)).map((p) => p.slice(FIXTURES.length + 1))
);

function mutate(bytes: Uint8Array, r: () => number): Uint8Array {
	const n = bytes.length;
	const at = () => Math.floor(r() * Math.max(1, n));
	switch (Math.floor(r() * 6)) {
		case 0: {
			const out = bytes.slice();
			for (let k = 0; k < 1 + Math.floor(r() * 8); k++) if (n > 0) out[at()] = Math.floor(r() * 256);
			return out;
		}
		case 1:
			return bytes.slice(0, at());
		case 2: {
			const a = at();
			const b = Math.min(n, a + Math.floor(r() * 400));
			const out = new Uint8Array(n + (b - a));
			out.set(bytes.subarray(0, b));
			out.set(bytes.subarray(a), b);
			return out;
		}
		case 3: {
			const junk = Uint8Array.from({ length: Math.floor(r() * 64) }, () => Math.floor(r() * 256));
			const a = at();
			const out = new Uint8Array(n + junk.length);
			out.set(bytes.subarray(0, a));
			out.set(junk, a);
			out.set(bytes.subarray(a), a + junk.length);
			return out;
		}
		case 4: {
			// Delete a range (drops closing tags, field markers, quotes).
			const a = at();
			const b = Math.min(n, a + Math.floor(r() * 200));
			const out = new Uint8Array(n - (b - a));
			out.set(bytes.subarray(0, a));
			out.set(bytes.subarray(b), a);
			return out;
		}
		default: {
			// Structural characters sprinkled in.
			const out = bytes.slice();
			const chars = [60, 62, 47, 58, 63, 34, 44, 59, 10, 13, 94, 33, 38, 123, 125, 45];
			for (let k = 0; k < 1 + Math.floor(r() * 6); k++)
				if (n > 0) out[at()] = chars[Math.floor(r() * chars.length)] as number;
			return out;
		}
	}
}

function checkOne(bytes: Uint8Array, fileName: string, format: FormatChoice) {
	const t0 = performance.now();
	const r = parseStatementFile({ bytes, fileName, format });
	const ms = performance.now() - t0;
	expect(ms).toBeLessThan(2000);
	if (!r.ok) {
		expect(r.error.code).toMatch(/^banking\//);
		expect(r.error.message.startsWith(fileName)).toBe(true);
	} else for (const s of r.value) for (const l of s.lines) expect(l.amount).toMatch(/^-?\d+\.\d{2,}$/);
}

describe('parser fuzzing', () => {
	it(`mutated fixtures (${files.length} files x 40 mutations, auto and forced format) never throw`, () => {
		const r = seededRandom(20240611);
		let runs = 0;
		for (const f of files) {
			const original = fixtureBytes(f);
			const name = f.split('/').pop() as string;
			const forced: FormatChoice = f.startsWith('camt') ? 'camt' : (f.split('/')[0] as FormatChoice);
			for (let k = 0; k < 40; k++) {
				const m = mutate(original, r);
				checkOne(m, name, 'auto');
				checkOne(m, name, forced);
				runs += 2;
			}
		}
		expect(runs).toBeGreaterThan(5000);
	}, 20_000);
	it('random bytes and random text in every format never throw', () => {
		const formats: FormatChoice[] = ['auto', 'csv', 'ofx', 'qif', 'camt', 'mt940'];
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 600 }), fc.constantFrom(...formats), (bytes, format) => {
				checkOne(bytes, 'random.bin', format);
				expect(() => detectCsvMapping(bytes, 'random.bin')).not.toThrow();
			}),
			{ numRuns: 800 }
		);
		fc.assert(
			fc.property(
				fc.string({
					maxLength: 400,
					unit: fc.constantFrom(
						'<',
						'>',
						'/',
						'OFX',
						'STMTTRN',
						':61:',
						':20:',
						'!Type:Bank',
						'\n',
						'D',
						'T',
						'^',
						',',
						';',
						'"',
						'1',
						'2',
						'.',
						'-',
						'C',
						'Ntry',
						'Document',
						'BkToCstmrStmt',
						'Stmt'
					)
				}),
				fc.constantFrom(...formats),
				(text, format) => {
					checkOne(new TextEncoder().encode(text), 'random.txt', format);
				}
			),
			{ numRuns: 1500 }
		);
	}, 20_000);
	it('deep nesting and huge single lines stay bounded', () => {
		checkOne(new TextEncoder().encode('<Document>' + '<a>'.repeat(50_000)), 'deep.xml', 'camt');
		checkOne(new TextEncoder().encode('<OFX>' + '<A>'.repeat(50_000)), 'deep.ofx', 'ofx');
		checkOne(new TextEncoder().encode('"' + 'x'.repeat(200_000)), 'quote.csv', 'csv');
		checkOne(new TextEncoder().encode(':20:X\n:61:' + '9'.repeat(100_000)), 'long.sta', 'mt940');
	});
});
