// The payroll vocabulary: what a pay-period case says and what a payslip answers. Types only.
// Invariant: money crosses these shapes as DecimalString, never as a JS number.
import type { DecimalString, IsoDate } from '../../shared/domain';

export type UsFrequency =
	'weekly' | 'biweekly' | 'semimonthly' | 'monthly' | 'daily' | 'quarterly' | 'semiannual' | 'annual';
export type UkFrequency = 'weekly' | 'two-weekly' | 'four-weekly' | 'monthly';
/** UK income-contingent student loan repayment plans (HMRC SL1 start notice, starter checklist). */
export type StudentLoanPlan = 'plan1' | 'plan2' | 'plan4' | 'plan5';

/** A tax base a pre-tax deduction can reduce. */
export type TaxBase = 'US.FIT' | 'US.SS' | 'US.MEDICARE' | 'US.FUTA' | 'UK.PAYE' | 'UK.NI';

/** Pay for the period, one line per kind of earning. */
export type Earning =
	| { readonly kind: 'salary'; readonly amount: DecimalString; readonly label?: string }
	| {
			readonly kind: 'hourly';
			readonly hours: DecimalString;
			readonly rate: DecimalString;
			readonly label?: string;
	  }
	| {
			readonly kind: 'overtime';
			readonly hours: DecimalString;
			readonly rate: DecimalString;
			/** Premium multiplier on the rate, e.g. "1.5". */
			readonly multiplier: DecimalString;
			readonly label?: string;
	  }
	/** Bonus, commission: US supplemental wages; UK ordinary pay for PAYE and NI. */
	| { readonly kind: 'bonus'; readonly amount: DecimalString; readonly label?: string }
	/** Expenses repaid: not pay, not taxed, paid out with net pay. */
	| { readonly kind: 'reimbursement'; readonly amount: DecimalString; readonly label?: string };

/**
 * A deduction taken before tax. Known kinds declare their own bases (see PRE_TAX_KINDS);
 * 'custom' must say which bases it reduces.
 */
export type PreTaxKind = '401k' | 'section125' | 'netPayPension' | 'salarySacrifice' | 'custom';
export interface PreTaxDeduction {
	readonly kind: PreTaxKind;
	readonly amount: DecimalString;
	readonly code?: string;
	readonly label?: string;
	readonly reduces?: readonly TaxBase[];
}

/** Taken from net pay (e.g. relief-at-source pension, net of the 20% relief; union dues). */
export interface PostTaxDeduction {
	readonly code: string;
	readonly label: string;
	readonly amount: DecimalString;
}

/** Paid by the employer on top of pay (pension match, health premium share). */
export interface EmployerContribution {
	readonly code: string;
	readonly label: string;
	readonly amount: DecimalString;
}

export type W4 =
	| {
			readonly version: 2020;
			readonly filingStatus: 'single' | 'married' | 'head';
			readonly step2: boolean;
			readonly step3: DecimalString;
			readonly step4a: DecimalString;
			readonly step4b: DecimalString;
			readonly step4c: DecimalString;
			/** Claims exemption from withholding (Form W-4): no income tax on regular wages. */
			readonly exempt?: boolean;
	  }
	| {
			readonly version: 2019;
			readonly filingStatus: 'single' | 'married';
			readonly allowances: number;
			/** Additional withholding per period (line 6 of the old form). */
			readonly additional: DecimalString;
			readonly exempt?: boolean;
	  };

interface PayCaseCommon {
	/** When given, must fall inside the rule file's effective dates. */
	readonly payDate?: IsoDate;
	readonly earnings: readonly Earning[];
	readonly preTax: readonly PreTaxDeduction[];
	readonly postTax: readonly PostTaxDeduction[];
	readonly employerContributions: readonly EmployerContribution[];
}

export interface UsPayCase extends PayCaseCommon {
	readonly jurisdiction: 'US';
	readonly taxYear: number;
	readonly frequency: UsFrequency;
	readonly w4: W4;
	/** Totals of earlier finalized periods this calendar year (derived by the caller, never stored). */
	readonly ytd: {
		readonly socialSecurityWages: DecimalString;
		readonly medicareWages: DecimalString;
		readonly futaWages: DecimalString;
		readonly supplementalWages: DecimalString;
	};
}

export interface UkPayCase extends PayCaseCommon {
	readonly jurisdiction: 'UK';
	readonly taxYear: string;
	readonly frequency: UkFrequency;
	/** Pay period number in its frequency: month 1-12, week 1-52, two-week 1-26, four-week 1-13. */
	readonly period: number;
	readonly taxCode: string;
	readonly basis: 'cumulative' | 'week1month1';
	readonly niCategory: string;
	/** Totals of earlier periods this tax year (this employment plus P45 figures). */
	readonly ytd: { readonly taxablePay: DecimalString; readonly taxPaid: DecimalString };
	/** Student loan plans the employee repays (one deduction, line UK.SL; see uk/student-loan.ts). */
	readonly studentLoans?: readonly StudentLoanPlan[];
	/** Repays a postgraduate loan (line UK.PGL, in addition to any plan). */
	readonly postgraduateLoan?: boolean;
}

export type PayCase = UsPayCase | UkPayCase;

export type LineKind =
	'earning' | 'pre-tax' | 'employee-tax' | 'employer-tax' | 'post-tax' | 'employer-contribution';

export interface PayslipLine {
	readonly code: string;
	readonly label: string;
	readonly kind: LineKind;
	/** Positive: paid to (earning) or taken from (deduction, tax) the employee, or paid by the employer. */
	readonly amount: DecimalString;
	/** How the amount was worked out, in words and figures. */
	readonly basis: string;
}

export interface UsFigures {
	readonly federalWages: DecimalString;
	readonly socialSecurityWages: DecimalString;
	readonly medicareWages: DecimalString;
	readonly additionalMedicareWages: DecimalString;
	readonly futaWages: DecimalString;
}

export interface NiBandEarnings {
	readonly atLel: DecimalString;
	readonly lelToPt: DecimalString;
	readonly ptToUel: DecimalString;
}

export interface UkFigures {
	readonly taxablePay: DecimalString;
	readonly taxablePayToDate: DecimalString;
	readonly taxDueToDate: DecimalString;
	readonly taxPaidToDate: DecimalString;
	readonly niCategory: string;
	readonly niablePay: DecimalString;
	readonly niBands: NiBandEarnings;
}

export interface Payslip {
	readonly jurisdiction: 'US' | 'UK';
	readonly taxYear: string;
	readonly frequency: UsFrequency | UkFrequency;
	readonly lines: readonly PayslipLine[];
	/** Earnings excluding reimbursements. */
	readonly grossPay: DecimalString;
	readonly reimbursements: DecimalString;
	readonly net: DecimalString;
	/** Gross pay + reimbursements + employer taxes + employer contributions. */
	readonly employerCost: DecimalString;
	readonly us?: UsFigures;
	readonly uk?: UkFigures;
}
