// US nonprofit chart after ASU 2016-14 (FASB ASC 958): two classes of net assets (without and with
// donor restrictions) as funds on each line, and functional expense classes (program, management
// and general, fundraising) as the line's `class` dimension.
import type { ChartTemplate } from './types';

export const nonprofitTemplate = {
	id: 'nonprofit',
	version: 1,
	name: 'Nonprofit (net assets with/without donor restrictions)',
	source:
		'FASB ASU 2016-14, Not-for-Profit Entities (Topic 958): presentation of net assets in two classes and expenses by function',
	effectiveFrom: '2018-01-01',
	funds: [
		{ id: 'unrestricted', label: 'Without donor restrictions', netAssetsCode: '3100' },
		{ id: 'restricted', label: 'With donor restrictions', netAssetsCode: '3200' }
	],
	functionalClasses: [
		{ id: 'program', label: 'Program services' },
		{ id: 'management-general', label: 'Management and general' },
		{ id: 'fundraising', label: 'Fundraising' }
	],
	accounts: [
		{ code: '1000', path: 'Assets', type: 'asset' },
		{ code: '1010', path: 'Assets:Operating Bank', type: 'asset', subtype: 'bank' },
		{ code: '1020', path: 'Assets:Savings', type: 'asset', subtype: 'bank' },
		{ code: '1100', path: 'Assets:Pledges Receivable', type: 'asset', subtype: 'receivable' },
		{ code: '1200', path: 'Assets:Grants Receivable', type: 'asset', subtype: 'receivable' },
		{ code: '1500', path: 'Assets:Equipment', type: 'asset', subtype: 'fixed-asset' },
		{
			code: '1510',
			path: 'Assets:Accumulated Depreciation',
			type: 'asset',
			subtype: 'accumulated-depreciation'
		},
		{ code: '2000', path: 'Liabilities', type: 'liability' },
		{ code: '2010', path: 'Liabilities:Accounts Payable', type: 'liability', subtype: 'payable' },
		{
			code: '2100',
			path: 'Liabilities:Payroll Liabilities',
			type: 'liability',
			subtype: 'payroll-liability'
		},
		{ code: '2200', path: 'Liabilities:Deferred Revenue', type: 'liability', subtype: 'deferred-revenue' },
		{ code: '3000', path: 'Net Assets', type: 'equity' },
		{ code: '3100', path: 'Net Assets:Without Donor Restrictions', type: 'equity', subtype: 'net-assets' },
		{ code: '3200', path: 'Net Assets:With Donor Restrictions', type: 'equity', subtype: 'net-assets' },
		{ code: '4000', path: 'Revenue', type: 'income' },
		{ code: '4010', path: 'Revenue:Contributions', type: 'income', subtype: 'contribution' },
		{ code: '4020', path: 'Revenue:Grants', type: 'income', subtype: 'contribution' },
		{ code: '4030', path: 'Revenue:Program Service Fees', type: 'income', subtype: 'operating-income' },
		{ code: '4040', path: 'Revenue:Special Events', type: 'income', subtype: 'operating-income' },
		{
			code: '4900',
			path: 'Revenue:Net Assets Released from Restrictions',
			type: 'income',
			subtype: 'other-income'
		},
		{ code: '5000', path: 'Expenses', type: 'expense' },
		{ code: '5010', path: 'Expenses:Salaries and Wages', type: 'expense', subtype: 'payroll-expense' },
		{ code: '5020', path: 'Expenses:Employee Benefits', type: 'expense', subtype: 'payroll-expense' },
		{ code: '5100', path: 'Expenses:Occupancy', type: 'expense', subtype: 'operating-expense' },
		{ code: '5200', path: 'Expenses:Program Supplies', type: 'expense', subtype: 'operating-expense' },
		{ code: '5300', path: 'Expenses:Professional Fees', type: 'expense', subtype: 'operating-expense' },
		{ code: '5400', path: 'Expenses:Depreciation', type: 'expense', subtype: 'depreciation' }
	]
} as const satisfies ChartTemplate;
