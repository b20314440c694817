// Vitest setup: when KEEL_TEST_TODAY is set (npm run test:dates), every test file runs with `Date`
// faked to 09:00 UTC on that day, so a test that read the wall clock would see the chosen day and fail
// there rather than on some later real date. Timers stay real; only `Date` is faked.
import { beforeEach, vi } from 'vitest';

const today = process.env.KEEL_TEST_TODAY;
if (today !== undefined) {
	if (!/^\d{4}-\d\d-\d\d$/.test(today)) throw new Error(`KEEL_TEST_TODAY must be YYYY-MM-DD, not ${today}`);
	beforeEach(() => {
		vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${today}T09:00:00Z`) });
	});
}
