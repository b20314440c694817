// The ledger core: exact decimal sums, posting and reversing entries (validation, locks, random
// balanced books), and the chart templates. Reports over the same books: ledger-reports.test.ts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../shared/domain/dates';
import { allocate, dec } from '../../shared/domain/money';
import { unwrap } from '../../shared/domain/result';
import { indexAccounts, validateChart } from './accounts';
import { ExactSum, formatUnits, multiplyDecimals, negateDecimal, sumDecimals } from '../../shared/domain';
import { postEntry, reverseEntry, validateEntry, type EntryContext } from './entries';
import { balanceSheet } from './reports/statements';
import { trialBalance } from './reports/trial-balance';
import { CHART_TEMPLATES, instantiateTemplate, validateTemplate } from './templates';
import { type JournalEntry } from './types';
import { arbEntries, chart, ctx, D, entry } from './test-fixtures';

describe('exact decimals', () => {
	it('sums like BigInt, however large', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 12 }))
				),
				(values) => {
					const s = new ExactSum();
					let ref = 0n;
					for (const [u, scale] of values) {
						s.addDecimal(formatUnits(u, scale));
						ref += u * 10n ** BigInt(12 - scale);
					}
					expect(s.toDecimal(12)).toBe(formatUnits(ref, 12));
				}
			)
		);
	});

	it('never prints -0 and keeps the written scale', () => {
		expect(negateDecimal('0.00')).toBe('0.00');
		expect(negateDecimal('10.50')).toBe('-10.50');
		expect(sumDecimals(['0.1', '0.2', '-0.3'])).toBe('0.0');
		expect(multiplyDecimals('2', '0.90')).toBe('1.80');
		expect(sumDecimals(['9007199254740991', '1'])).toBe('9007199254740992');
	});
});

