#!/usr/bin/env node
// `npm run test:dates`: the date-sensitive tests again, with "today" set to each of the days where
// date logic most often breaks: the last day of a calendar year, the first of the next, the last day
// of a UK tax year and the first of the next, and a leap day. Unit tests get the day through
// tests/unit/fixed-clock.ts (vitest fakes `Date`), end-to-end tests through tests/e2e/test.ts
// (Playwright's clock). `--no-build` skips the production build (npm test has just made one).
// Prints one line per day and ends with `dates: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { DAYS } from './test-days.js';
import { playwrightFailures, vitestFailures } from './test-reports.js';

/** Unit tests whose subject is dates: payroll, leave and HR history, recurring tasks, ledger locks and report periods. */
const UNIT = [
	'src/lib/payroll/domain',
	'src/lib/people/domain',
	'src/lib/tasks/domain',
	'src/lib/books/domain',
	'src/lib/shared/domain/dates',
	'src/lib/payroll/state/data',
	'src/lib/payroll/sync/replica',
	'src/lib/people/sync/replica'
];
/**
 * End-to-end specs where the app picks a date from "today". payroll-rules and payroll-switch are left
 * out: each sets its own scenario day, so they would run the same five more times.
 */
const E2E = [
	'tests/e2e/payroll.e2e.ts',
	'tests/e2e/payroll-payslip.e2e.ts',
	'tests/e2e/people.e2e.ts',
	'tests/e2e/people-extras.e2e.ts',
	'tests/e2e/tasks.e2e.ts',
	'tests/e2e/books.e2e.ts',
	'tests/e2e/books-reports.e2e.ts'
];

const days = process.argv.filter((a) => /^\d{4}-\d\d-\d\d$/.test(a));
const only = days.length ? days : DAYS;
mkdirSync('test-reports', { recursive: true });

function run(cmd, args, env) {
	return (
		spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0', ...env } }).status === 0
	);
}

if (!process.argv.includes('--no-build') && !run('npm', ['run', '--silent', 'build'], {})) {
	console.log('dates: the build failed');
	process.exit(1);
}

let passed = 0;
let failed = 0;
const bad = [];
const named = [];
for (const day of only) {
	const started = Date.now();
	const unitReport = `test-reports/dates-${day}-unit.json`;
	const e2eReport = `test-reports/dates-${day}-e2e.json`;
	console.log(`\n=== today is ${day} ===`);
	const unitOk = run(
		'npx',
		['vitest', 'run', '--reporter=dot', '--reporter=json', `--outputFile=${unitReport}`, ...UNIT],
		{
			KEEL_TEST_TODAY: day
		}
	);
	const e2eOk = run('npx', ['playwright', 'test', '--reporter=dot,json', ...E2E], {
		KEEL_TEST_TODAY: day,
		PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport
	});
	let p = 0;
	let f = 0;
	if (existsSync(unitReport)) {
		const r = JSON.parse(readFileSync(unitReport, 'utf8'));
		p += r.numPassedTests ?? 0;
		f += r.numFailedTests ?? 0;
	}
	if (existsSync(e2eReport)) {
		const r = JSON.parse(readFileSync(e2eReport, 'utf8'));
		p += r.stats?.expected ?? 0;
		f += (r.stats?.unexpected ?? 0) + (r.stats?.flaky ?? 0);
	}
	for (const t of [...vitestFailures(unitReport), ...playwrightFailures(e2eReport)])
		named.push(`${day}: ${t}`);
	if (!unitOk || !e2eOk) {
		bad.push(day);
		if (f === 0) f = 1; // a stage that failed without failing a test (it did not start) still counts
	}
	passed += p;
	failed += f;
	console.log(`=== ${day}: ${p} passed, ${f} failed in ${((Date.now() - started) / 1000).toFixed(0)} s ===`);
}
if (named.length) console.log(`\nFailed tests:\n${named.map((t) => `  ${t}`).join('\n')}`);
console.log(bad.length ? `\nFailed on: ${bad.join(', ')}` : `\nPassed on every day: ${only.join(', ')}`);
console.log(`dates: ${passed} passed, ${failed} failed`);
process.exit(bad.length ? 1 : 0);
