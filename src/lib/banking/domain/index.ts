// The face of the banking module: statement import (every format into one Statement shape), dedup for re-import,
// the statement balance check, and the reconciliation matcher. Everything here is pure and worker-safe.
export type * from './types';
export { decodeBytes, type DecodedText, type TextEncodingName } from './decode';
export { checkStatementPrecision } from './precision';
export { parseStatementFile, detectFormat, type ParseStatementInput, type FormatChoice } from './statement';
export { parseOfx } from './ofx';
export { parseQif, type QifOptions, type QifDateOrder } from './qif';
export { parseCamt } from './camt';
export { parseMt940 } from './mt940';
export { parseCsv, parseCsvAccounts, previewCsv, type CsvPreviewRow } from './csv';
export { readCsvRows, type CsvRow } from './csv-read';
export { detectCsvMapping, type CsvDetection } from './csv-detect';
export { validateCsvMapping, type CsvMapping, type CsvColumns } from './csv-mapping';
export type { CsvDateOrder } from './csv-dates';
export { checkBalance, summariseChecks } from './balance';
export { lineKey, lineKeys, mergeImport, type MergeResult } from './dedup';
export { matchStatementLines, proposeFromRules } from './match';
export type * from './match-types';
export { payeeSimilarity, payeeTokens } from './similarity';
export {
	generateReconCases,
	evaluateMatches,
	type ReconCases,
	type TruthGroup,
	type TruthKind,
	type MatchQuality
} from './recon-cases';
export * from './records';
export { resolveClaims, proposalKey, type Claims, type ClaimConflict } from './claims';
export * from './rules';
export * from './record-schemas';
export * from './messages';
