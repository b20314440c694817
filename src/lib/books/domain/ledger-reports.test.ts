// Ledger reports over generated and random books: statements, trial balance, cash flow, nonprofit
// statements, drill-down and year-end close agree with each other and with exact sums.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unwrap } from '../../shared/domain/result';
import { indexAccounts } from './accounts';
import { closeYear } from './close';
import { ExactSum } from '../../shared/domain';
import { postEntry } from './entries';
import { generateBook } from './generate';
import { cashFlowStatement } from './reports/cash-flow';
import { drillDown } from './reports/drill-down';
import { statementOfActivities, statementOfFinancialPosition } from './reports/nonprofit';
import { accountRegister, balanceSheet, incomeStatement } from './reports/statements';
import { sumMulti } from './reports/sums';
import { trialBalance } from './reports/trial-balance';
import { CHART_TEMPLATES, instantiateTemplate } from './templates';
import { arbEntries, chart, D } from './test-fixtures';

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
