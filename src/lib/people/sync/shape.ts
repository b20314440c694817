// Structural checks of values read from the people shard. A peer may run older, newer or broken
// code, so every stored fact is untrusted: only a value with every field of the right JSON type is
// handed to the HR engine (which then checks meaning: dates, FTE, balances). Messages name the field
// that failed and never quote its value, so no identifier or name reaches a log or the screen.
import type {
	DocumentMeta,
	Fact,
	LeaveDecision,
	LeaveEvent,
	LeavePolicy,
	LeaveRequest
} from '$lib/people/domain';
import type { FactMap } from './doc';

export type Check = string | null;

export const isObj = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const optStr = (v: unknown) => v === undefined || isStr(v);
const strOrNull = (v: unknown) => v === null || isStr(v);
const isDate = (v: unknown) => isStr(v) && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isDecimal = (v: unknown) => isStr(v) && /^-?\d+(\.\d+)?$/.test(v);

/** The area a history fact belongs to: what payroll and the directory read. */
export type HistoryArea = 'employment' | 'compensation';

export interface StoredFact {
	readonly area: HistoryArea;
	readonly personId: string;
	readonly fact: Fact<unknown>;
}

const EMPLOYMENT_FIELDS: Record<string, (v: unknown) => boolean> = {
	jobTitle: isStr,
	department: isStr,
	managerId: strOrNull,
	location: isStr,
	employmentType: (v) => v === 'fullTime' || v === 'partTime' || v === 'contractor',
	fte: isDecimal,
	startDate: isDate,
	probationEndDate: (v) => v === null || isDate(v),
	endDate: (v) => v === null || isDate(v),
	endReason: strOrNull
};

const COMPENSATION_FIELDS: Record<string, (v: unknown) => boolean> = {
	pay: (v) =>
		isObj(v) &&
		((v.kind === 'salaried' && isDecimal(v.annualAmount)) ||
			(v.kind === 'hourly' && isDecimal(v.hourlyRate))),
	schedule: isStr,
	currency: isStr,
	tax: (v) => isObj(v) && (v.us === undefined || isObj(v.us)) && (v.uk === undefined || isObj(v.uk))
};

/** Null when `v` is a well-formed stored history fact; otherwise what is wrong with it. */
export function checkStoredFact(v: unknown, id: string): Check {
	if (!isObj(v)) return 'not an object';
	if (v.area !== 'employment' && v.area !== 'compensation') return 'area is not employment or compensation';
	if (!isStr(v.personId) || v.personId === '') return 'personId is missing';
	const f = v.fact;
	if (!isObj(f)) return 'fact is missing';
	if (f.id !== id) return 'fact.id does not match its key';
	if (!isDate(f.effectiveDate)) return 'fact.effectiveDate is not a date';
	if (!isStr(f.recordedAt) || !isStr(f.recordedBy)) return 'fact.recordedAt or recordedBy is missing';
	if (!optStr(f.reason)) return 'fact.reason is not text';
	if (!isObj(f.changes)) return 'fact.changes is not an object';
	const fields = v.area === 'employment' ? EMPLOYMENT_FIELDS : COMPENSATION_FIELDS;
	for (const [key, value] of Object.entries(f.changes)) {
		const check = fields[key];
		// Unknown keys may come from a newer app version: kept, ignored by this one.
		if (check && value !== undefined && !check(value)) return `fact.changes.${key} has the wrong shape`;
	}
	return null;
}

const PORTION = (v: unknown) =>
	isObj(v) &&
	(v.kind === 'fullDays' ||
		(v.kind === 'halfDay' && (v.half === 'am' || v.half === 'pm')) ||
		(v.kind === 'hours' && isDecimal(v.hours)));

/** A leave event as stored: requests are written once with status 'requested'; decisions are separate facts. */
export function checkLeaveEvent(v: unknown, id: string): Check {
	if (!isObj(v)) return 'not an object';
	if (v.id !== id) return 'id does not match its key';
	if (!isStr(v.personId) || v.personId === '') return 'personId is missing';
	switch (v.kind) {
		case 'request':
			if (!isStr(v.policyId) || !isDate(v.start) || !isDate(v.end))
				return 'request policy or dates are malformed';
			if (!PORTION(v.portion)) return 'request portion is malformed';
			if (v.status !== 'requested') return 'request was not stored as requested';
			if (!isStr(v.requestedAt) || !optStr(v.note)) return 'request requestedAt or note is malformed';
			return null;
		case 'grant':
		case 'adjustment':
			if (!isStr(v.policyId) || !isDate(v.date) || !isDecimal(v.days) || !isStr(v.reason))
				return `${v.kind} fields are malformed`;
			if (v.kind === 'grant' && String(v.days).startsWith('-')) return 'grant days are negative';
			return null;
		case 'hoursWorked':
			return isDate(v.date) && isDecimal(v.hours) ? null : 'hoursWorked fields are malformed';
		default:
			return 'kind is not a leave event';
	}
}

