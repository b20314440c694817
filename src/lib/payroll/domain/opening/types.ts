// Opening year-to-date figures: what a previous payroll provider (and, in the UK, a previous employer's
// P45) already paid and withheld this tax year, before Keel's first run. Types only.
// Invariant: money is a DecimalString; an OpeningYtd is a fact written once, corrected only by a newer
// fact that names the ones it replaces.
import type { DecimalString } from '../../../shared/domain';

/** Same employer, earlier this calendar year, paid through another provider (W-2 boxes and wage bases). */
export interface UsOpeningFigures {
	/** Federal taxable wages (W-2 box 1). */
	readonly wages: DecimalString;
	readonly federalIncomeTax: DecimalString;
	readonly socialSecurityWages: DecimalString;
	readonly socialSecurityTax: DecimalString;
	readonly medicareWages: DecimalString;
	/** Medicare tax withheld, including any Additional Medicare Tax (W-2 box 6). */
	readonly medicareTax: DecimalString;
	readonly futaWages: DecimalString;
	/** Supplemental wages (bonuses) paid this year: the $1 million mandatory-rate threshold counts them. */
	readonly supplementalWages: DecimalString;
}

/** This employment's NI figures for one category letter, as the previous provider reported them on FPS. */
export interface UkNiOpening {
	readonly letter: string;
	readonly grossEarnings: DecimalString;
	readonly atLel: DecimalString;
	readonly lelToPt: DecimalString;
	readonly ptToUel: DecimalString;
	readonly employeeNics: DecimalString;
	readonly employerNics: DecimalString;
}

export interface UkOpeningFigures {
	/** Previous employment(s) this tax year, from the P45 the starter gave (pay and tax to date). */
	readonly previousEmploymentPay: DecimalString;
	readonly previousEmploymentTax: DecimalString;
	/** This employment, earlier this tax year, paid through another payroll provider. */
	readonly thisEmploymentPay: DecimalString;
	readonly thisEmploymentTax: DecimalString;
	readonly ni: readonly UkNiOpening[];
	readonly studentLoan: DecimalString;
	readonly postgraduateLoan: DecimalString;
}

export type OpeningFigures =
	| { readonly jurisdiction: 'US'; readonly us: UsOpeningFigures }
	| { readonly jurisdiction: 'UK'; readonly uk: UkOpeningFigures };

/** One entry of opening figures for a person and tax year: an immutable fact keyed by its id. */
export type OpeningYtd = OpeningFigures & {
	readonly schemaVersion: 1;
	readonly id: string;
	readonly personId: string;
	/** US: the calendar year ("2026"); UK: the tax year ("2026-27"). */
	readonly taxYear: string;
	/** Ids of the entries for the same person and tax year this one corrects (none for a first entry). */
	readonly replaces: readonly string[];
	readonly recordedAt: string;
	readonly recordedBy: string;
};

/** What counts for one person and tax year: one set of figures, or entries that disagree (none counts). */
export type CurrentOpening =
	| { readonly kind: 'none' }
	| { readonly kind: 'figures'; readonly entry: OpeningYtd }
	| { readonly kind: 'conflict'; readonly entries: readonly OpeningYtd[] };
