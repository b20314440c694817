#!/usr/bin/env node
// `npm test`: type check, lint, unit tests, a production build, then the end-to-end tests in real
// Chromium. Every stage runs even if an earlier one fails, so one run shows everything that is
// wrong; the exit code is non-zero if any stage failed. Ends with one plain summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { DAYS } from './test-days.js';
import { playwrightFailures, vitestFailures } from './test-reports.js';

rmSync('test-reports', { recursive: true, force: true });
mkdirSync('test-reports', { recursive: true });

const stages = [
	{ name: 'svelte-check', cmd: 'npm', args: ['run', '--silent', 'check'] },
	{ name: 'lint', cmd: 'npm', args: ['run', '--silent', 'lint'] },
	{
		name: 'unit',
		cmd: 'npx',
		args: ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-reports/unit.json']
	},
	{ name: 'build', cmd: 'npm', args: ['run', '--silent', 'build'] },
	{ name: 'e2e', cmd: 'npx', args: ['playwright', 'test'] },
	// The date-sensitive tests again on year-end, tax-year-end and leap days (scripts/test-dates.js).
	{ name: 'dates', cmd: 'node', args: ['scripts/test-dates.js', '--no-build'] }
];

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

for (const stage of stages) {
	const started = Date.now();
	console.log(`\n=== ${stage.name} ===`);
	if ((stage.name === 'e2e' || stage.name === 'dates') && failures.includes('build')) {
		console.log('skipped: the build failed, so there is no app to test');
		failures.push(stage.name);
		continue;
	}
	const run = spawnSync(stage.cmd, stage.args, {
		stdio: 'inherit',
		env: { ...process.env, FORCE_COLOR: '0' }
	});
	const ok = run.status === 0;
	if (!ok) failures.push(stage.name);
	console.log(
		`=== ${stage.name}: ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`
	);
}

function countVitest(path) {
	if (!existsSync(path)) return;
	const r = JSON.parse(readFileSync(path, 'utf8'));
	passed += r.numPassedTests ?? 0;
	failed += r.numFailedTests ?? 0;
	skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}

function countPlaywright(path) {
	if (!existsSync(path)) return;
	const r = JSON.parse(readFileSync(path, 'utf8'));
	passed += r.stats?.expected ?? 0;
	failed += (r.stats?.unexpected ?? 0) + (r.stats?.flaky ?? 0);
	skipped += r.stats?.skipped ?? 0;
}

countVitest('test-reports/unit.json');
countPlaywright('test-reports/e2e.json');
for (const day of DAYS) {
	countVitest(`test-reports/dates-${day}-unit.json`);
	countPlaywright(`test-reports/dates-${day}-e2e.json`);
}
// A stage that failed without failing a test (type errors, lint, build) still counts as a failure.
for (const f of failures) if (f !== 'unit' && f !== 'e2e' && f !== 'dates') failed += 1;

const named = [...vitestFailures('test-reports/unit.json'), ...playwrightFailures('test-reports/e2e.json')];
for (const day of DAYS)
	for (const t of [
		...vitestFailures(`test-reports/dates-${day}-unit.json`),
		...playwrightFailures(`test-reports/dates-${day}-e2e.json`)
	])
		named.push(`${day}: ${t}`);
if (named.length) console.log(`\nFailed tests:\n${named.map((t) => `  ${t}`).join('\n')}`);
console.log(failures.length ? `\nFailed stages: ${failures.join(', ')}` : '\nAll stages passed.');
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failures.length ? 1 : 0);
