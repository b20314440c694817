// Reads the JSON reports vitest and Playwright write, so the closing summary of `npm test` and
// `npm run test:dates` can name each failed test (file, test title, first line of the error). A CI
// log is often read only from its tail; the names have to be there, not thousands of lines above.
import { existsSync, readFileSync } from 'node:fs';

/** Terminal colour codes (ESC [ … m) that reporters leave in messages. */
const COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const firstLine = (s) =>
	String(s ?? '')
		.replace(COLOUR, '')
		.split('\n')
		.find((l) => l.trim()) ?? '';

/** Failed tests in a vitest JSON report: `file › test: first error line`. */
export function vitestFailures(path) {
	if (!existsSync(path)) return [];
	const r = JSON.parse(readFileSync(path, 'utf8'));
	const out = [];
	for (const file of r.testResults ?? []) {
		const name = String(file.name ?? '').replace(process.cwd() + '/', '');
		const bad = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
		for (const a of bad) out.push(`${name} › ${a.fullName ?? a.title}: ${firstLine(a.failureMessages?.[0])}`);
		if (bad.length === 0 && file.status === 'failed') out.push(`${name}: ${firstLine(file.message)}`);
	}
	return out;
}

/** Failed (or flaky) tests in a Playwright JSON report: `file › test: first error line`. */
export function playwrightFailures(path) {
	if (!existsSync(path)) return [];
	const r = JSON.parse(readFileSync(path, 'utf8'));
	const out = [];
	const walk = (suite, file) => {
		const f = suite.file ?? file;
		for (const spec of suite.specs ?? [])
			for (const t of spec.tests ?? [])
				if (t.status === 'unexpected' || t.status === 'flaky') {
					const err = (t.results ?? []).map((x) => x.error?.message).find(Boolean);
					out.push(`${f} › ${spec.title}: ${firstLine(err)}`);
				}
		for (const s of suite.suites ?? []) walk(s, f);
	};
	for (const s of r.suites ?? []) walk(s, s.file);
	for (const e of r.errors ?? []) out.push(`(outside a test): ${firstLine(e.message)}`);
	return out;
}
