// Built-in task templates, as data. Each item's due date is `offsetDays` from the template's anchor
// (or from the last day of the anchor's month for 'month-end' templates); roles name who does it
// and are mapped to people when the template is used. validateTemplate checks these at load.
import type { TaskTemplate } from './templates';

export const MONTH_END_CLOSE: TaskTemplate = {
	id: 'month-end-close',
	version: 1,
	name: 'Month-end close',
	description: 'Close the books for a month. Anchor: any date in the month being closed.',
	anchor: 'month-end',
	roles: ['bookkeeper', 'controller', 'payroll'],
	items: [
		{
			title: 'Post accruals and prepayments',
			description: 'Accrue unbilled costs; release prepayments for the month.',
			offsetDays: -2,
			checklist: ['Review open purchase orders', 'Post accrual entries', 'Release prepayments'],
			labels: ['close'],
			priority: 2,
			role: 'bookkeeper'
		},
		{
			title: 'Run payroll and post the journal',
			description: 'Finalize the pay run and post its journal.',
			offsetDays: -1,
			checklist: ['Finalize pay run', 'Post payroll journal', 'Pay taxes withheld'],
			labels: ['close', 'payroll'],
			priority: 3,
			role: 'payroll'
		},
		{
			title: 'Reconcile bank accounts',
			description: 'Match every bank line up to the last day of the month.',
			offsetDays: 3,
			checklist: ['Import statements', 'Match transactions', 'Explain differences'],
			labels: ['close', 'bank'],
			priority: 3,
			role: 'bookkeeper'
		},
		{
			title: 'Reconcile receivables and payables',
			description: 'Aged balances agree to the control accounts.',
			offsetDays: 4,
			checklist: ['Age receivables', 'Age payables', 'Agree to control accounts'],
			labels: ['close'],
			priority: 2,
			role: 'bookkeeper'
		},
		{
			title: 'Post depreciation',
			description: 'Depreciation for fixed assets held in the month.',
			offsetDays: 4,
			checklist: [],
			labels: ['close'],
			priority: 1,
			role: 'bookkeeper'
		},
		{
			title: 'Review trial balance and lock the period',
			description: 'Review variances against last month and budget, then lock.',
			offsetDays: 6,
			checklist: ['Trial balance sums to zero', 'Review variances', 'Lock the period'],
			labels: ['close', 'review'],
			priority: 3,
			role: 'controller'
		},
		{
			title: 'File VAT / sales tax return if due',
			description: 'Only in months where a return is due.',
			offsetDays: 10,
			checklist: ['Check filing calendar', 'Prepare return', 'Submit and pay'],
			labels: ['close', 'tax'],
			priority: 2,
			role: 'controller'
		}
	]
};

export const NEW_HIRE_ONBOARDING: TaskTemplate = {
	id: 'new-hire-onboarding',
	version: 1,
	name: 'New-hire onboarding',
	description: 'Bring a new employee on board. Anchor: the first working day.',
	anchor: 'date',
	roles: ['hr', 'manager', 'it', 'payroll'],
	items: [
		{
			title: 'Send contract and collect signature',
			description: '',
			offsetDays: -14,
			checklist: ['Send contract', 'Receive signed copy', 'File in personnel record'],
			labels: ['onboarding'],
			priority: 3,
			role: 'hr'
		},
		{
			title: 'Collect tax and bank details',
			description: 'Tax forms and bank details before the first pay run.',
			offsetDays: -7,
			checklist: [
				'Tax form (W-4 / P45 / starter checklist)',
				'Bank details',
				'Identity and right-to-work check'
			],
			labels: ['onboarding', 'payroll'],
			priority: 3,
			role: 'hr'
		},
		{
			title: 'Prepare equipment and accounts',
			description: '',
			offsetDays: -3,
			checklist: ['Laptop', 'Email account', 'Access to shared tools'],
			labels: ['onboarding', 'it'],
			priority: 2,
			role: 'it'
		},
		{
			title: 'Welcome and introductions',
			description: 'First-day welcome, tour and team introductions.',
			offsetDays: 0,
			checklist: ['Welcome meeting', 'Introduce the team', 'Assign a buddy'],
			labels: ['onboarding'],
			priority: 2,
			role: 'manager'
		},
		{
			title: 'Add to payroll',
			description: 'Set pay, tax code and start date in payroll.',
			offsetDays: 1,
			checklist: [],
			labels: ['onboarding', 'payroll'],
			priority: 3,
			role: 'payroll'
		},
		{
			title: '30-day check-in',
			description: '',
			offsetDays: 30,
			checklist: [],
			labels: ['onboarding'],
			priority: 1,
			role: 'manager'
		},
		{
			title: 'Probation review',
			description: 'Confirm the employment or extend probation.',
			offsetDays: 90,
			checklist: ['Review meeting', 'Record the outcome'],
			labels: ['onboarding'],
			priority: 2,
			role: 'hr'
		}
	]
};

