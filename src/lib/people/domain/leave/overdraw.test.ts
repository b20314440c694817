import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../shared/domain';
import { d, n } from '../test-fixtures';
import { leaveBalance } from './balance';
import { checkNewRequest, checkOverdraw } from './overdraw';
import { decideRequest } from './requests';
import { calendars, hired, policy, request } from './leave-fixtures';

const employment = hired('2024-01-01');
const noCarry = policy({ carryOver: null });
// 2025-06-02..2025-06-27 is 20 working days; 2025-07-07..2025-07-11 is 5; 2025-08-04..2025-08-08 is 5.
const june = request('june', '2025-06-02', '2025-06-27', 'approved', '2025-01-10T09:00:00Z');
const july = request('july', '2025-07-07', '2025-07-11', 'approved', '2025-01-11T09:00:00Z');
const august = request('aug', '2025-08-04', '2025-08-08', 'requested', '2025-01-12T09:00:00Z');

describe('a balance that must not go negative', () => {
	it('keeps every concurrent request and flags the overdraw against the latest requested', () => {
		const report = unwrap(
			checkOverdraw({ policy: noCarry, employment, events: [june, july, august], calendars })
		);
		expect(report.overdrawn).toBe(true);
		expect(report.requests).toEqual([{ requestId: 'aug', status: 'requested', overdrawnBy: '5' }]);
		expect(report.years.find((y) => y.start === '2025-01-01')).toMatchObject({
			shortfall: '5',
			lowestBalance: '-5',
			lowestOn: '2025-08-08'
		});
	});
	it('spreads a shortfall over several requests when the latest alone does not cover it', () => {
		const big = request('big', '2025-09-01', '2025-09-03', 'approved', '2025-01-13T09:00:00Z');
		const report = unwrap(
			checkOverdraw({ policy: noCarry, employment, events: [june, july, august, big], calendars })
		);
		expect(report.requests).toEqual([
			{ requestId: 'big', status: 'approved', overdrawnBy: '3' },
			{ requestId: 'aug', status: 'requested', overdrawnBy: '5' }
		]);
	});
	it('still counts both approved requests in the balance, which shows the deficit', () => {
		const lateJuly = request('july2', '2025-07-14', '2025-07-18', 'approved', '2025-01-12T09:00:00Z');
		const b = unwrap(
			leaveBalance({
				policy: noCarry,
				employment,
				events: [june, july, lateJuly],
				calendars,
				asOf: d('2025-12-31')
			})
		);
		expect(b.taken).toBe('30');
		expect(b.available).toBe('-5');
	});
	it('does not flag within an allowed negative limit, and flags beyond it', () => {
		const loose = policy({ carryOver: null, negativeBalance: { allowed: true, limitDays: n('5') } });
		expect(
			unwrap(checkOverdraw({ policy: loose, employment, events: [june, july, august], calendars })).overdrawn
		).toBe(false);
		const tight = policy({ carryOver: null, negativeBalance: { allowed: true, limitDays: n('2') } });
		expect(
			unwrap(checkOverdraw({ policy: tight, employment, events: [june, july, august], calendars })).requests
		).toEqual([{ requestId: 'aug', status: 'requested', overdrawnBy: '3' }]);
		const unlimited = policy({ carryOver: null, negativeBalance: { allowed: true, limitDays: null } });
		expect(
			unwrap(checkOverdraw({ policy: unlimited, employment, events: [june, july, august], calendars }))
				.overdrawn
		).toBe(false);
	});
	it('flags an accrual policy that books leave before it is earned', () => {
		const monthly = policy({ carryOver: null, accrual: { kind: 'monthly', daysPerMonth: n('2') } });
		const early = request('early', '2025-02-03', '2025-02-07', 'approved', '2025-01-02T00:00:00Z');
		const report = unwrap(
			checkOverdraw({ policy: monthly, employment: hired('2025-01-01'), events: [early], calendars })
		);
		expect(report.requests).toEqual([{ requestId: 'early', status: 'approved', overdrawnBy: '3' }]);
	});
	it('does not count a debt carried from the year before twice', () => {
		const lastYear = request('ly', '2025-12-01', '2025-12-05', 'approved', '2025-01-20T00:00:00Z');
		const report = unwrap(
			checkOverdraw({
				policy: noCarry,
				employment,
				events: [june, july, lastYear],
				calendars,
				through: d('2026-12-31')
			})
		);
		expect(report.years.map((y) => y.shortfall)).toEqual(['0', '5', '0']);
	});
});

