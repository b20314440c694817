// The Payroll codes and the words a person sees for each (registered in the one map of
// shared/domain/messages). A failure that names the person, field or figures carries its own
// sentence; these words are what the code means on its own.
import { defineMessages } from '../../shared/domain/messages';

const list = (d: Readonly<Record<string, unknown>>, key: string): string =>
	Array.isArray(d[key]) ? d[key].map(String).join(', ') : String(d[key] ?? '');

export const PAYROLL_MESSAGES = defineMessages({
	'payroll/currency': 'The person is paid in another currency than the schedule.',
	'payroll/deduction': 'A deduction is of an unknown kind.',
	'payroll/empty-run': 'The run pays nothing, so there is nothing to post.',
	'payroll/finalized': 'This run is already finalized.',
	'payroll/run-written-over':
		'Someone wrote over this run’s finalized record, so it cannot be finalized; make a new run for the period.',
	'payroll/invalid-input': 'An amount is not filled in correctly.',
	'payroll/invalid-pack': 'The rule pack is not valid.',
	'payroll/invalid-rules': 'A rule file is not valid.',
	'payroll/journal-unbalanced': 'The payroll journal does not balance.',
	'payroll/negative-net': 'Net pay would be below zero.',
	'payroll/ni-category': 'The National Insurance category is not known.',
	'payroll/no-amount': 'The run has no amount for this person.',
	'payroll/no-pay': 'The person has no pay recorded for this period.',
	'payroll/no-rules': 'There are no tax tables for this date.',
	'payroll/no-tax-settings': 'The person has no tax settings.',
	'payroll/not-employed': 'The person is not employed in this period.',
	'payroll/not-finalized': 'Only a finalized run can be posted or marked paid.',
	'payroll/opening': 'The opening figures are not filled in correctly.',
	'payroll/opening-conflict': 'Opening figures for this person and tax year disagree.',
	'payroll/opening-csv': 'Nothing was imported from the opening figures file.',
	'payroll/opening-invalid': 'The opening figures are not filled in correctly.',
	'payroll/out-of-range': 'A figure is outside the range the tax tables cover.',
	'payroll/overtime': 'The overtime is not filled in correctly.',
	'payroll/pack-overlap': 'The rule pack overlaps one already loaded.',
	'payroll/paid': 'This run is already marked paid.',
	'payroll/payment-date': 'Paid on: enter a date.',
	'payroll/payslip-inconsistent': 'The payslip figures do not agree with each other.',
	'payroll/run': 'The pay run is not filled in correctly.',
	'payroll/schedule': 'The pay schedule is not filled in correctly.',
	'payroll/tax-code': 'The tax code is not one HMRC issues.',
	'payroll/unmapped-account': 'A payroll line has no ledger account set up.',
	'payroll/week-53': 'This schedule has a 53rd pay period this year.',
	'payroll/worker': 'The payroll calculation failed.',
	'payroll/loading': 'Payroll is still loading; try again in a moment.',
	'payroll/no-books':
		'This browser has no access to Books: a teammate with Books access must open this run to post it.',
	'payroll/books-only': 'Only a teammate with Books access can add accounts.',
	'payroll/accounts-missing': (d) => `Set up the ledger accounts first (${list(d, 'missing')}).`,
	'payroll/choose-accounts': (d) => `Choose an account for: ${list(d, 'missing')}.`,
	'payroll/not-paid': 'The run is not marked paid.',
	'payroll/no-employees': 'Choose at least one employee.',
	'payroll/no-run': 'There is no such run.',
	'payroll/no-schedule': 'There is no such run or schedule.',
	'payroll/approved': 'This run is approved: send it back to draft to change it.',
	'payroll/not-approved': 'Approve the run before finalizing it.',
	'payroll/run-problems': (d) =>
		`Fix or remove first: ${typeof d.problems === 'string' && d.problems ? d.problems : 'the problems shown on the run.'}`,
	'payroll/bad-amount': 'The amount must be a number of 0 or more with at most 2 decimals.',
	'payroll/pack-too-large': 'The file is too large to be a rule pack (over 2 MB).'
});

export type PayrollCode = keyof typeof PAYROLL_MESSAGES;
