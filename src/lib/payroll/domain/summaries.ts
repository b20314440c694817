// Period and year summaries from payslips: US Form 941 lines and W-2 boxes 1-6; UK FPS/P60 figures
// (pay, tax, student and postgraduate loans to date, NI by category letter). Invariant: summaries are
// sums of payslip figures only, never stored counters, so they can always be rebuilt from finalized runs.
import {
	type Dec,
	type DecimalString,
	ExactSum,
	fail,
	isDecimalString,
	multiplyDecimals,
	ok,
	type Result,
	roundDecimal
} from '../../shared/domain';
import { usRulesFor } from './rules/us-rules';
import type { Payslip } from './types';

/** A payslip figure as the summaries read it: a missing or unreadable one counts as 0. */
const d = (text: string | undefined): string => {
	const t = text?.trim();
	return t !== undefined && isDecimalString(t) ? t : '0';
};
const s = (v: ExactSum): DecimalString => roundDecimal(v.toDecimal(), 2, 'halfUp');
const sumOf = (...parts: ExactSum[]): ExactSum => parts.reduce((a, p) => a.addSum(p), new ExactSum());
const lineSum = (slips: readonly Payslip[], code: string): ExactSum => {
	const acc = new ExactSum();
	for (const p of slips) for (const l of p.lines) if (l.code === code) acc.addDecimal(d(l.amount));
	return acc;
};
/** Wages x rate x `times`, to the cent half up (the 941's line 5 figures). */
const taxOn = (wages: ExactSum, rate: Dec, times: string): ExactSum =>
	new ExactSum().addDecimal(
		roundDecimal(multiplyDecimals(wages.toDecimal(), multiplyDecimals(rate.toFixed(), times)), 2, 'halfUp')
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
		payslips.reduce((a, p) => a.addDecimal(d(p.us?.[k])), new ExactSum());
	const wages = total('federalWages');
	const fit = lineSum(payslips, 'US.FIT');
	const ssW = total('socialSecurityWages');
	const medW = total('medicareWages');
	const addW = total('additionalMedicareWages');
	const ssT = taxOn(ssW, rules.socialSecurity.rate, '2');
	const medT = taxOn(medW, rules.medicare.rate, '2');
	const addT = taxOn(addW, rules.additionalMedicare.rate, '1');
	const line5e = sumOf(ssT, medT, addT);
	const actual = sumOf(
		...['US.SS.EE', 'US.SS.ER', 'US.MEDICARE.EE', 'US.MEDICARE.ER', 'US.ADDL_MEDICARE.EE'].map((c) =>
			lineSum(payslips, c)
		)
	);
	const line7 = actual.clone().addSum(line5e.clone().negate());
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
		line6TotalBeforeAdjustments: s(sumOf(fit, line5e)),
		line7FractionsOfCents: s(line7),
		line10TotalAfterAdjustments: s(sumOf(fit, line5e, line7))
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
		payslips.reduce((a, p) => a.addDecimal(d(p.us?.[k])), new ExactSum());
	return ok({
		box1Wages: s(total('federalWages')),
		box2FederalIncomeTax: s(lineSum(payslips, 'US.FIT')),
		box3SocialSecurityWages: s(total('socialSecurityWages')),
		box4SocialSecurityTax: s(lineSum(payslips, 'US.SS.EE')),
		box5MedicareWages: s(total('medicareWages')),
		// Box 6 includes Additional Medicare Tax withheld.
		box6MedicareTax: s(sumOf(lineSum(payslips, 'US.MEDICARE.EE'), lineSum(payslips, 'US.ADDL_MEDICARE.EE')))
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
	const byLetter = new Map<string, ExactSum[]>();
	for (const p of payslips) {
		if (!p.uk) continue;
		let acc = byLetter.get(p.uk.niCategory);
		if (acc === undefined)
			byLetter.set(p.uk.niCategory, (acc = Array.from({ length: 6 }, () => new ExactSum())));
		const add = [
			new ExactSum().addDecimal(d(p.uk.niablePay)),
			new ExactSum().addDecimal(d(p.uk.niBands.atLel)),
			new ExactSum().addDecimal(d(p.uk.niBands.lelToPt)),
			new ExactSum().addDecimal(d(p.uk.niBands.ptToUel)),
			lineSum([p], 'UK.NI.EE'),
			lineSum([p], 'UK.NI.ER')
		];
		acc.forEach((v, i) => v.addSum(add[i] ?? new ExactSum()));
	}
	const niByLetter = [...byLetter.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([letter, v]) => {
			const zero = new ExactSum();
			const [gross = zero, atLel = zero, lelToPt = zero, ptToUel = zero, ee = zero, er = zero] = v;
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
		taxablePayToDate: s(payslips.reduce((a, p) => a.addDecimal(d(p.uk?.taxablePay)), new ExactSum())),
		taxToDate: s(lineSum(payslips, 'UK.PAYE')),
		studentLoanToDate: s(lineSum(payslips, 'UK.SL')),
		postgraduateLoanToDate: s(lineSum(payslips, 'UK.PGL')),
		niByLetter
	});
}
