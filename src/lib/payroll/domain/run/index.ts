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
export {
	PAY_DATE_RULES,
	DEFAULT_PAY_DATE_RULE,
	businessPayDate,
	defaultHolidayCalendar,
	holidayCalendarOf,
	payDateFor,
	payDateNote,
	payDateRuleOf,
	type PayDate
} from './pay-date';
export { basePay, type BasePay } from './base-pay';
export { employedInPeriod, employmentBoundaries } from './eligibility';
export {
	indexFinalized,
	payslipYearToDate,
	ukYearToDate,
	usYearToDate,
	ytdKey,
	type PayslipYtd,
	type SlipsByPerson
} from './ytd';
export { knownFactsOf, retroFor } from './retro';
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
	checkPaymentDate,
	runPostingDate,
	defaultAccountMap,
	STUDENT_LOAN_CODES,
	type PayrollAccounts
} from './posting';
export { postedMatchesRun } from './posted';
// The PDF writer (pdf.ts, payslip-pdf.ts) is imported directly by what makes a PDF, never from here,
// so that the screens and the payroll worker do not load pdf-lib.
export {
	PAGE_SIZES,
	type PageSize,
	type PdfCell,
	type PdfFonts,
	type PdfFontSource,
	type PdfLine
} from './pdf-page';
export type { PayslipPdfInput } from './payslip-pdf';
export {
	addressLines,
	maskedTaxId,
	payslipPage,
	payslipSections,
	kindTotal,
	type PayslipSection
} from './payslip-document';
