// A leave request counts only its working days: weekdays that are not public holidays at the
// person's location that day, within employment. A half day or an hours request covers one date;
// status moves requested → approved/rejected/cancelled, approved → cancelled, and nobody approves
// their own request.
import {
	dec,
	ok,
	parseDecimal,
	parseIsoDate,
	type Dec,
	type IsoDate,
	type Result
} from '../../../shared/domain';
import { fieldError } from '../errors';
import type { EmployeeId } from '../employee-types';
import { eachDay, isWorkingDay } from './calendar';
import type { EmploymentDays } from './employment-days';
import type { CalendarsByLocation, LeavePolicy, LeaveRequest, RequestStatus } from './types';

export interface DayUnit {
	readonly date: IsoDate;
	readonly days: Dec;
	readonly requestId: string;
}

function checkShape(request: LeaveRequest, policy: LeavePolicy): Result<Dec> {
	const f = `request ${request.id}`;
	if (!parseIsoDate(request.start))
		return fieldError('start', 'hr/date-format', `${f}: start must be YYYY-MM-DD`);
	if (!parseIsoDate(request.end)) return fieldError('end', 'hr/date-format', `${f}: end must be YYYY-MM-DD`);
	if (request.end < request.start)
		return fieldError('end', 'hr/date-order', `${f}: end ${request.end} is before start ${request.start}`);
	const portion = request.portion;
	if (portion.kind === 'fullDays') return ok(dec(1));
	if (request.start !== request.end) {
		return fieldError(
			'portion',
			'hr/leave-portion',
			`${f}: a ${portion.kind === 'halfDay' ? 'half day' : 'request in hours'} covers a single date`
		);
	}
	if (portion.kind === 'halfDay') return ok(dec('0.5'));
	const hours = parseDecimal(portion.hours);
	const perDay = dec(policy.hoursPerDay);
	if (!hours || hours.lte(0) || hours.gt(perDay)) {
		return fieldError(
			'portion.hours',
			'hr/leave-hours',
			`${f}: portion.hours must be above 0 and at most ${policy.hoursPerDay}`
		);
	}
	return ok(hours.dividedBy(perDay));
}

/** The request's working days and the fraction of a day each takes. */
export function requestDays(
	request: LeaveRequest,
	{ policy, emp, calendars }: { policy: LeavePolicy; emp: EmploymentDays; calendars: CalendarsByLocation }
): Result<DayUnit[]> {
	const perDay = checkShape(request, policy);
	if (!perDay.ok) return perDay;
	const units: DayUnit[] = [];
	for (const date of eachDay(request.start, request.end)) {
		if (!emp.isEmployed(date)) continue;
		const location = emp.stateOn(date)?.location ?? '';
		const working = isWorkingDay(date, location, calendars);
		if (!working.ok) {
			return fieldError(
				'dates',
				working.error.code as `hr/${string}`,
				`request ${request.id}: ${working.error.message}`,
				working.error.details
			);
		}
		if (working.value) units.push({ date, days: perDay.value, requestId: request.id });
	}
	return ok(units);
}

const TRANSITIONS: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
	requested: ['approved', 'rejected', 'cancelled'],
	approved: ['cancelled'],
	rejected: [],
	cancelled: []
};

/** Records a decision on a request, returning the new record; the old one is not changed. */
export function decideRequest(
	request: LeaveRequest,
	{
		status,
		by,
		at,
		byName
	}: { status: Exclude<RequestStatus, 'requested'>; by: EmployeeId; at: string; byName?: string | undefined }
): Result<LeaveRequest> {
	if (!TRANSITIONS[request.status].includes(status)) {
		return fieldError(
			'status',
			'hr/leave-transition',
			`request ${request.id}: cannot go from ${request.status} to ${status}`,
			{
				from: request.status,
				to: status
			}
		);
	}
	if (status !== 'cancelled' && by === request.personId) {
		return fieldError(
			'approverId',
			'hr/leave-self-approval',
			`request ${request.id}: a person cannot ${status === 'approved' ? 'approve' : 'reject'} their own request`
		);
	}
	// The name goes with this decision only: an earlier decider's name must not stay beside a new id.
	const { approverName: _earlier, ...rest } = request;
	return ok({ ...rest, status, approverId: by, ...(byName ? { approverName: byName } : {}), decidedAt: at });
}
