// The face of pay runs: schedules and periods, base pay, YTD from finalized runs, retro pay, and
// computing a run. Invariant: callers see only what is exported here.
export type * from './types';
export {
	PERIODS_PER_YEAR,
	engineFrequency,
	periodAt,
	periodIndexOn,
	periodsAround,
	taxYearOf,
	ukPeriodNumber,
	ukTaxYear,
	validateSchedule
} from './schedule';
export { basePay, type BasePay } from './base-pay';
export { indexFinalized, ukYearToDate, usYearToDate, type SlipsByPerson } from './ytd';
export { retroFor } from './retro';
export {
	caseDeductions,
	grossOfEarnings,
	OVERTIME_MULTIPLIER,
	RETIREMENT_CODES,
	ONE_OFF_DEDUCTION_CODE,
	type CaseDeductions
} from './deductions';
export { computeRun, runTotals, type ComputedRun, type RunPerson } from './compute';
export {
	payrollEntryId,
	paymentEntryId,
	runJournalEntry,
	runNetPay,
	paymentJournalEntry,
	defaultAccountMap,
	type PayrollAccounts
} from './posting';
export { textPdf, type PdfLine } from './pdf';
export { payslipPdf, payslipSections, money, kindTotal, type PayslipSection } from './payslip-document';
export { payslipYearToDate, type PayslipYtd } from './payslip-ytd';
