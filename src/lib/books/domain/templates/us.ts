// US small-business chart: payroll tax liabilities by agency and owner's draw, as in common US
// bookkeeping practice (IRS Form 941/940 deposits, state withholding and sales tax).
import type { ChartTemplate } from './types';

export const usTemplate = {
	id: 'us',
	version: 1,
	name: 'US small business',
	source:
		'Common US small-business practice; payroll liabilities follow IRS Forms 941 (FICA, federal income tax withholding) and 940 (FUTA)',
	effectiveFrom: '2020-01-01',
	retainedEarningsCode: '3900',
	accounts: [
		{ code: '1000', path: 'Assets', type: 'asset' },
		{ code: '1010', path: 'Assets:Checking', type: 'asset', subtype: 'bank' },
		{ code: '1020', path: 'Assets:Savings', type: 'asset', subtype: 'bank' },
		{ code: '1030', path: 'Assets:Petty Cash', type: 'asset', subtype: 'cash' },
		{ code: '1200', path: 'Assets:Accounts Receivable', type: 'asset', subtype: 'receivable' },
		{ code: '1300', path: 'Assets:Inventory', type: 'asset', subtype: 'inventory' },
		{ code: '1500', path: 'Assets:Furniture and Equipment', type: 'asset', subtype: 'fixed-asset' },
		{
			code: '1510',
			path: 'Assets:Accumulated Depreciation',
			type: 'asset',
			subtype: 'accumulated-depreciation'
		},
		{ code: '2000', path: 'Liabilities', type: 'liability' },
		{ code: '2010', path: 'Liabilities:Accounts Payable', type: 'liability', subtype: 'payable' },
		{ code: '2050', path: 'Liabilities:Credit Card', type: 'liability', subtype: 'credit-card' },
		{
			code: '2100',
			path: 'Liabilities:Payroll Liabilities',
			type: 'liability',
			subtype: 'payroll-liability'
		},
		{
			code: '2110',
			path: 'Liabilities:Payroll Liabilities:Federal Withholding',
			type: 'liability',
			subtype: 'payroll-liability'
		},
		{
			code: '2120',
			path: 'Liabilities:Payroll Liabilities:FICA',
			type: 'liability',
			subtype: 'payroll-liability'
		},
		{
			code: '2130',
			path: 'Liabilities:Payroll Liabilities:FUTA',
			type: 'liability',
			subtype: 'payroll-liability'
		},
		{
			code: '2140',
			path: 'Liabilities:Payroll Liabilities:State Withholding',
			type: 'liability',
			subtype: 'payroll-liability'
		},
		{ code: '2200', path: 'Liabilities:Sales Tax Payable', type: 'liability', subtype: 'tax-liability' },
		{ code: '2700', path: 'Liabilities:Notes Payable', type: 'liability', subtype: 'long-term-liability' },
		{ code: '3000', path: 'Equity', type: 'equity' },
		{ code: '3100', path: "Equity:Owner's Investment", type: 'equity', subtype: 'owner-equity' },
		{ code: '3200', path: "Equity:Owner's Draw", type: 'equity', subtype: 'owner-equity' },
		{ code: '3900', path: 'Equity:Retained Earnings', type: 'equity', subtype: 'retained-earnings' },
		{ code: '4000', path: 'Income', type: 'income' },
		{ code: '4100', path: 'Income:Sales', type: 'income', subtype: 'operating-income' },
		{ code: '4200', path: 'Income:Service Revenue', type: 'income', subtype: 'operating-income' },
		{ code: '4900', path: 'Income:Interest Income', type: 'income', subtype: 'other-income' },
		{ code: '5000', path: 'Expenses', type: 'expense' },
		{ code: '5100', path: 'Expenses:Cost of Goods Sold', type: 'expense', subtype: 'cost-of-sales' },
		{ code: '6100', path: 'Expenses:Wages and Salaries', type: 'expense', subtype: 'payroll-expense' },
		{ code: '6110', path: 'Expenses:Payroll Taxes', type: 'expense', subtype: 'payroll-expense' },
		{ code: '6200', path: 'Expenses:Rent', type: 'expense', subtype: 'operating-expense' },
		{ code: '6300', path: 'Expenses:Insurance', type: 'expense', subtype: 'operating-expense' },
		{ code: '6400', path: 'Expenses:Depreciation', type: 'expense', subtype: 'depreciation' },
		{ code: '6500', path: 'Expenses:Office Supplies', type: 'expense', subtype: 'operating-expense' },
		{ code: '6900', path: 'Expenses:Income Taxes', type: 'expense', subtype: 'tax-expense' }
	]
} as const satisfies ChartTemplate;