describe('checkNewRequest', () => {
	it('accepts a request within the balance and says how many days it takes', () => {
		expect(
			unwrap(checkNewRequest({ policy: noCarry, employment, events: [june], calendars, request: july }))
		).toEqual({ days: '5' });
	});
	it('refuses a request that would overdraw, saying by how much', () => {
		const r = checkNewRequest({
			policy: noCarry,
			employment,
			events: [june, july],
			calendars,
			request: august
		});
		expect(r.ok ? '' : r.error.code).toBe('hr/leave-insufficient-balance');
		expect(r.ok ? undefined : r.error.details?.['shortBy']).toBe('5');
	});
	it('refuses a half day on a bank holiday as having no working days', () => {
		const half = request('h', '2025-12-25', '2025-12-25', 'requested', '2025-02-01T00:00:00Z', {
			kind: 'halfDay',
			half: 'pm'
		});
		const r = checkNewRequest({ policy: noCarry, employment, events: [], calendars, request: half });
		expect(r.ok ? '' : r.error.code).toBe('hr/leave-no-working-days');
	});
	it('refuses malformed requests by field', () => {
		const backwards = request('b', '2025-03-05', '2025-03-04', 'requested');
		expect(
			JSON.stringify(
				checkNewRequest({ policy: noCarry, employment, events: [], calendars, request: backwards })
			)
		).toContain('hr/date-order');
		const longHours = request('l', '2025-03-03', '2025-03-04', 'requested', undefined, {
			kind: 'hours',
			hours: n('2')
		});
		expect(
			JSON.stringify(
				checkNewRequest({ policy: noCarry, employment, events: [], calendars, request: longHours })
			)
		).toContain('hr/leave-portion');
		const tooMany = request('t', '2025-03-03', '2025-03-03', 'requested', undefined, {
			kind: 'hours',
			hours: n('8')
		});
		expect(
			JSON.stringify(
				checkNewRequest({ policy: noCarry, employment, events: [], calendars, request: tooMany })
			)
		).toContain('portion.hours');
	});
});

describe('decideRequest', () => {
	const pending = request('p', '2025-03-03', '2025-03-03', 'requested');
	it('records the approver and time', () => {
		expect(
			unwrap(decideRequest(pending, { status: 'approved', by: 'mgr-1', at: '2025-02-01T10:00:00Z' }))
		).toMatchObject({
			status: 'approved',
			approverId: 'mgr-1',
			decidedAt: '2025-02-01T10:00:00Z'
		});
	});
	it('refuses self-approval and impossible transitions', () => {
		expect(
			JSON.stringify(decideRequest(pending, { status: 'approved', by: 'emp-1', at: '2025-02-01T10:00:00Z' }))
		).toContain('hr/leave-self-approval');
		const rejected = unwrap(
			decideRequest(pending, { status: 'rejected', by: 'mgr-1', at: '2025-02-01T10:00:00Z' })
		);
		expect(
			JSON.stringify(decideRequest(rejected, { status: 'approved', by: 'mgr-1', at: '2025-02-02T10:00:00Z' }))
		).toContain('hr/leave-transition');
		const approved = unwrap(
			decideRequest(pending, { status: 'approved', by: 'mgr-1', at: '2025-02-01T10:00:00Z' })
		);
		expect(
			unwrap(decideRequest(approved, { status: 'cancelled', by: 'emp-1', at: '2025-02-03T10:00:00Z' })).status
		).toBe('cancelled');
	});
});
