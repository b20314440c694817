import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../shared/domain';
import { checkPaymentDate, computeRun, paymentJournalEntry, runJournalEntry } from './index';
import { draft, finalize, person, schedule, testAccounts as accounts, usComp } from './fixtures';

function december() {
	const s = schedule();
	const run = draft('dec', s, { start: '2026-12-01', end: '2026-12-31', payDate: '2026-12-18' }, ['a']);
	const c = computeRun({ schedule: s, run, people: [person('a', usComp('60000'))], finalized: [] });
	return finalize(run, s, c, '2026-12-06T09:00:00Z', '2026');
}

describe('paying a run', () => {
	it('posts the payment no earlier than the run itself', () => {
		const run = december();
		const wages = runJournalEntry(run, accounts);
		expect(wages.ok && wages.value.date).toBe('2026-12-18');
		const early = paymentJournalEntry(run, accounts, '2026-12-06' as IsoDate);
		expect(!early.ok && early.error.message).toBe(
			"Paid on: 2026-12-06 is before this run's posting date, 2026-12-18. A payment cannot be dated before the wages it pays are posted; use 2026-12-18 or later."
		);
		expect(!early.ok && early.error.details).toMatchObject({ field: 'paidOn' });
		const onTheDay = paymentJournalEntry(run, accounts, '2026-12-18' as IsoDate);
		expect(onTheDay.ok && onTheDay.value.date).toBe('2026-12-18');
		expect(paymentJournalEntry(run, accounts, '2026-12-21' as IsoDate).ok).toBe(true);
	});

	it('refuses a date that is not a date', () => {
		for (const bad of ['', '2026-02-30', '18/12/2026']) {
			const r = checkPaymentDate(december(), bad);
			expect(!r.ok && r.error.message).toBe('Paid on: enter a date.');
		}
	});
});
