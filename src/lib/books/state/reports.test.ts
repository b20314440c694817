import { describe, expect, it } from 'vitest';
import type { IsoDate } from '$lib/shared/domain';
import { indexAccounts, type Account, type MultiAmount, type ReportSection } from '$lib/books/domain';

const m = (o: Record<string, string>) => o as MultiAmount;
import {
	addMulti,
	askReport,
	cashFlowDrills,
	comparePeriod,
	fiscalYear,
	mergeColumns,
	presetPeriod,
	readParams,
	reportMenu,
	reportRequest,
	toQuery,
	withoutFund
} from './reports';

const d = (s: string) => s as IsoDate;
const us = { today: d('2026-03-15'), fiscalYearStart: '01-01', nonprofit: false };
const uk = { today: d('2026-03-15'), fiscalYearStart: '04-06', nonprofit: false };

describe('report dates', () => {
	it('finds the fiscal year around a day, for calendar and April-6 years', () => {
		expect(fiscalYear(d('2026-03-15'), '01-01')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
		expect(fiscalYear(d('2026-03-15'), '04-06')).toEqual({ from: '2025-04-06', to: '2026-04-05' });
		expect(fiscalYear(d('2026-04-06'), '04-06')).toEqual({ from: '2026-04-06', to: '2027-04-05' });
		expect(fiscalYear(d('2026-03-15'), 'junk')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
	});

	it('gives each preset its period', () => {
		expect(presetPeriod('this-month', us)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
		expect(presetPeriod('last-month', us)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
		expect(presetPeriod('this-quarter', us)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
		expect(presetPeriod('this-year', us)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
		expect(presetPeriod('last-year', us)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
		expect(presetPeriod('this-quarter', uk)).toEqual({ from: '2026-01-06', to: '2026-04-05' });
		expect(presetPeriod('last-year', uk)).toEqual({ from: '2024-04-06', to: '2025-04-05' });
		expect(presetPeriod('last-month', { today: d('2026-01-31'), fiscalYearStart: '01-01' })).toEqual({
			from: '2025-12-01',
			to: '2025-12-31'
		});
	});

	it('compares with the period before (whole months stay months) or a year earlier', () => {
		const march = { from: d('2026-03-01'), to: d('2026-03-31') };
		expect(comparePeriod(march, 'none')).toBeUndefined();
		expect(comparePeriod(march, 'previous')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
		expect(comparePeriod({ from: d('2026-04-01'), to: d('2026-06-30') }, 'previous')).toEqual({
			from: '2026-01-01',
			to: '2026-03-31'
		});
		expect(comparePeriod({ from: d('2026-03-10'), to: d('2026-03-19') }, 'previous')).toEqual({
			from: '2026-02-28',
			to: '2026-03-09'
		});
		expect(comparePeriod({ from: d('2024-02-01'), to: d('2024-02-29') }, 'year')).toEqual({
			from: '2023-02-01',
			to: '2023-02-28'
		});
		expect(comparePeriod({ from: d('2025-02-01'), to: d('2025-02-28') }, 'year')).toEqual({
			from: '2024-02-01',
			to: '2024-02-29'
		});
	});
});

describe('report URL', () => {
	it('round-trips what a bookmark holds and defaults the rest', () => {
		const p = readParams(new URLSearchParams('r=pl&from=2026-02-01&to=2026-02-28&cmp=year'), us);
		expect(p).toMatchObject({ report: 'pl', from: '2026-02-01', to: '2026-02-28', compare: 'year' });
		expect(readParams(new URLSearchParams(toQuery(p)), us)).toEqual(p);
		const bs = readParams(new URLSearchParams('r=bs&asof=2025-12-31'), us);
		expect(toQuery(bs)).toBe('?r=bs&from=2026-01-01&to=2026-12-31&asof=2025-12-31');
		expect(readParams(new URLSearchParams(''), us)).toEqual({
			report: 'bs',
			from: '2026-01-01',
			to: '2026-12-31',
			asOf: '2026-03-15',
			compare: 'none'
		});
		expect(readParams(new URLSearchParams(''), { ...us, nonprofit: true }).report).toBe('sfp');
		const bad = readParams(new URLSearchParams('r=zz&from=2026-13-01&to=2026-01-05&cmp=x'), us);
		expect(bad).toMatchObject({ report: 'bs', from: '2026-01-01', to: '2026-01-05', compare: 'none' });
	});

	it('puts the nonprofit statements first only for a nonprofit chart, and always offers them', () => {
		expect(reportMenu(true).slice(0, 2)).toEqual(['sfp', 'soa']);
		expect(reportMenu(false)).toContain('soa');
		expect(reportMenu(false)[0]).toBe('tb');
	});

	it('asks the worker for the comparison period the URL names', () => {
		const p = readParams(new URLSearchParams('r=pl&from=2026-03-01&to=2026-03-31&cmp=previous'), us);
		expect(reportRequest(p)).toEqual({
			kind: 'incomeStatement',
			period: { from: '2026-03-01', to: '2026-03-31' },
			comparePeriod: { from: '2026-02-01', to: '2026-02-28' }
		});
		expect(reportRequest({ ...p, report: 'sfp' })).toEqual({ kind: 'financialPosition', asOf: '2026-03-15' });
	});
});

describe('report figures', () => {
	it('adds and signs multi-commodity amounts exactly', () => {
		expect(addMulti([m({ USD: '0.10' }), m({ USD: '0.20', EUR: '1' }), undefined])).toEqual({
			EUR: '1',
			USD: '0.30'
		});
		expect(addMulti([m({ USD: '0.10' }), m({ USD: '-0.10' })])).toEqual({});
		expect(addMulti([m({ USD: '12345678901234567.89' }), m({ USD: '0.11' })], -1)).toEqual({
			USD: '-12345678901234568.00'
		});
	});

	it('merges columns in account-tree order, with gaps where a column has nothing', () => {
		const line = (account: string, fullName: string, depth: number, v: string) => ({
			account,
			fullName,
			name: fullName.split(':').at(-1) as string,
			depth,
			amount: m({ USD: v }),
			drill: { accounts: [account] }
		});
		const a: ReportSection = {
			title: 'Income',
			lines: [line('i', 'Income', 0, '5'), line('s', 'Income:Sales', 1, '5')],
			total: m({ USD: '5' }),
			drill: { accounts: ['i', 's'] }
		};
		const b: ReportSection = {
			title: 'Income',
			lines: [line('i', 'Income', 0, '7'), line('g', 'Income:Grants', 1, '7')],
			total: m({ USD: '7' }),
			drill: { accounts: ['i', 'g'] }
		};
		const rows = mergeColumns([a, b]);
		expect(rows.map((r) => [r.name, r.cells.map((c) => c?.amount.USD ?? null)])).toEqual([
			['Income', ['5', '7']],
			['Grants', [null, '7']],
			['Sales', ['5', null]]
		]);
		expect(withoutFund({ accounts: ['x'], fund: 'restricted', defaultFund: 'unrestricted' })).toEqual({
			accounts: ['x']
		});
	});

	it('finds the accounts behind net income and the change in cash', () => {
		const chart: Account[] = [
			{ schemaVersion: 1, id: 'bank', name: 'Bank', type: 'asset', subtype: 'bank' },
			{ schemaVersion: 1, id: 'ar', name: 'Receivable', type: 'asset', subtype: 'receivable' },
			{ schemaVersion: 1, id: 'sales', name: 'Sales', type: 'income' },
			{ schemaVersion: 1, id: 'rent', name: 'Rent', type: 'expense' }
		];
		const q = cashFlowDrills(indexAccounts(chart), { from: d('2026-01-01'), to: d('2026-12-31') });
		expect(q.cash.accounts).toEqual(['bank']);
		expect([...q.netIncome.accounts].sort()).toEqual(['rent', 'sales']);
		expect(q.netIncome).toMatchObject({ excludeClosing: true, period: { from: '2026-01-01' } });
	});
});

describe('all-funds column', () => {
	it('sums each row over the funds and drills without the fund', async () => {
		const { combinedSection } = await import('./reports');
		const line = (fund: string, v: string) => ({
			account: 'g',
			fullName: 'Income:Grants',
			name: 'Grants',
			depth: 1,
			amount: m({ USD: v }),
			drill: { accounts: ['g'], fund, defaultFund: 'unrestricted' }
		});
		const s = (fund: string, v: string): ReportSection => ({
			title: 'Revenue',
			lines: [line(fund, v)],
			total: m({ USD: v }),
			drill: { accounts: ['g'], fund, defaultFund: 'unrestricted' }
		});
		const all = combinedSection([s('unrestricted', '10.05'), s('restricted', '0.95')]);
		expect(all?.lines.map((l) => [l.name, l.amount, l.drill])).toEqual([
			['Grants', { USD: '11.00' }, { accounts: ['g'] }]
		]);
		expect(all?.total).toEqual({ USD: '11.00' });
		expect(all?.drill).toEqual({ accounts: ['g'] });
		expect(combinedSection([])).toBeUndefined();
	});
});

describe('askReport', () => {
	it('asks the worker method named by the report kind, on the books it was given, with the other fields', async () => {
		class FakeBooks {
			readonly workspaceId = 'ws-1';
			calls: unknown[] = [];
			ask(method: string, args: unknown) {
				this.calls.push([this.workspaceId, method, args]);
				return Promise.resolve(
					method === 'cashFlow'
						? { ok: false, error: { code: 'books/report-failed', message: 'no' } }
						: { ok: true, value: { rows: [] } }
				);
			}
		}
		const books = new FakeBooks();
		const asOf = '2026-03-31' as IsoDate;
		expect(await askReport(books as never, { kind: 'balanceSheet', asOf })).toEqual({
			ok: true,
			value: { kind: 'balanceSheet', report: { rows: [] } }
		});
		const period = { from: '2026-01-01' as IsoDate, to: asOf };
		expect(await askReport(books as never, { kind: 'cashFlow', period })).toEqual({
			ok: false,
			error: { code: 'books/report-failed', message: 'no' }
		});
		expect(books.calls).toEqual([
			['ws-1', 'balanceSheet', { asOf }],
			['ws-1', 'cashFlow', { period }]
		]);
	});
});
