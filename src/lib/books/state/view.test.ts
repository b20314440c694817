import { describe, expect, it } from 'vitest';
import { indexAccounts, LEDGER_SCHEMA_VERSION, type Account, type TrialBalanceRow } from '$lib/books/domain';
import { cashOnHand, lastFiscalYearEnd } from './view';

const acct = (id: string, type: Account['type'], subtype?: Account['subtype']): Account => ({
	schemaVersion: LEDGER_SCHEMA_VERSION,
	id,
	name: id,
	type,
	...(subtype ? { subtype } : {})
});
const row = (account: string, amount: string, commodity = 'USD') =>
	({
		account,
		fullName: account,
		commodity,
		amount,
		drill: { accounts: [account] }
	}) as unknown as TrialBalanceRow;

describe('books view figures', () => {
	it('cash on hand adds bank and cash accounts exactly, per currency', () => {
		const index = indexAccounts([
			acct('Bank', 'asset', 'bank'),
			acct('Till', 'asset', 'cash'),
			acct('AR', 'asset', 'receivable')
		]);
		expect(
			cashOnHand([row('Bank', '0.10'), row('Till', '0.20'), row('AR', '99'), row('Bank', '5', 'EUR')], index)
		).toEqual({
			USD: '0.30',
			EUR: '5'
		});
	});

	it('the last fiscal year end is the day before the latest year start on or before today', () => {
		expect(lastFiscalYearEnd('2026-11-23' as never, '01-01')).toBe('2025-12-31');
		expect(lastFiscalYearEnd('2026-11-23' as never, '04-06')).toBe('2026-04-05');
		expect(lastFiscalYearEnd('2026-03-01' as never, '04-06')).toBe('2025-04-05');
		expect(lastFiscalYearEnd('2025-03-01' as never, '03-01')).toBe('2025-02-28');
		expect(lastFiscalYearEnd('2024-03-01' as never, '03-01')).toBe('2024-02-29');
	});
});
