// The one `test` every end-to-end spec imports: Playwright's own, with the browser's clock fixed to
// the test day before any page loads. "Today" in the app is read from `Date`, so every date the app
// picks (the next pay period, leave balances as of today, due-today filters, report presets) follows
// this clock, never the day the suite happens to run. `npm run test:dates` runs the date-sensitive
// specs again with KEEL_TEST_TODAY set to year-end, tax-year-end and leap-day dates.
import { test as base, expect, type BrowserContext } from '@playwright/test';

/** The day the tests run "on", as YYYY-MM-DD. */
export const TEST_TODAY = process.env.KEEL_TEST_TODAY ?? '2026-06-15';
if (!/^\d{4}-\d\d-\d\d$/.test(TEST_TODAY))
	throw new Error(`KEEL_TEST_TODAY must be YYYY-MM-DD, not ${TEST_TODAY}`);

/**
 * Installs the fake clock on a browser context at 09:00 UTC of the test day. Time then runs on from
 * there at its natural pace (timers fire as usual), like a machine whose calendar reads that day.
 */
export async function fixToday(context: BrowserContext): Promise<void> {
	await context.clock.install({ time: new Date(`${TEST_TODAY}T09:00:00Z`) });
}

/** The test day plus `days` (negative for earlier), as YYYY-MM-DD, computed in UTC. */
export function testDay(days = 0): string {
	const d = new Date(`${TEST_TODAY}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

export const test = base.extend({
	context: async ({ context }, use) => {
		await fixToday(context);
		await use(context);
	}
});

export { expect };
