// Opening year-to-date figures from a previous provider: their types, validation, CSV import, which
// entry counts, and what they add to the year's summaries.
export type * from './types';
export { currentOpening, currentOpenings, figuresText, openingKey, standingEntries } from './current';
export {
	isUkTaxYear,
	isUsTaxYear,
	NI_FIELDS,
	NI_OPENING_LABELS,
	readAmount,
	UK_FIELDS,
	UK_OPENING_LABELS,
	US_FIELDS,
	US_OPENING_LABELS,
	validateOpening,
	type NiMoneyField,
	type OpeningInput,
	type OpeningProblem,
	type UkMoneyField
} from './validate';
export { parseOpeningCsv, type CsvPerson, type CsvProblem, type OpeningCsvRow } from './csv';
export { ukYearEnd, w2WithOpening, type UkYearEnd } from './year-end';
