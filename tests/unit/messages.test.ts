// The one code-to-words map is complete and speaks plainly: every failure code written in the source
// has words in it (the source is scanned for code literals), no words show an internal code or id,
// and describeError shows the domain's sentence, else the map's words, never a bare code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNKNOWN_FAILURE, describeError, messageFor, problem, registeredMessages } from '$lib/shared/domain';
// Each feature registers its codes through its domain index.
import '$lib/books/domain';
import '$lib/banking/domain';
import '$lib/people/domain';
import '$lib/payroll/domain';
import '$lib/tasks/domain';

const ROOT = join(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === 'testing' ? [] : sourceFiles(path);
		const source = /\.(ts|svelte)$/.test(name) && !/\.test\.ts$|\.helper\.ts$/.test(name);
		return source ? [path] : [];
	});
}

/** Where a failure code is written: as a `code:` field, or as the code argument of a failure maker. */
const CODE_SITES = [
	/\bcode:\s*'([a-z][a-z0-9-]*\/[a-z0-9-]+)'/g,
	/\b(?:guard|guardSync|fail|problem|ledgerError|fieldError|problemsError|refuse|no|booksProblem|bankingProblem|tasksProblem|WorkerError)\(\s*'([a-z][a-z0-9-]*\/[a-z0-9-]+)'/g,
	/\bnew WorkerError\(\s*'([a-z][a-z0-9-]*\/[a-z0-9-]+)'/g
];

function codesInSource(): Map<string, string> {
	const prefixes = new Set([...registeredMessages().keys()].map((c) => c.split('/')[0]));
	const found = new Map<string, string>();
	for (const file of sourceFiles(ROOT)) {
		const text = readFileSync(file, 'utf8');
		for (const site of CODE_SITES)
			for (const m of text.matchAll(site)) {
				const code = m[1] ?? '';
				if (!found.has(code)) found.set(code, relative(ROOT, file));
			}
		// Any other literal in a feature's code family ('ledger/…', 'hr/…'): a code passed around.
		for (const m of text.matchAll(/'([a-z][a-z0-9-]*)\/([a-z0-9]+(?:-[a-z0-9]+)*)'/g)) {
			const code = `${m[1]}/${m[2]}`;
			if (prefixes.has(m[1] ?? '') && !found.has(code)) found.set(code, relative(ROOT, file));
		}
	}
	return found;
}

/** Words that show something internal: a code like 'ledger/unbalanced', an id, a template hole. */
const INTERNAL = [
	/\b[a-z][a-z0-9-]*\/[a-z][a-z0-9-]+\b/,
	/[0-9a-f]{8}-[0-9a-f]{4}-/i,
	/\b[A-Za-z0-9_-]{21,}\b/,
	/\$\{|undefined|null|\[object /
];

const SAMPLE = {
	yearEnd: '2026-12-31',
	due: '2026-13-01',
	anchor: 'soon',
	missing: ['Wages'],
	shard: 'books'
};

describe('the code-to-words map', () => {
	it('has words for every failure code the source writes', () => {
		const codes = codesInSource();
		expect(codes.size).toBeGreaterThan(100);
		const missing = [...codes].filter(([code]) => !registeredMessages().has(code));
		expect(missing).toEqual([]);
	});

	it('finds the codes it should (the scan can fail)', () => {
		const codes = codesInSource();
		for (const code of ['ledger/unbalanced', 'banking/claimed', 'hr/iban-checksum', 'tasks/title-required'])
			expect(codes.has(code), code).toBe(true);
	});

	it('words every code in plain sentences, with no internal code or id', () => {
		for (const [code, words] of registeredMessages()) {
			for (const text of [messageFor(code), messageFor(code, SAMPLE)]) {
				expect(text.trim().length, code).toBeGreaterThan(5);
				expect(text, code).toMatch(/^[A-Z"']/);
				expect(text, code).toMatch(/[.?!)]$|: .+$/);
				for (const bad of INTERNAL) expect(text, `${code}: ${text}`).not.toMatch(bad);
			}
			expect(typeof words === 'string' || typeof words === 'function').toBe(true);
		}
	});
});

describe('describeError', () => {
	it("shows the domain's own sentence when it has one", () => {
		expect(describeError({ code: 'ledger/unbalanced', message: 'Entry 12 is off by 0.01 USD.' })).toBe(
			'Entry 12 is off by 0.01 USD.'
		);
	});

	it("shows the map's words for a failure without a sentence, details filled in", () => {
		expect(describeError({ code: 'ledger/unbalanced', message: '' })).toBe(
			'The entry does not balance: debits and credits differ in some commodity.'
		);
		expect(
			describeError({ code: 'books/year-closed', message: ' ', details: { yearEnd: '2025-12-31' } })
		).toBe('The year ending 2025-12-31 is already closed.');
	});

	it('never shows a bare code, even for a code no feature defined', () => {
		const text = describeError({ code: 'nobody/knows', message: '' });
		expect(text).toBe(UNKNOWN_FAILURE);
		expect(text).not.toContain('nobody/knows');
	});

	it("problem() takes the map's words and keeps the code and details", () => {
		expect(problem('tasks/bad-due-date', { due: '2026-02-30' })).toEqual({
			code: 'tasks/bad-due-date',
			message: 'Due date: "2026-02-30" is not a calendar date.',
			details: { due: '2026-02-30' }
		});
	});
});
