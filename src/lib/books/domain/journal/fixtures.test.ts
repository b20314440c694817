// Outside oracle 1: Ledger's own regression journals (shared/fixtures/third-party/journals/ledger,
// see its SOURCE.md) must give the balances their `test` blocks state.
// Skipped on purpose: feat-balance_assert_split.test — its expected output depends on Ledger's
// deduplication of transactions by UUID metadata across two concatenated files and on the `<account>`
// posting syntax; neither is part of the hledger/Ledger common subset Keel reads (Keel refuses the
// file with a line-numbered error, which is checked below).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../shared/domain/result';
import { trialBalance } from '../reports/trial-balance';
import { balanceSheet } from '../reports/statements';
import { readJournal } from './reader';

const DIR = join(__dirname, '../../../../../../shared/fixtures/third-party/journals/ledger');
const read = (name: string) => readJournal(readFileSync(join(DIR, name), 'utf8'), { fileName: name });
const balances = (
	name: string,
	opts: { clearedOnly?: boolean } = {},
	totals: Record<string, string> = {}
) => {
	const data = unwrap(read(name));
	const tb = trialBalance({ entries: data.entries, accounts: data.accounts, ...opts });
	expect(tb.totals).toEqual(totals);
	return Object.fromEntries(tb.rows.map((r) => [`${r.fullName}|${r.commodity}`, r.amount]));
};

describe('Ledger regression journals', () => {
	it('cmd-balance: flat balances, zero accounts hidden', () => {
		expect(balances('cmd-balance.test')).toEqual({
			'Assets:B|': '5.00',
			'Assets:C|': '5.00',
			'Equity:Opening balances|': '-10.00'
		});
	});

	it('cmd-balance: tree subtotals (bal, bal -n)', () => {
		const data = unwrap(read('cmd-balance.test'));
		const bs = balanceSheet({ entries: data.entries, accounts: data.accounts, asOf: '2012-12-31' as never });
		const assets = Object.fromEntries(bs.assets.lines.map((l) => [l.fullName, l.amount]));
		expect(assets).toEqual({
			Assets: { '': '10.00' },
			'Assets:B': { '': '5.00' },
			'Assets:C': { '': '5.00' }
		});
		expect(bs.equity.total).toEqual({ '': '10.00' }); // Equity:Opening balances -10, shown credit-positive
		expect(bs.liabilities.total).toEqual({});
		expect(bs.difference).toEqual({});
	});

	it('cmd-cleared: totals and cleared totals per account', () => {
		const all = {
			A: '50.00',
			B: '-10.00',
			C: '45.00',
			D: '-15.00',
			E: '20.00',
			F: '-20.00',
			G: '-30.00',
			H: '-40.00'
		};
		expect(balances('cmd-cleared.test')).toEqual(
			Object.fromEntries(Object.entries(all).map(([k, v]) => [`${k}|`, v]))
		);
		expect(balances('cmd-cleared.test', { clearedOnly: true })).toEqual({
			'A|': '10.00',
			'B|': '-10.00',
			'C|': '30.00',
			'G|': '-30.00'
		});
	});

	it('cmd-equity: D directive and @ unit prices; the closing position', () => {
		// Lines bought at a cost balance at cost, so quantities do not net to zero per commodity:
		// the totals are what Ledger's `equity` report books to Equity:Opening Balances (-4 AAA, 3.80 GBP).
		expect(balances('cmd-equity.test', {}, { AAA: '4', GBP: '-3.80' })).toEqual({
			'Assets:Bank|GBP': '-3.80',
			'Assets:Broker|AAA': '4'
		});
	});

	it('feat-balance-assignments: assertions hold and the assignment sets the balance', () => {
		expect(balances('feat-balance-assignments.test')).toEqual({
			'Assets:Cash|$': '4100.00',
			'Equity:Opening Balances|$': '-10000.00',
			'Expenses:Cash|$': '5900.00'
		});
	});

	it('2016: the unbalanced transaction is refused, naming its lines and the $50.00 remainder', () => {
		const r = read('2016.test');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.error.code).toBe('ledger/parse');
		expect(r.error.message).toContain('2016.test:30:');
		expect(r.error.message).toContain('lines 30-32');
		expect(r.error.message).toContain('$50.00');
	});

	it('feat-balance_assert_split (skipped semantics): refused with a line number, not misread', () => {
		const r = read('feat-balance_assert_split.test');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.message).toMatch(/feat-balance_assert_split\.test:\d+: virtual posting/);
	});
});
