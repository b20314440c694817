// General small-business chart: the five-part structure every accounting text uses, kept short.
import type { ChartTemplate } from './types';

export const generalTemplate = {
	id: 'general',
	version: 1,
	name: 'General small business',
	source:
		'Conventional five-class chart (assets 1xxx, liabilities 2xxx, equity 3xxx, income 4xxx, expenses 5xxx-6xxx)',
	effectiveFrom: '2000-01-01',
	retainedEarningsCode: '3200',
	accounts: [
		{ code: '1000', path: 'Assets', type: 'asset' },
		{ code: '1010', path: 'Assets:Cash', type: 'asset', subtype: 'cash' },
		{ code: '1020', path: 'Assets:Bank', type: 'asset', subtype: 'bank' },
		{ code: '1100', path: 'Assets:Accounts Receivable', type: 'asset', subtype: 'receivable' },
		{ code: '1200', path: 'Assets:Inventory', type: 'asset', subtype: 'inventory' },
		{ code: '1300', path: 'Assets:Prepaid Expenses', type: 'asset', subtype: 'prepaid' },
		{ code: '1500', path: 'Assets:Equipment', type: 'asset', subtype: 'fixed-asset' },
		{
			code: '1510',
			path: 'Assets:Accumulated Depreciation',
			type: 'asset',
			subtype: 'accumulated-depreciation'
		},
		{ code: '2000', path: 'Liabilities', type: 'liability' },
		{ code: '2010', path: 'Liabilities:Accounts Payable', type: 'liability', subtype: 'payable' },
		{ code: '2020', path: 'Liabilities:Credit Card', type: 'liability', subtype: 'credit-card' },
		{ code: '2100', path: 'Liabilities:Sales Tax', type: 'liability', subtype: 'tax-liability' },
		{ code: '2200', path: 'Liabilities:Payroll', type: 'liability', subtype: 'payroll-liability' },
		{ code: '2500', path: 'Liabilities:Loans', type: 'liability', subtype: 'long-term-liability' },
		{ code: '3000', path: 'Equity', type: 'equity' },
		{ code: '3100', path: "Equity:Owner's Capital", type: 'equity', subtype: 'owner-equity' },
		{ code: '3200', path: 'Equity:Retained Earnings', type: 'equity', subtype: 'retained-earnings' },
		{ code: '3300', path: 'Equity:Opening Balances', type: 'equity', subtype: 'opening-balance' },
		{ code: '4000', path: 'Income', type: 'income' },
		{ code: '4010', path: 'Income:Sales', type: 'income', subtype: 'operating-income' },
		{ code: '4020', path: 'Income:Services', type: 'income', subtype: 'operating-income' },
		{ code: '4900', path: 'Income:Other', type: 'income', subtype: 'other-income' },
		{ code: '5000', path: 'Expenses', type: 'expense' },
		{ code: '5010', path: 'Expenses:Cost of Goods Sold', type: 'expense', subtype: 'cost-of-sales' },
		{ code: '6010', path: 'Expenses:Rent', type: 'expense', subtype: 'operating-expense' },
		{ code: '6020', path: 'Expenses:Utilities', type: 'expense', subtype: 'operating-expense' },
		{ code: '6030', path: 'Expenses:Office', type: 'expense', subtype: 'operating-expense' },
		{ code: '6040', path: 'Expenses:Wages', type: 'expense', subtype: 'payroll-expense' },
		{ code: '6050', path: 'Expenses:Bank Fees', type: 'expense', subtype: 'operating-expense' },
		{ code: '6060', path: 'Expenses:Depreciation', type: 'expense', subtype: 'depreciation' },
		{ code: '6900', path: 'Expenses:Other', type: 'expense', subtype: 'other-expense' }
	]
} as const satisfies ChartTemplate;
