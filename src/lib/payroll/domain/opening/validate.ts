// Turns what a person typed (on the pay page or in a CSV cell) into opening figures, or says what is
// wrong in their words: each problem names the field as the form labels it. Invariant: figures that
// pass are amounts of 0 or more to the cent, an NI letter appears once, and US Social Security wages
// never exceed the year's wage base (the previous provider stopped taxing there too).
import {
	compareDecimals,
	fail,
	isZeroDecimal,
	ok,
	roundDecimal,
	type DecimalString,
	type Result
} from '../../../shared/domain';
import { fmt, fmtExact } from '../format';
import { usRulesFor } from '../rules/us-rules';
import type { OpeningFigures, UkNiOpening, UkOpeningFigures, UsOpeningFigures } from './types';

export const US_OPENING_LABELS: Record<keyof UsOpeningFigures, string> = {
	wages: 'Federal taxable wages (W-2 box 1)',
	federalIncomeTax: 'Federal income tax withheld',
	socialSecurityWages: 'Social Security wages',
	socialSecurityTax: 'Social Security tax withheld',
	medicareWages: 'Medicare wages',
	medicareTax: 'Medicare tax withheld',
	futaWages: 'FUTA wages',
	supplementalWages: 'Supplemental wages (bonuses)'
};

export type UkMoneyField = Exclude<keyof UkOpeningFigures, 'ni'>;
export const UK_OPENING_LABELS: Record<UkMoneyField, string> = {
	previousEmploymentPay: 'Previous employment pay to date (P45)',
	previousEmploymentTax: 'Previous employment tax to date (P45)',
	thisEmploymentPay: 'Pay to date in this employment (previous provider)',
	thisEmploymentTax: 'Tax to date in this employment (previous provider)',
	studentLoan: 'Student loan deducted to date',
	postgraduateLoan: 'Postgraduate loan deducted to date'
};

export type NiMoneyField = Exclude<keyof UkNiOpening, 'letter'>;
export const NI_OPENING_LABELS: Record<NiMoneyField, string> = {
	grossEarnings: 'Gross earnings for NICs',
	atLel: 'Earnings at the LEL',
	lelToPt: 'Earnings above the LEL up to the PT',
	ptToUel: 'Earnings above the PT up to the UEL',
	employeeNics: 'Employee NICs',
	employerNics: 'Employer NICs'
};

export const US_FIELDS = Object.keys(US_OPENING_LABELS) as (keyof UsOpeningFigures)[];
export const UK_FIELDS = Object.keys(UK_OPENING_LABELS) as UkMoneyField[];
export const NI_FIELDS = Object.keys(NI_OPENING_LABELS) as NiMoneyField[];

/** What the person typed, as text; a blank amount means 0. */
export type OpeningInput =
	| {
			readonly jurisdiction: 'US';
			readonly taxYear: string;
			readonly us: Partial<Record<keyof UsOpeningFigures, string>>;
	  }
	| {
			readonly jurisdiction: 'UK';
			readonly taxYear: string;
			readonly uk: Partial<Record<UkMoneyField, string>>;
			readonly ni: readonly ({ readonly letter?: string } & Partial<Record<NiMoneyField, string>>)[];
	  };

export interface OpeningProblem {
	/** The field as the form names it, e.g. "Social Security wages" or "NI row 2: Employee NICs". */
	readonly field: string;
	/** The figure's key (e.g. socialSecurityWages, letter), for a CSV reader to find its column. */
	readonly key?: string;
	readonly message: string;
}

/** An amount of 0 or more with at most 2 decimals; "1,234.50", "$1234.5" and "£0" read; blank is 0. */
export function readAmount(text: string | undefined): DecimalString | null {
	const t = (text ?? '').trim().replace(/^[$£]/, '').trim();
	if (t === '') return '0.00' as DecimalString;
	if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(t)) return null;
	return roundDecimal(t.replace(/,/g, ''), 2, 'halfUp');
}

