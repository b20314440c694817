// Year-end figures with the opening year to date added. US: W-2 boxes 1-6 cover the whole calendar
// year for the employer, so the previous provider's wages and withholding add to each box (Form 941 is
// quarterly and the previous provider filed the quarters it paid, so openings never touch it). UK:
// HMRC's FPS reports figures to date *in this employment* (Keel's runs plus an earlier provider's for
// the same employer, NI by category letter, student loans); the P60 shows pay and tax "In previous
// employment(s)" (the P45), "In this employment" and "Total for year" on separate lines.
// Invariant: every figure is an exact sum of payslip figures and opening figures, never stored.
import { ExactSum, roundDecimal, type DecimalString } from '../../../shared/domain';
import type { NiLetterTotals, UkYearToDate, W2Boxes } from '../summaries';
import type { Payslip } from '../types';
import type { UkOpeningFigures, UsOpeningFigures } from './types';

const s = (v: ExactSum): DecimalString => roundDecimal(v.toDecimal(), 2, 'halfUp');
const plus = (a: string | undefined, b: string | undefined) =>
	s(new ExactSum().addDecimal(a ?? '0').addDecimal(b ?? '0'));

/** W-2 boxes 1-6 with the previous provider's figures for the same calendar year added. */
export function w2WithOpening(w2: W2Boxes | undefined, us: UsOpeningFigures | undefined): W2Boxes {
	return {
		box1Wages: plus(w2?.box1Wages, us?.wages),
		box2FederalIncomeTax: plus(w2?.box2FederalIncomeTax, us?.federalIncomeTax),
		box3SocialSecurityWages: plus(w2?.box3SocialSecurityWages, us?.socialSecurityWages),
		box4SocialSecurityTax: plus(w2?.box4SocialSecurityTax, us?.socialSecurityTax),
		box5MedicareWages: plus(w2?.box5MedicareWages, us?.medicareWages),
		box6MedicareTax: plus(w2?.box6MedicareTax, us?.medicareTax)
	};
}

export interface UkYearEnd {
	/** FPS year to date and the P60's "In this employment" and NI sections. */
	readonly thisEmployment: UkYearToDate;
	/** P60 "In previous employment(s)": the P45's pay and tax to date. */
	readonly previousEmployment: { readonly pay: DecimalString; readonly tax: DecimalString };
	/** P60 "Total for year": previous employment(s) plus this employment. */
	readonly totalForYear: { readonly pay: DecimalString; readonly tax: DecimalString };
	/** Student and postgraduate loan deductions in this employment (lines UK.SL / UK.PGL plus openings). */
	readonly studentLoanToDate: DecimalString;
	readonly postgraduateLoanToDate: DecimalString;
}

const lineTotal = (slips: readonly Payslip[], code: string) =>
	slips.reduce(
		(a, p) => p.lines.filter((l) => l.code === code).reduce((b, l) => b.addDecimal(l.amount), a),
		new ExactSum()
	);

function mergeNi(keel: readonly NiLetterTotals[], opening: UkOpeningFigures['ni']): NiLetterTotals[] {
	const by = new Map<string, NiLetterTotals>(keel.map((n) => [n.letter, n]));
	for (const o of opening) {
		const k = by.get(o.letter);
		by.set(o.letter, {
			letter: o.letter,
			grossEarningsForNics: plus(k?.grossEarningsForNics, o.grossEarnings),
			atLel: plus(k?.atLel, o.atLel),
			lelToPt: plus(k?.lelToPt, o.lelToPt),
			ptToUel: plus(k?.ptToUel, o.ptToUel),
			employeeNics: plus(k?.employeeNics, o.employeeNics),
			employerNics: plus(k?.employerNics, o.employerNics)
		});
	}
	return [...by.values()].sort((a, b) => a.letter.localeCompare(b.letter));
}

/** FPS/P60 figures for one employee and tax year: Keel's payslips plus the opening figures. */
export function ukYearEnd(
	ytd: UkYearToDate | undefined,
	payslips: readonly Payslip[],
	uk: UkOpeningFigures | undefined
): UkYearEnd {
	const thisPay = plus(ytd?.taxablePayToDate, uk?.thisEmploymentPay);
	const thisTax = plus(ytd?.taxToDate, uk?.thisEmploymentTax);
	const prev = { pay: plus(uk?.previousEmploymentPay, '0'), tax: plus(uk?.previousEmploymentTax, '0') };
	// Student loans are collected in this employment (a P45 carries only whether deductions continue).
	const studentLoanToDate = s(lineTotal(payslips, 'UK.SL').addDecimal(uk?.studentLoan ?? '0'));
	const postgraduateLoanToDate = s(lineTotal(payslips, 'UK.PGL').addDecimal(uk?.postgraduateLoan ?? '0'));
	return {
		thisEmployment: {
			taxablePayToDate: thisPay,
			taxToDate: thisTax,
			niByLetter: mergeNi(ytd?.niByLetter ?? [], uk?.ni ?? []),
			studentLoanToDate,
			postgraduateLoanToDate
		},
		previousEmployment: prev,
		totalForYear: { pay: plus(prev.pay, thisPay), tax: plus(prev.tax, thisTax) },
		studentLoanToDate,
		postgraduateLoanToDate
	};
}