export const YEAR_END: TaskTemplate = {
	id: 'year-end',
	version: 1,
	name: 'Year-end',
	description: 'Close the fiscal year. Anchor: the last day of the fiscal year.',
	anchor: 'date',
	roles: ['bookkeeper', 'controller', 'payroll'],
	items: [
		{
			title: 'Count stock and check fixed assets',
			description: 'Physical count at the year end date.',
			offsetDays: 0,
			checklist: ['Stock count', 'Fixed asset register check'],
			labels: ['year-end'],
			priority: 2,
			role: 'bookkeeper'
		},
		{
			title: 'Year-end payroll filings',
			description: 'W-2 / P60 and annual payroll returns.',
			offsetDays: 20,
			checklist: ['Issue employee year-end forms', 'File annual returns'],
			labels: ['year-end', 'payroll'],
			priority: 3,
			role: 'payroll'
		},
		{
			title: 'Close the last month',
			description: 'Run the month-end close for the final month.',
			offsetDays: 10,
			checklist: [],
			labels: ['year-end', 'close'],
			priority: 3,
			role: 'bookkeeper'
		},
		{
			title: 'Year-end adjustments',
			description: 'Provisions, bad debts, deferred income.',
			offsetDays: 30,
			checklist: ['Bad debt review', 'Provisions', 'Deferred income'],
			labels: ['year-end'],
			priority: 2,
			role: 'controller'
		},
		{
			title: 'Prepare the accounts pack for the accountant',
			description: '',
			offsetDays: 45,
			checklist: ['Trial balance', 'Reconciliations', 'Fixed asset register'],
			labels: ['year-end'],
			priority: 2,
			role: 'controller'
		},
		{
			title: 'Lock the fiscal year',
			description: 'After the accounts are signed off.',
			offsetDays: 90,
			checklist: [],
			labels: ['year-end', 'review'],
			priority: 3,
			role: 'controller'
		}
	]
};

export const IT_REQUEST: TaskTemplate = {
	id: 'it-request',
	version: 1,
	name: 'IT request',
	description: 'A request for equipment or access. Anchor: the day it was asked for.',
	anchor: 'date',
	roles: ['requester', 'manager', 'it'],
	items: [
		{
			title: 'Triage the request',
			description: 'Clarify what is needed and by when.',
			offsetDays: 0,
			checklist: [],
			labels: ['it'],
			priority: 2,
			role: 'it'
		},
		{
			title: 'Approve the cost',
			description: '',
			offsetDays: 1,
			checklist: [],
			labels: ['it', 'approval'],
			priority: 2,
			role: 'manager'
		},
		{
			title: 'Fulfil the request',
			description: '',
			offsetDays: 3,
			checklist: ['Order or configure', 'Record the asset or access granted'],
			labels: ['it'],
			priority: 2,
			role: 'it'
		},
		{
			title: 'Confirm it works',
			description: '',
			offsetDays: 5,
			checklist: [],
			labels: ['it'],
			priority: 1,
			role: 'requester'
		}
	]
};

export const TASK_TEMPLATES: readonly TaskTemplate[] = [
	MONTH_END_CLOSE,
	NEW_HIRE_ONBOARDING,
	YEAR_END,
	IT_REQUEST
];
