// The ledger's public face: double-entry records, posting rules, reports and journal interop.
export * from './types';
export * from './schemas';
export { isPostedEntryFast } from './entry-fast';
export * from './errors';
export * from './accounts';
export * from './entries';
export * from './close';
export * from './format';
// The ledger's exact sums are the shared number core's (src/lib/shared/domain/exact-sum.ts),
// re-exported for the books feature's other layers.
export {
	ExactSum,
	sumDecimals,
	addDecimals,
	negateDecimal,
	compareDecimals,
	multiplyDecimals,
	isZeroDecimal
} from '../../shared/domain';
export {
	readJournal,
	readJournalBalances,
	type JournalData,
	type JournalBalances,
	type CommodityInfo,
	type ReadJournalOptions
} from './journal/reader';
export { writeJournal, type WriteJournalOptions } from './journal/writer';
export { readJournalForImport, type JournalForImport } from './journal/import-read';
export * from './reports/trial-balance';
export * from './reports/statements';
export * from './reports/cash-flow';
export * from './reports/nonprofit';
export * from './reports/drill-down';
export type { ReportLine, ReportSection } from './reports/sections';
export {
	CHART_TEMPLATES,
	validateTemplate,
	instantiateTemplate,
	type ChartTemplate,
	type TemplateAccount
} from './templates';
export { generateJournal, generateBook, generatedChart, seededRandom } from './generate';
