// The face of the payroll module: statutory gross-to-net (US federal, UK PAYE/NI), journals and
// filing summaries. Invariant: callers see only what is exported here.
export type * from './types';
export { grossToNet, grossToNetBatch } from './gross-to-net';
export { parsePayCase } from './parse-case';
export { buildPayrollJournal, type PayrollAccountMap, type PayrollJournalLine } from './journal';
export {
	summarizeForm941,
	summarizeW2,
	summarizeUkYearToDate,
	type Form941Lines,
	type W2Boxes,
	type UkYearToDate,
	type NiLetterTotals
} from './summaries';
export { PRE_TAX_KINDS } from './earnings';
export { usRulesFor, loadUsRules, type UsRules } from './rules/us-rules';
export { ukRulesFor, loadUkRules, type UkRules } from './rules/uk-rules';
export { parseTaxCode, type TaxCode } from './uk/tax-code';
export { PAYROLL_MESSAGES, type PayrollCode } from './messages';