export const isUsTaxYear = (y: string) => /^\d{4}$/.test(y);
export function isUkTaxYear(y: string): boolean {
	const m = /^(\d{4})-(\d{2})$/.exec(y);
	return !!m && (Number(m[1]) + 1) % 100 === Number(m[2]);
}

function amounts<K extends string>(
	fields: readonly K[],
	labels: Record<K, string>,
	values: Partial<Record<K, string>>,
	problems: OpeningProblem[],
	prefix = ''
): Record<K, DecimalString> {
	const out = {} as Record<K, DecimalString>;
	for (const f of fields) {
		const v = readAmount(values[f]);
		if (v === null)
			problems.push({
				field: prefix + labels[f],
				key: f,
				message: `${prefix}${labels[f]} must be an amount of 0 or more with at most 2 decimals, like 1250.00.`
			});
		else out[f] = v;
	}
	return out;
}

function usChecks(taxYear: string, us: UsOpeningFigures, problems: OpeningProblem[]): void {
	const rules = usRulesFor(Number(taxYear));
	if (!rules.ok) return;
	const base = rules.value.socialSecurity.wageBase;
	if (compareDecimals(us.socialSecurityWages, base.toFixed()) > 0)
		problems.push({
			field: US_OPENING_LABELS.socialSecurityWages,
			key: 'socialSecurityWages',
			message: `Social Security wages (${fmtExact(us.socialSecurityWages)}) cannot be more than the ${taxYear} wage base of ${fmt(base)}: enter the wages Social Security tax was charged on.`
		});
}

/** The figures, or every problem found (code payroll/opening-invalid, details.problems). */
export function validateOpening(input: OpeningInput): Result<OpeningFigures> {
	const problems: OpeningProblem[] = [];
	if (input.jurisdiction === 'US') {
		if (!isUsTaxYear(input.taxYear))
			problems.push({
				field: 'Tax year',
				key: 'taxYear',
				message: 'Tax year must be a calendar year like 2026.'
			});
		const us = amounts(US_FIELDS, US_OPENING_LABELS, input.us, problems);
		if (problems.length === 0) usChecks(input.taxYear, us, problems);
		return problems.length
			? fail('payroll/opening-invalid', problems.map((p) => p.message).join(' '), { problems })
			: ok({ jurisdiction: 'US', us });
	}
	if (!isUkTaxYear(input.taxYear))
		problems.push({
			field: 'Tax year',
			key: 'taxYear',
			message: 'Tax year must be a UK tax year like 2026-27.'
		});
	const money = amounts(UK_FIELDS, UK_OPENING_LABELS, input.uk, problems);
	const ni: UkNiOpening[] = [];
	const seen = new Set<string>();
	input.ni.forEach((row, i) => {
		const prefix = input.ni.length > 1 ? `NI row ${i + 1}: ` : '';
		// A row with no figures (blank or 0) and a blank or well-formed letter is no row.
		const empty =
			/^[A-Za-z]?$/.test((row.letter ?? '').trim()) &&
			NI_FIELDS.every((f) => {
				const v = readAmount(row[f]);
				return v !== null && isZeroDecimal(v);
			});
		if (empty) return;
		const letter = (row.letter ?? '').trim().toUpperCase();
		if (!/^[A-Z]$/.test(letter))
			problems.push({
				field: `${prefix}NI letter`,
				key: 'letter',
				message: `${prefix}NI letter must be one category letter, like A.`
			});
		else if (seen.has(letter))
			problems.push({
				field: `${prefix}NI letter`,
				key: 'letter',
				message: `${prefix}NI letter ${letter} is entered twice: put its figures on one row.`
			});
		seen.add(letter);
		const figures = amounts(NI_FIELDS, NI_OPENING_LABELS, row, problems, prefix);
		ni.push({ letter, ...figures });
	});
	if (problems.length)
		return fail('payroll/opening-invalid', problems.map((p) => p.message).join(' '), { problems });
	return ok({ jurisdiction: 'UK', uk: { ...money, ni: ni.sort((a, b) => (a.letter < b.letter ? -1 : 1)) } });
}