export interface StoredLeaveEvent {
	readonly personId: string;
	readonly event: LeaveEvent;
}

export type { LeaveDecision };

export function checkDecision(v: unknown, id: string): Check {
	if (!isObj(v)) return 'not an object';
	if (v.id !== id) return 'id does not match its key';
	if (!isStr(v.requestId) || !isStr(v.by) || !isStr(v.at)) return 'requestId, by or at is missing';
	if (v.status !== 'approved' && v.status !== 'rejected' && v.status !== 'cancelled')
		return 'status is not a decision';
	return optStr(v.note) ? null : 'note is not text';
}

export function checkDocumentMeta(v: unknown, id: string): Check {
	if (!isObj(v)) return 'not an object';
	if (v.id !== id) return 'id does not match its key';
	if (!isStr(v.personId) || !isStr(v.fileName) || !isStr(v.mimeType))
		return 'personId, fileName or mimeType is missing';
	if (!['contract', 'id', 'certificate', 'other'].includes(v.type as string)) return 'type is unknown';
	if (typeof v.sizeBytes !== 'number' || !Number.isInteger(v.sizeBytes) || v.sizeBytes <= 0)
		return 'sizeBytes is not a positive whole number';
	if (!isStr(v.uploadedAt) || !isStr(v.uploadedBy)) return 'uploadedAt or uploadedBy is missing';
	if (!(v.expiresOn === null || isDate(v.expiresOn))) return 'expiresOn is not a date';
	if (!(v.sha256 === undefined || (isStr(v.sha256) && /^[0-9a-f]{64}$/.test(v.sha256))))
		return 'sha256 is not a hex digest';
	return null;
}
export type { DocumentMeta };

/** Shape of a leave policy before validateLeavePolicy judges its figures. */
export function checkPolicyShape(v: Record<string, unknown>): v is Record<string, unknown> & LeavePolicy {
	const a = v.accrual;
	if (!isStr(v.id) || !isStr(v.name) || !isObj(a) || !isStr(a.kind)) return false;
	const start = v.leaveYearStart;
	if (!isObj(start) || typeof start.month !== 'number' || typeof start.day !== 'number') return false;
	if (typeof v.waitingPeriodDays !== 'number' || typeof v.places !== 'number') return false;
	if (!(v.capDays === null || isDecimal(v.capDays)) || !isDecimal(v.hoursPerDay)) return false;
	const c = v.carryOver;
	if (!(
		c === null ||
		(isObj(c) &&
			isDecimal(c.maxDays) &&
			(c.expiresAfterMonths === null || typeof c.expiresAfterMonths === 'number'))
	))
		return false;
	const n = v.negativeBalance;
	if (!isObj(n) || typeof n.allowed !== 'boolean') return false;
	if (n.allowed && !(n.limitDays === null || isDecimal(n.limitDays))) return false;
	return typeof v.prorateByFte === 'boolean' && typeof v.prorateMidYear === 'boolean';
}

export interface ChecklistRun {
	readonly id: string;
	readonly personId: string;
	readonly templateId: string;
	readonly taskIds: readonly string[];
	readonly createdAt: string;
	readonly createdBy: string;
}

export function checkChecklistRun(v: unknown, id: string): Check {
	if (!isObj(v)) return 'not an object';
	if (v.id !== id || !isStr(v.personId) || !isStr(v.templateId))
		return 'id, personId or templateId is malformed';
	if (!Array.isArray(v.taskIds) || !v.taskIds.every(isStr)) return 'taskIds is not a list of ids';
	return isStr(v.createdAt) && isStr(v.createdBy) ? null : 'createdAt or createdBy is missing';
}

export interface Quarantined {
	readonly map: string;
	readonly id: string;
	readonly reason: string;
}

export interface PeopleChange {
	readonly people: readonly string[];
	readonly facts: Partial<Record<FactMap, readonly string[]>>;
	readonly policies: boolean;
	readonly settings: boolean;
	readonly local: boolean;
}

/** What one person's leave looks like to the engine, with any decision that was not applied. */
export interface PersonLeave {
	readonly events: LeaveEvent[];
	readonly requests: LeaveRequest[];
	readonly refused: { decision: LeaveDecision; message: string }[];
}

/** The shape check of each fact map's values. */
export const FACT_CHECKS: Record<FactMap, (v: unknown, id: string) => string | null> = {
	history: checkStoredFact,
	leave: checkLeaveEvent,
	decisions: checkDecision,
	documents: checkDocumentMeta,
	documentRemovals: (v) =>
		typeof v === 'object' && v !== null && typeof (v as { at?: unknown }).at === 'string'
			? null
			: 'not a removal',
	checklists: checkChecklistRun
};
