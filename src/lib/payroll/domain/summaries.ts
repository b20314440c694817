// Period and year summaries from payslips: US Form 941 lines and W-2 boxes 1-6; UK FPS/P60 figures
// (pay, tax, student and postgraduate loans to date, NI by category letter). Invariant: summaries are
// sums of payslip figures only, never stored counters, so they can always be rebuilt from finalized runs.
import type Decimal from 'decimal.js';
import {
	dec,
	fail,
	ok,
	parseDecimal,
	round,
	toDecimalString,
	type DecimalString,
	type Result
} from '../../shared/domain';
import { usRulesFor } from './rules/us-rules';
import type { Payslip } from './types';

const d = (text: string | undefined): Decimal =>
	text === undefined ? dec(0) : (parseDecimal(text) ?? dec(0));
const s = (v: Decimal): DecimalString => toDecimalString(v, 2);
const lineSum = (slips: readonly Payslip[], code: string) =>
	slips.reduce(
		(acc, p) =>
			acc.plus(p.lines.filter((l) => l.code === code).reduce((a, l) => a.plus(d(l.amount)), dec(0))),
		dec(0)
	);

function sameJurisdiction(slips: readonly Payslip[], j: 'US' | 'UK'): Result<string> {
	const years = new Set(slips.map((p) => p.taxYear));
	if (slips.some((p) => p.jurisdiction !== j))
		return fail('payroll/invalid-input', `payslips: expected only ${j} payslips`, { jurisdiction: j });
	if (years.size > 1)
		return fail('payroll/invalid-input', `payslips: mixed tax years ${[...years].join(', ')}`, {
			years: [...years]
		});
	return ok([...years][0] ?? '');
}

export interface Form941Lines {
	readonly line2Wages: DecimalString;
	readonly line3FederalIncomeTaxWithheld: DecimalString;
	readonly line5aSocialSecurityWages: DecimalString;
	readonly line5aTax: DecimalString;
	readonly line5cMedicareWages: DecimalString;
	readonly line5cTax: DecimalString;
	readonly line5dAdditionalMedicareWages: DecimalString;
	readonly line5dTax: DecimalString;
	readonly line5eTotal: DecimalString;
	readonly line6TotalBeforeAdjustments: DecimalString;
	/** Fractions of cents: what was actually withheld and owed, less the line 5 figures. */
	readonly line7FractionsOfCents: DecimalString;
	readonly line10TotalAfterAdjustments: DecimalString;
}

/** Form 941 lines for a quarter's payslips (caller chooses the quarter). */
export function summarizeForm941(payslips: readonly Payslip[]): Result<Form941Lines> {
	const year = sameJurisdiction(payslips, 'US');
	if (!year.ok) return year;
	if (payslips.length === 0) return fail('payroll/invalid-input', 'payslips: none given', {});
	const rulesR = usRulesFor(Number(year.value));
	if (!rulesR.ok) return rulesR;
	const rules = rulesR.value;
	const total = (k: 'federalWages' | 'socialSecurityWages' | 'medicareWages' | 'additionalMedicareWages') =>
		payslips.reduce((a, p) => a.plus(d(p.us?.[k])), dec(0));
	const wages = total('federalWages');
	const fit = lineSum(payslips, 'US.FIT');
	const ssW = total('socialSecurityWages');
	const medW = total('medicareWages');
	const addW = total('additionalMedicareWages');
	const ssT = round.centsHalfUp(ssW.times(rules.socialSecurity.rate.times(2)));
	const medT = round.centsHalfUp(medW.times(rules.medicare.rate.times(2)));
	const addT = round.centsHalfUp(addW.times(rules.additionalMedicare.rate));
	const line5e = ssT.plus(medT).plus(addT);
	const actual = ['US.SS.EE', 'US.SS.ER', 'US.MEDICARE.EE', 'US.MEDICARE.ER', 'US.ADDL_MEDICARE.EE'].reduce(
		(a, c) => a.plus(lineSum(payslips, c)),
		dec(0)
	);
	const line7 = actual.minus(line5e);
	return ok({
		line2Wages: s(wages),
		line3FederalIncomeTaxWithheld: s(fit),
		line5aSocialSecurityWages: s(ssW),
		line5aTax: s(ssT),
		line5cMedicareWages: s(medW),
		line5cTax: s(medT),
		line5dAdditionalMedicareWages: s(addW),
		line5dTax: s(addT),
		line5eTotal: s(line5e),
		line6TotalBeforeAdjustments: s(fit.plus(line5e)),
		line7FractionsOfCents: s(line7),
		line10TotalAfterAdjustments: s(fit.plus(line5e).plus(line7))
	});
}

