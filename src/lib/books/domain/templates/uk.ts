// UK small-company chart: VAT control, PAYE/NIC owed to HMRC, corporation tax, share capital and
// director's loan account, as UK bookkeeping practice arranges them (Companies Act balance sheet order).
import type { ChartTemplate } from './types';

export const ukTemplate = {
	id: 'uk',
	version: 1,
	name: 'UK small company',
	source:
		'UK practice: HMRC VAT, PAYE and Class 1 NIC liabilities; Companies Act 2006 balance-sheet headings (fixed assets, current assets, creditors, capital and reserves)',
	effectiveFrom: '2020-04-06',
	retainedEarningsCode: '3200',
	accounts: [
		{ code: '0010', path: 'Fixed Assets', type: 'asset' },
		{ code: '0020', path: 'Fixed Assets:Plant and Machinery', type: 'asset', subtype: 'fixed-asset' },
		{ code: '0030', path: 'Fixed Assets:Office Equipment', type: 'asset', subtype: 'fixed-asset' },
		{
			code: '0040',
			path: 'Fixed Assets:Accumulated Depreciation',
			type: 'asset',
			subtype: 'accumulated-depreciation'
		},
		{ code: '1000', path: 'Current Assets', type: 'asset' },
		{ code: '1100', path: 'Current Assets:Trade Debtors', type: 'asset', subtype: 'receivable' },
		{ code: '1200', path: 'Current Assets:Bank Current Account', type: 'asset', subtype: 'bank' },
		{ code: '1210', path: 'Current Assets:Bank Deposit Account', type: 'asset', subtype: 'bank' },
		{ code: '1230', path: 'Current Assets:Petty Cash', type: 'asset', subtype: 'cash' },
		{ code: '1300', path: 'Current Assets:Prepayments', type: 'asset', subtype: 'prepaid' },
		{ code: '2000', path: 'Creditors', type: 'liability' },
		{ code: '2100', path: 'Creditors:Trade Creditors', type: 'liability', subtype: 'payable' },
		{ code: '2200', path: 'Creditors:VAT Control', type: 'liability', subtype: 'tax-liability' },
		{ code: '2210', path: 'Creditors:PAYE and NIC', type: 'liability', subtype: 'payroll-liability' },
		{ code: '2220', path: 'Creditors:Corporation Tax', type: 'liability', subtype: 'tax-liability' },
		{
			code: '2230',
			path: 'Creditors:Pension Contributions',
			type: 'liability',
			subtype: 'payroll-liability'
		},
		{
			code: '2300',
			path: "Creditors:Director's Loan Account",
			type: 'liability',
			subtype: 'current-liability'
		},
		{ code: '2400', path: 'Creditors:Bank Loan', type: 'liability', subtype: 'long-term-liability' },
		{ code: '3000', path: 'Capital and Reserves', type: 'equity' },
		{ code: '3100', path: 'Capital and Reserves:Share Capital', type: 'equity', subtype: 'owner-equity' },
		{
			code: '3200',
			path: 'Capital and Reserves:Profit and Loss Reserve',
			type: 'equity',
			subtype: 'retained-earnings'
		},
		{ code: '4000', path: 'Turnover', type: 'income' },
		{ code: '4010', path: 'Turnover:Sales', type: 'income', subtype: 'operating-income' },
		{ code: '4900', path: 'Turnover:Other Income', type: 'income', subtype: 'other-income' },
		{ code: '5000', path: 'Cost of Sales', type: 'expense' },
		{ code: '5010', path: 'Cost of Sales:Purchases', type: 'expense', subtype: 'cost-of-sales' },
		{ code: '7000', path: 'Overheads', type: 'expense' },
		{ code: '7010', path: 'Overheads:Gross Wages', type: 'expense', subtype: 'payroll-expense' },
		{ code: '7020', path: "Overheads:Employer's NIC", type: 'expense', subtype: 'payroll-expense' },
		{ code: '7100', path: 'Overheads:Rent and Rates', type: 'expense', subtype: 'operating-expense' },
		{ code: '7500', path: 'Overheads:Office Costs', type: 'expense', subtype: 'operating-expense' },
		{ code: '8000', path: 'Overheads:Depreciation', type: 'expense', subtype: 'depreciation' },
		{ code: '9000', path: 'Overheads:Corporation Tax Charge', type: 'expense', subtype: 'tax-expense' }
	]
} as const satisfies ChartTemplate;
