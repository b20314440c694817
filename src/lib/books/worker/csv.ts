// Ledger reports as CSV text: one row per account line and commodity, amounts as the exact decimal
// strings the report holds (never re-parsed as numbers). Text cells that a spreadsheet would run
// as a formula are neutralised with a leading apostrophe.
import { csvCell } from '$lib/shared/domain/csv-cell';
import type { MultiAmount, ReportSection } from '$lib/books/domain';
import type {
	BalanceSheet,
	CashFlowStatement,
	FinancialPosition,
	IncomeStatement,
	Register,
	StatementOfActivities,
	TrialBalance
} from '$lib/books/domain';

export type CsvReport =
	| { kind: 'trialBalance'; report: TrialBalance }
	| { kind: 'balanceSheet'; report: BalanceSheet }
	| { kind: 'incomeStatement'; report: IncomeStatement }
	| { kind: 'register'; report: Register }
	| { kind: 'cashFlow'; report: CashFlowStatement }
	| { kind: 'financialPosition'; report: FinancialPosition }
	| { kind: 'activities'; report: StatementOfActivities };

export { csvCell };

function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
	return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function multiRows(prefix: readonly string[], amount: MultiAmount): string[][] {
	const entries = Object.entries(amount);
	return entries.length === 0 ? [[...prefix, '', '0']] : entries.map(([c, v]) => [...prefix, c, v]);
}

function sectionRows(section: ReportSection, extra: readonly string[] = []): string[][] {
	const rows: string[][] = [];
	for (const l of section.lines)
		rows.push(...multiRows([...extra, section.title, l.fullName, String(l.depth)], l.amount));
	rows.push(...multiRows([...extra, section.title, `Total ${section.title}`, ''], section.total));
	return rows;
}

export function reportToCsv(r: CsvReport): string {
	switch (r.kind) {
		case 'trialBalance':
			return toCsv(
				['account', 'commodity', 'amount'],
				[
					...r.report.rows.map((row) => [row.fullName, row.commodity, row.amount]),
					...multiRows(['Total'], r.report.totals)
				]
			);
		case 'balanceSheet':
			return toCsv(
				['section', 'account', 'depth', 'commodity', 'amount'],
				[
					...sectionRows(r.report.assets),
					...sectionRows(r.report.liabilities),
					...sectionRows(r.report.equity),
					...multiRows(['Equity', 'Current earnings', ''], r.report.currentEarnings),
					...multiRows(['', 'Total liabilities and equity', ''], r.report.liabilitiesAndEquity)
				]
			);
		case 'incomeStatement': {
			const columns = [
				['current', r.report.current] as const,
				...(r.report.prior ? [['prior', r.report.prior] as const] : [])
			];
			const rows: string[][] = [];
			for (const [name, col] of columns)
				rows.push(
					...sectionRows(col.income, [name]),
					...sectionRows(col.expenses, [name]),
					...multiRows([name, '', 'Net income', ''], col.netIncome)
				);
			return toCsv(['period', 'section', 'account', 'depth', 'commodity', 'amount'], rows);
		}
		case 'register':
			return toCsv(
				['date', 'number', 'memo', 'account', 'commodity', 'amount', 'balance'],
				r.report.rows.map((row) => [
					row.date,
					row.number ?? '',
					row.memo,
					row.account,
					row.commodity,
					row.amount,
					row.balance
				])
			);
		case 'cashFlow': {
			const c = r.report;
			const lines = (title: string, ls: CashFlowStatement['investingLines']) =>
				ls.flatMap((l) => multiRows([title, l.fullName], l.amount));
			return toCsv(
				['section', 'line', 'commodity', 'amount'],
				[
					...multiRows(['Operating', 'Net income'], c.netIncome),
					...lines('Operating', c.operatingAdjustments),
					...multiRows(['Operating', 'Total'], c.operating),
					...lines('Investing', c.investingLines),
					...multiRows(['Investing', 'Total'], c.investing),
					...lines('Financing', c.financingLines),
					...multiRows(['Financing', 'Total'], c.financing),
					...multiRows(['', 'Net change in cash'], c.netChange)
				]
			);
		}
		case 'financialPosition':
			return toCsv(
				['section', 'account', 'depth', 'commodity', 'amount'],
				[
					...sectionRows(r.report.assets),
					...sectionRows(r.report.liabilities),
					...r.report.netAssets.flatMap((f) => multiRows(['Net assets', f.label, ''], f.amount)),
					...multiRows(['Net assets', 'Total net assets', ''], r.report.totalNetAssets)
				]
			);
		case 'activities':
			return toCsv(
				['fund', 'section', 'account', 'depth', 'commodity', 'amount'],
				[
					...r.report.byFund.flatMap((f) => [
						...sectionRows(f.revenue, [f.label]),
						...sectionRows(f.expenses, [f.label]),
						...multiRows([f.label, '', 'Change in net assets', ''], f.changeInNetAssets)
					]),
					...r.report.expensesByClass.flatMap((c) =>
						multiRows(['', 'Expenses by function', c.class, ''], c.amount)
					)
				]
			);
	}
}
