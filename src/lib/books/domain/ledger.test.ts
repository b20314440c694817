import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, type IsoDate } from '../../shared/domain/dates';
import { allocate, dec } from '../../shared/domain/money';
import { unwrap } from '../../shared/domain/result';
import { indexAccounts, validateChart } from './accounts';
import { closeYear } from './close';
import { ExactSum, formatUnits, multiplyDecimals, negateDecimal, sumDecimals } from '../../shared/domain';
import { postEntry, reverseEntry, validateEntry, type EntryContext } from './entries';
import { generateBook, generatedChart } from './generate';
import { cashFlowStatement } from './reports/cash-flow';
import { drillDown } from './reports/drill-down';
import { statementOfActivities, statementOfFinancialPosition } from './reports/nonprofit';
import { accountRegister, balanceSheet, incomeStatement } from './reports/statements';
import { sumMulti } from './reports/sums';
import { trialBalance } from './reports/trial-balance';
import { CHART_TEMPLATES, instantiateTemplate, validateTemplate } from './templates';
import { LEDGER_SCHEMA_VERSION, type EntryLine, type JournalEntry } from './types';

const D = (s: string) => s as IsoDate;
const chart = generatedChart();
const ctx: EntryContext = { accounts: indexAccounts(chart).byId };
const entry = (id: string, date: string, lines: [string, string, string?][]): JournalEntry => ({
	schemaVersion: LEDGER_SCHEMA_VERSION,
	id,
	date: D(date),
	memo: id,
	status: 'posted',
	lines: lines.map(([account, amount, commodity]) => ({
		account,
		amount: amount as never,
		commodity: commodity ?? '$'
	}))
});

/** Random balanced entries over the generator's chart: amounts with up to 2 decimals, 1-3 commodities. */
const arbEntries = fc
	.array(
		fc.record({
			day: fc.integer({ min: 0, max: 400 }),
			commodity: fc.constantFrom('$', 'EUR', 'BTC'),
			parts: fc.array(
				fc.tuple(
					fc.integer({ min: 0, max: chart.length - 1 }),
					fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n })
				),
				{
					minLength: 1,
					maxLength: 5
				}
			),
			balancing: fc.integer({ min: 0, max: chart.length - 1 }),
			fund: fc.constantFrom(undefined, 'unrestricted', 'restricted')
		}),
		{ maxLength: 40 }
	)
	.map((specs) =>
		specs.map((s, i): JournalEntry => {
			const lines: EntryLine[] = s.parts.map(([a, units]) => ({
				account: chart[a]?.id as string,
				amount: formatUnits(units, 2),
				commodity: s.commodity,
				...(s.fund ? { dimensions: { fund: s.fund } } : {})
			}));
			const total = s.parts.reduce((acc, [, u]) => acc + u, 0n);
			lines.push({
				account: chart[s.balancing]?.id as string,
				amount: formatUnits(-total, 2),
				commodity: s.commodity
			});
			return {
				schemaVersion: 1,
				id: `P${i}`,
				date: addDays(D('2024-01-01'), s.day),
				memo: 'p',
				status: 'posted',
				lines
			};
		})
	);

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