describe('entries', () => {
	it('judges a two-line entry balanced exactly when its amounts sum to zero, however they are written', () => {
		const amount = fc
			.tuple(fc.boolean(), fc.nat(100_000), fc.constantFrom('', '.0', '.00', '.5', '.50', '.05'))
			.map(([neg, n, frac]) => `${neg ? '-' : ''}${n}${frac}`);
		fc.assert(
			fc.property(amount, amount, fc.boolean(), (a, b, mirror) => {
				const second = mirror ? (a.startsWith('-') ? a.slice(1) : `-${a}`) : b;
				const e = entry('p', '2024-02-01', [
					['Assets:Cash', a],
					['Income:Sales', second]
				]);
				const sum = new ExactSum();
				sum.addDecimal(a);
				sum.addDecimal(second);
				expect(validateEntry(e, ctx).ok).toBe(sum.isZero());
			}),
			{ numRuns: 2000 }
		);
	});

	it('validates: two lines, balance per commodity, known open accounts, lock date', () => {
		const good = entry('e', '2024-02-01', [
			['Assets:Cash', '10.00'],
			['Income:Sales', '-10.00']
		]);
		expect(validateEntry(good, ctx).ok).toBe(true);
		const cases: [JournalEntry, EntryContext, string, RegExp][] = [
			[{ ...good, lines: good.lines.slice(0, 1) }, ctx, 'ledger/too-few-lines', /at least two/],
			[
				entry('u', '2024-02-01', [
					['Assets:Cash', '10.00'],
					['Income:Sales', '-9.99']
				]),
				ctx,
				'ledger/unbalanced',
				/'u'.*\$0\.01/
			],
			[
				entry('m', '2024-02-01', [
					['Assets:Cash', '10', 'EUR'],
					['Income:Sales', '-10']
				]),
				ctx,
				'ledger/unbalanced',
				/10 EUR/
			],
			[
				entry('x', '2024-02-01', [
					['Nope', '1'],
					['Income:Sales', '-1']
				]),
				ctx,
				'ledger/unknown-account',
				/Nope/
			],
			[good, { ...ctx, lockDate: D('2024-02-01') }, 'ledger/locked-period', /lock date 2024-02-01/],
			[{ ...good, date: D('2024-02-30') }, ctx, 'ledger/bad-date', /2024-02-30/],
			[
				entry('b', '2024-02-01', [
					['Assets:Cash', '1e3'],
					['Income:Sales', '-1000']
				]),
				ctx,
				'ledger/bad-amount',
				/1e3/
			]
		];
		for (const [e, c, code, message] of cases) {
			const r = validateEntry(e, c);
			expect(r.ok, code).toBe(false);
			if (!r.ok) {
				expect(r.error.code).toBe(code);
				expect(r.error.message).toMatch(message);
			}
		}
		const archived = {
			accounts: indexAccounts(chart.map((a) => (a.id === 'Assets:Cash' ? { ...a, archived: true } : a))).byId
		};
		expect(unwrapErr(validateEntry(good, archived))).toBe('ledger/archived-account');
	});

	it('posts as a frozen fact and reverses in one action', () => {
		const posted = unwrap(
			postEntry(
				{
					...entry('e', '2024-02-01', [
						['Assets:Cash', '10.00'],
						['Income:Sales', '-10.00']
					]),
					status: 'draft'
				},
				ctx
			)
		);
		expect(posted.status).toBe('posted');
		expect(Object.isFrozen(posted.lines[0])).toBe(true);
		const rev = unwrap(reverseEntry({ entry: posted, id: 'r', date: D('2024-03-01'), ctx }));
		expect(rev.reverses).toBe('e');
		expect(rev.lines.map((l) => l.amount)).toEqual(['-10.00', '10.00']);
		expect(unwrapErr(reverseEntry({ entry: { ...posted, status: 'draft' }, id: 'r2', ctx }))).toBe(
			'ledger/not-posted'
		);
	});

	it('property: random balanced entries keep the trial balance at zero and the accounting equation true at every date', () => {
		fc.assert(
			fc.property(arbEntries, fc.integer({ min: 0, max: 400 }), (entries, day) => {
				for (const e of entries) expect(validateEntry(e, ctx).ok).toBe(true);
				expect(trialBalance({ entries, accounts: chart }).totals).toEqual({});
				const bs = balanceSheet({ entries, accounts: chart, asOf: addDays(D('2024-01-01'), day) });
				expect(bs.difference).toEqual({});
				expect(bs.assets.total).toEqual(bs.liabilitiesAndEquity);
			}),
			{ numRuns: 150 }
		);
	});

	it('property: a reversal nets every account to zero', () => {
		fc.assert(
			fc.property(arbEntries, (entries) => {
				const reversals = entries.map((e, i) => unwrap(reverseEntry({ entry: e, id: `R${i}`, ctx })));
				expect(trialBalance({ entries: [...entries, ...reversals], accounts: chart }).rows).toEqual([]);
			}),
			{ numRuns: 100 }
		);
	});

	it('property: rounding never leaves a cent (allocated lines still post exactly)', () => {
		fc.assert(
			fc.property(
				fc.bigInt({ min: 1n, max: 10n ** 12n }),
				fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 9 }),
				(cents, weights) => {
					const total = formatUnits(cents, 2);
					const parts = allocate(
						dec(total),
						weights.map((w) => dec(w))
					);
					const lines: [string, string][] = parts.map((p) => ['Expenses:Rent', p.toFixed(2)]);
					lines.push(['Assets:Bank:Checking', negateDecimal(total)]);
					expect(postEntry(entry('a', '2024-01-01', lines), ctx).ok).toBe(true);
				}
			)
		);
	});
});

function unwrapErr(r: { ok: boolean; error?: { code: string } }): string | undefined {
	return r.ok ? undefined : r.error?.code;
}

describe('chart templates', () => {
	it('all templates validate and instantiate into a valid chart', () => {
		for (const t of CHART_TEMPLATES) {
			expect(validateTemplate(t).ok, t.id).toBe(true);
			const accounts = unwrap(instantiateTemplate({ template: t, newId: (code) => `${t.id}-${code}` }));
			expect(validateChart(accounts).ok).toBe(true);
			expect(accounts).toHaveLength(t.accounts.length);
		}
	});

	it('refuses broken templates', () => {
		const t = CHART_TEMPLATES[0] as (typeof CHART_TEMPLATES)[number];
		const broken = [
			{ ...t, accounts: [...t.accounts, t.accounts[1]] },
			{ ...t, accounts: [...t.accounts, { code: '9999', path: 'Nowhere:Child', type: 'asset' }] },
			{ ...t, accounts: [...t.accounts, { code: '9998', path: 'Assets:Odd', type: 'income' }] },
			{ ...t, retainedEarningsCode: '0000' }
		];
		for (const b of broken) expect(validateTemplate(b).ok).toBe(false);
	});
});
