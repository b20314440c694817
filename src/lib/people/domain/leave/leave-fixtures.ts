// Builders for the leave tests: one policy per accrual kind and a simple employment history.
import type { Employment } from '../employment';
import type { History } from '../history';
import { d, employment, fact, n } from '../test-fixtures';
import { ENGLAND_AND_WALES_2025_2027, US_FEDERAL_2025_2027 } from './holidays';
import type { CalendarsByLocation, LeavePolicy, LeaveRequest, RequestPortion } from './types';

export const calendars: CalendarsByLocation = {
	london: ENGLAND_AND_WALES_2025_2027,
	nyc: US_FEDERAL_2025_2027,
	leapland: {
		id: 'none',
		name: 'No holidays',
		years: [2024, 2025, 2026, 2027, 2028],
		holidays: [],
		source: 'test'
	}
};

export function policy(over: Partial<LeavePolicy> = {}): LeavePolicy {
	return {
		schemaVersion: 1,
		id: 'annual',
		name: 'Annual leave',
		accrual: { kind: 'annualGrant', daysPerYear: n('25') },
		leaveYearStart: { month: 1, day: 1 },
		waitingPeriodDays: 0,
		capDays: null,
		carryOver: { maxDays: n('5'), expiresAfterMonths: 3 },
		negativeBalance: { allowed: false },
		prorateByFte: true,
		prorateMidYear: true,
		hoursPerDay: n('7.5'),
		places: 4,
		...over
	};
}

export function hired(startDate: string, over: Partial<Employment> = {}): History<Employment> {
	return [
		fact<Employment>(
			'hire',
			startDate,
			`${startDate}T00:00:00Z`,
			employment({ startDate: d(startDate), ...over })
		)
	];
}

export function request(
	id: string,
	start: string,
	end: string,
	status: LeaveRequest['status'] = 'approved',
	requestedAt = '2025-01-01T00:00:00Z',
	portion: RequestPortion = { kind: 'fullDays' }
): LeaveRequest {
	return {
		kind: 'request',
		id,
		policyId: 'annual',
		personId: 'emp-1',
		start: d(start),
		end: d(end),
		portion,
		status,
		requestedAt
	};
}