describe('reports', () => {
	const book = generateBook({ seed: 5, entries: 400, commodities: ['$', 'EUR'] });
	const { entries, accounts } = book;

	it('income statement: net income = income - expenses, with a prior-period comparison', () => {
		const is = incomeStatement({
			entries,
			accounts,
			period: { from: D('2024-01-01'), to: D('2024-12-31') },
			comparePeriod: { from: D('2023-01-01'), to: D('2023-12-31') }
		});
		expect(is.current.netIncome).toEqual(
			sumMulti([is.current.income.total, sumMulti([is.current.expenses.total], true)])
		);
		expect(is.netIncomeChange).toEqual(
			sumMulti([is.current.netIncome, sumMulti([is.prior?.netIncome ?? {}], true)])
		);
	});

	it('every figure drills down to entries whose lines sum to it', () => {
		const bs = balanceSheet({ entries, accounts, asOf: D('2024-06-30') });
		for (const line of [...bs.assets.lines, ...bs.liabilities.lines]) {
			const behind = drillDown(entries, line.drill).flatMap((d) => d.lines);
			const sign = bs.liabilities.lines.includes(line);
			const total = sumMulti(
				behind.map((l) => ({ [l.commodity]: l.amount })),
				sign
			);
			expect(total).toEqual(line.amount);
		}
	});

	it('cash flow: operating + investing + financing = change in cash', () => {
		fc.assert(
			fc.property(arbEntries, (random) => {
				const cf = cashFlowStatement({
					entries: random,
					accounts: chart,
					period: { from: D('2024-02-01'), to: D('2024-10-31') }
				});
				expect(cf.difference).toEqual({});
			}),
			{ numRuns: 100 }
		);
	});

	it('register: running balance ends at the account balance', () => {
		const reg = accountRegister({
			entries,
			accounts,
			account: 'Assets:Bank',
			period: { from: D('2023-06-01') }
		});
		const tb = trialBalance({ entries, accounts });
		const direct = sumMulti(
			tb.rows.filter((r) => r.account.startsWith('Assets:Bank')).map((r) => ({ [r.commodity]: r.amount }))
		);
		expect(reg.closing).toEqual(direct);
		expect(sumMulti([reg.opening, ...reg.rows.map((r) => ({ [r.commodity]: r.amount }))])).toEqual(direct);
	});

	it('year-end close zeroes income and expenses into retained earnings, exactly', () => {
		const close = unwrap(
			closeYear({
				entries,
				ctx: { accounts: indexAccounts(accounts).byId },
				yearEnd: D('2023-12-31'),
				id: 'close-2023',
				retainedEarnings: 'Equity:Retained Earnings'
			})
		);
		expect(close.closing).toBe(true);
		const all = [...entries, close];
		const bs = balanceSheet({ entries: all, accounts, asOf: D('2023-12-31') });
		expect(bs.currentEarnings).toEqual({});
		expect(bs.difference).toEqual({});
		const is = incomeStatement({ entries: all, accounts, period: { to: D('2023-12-31') } });
		const re = trialBalance({ entries: [close], accounts }).rows.filter(
			(r) => r.account === 'Equity:Retained Earnings'
		);
		expect(
			sumMulti(
				re.map((r) => ({ [r.commodity]: r.amount })),
				true
			)
		).toEqual(is.current.netIncome);
		// the closing entry is left out of the income statement, so it still shows the year's result
		expect(is.current.netIncome).not.toEqual({});
	});

	it('nonprofit: net assets by fund add up to assets - liabilities; activities by fund and class', () => {
		const np = unwrap(
			instantiateTemplate({ template: CHART_TEMPLATES[3] as never, newId: (code) => `np-${code}` })
		);
		const npCtx = { accounts: indexAccounts(np).byId };
		const e = (id: string, lines: [string, string, string?, string?][]) =>
			unwrap(
				postEntry(
					{
						schemaVersion: 1,
						id,
						date: D('2024-03-01'),
						memo: id,
						status: 'posted',
						lines: lines.map(([a, amount, fund, cls]) => ({
							account: `np-${a}`,
							amount: amount as never,
							commodity: 'USD',
							...(fund || cls
								? { dimensions: { ...(fund ? { fund } : {}), ...(cls ? { class: cls } : {}) } }
								: {})
						}))
					},
					npCtx
				)
			);
		const entries = [
			e('grant', [
				['1010', '5000.00'],
				['4020', '-5000.00', 'restricted']
			]),
			e('gift', [
				['1010', '1200.00'],
				['4010', '-1200.00']
			]),
			e('program', [
				['5200', '800.00', undefined, 'program'],
				['5300', '150.00', undefined, 'management-general'],
				['2010', '-950.00']
			]),
			e('release', [
				['4900', '800.00', 'restricted'],
				['4900', '-800.00', 'unrestricted']
			])
		];
		const pos = statementOfFinancialPosition({ entries, accounts: np, asOf: D('2024-12-31') });
		expect(pos.difference).toEqual({});
		expect(Object.fromEntries(pos.netAssets.map((n) => [n.fund, n.amount]))).toEqual({
			unrestricted: { USD: '1050.00' },
			restricted: { USD: '4200.00' }
		});
		const act = statementOfActivities({
			entries,
			accounts: np,
			period: { from: D('2024-01-01'), to: D('2024-12-31') }
		});
		expect(Object.fromEntries(act.expensesByClass.map((c) => [c.class, c.amount]))).toEqual({
			program: { USD: '800.00' },
			'management-general': { USD: '150.00' },
			fundraising: {},
			unassigned: {}
		});
		expect(act.totalChangeInNetAssets).toEqual({ USD: '5250.00' });
		// Each function's figure drills down to exactly its own lines, 'not assigned' included.
		const withUnassigned = [
			...entries,
			e('misc', [
				['5300', '40.00'],
				['2010', '-40.00']
			])
		];
		const act2 = statementOfActivities({
			entries: withUnassigned,
			accounts: np,
			period: { from: D('2024-01-01'), to: D('2024-12-31') }
		});
		for (const c of act2.expensesByClass) {
			const sum = new ExactSum();
			for (const d of drillDown(withUnassigned, c.drill)) for (const l of d.lines) sum.addDecimal(l.amount);
			expect(sum.isZero() ? {} : { USD: sum.toDecimal() }, c.class).toEqual(c.amount);
		}
		expect(act2.expensesByClass.find((c) => c.class === 'unassigned')?.amount).toEqual({ USD: '40.00' });
		const close = unwrap(
			closeYear({
				entries,
				ctx: npCtx,
				yearEnd: D('2024-12-31'),
				id: 'c',
				netAssetsByFund: { unrestricted: 'np-3100', restricted: 'np-3200' }
			})
		);
		const after = statementOfFinancialPosition({
			entries: [...entries, close],
			accounts: np,
			asOf: D('2024-12-31')
		});
		expect(after.netAssets).toEqual(pos.netAssets);
		const tb = trialBalance({ entries: [...entries, close], accounts: np });
		expect(tb.rows.filter((r) => r.account === 'np-3200').map((r) => r.amount)).toEqual(['-4200.00']);
	});
});

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