export interface W2Boxes {
	readonly box1Wages: DecimalString;
	readonly box2FederalIncomeTax: DecimalString;
	readonly box3SocialSecurityWages: DecimalString;
	readonly box4SocialSecurityTax: DecimalString;
	readonly box5MedicareWages: DecimalString;
	readonly box6MedicareTax: DecimalString;
}

/** W-2 boxes 1-6 for one employee's payslips of a calendar year. */
export function summarizeW2(payslips: readonly Payslip[]): Result<W2Boxes> {
	const year = sameJurisdiction(payslips, 'US');
	if (!year.ok) return year;
	const total = (k: 'federalWages' | 'socialSecurityWages' | 'medicareWages') =>
		payslips.reduce((a, p) => a.plus(d(p.us?.[k])), dec(0));
	return ok({
		box1Wages: s(total('federalWages')),
		box2FederalIncomeTax: s(lineSum(payslips, 'US.FIT')),
		box3SocialSecurityWages: s(total('socialSecurityWages')),
		box4SocialSecurityTax: s(lineSum(payslips, 'US.SS.EE')),
		box5MedicareWages: s(total('medicareWages')),
		// Box 6 includes Additional Medicare Tax withheld.
		box6MedicareTax: s(lineSum(payslips, 'US.MEDICARE.EE').plus(lineSum(payslips, 'US.ADDL_MEDICARE.EE')))
	});
}

export interface NiLetterTotals {
	readonly letter: string;
	readonly grossEarningsForNics: DecimalString;
	readonly atLel: DecimalString;
	readonly lelToPt: DecimalString;
	readonly ptToUel: DecimalString;
	readonly employeeNics: DecimalString;
	readonly employerNics: DecimalString;
}

export interface UkYearToDate {
	readonly taxablePayToDate: DecimalString;
	readonly taxToDate: DecimalString;
	/** Student loan deductions (UK.SL) to date: FPS "student loan recovered", P60. */
	readonly studentLoanToDate: DecimalString;
	/** Postgraduate loan deductions (UK.PGL) to date: FPS "postgraduate loan recovered", P60. */
	readonly postgraduateLoanToDate: DecimalString;
	readonly niByLetter: readonly NiLetterTotals[];
}

/** FPS year-to-date / P60 figures for one employee's payslips in one tax year. */
export function summarizeUkYearToDate(payslips: readonly Payslip[]): Result<UkYearToDate> {
	const year = sameJurisdiction(payslips, 'UK');
	if (!year.ok) return year;
	const byLetter = new Map<string, Decimal[]>();
	for (const p of payslips) {
		if (!p.uk) continue;
		const acc = byLetter.get(p.uk.niCategory) ?? [dec(0), dec(0), dec(0), dec(0), dec(0), dec(0)];
		const add = [
			d(p.uk.niablePay),
			d(p.uk.niBands.atLel),
			d(p.uk.niBands.lelToPt),
			d(p.uk.niBands.ptToUel),
			lineSum([p], 'UK.NI.EE'),
			lineSum([p], 'UK.NI.ER')
		];
		byLetter.set(
			p.uk.niCategory,
			acc.map((v, i) => v.plus(add[i] ?? 0))
		);
	}
	const niByLetter = [...byLetter.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([letter, v]) => {
			const [gross = dec(0), atLel = dec(0), lelToPt = dec(0), ptToUel = dec(0), ee = dec(0), er = dec(0)] =
				v;
			return {
				letter,
				grossEarningsForNics: s(gross),
				atLel: s(atLel),
				lelToPt: s(lelToPt),
				ptToUel: s(ptToUel),
				employeeNics: s(ee),
				employerNics: s(er)
			};
		});
	return ok({
		taxablePayToDate: s(payslips.reduce((a, p) => a.plus(d(p.uk?.taxablePay)), dec(0))),
		taxToDate: s(lineSum(payslips, 'UK.PAYE')),
		studentLoanToDate: s(lineSum(payslips, 'UK.SL')),
		postgraduateLoanToDate: s(lineSum(payslips, 'UK.PGL')),
		niByLetter
	});
}
