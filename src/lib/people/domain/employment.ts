// Employment is effective-dated: each state has a title, department, location, type and an FTE in
// (0, 1]; probation ends and employment ends on or after the start; an end date needs a reason and a
// reason needs an end date; part-time means FTE below 1.
import {
	parseDecimal,
	parseIsoDate,
	type DecimalString,
	type IsoDate,
	type Result
} from '../../shared/domain';
import { problem, type FieldProblem } from './errors';
import type { EmployeeId } from './employee-types';
import { completeAsOf, validateHistory, type History, type HistoryRules } from './history';

export type EmploymentType = 'fullTime' | 'partTime' | 'contractor';
export type EndReason =
	| 'resignation'
	| 'dismissal'
	| 'redundancy'
	| 'retirement'
	| 'endOfContract'
	| 'mutualAgreement'
	| 'death'
	| 'other';

export interface Employment {
	readonly jobTitle: string;
	readonly department: string;
	readonly managerId: EmployeeId | null;
	/** A location id; leave looks up the public holiday calendar by it. */
	readonly location: string;
	readonly employmentType: EmploymentType;
	/** Full-time equivalent as a decimal string, "1" or "0.6". */
	readonly fte: DecimalString;
	readonly startDate: IsoDate;
	readonly probationEndDate: IsoDate | null;
	readonly endDate: IsoDate | null;
	readonly endReason: EndReason | null;
}

export const EMPLOYMENT_REQUIRED = [
	'jobTitle',
	'department',
	'managerId',
	'location',
	'employmentType',
	'fte',
	'startDate',
	'probationEndDate',
	'endDate',
	'endReason'
] as const satisfies readonly (keyof Employment)[];

export function checkEmployment(e: Employment, field: string): FieldProblem[] {
	const problems: FieldProblem[] = [];
	const say = (key: string, code: `hr/${string}`, text: string) =>
		problems.push(problem(`${field}.${key}`, code, `${field}.${key} ${text}`));
	if (!e.jobTitle.trim()) say('jobTitle', 'hr/required', 'is required');
	if (!e.department.trim()) say('department', 'hr/required', 'is required');
	if (!e.location.trim()) say('location', 'hr/required', 'is required');
	const fte = parseDecimal(e.fte);
	if (!fte || fte.lte(0) || fte.gt(1)) say('fte', 'hr/fte-range', 'must be a decimal above 0 and at most 1');
	else if (e.employmentType === 'partTime' && fte.gte(1))
		say('fte', 'hr/fte-range', 'must be below 1 for part-time');
	if (!parseIsoDate(e.startDate)) say('startDate', 'hr/date-format', 'must be YYYY-MM-DD');
	for (const key of ['probationEndDate', 'endDate'] as const) {
		const value = e[key];
		if (value === null) continue;
		if (!parseIsoDate(value)) say(key, 'hr/date-format', 'must be YYYY-MM-DD');
		else if (value < e.startDate) say(key, 'hr/date-order', `must not be before startDate ${e.startDate}`);
	}
	if (e.endDate !== null && e.endReason === null)
		say('endReason', 'hr/required', 'is required when endDate is set');
	if (e.endDate === null && e.endReason !== null)
		say('endDate', 'hr/required', 'is required when endReason is set');
	return problems;
}

export const employmentRules: HistoryRules<Employment> = {
	name: 'employment',
	required: EMPLOYMENT_REQUIRED,
	check: checkEmployment
};

export function validateEmploymentHistory(history: History<Employment>): Result<History<Employment>> {
	return validateHistory(history, employmentRules);
}

/** The complete employment state on `date`, if the history has begun. */
export function employmentAsOf(history: History<Employment>, date: IsoDate): Employment | undefined {
	return completeAsOf(history, date, EMPLOYMENT_REQUIRED);
}

/** Employed on `date`: started and not yet past the end date (the end date is the last day worked). */
export function isEmployedOn(e: Employment, date: IsoDate): boolean {
	return e.startDate <= date && (e.endDate === null || date <= e.endDate);
}
