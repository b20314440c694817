// The face of the HR domain: people records, their effective-dated employment and pay settings,
// leave derived from facts, checklists, documents, privacy and the directory. Import from here only.
export type * from './employee-types';
export { displayName } from './employee-types';
export type { FieldProblem, HrErrorCode } from './errors';
export { HR_MESSAGES } from './errors';
export * from './identifiers';
export { validateEmployee } from './employee';
export { activeCustomFields, checkCustomFieldDefinitions, checkCustomFieldValues } from './custom-fields';
export {
	asOf,
	asOfKnownAt,
	changesKnownAfter,
	changesNotKnown,
	compareFacts,
	completeAsOf,
	foldFacts,
	sortFacts,
	validateHistory,
	type Fact,
	type History,
	type HistoryRules,
	type Instant
} from './history';
export * from './employment';
export * from './compensation';
export * from './deductions';
export { personTimeline, historyEvents, type TimelineEvent } from './timeline';
export * from './leave';
export * from './checklists';
export * from './documents';
export * from './file-type';
export { personExport, erasePersonalDetails, isErased, type PersonExport } from './privacy';
export * from './directory';
export * from './records';
