import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../shared/domain';
import type { Employment } from '../employment';
import { d, fact, n } from '../test-fixtures';
import { leaveBalance } from './balance';
import { calendars, hired, policy, request } from './leave-fixtures';
import type { LeaveEvent, LeavePolicy } from './types';

function balance(p: LeavePolicy, employment: ReturnType<typeof hired>, events: LeaveEvent[], asOf: string) {
	return unwrap(leaveBalance({ policy: p, employment, events, calendars, asOf: d(asOf) }));
}

describe('annual grant: mid-year joiner in a leap year', () => {
	it('prorates 25 days by 214 of 366 days', () => {
		const b = balance(policy(), hired('2024-06-01', { location: 'leapland' }), [], '2024-12-31');
		expect(b.entitlement).toBe('14.6175');
		expect(b.accrued).toBe('14.6175');
		expect(b.available).toBe('14.6175');
		expect(b.leaveYear).toEqual({ start: '2024-01-01', end: '2024-12-31' });
	});
	it('grants nothing before the start date', () => {
		const b = balance(policy(), hired('2024-06-01', { location: 'leapland' }), [], '2024-05-31');
		expect(b.accrued).toBe('0');
		expect(b.available).toBe('0');
	});
});

describe('carry-over and its expiry', () => {
	const employment = hired('2024-06-01');
	const events = [request('feb', '2025-02-03', '2025-02-04'), request('easter', '2025-04-14', '2025-04-25')];
	it('carries at most 5 days and forfeits the rest', () => {
		const b = balance(policy(), employment, events, '2025-01-01');
		expect(b.carriedOver).toBe('5');
		expect(b.breakdown.previousYears[0]).toMatchObject({
			closing: '14.6175',
			carriedOut: '5',
			forfeited: '9.6175'
		});
	});
	it('uses carried days first and shows what will expire', () => {
		const b = balance(policy(), employment, events, '2025-03-31');
		expect(b.taken).toBe('2');
		expect(b.carriedExpiring).toEqual({ days: '3', on: '2025-04-01' });
		expect(b.expired).toBe('0');
		expect(b.booked).toBe('8');
		expect(b.available).toBe('20');
	});
	it('expires unused carried days on the expiry date', () => {
		const b = balance(policy(), employment, events, '2025-04-01');
		expect(b.expired).toBe('3');
		expect(b.carriedExpiring).toBeNull();
		expect(b.available).toBe('17');
	});
	it('counts the Easter fortnight as 8 days (Good Friday and Easter Monday are bank holidays)', () => {
		const b = balance(policy(), employment, events, '2025-06-30');
		expect(b.taken).toBe('10');
		expect(b.booked).toBe('0');
		expect(b.available).toBe('17');
	});
	it('never expires with expiresAfterMonths null', () => {
		const b = balance(
			policy({ carryOver: { maxDays: n('5'), expiresAfterMonths: null } }),
			employment,
			events,
			'2025-06-30'
		);
		expect(b.expired).toBe('0');
		expect(b.available).toBe('20');
	});
	it('carries nothing without a carry-over rule', () => {
		const b = balance(policy({ carryOver: null }), employment, [], '2025-01-02');
		expect(b.carriedOver).toBe('0');
		expect(b.available).toBe('25');
	});
});

describe('part-time and FTE changes', () => {
	it('prorates a 0.6 FTE part-timer to 15 days', () => {
		const b = balance(
			policy(),
			hired('2024-01-01', { employmentType: 'partTime', fte: n('0.6') }),
			[],
			'2025-06-01'
		);
		expect(b.entitlement).toBe('15');
	});
	it('weights each day by the FTE in force that day', () => {
		const employment = [
			...hired('2024-01-01'),
			fact<Employment>('pt', '2025-07-01', '2025-05-01T00:00:00Z', {
				employmentType: 'partTime',
				fte: n('0.6')
			})
		];
		// 25 × (181 × 1 + 184 × 0.6) / 365 = 19.95890…
		expect(balance(policy(), employment, [], '2025-02-01').entitlement).toBe('19.9589');
	});
	it('ignores FTE when the policy does not prorate by it', () => {
		const b = balance(
			policy({ prorateByFte: false }),
			hired('2024-01-01', { employmentType: 'partTime', fte: n('0.6') }),
			[],
			'2025-06-01'
		);
		expect(b.entitlement).toBe('25');
	});
});

describe('monthly accrual', () => {
	const monthly = policy({ accrual: { kind: 'monthly', daysPerMonth: n('2') } });
	it('prorates the first part month and credits at month end', () => {
		const employment = hired('2025-03-17');
		expect(balance(monthly, employment, [], '2025-03-30').accrued).toBe('0');
		// 2 × 15/31 = 0.96774…
		expect(balance(monthly, employment, [], '2025-03-31').accrued).toBe('0.9677');
		expect(balance(monthly, employment, [], '2025-05-31').accrued).toBe('4.9677');
	});
	it('divides February by 29 in a leap year', () => {
		const b = balance(monthly, hired('2028-02-15', { location: 'leapland' }), [], '2028-02-29');
		expect(b.accrued).toBe('1.0345');
	});
	it('stops at the cap and reports what the cap kept out', () => {
		const b = balance({ ...monthly, capDays: n('5') }, hired('2025-01-01'), [], '2025-06-30');
		expect(b.accrued).toBe('5');
		expect(b.lostToCap).toBe('7');
		expect(b.available).toBe('5');
	});
	it('accrues nothing during the waiting period', () => {
		const b = balance({ ...monthly, waitingPeriodDays: 90 }, hired('2025-01-01'), [], '2025-04-30');
		expect(b.accrued).toBe('2');
	});
	it('credits the leaving month up to the last day', () => {
		const employment = hired('2025-01-01', { endDate: d('2025-02-14'), endReason: 'resignation' });
		// January 2 + February 2 × 14/28
		expect(balance(monthly, employment, [], '2025-12-31').accrued).toBe('3');
	});
});

describe('per pay period and per hour accrual', () => {
	it('credits each biweekly period at its end', () => {
		const p = policy({
			accrual: {
				kind: 'perPayPeriod',
				daysPerPeriod: n('1'),
				schedule: 'biweekly',
				anchorDate: d('2025-01-03')
			}
		});
		expect(balance(p, hired('2025-01-03'), [], '2025-01-15').accrued).toBe('0');
		expect(balance(p, hired('2025-01-03'), [], '2025-01-31').accrued).toBe('2');
	});
	it('credits semimonthly halves', () => {
		const p = policy({
			accrual: {
				kind: 'perPayPeriod',
				daysPerPeriod: n('1'),
				schedule: 'semimonthly',
				anchorDate: d('2025-01-01')
			}
		});
		expect(balance(p, hired('2025-01-01'), [], '2025-02-28').accrued).toBe('4');
	});
	it('credits hours worked', () => {
		const p = policy({ accrual: { kind: 'perHourWorked', daysPerHour: n('0.05') } });
		const events: LeaveEvent[] = [
			{ kind: 'hoursWorked', id: 'w1', date: d('2025-01-10'), hours: n('40') },
			{ kind: 'hoursWorked', id: 'w2', date: d('2025-01-17'), hours: n('32.5') }
		];
		expect(balance(p, hired('2025-01-01'), events, '2025-01-31').accrued).toBe('3.625');
	});
});

describe('requests, grants and adjustments', () => {
	const employment = hired('2024-01-01');
	it('counts half days and hours as fractions of a day', () => {
		const events = [
			request('half', '2025-03-03', '2025-03-03', 'approved', undefined, { kind: 'halfDay', half: 'am' }),
			request('hours', '2025-03-04', '2025-03-04', 'approved', undefined, { kind: 'hours', hours: n('3.75') })
		];
		expect(balance(policy(), employment, events, '2025-12-31').taken).toBe('1');
	});
	it('splits a request across the year end', () => {
		const events = [request('xmas', '2025-12-29', '2026-01-02')];
		expect(balance(policy(), employment, events, '2025-12-31').taken).toBe('3');
		expect(balance(policy(), employment, events, '2026-01-05').taken).toBe('1');
	});
	it('uses US federal holidays for a New York location', () => {
		const events = [request('july', '2025-07-01', '2025-07-07')];
		expect(balance(policy(), hired('2024-01-01', { location: 'nyc' }), events, '2025-12-31').taken).toBe('4');
	});
	it('reports pending requests apart and ignores rejected and cancelled ones', () => {
		const events = [
			request('p', '2025-03-10', '2025-03-11', 'requested'),
			request('r', '2025-03-12', '2025-03-12', 'rejected'),
			request('c', '2025-03-13', '2025-03-13', 'cancelled')
		];
		const b = balance(policy(), employment, events, '2025-03-01');
		expect(b.pending).toBe('2');
		expect(b.taken).toBe('0');
		expect(b.availableAfterPending).toBe(String(Number(b.available) - 2));
	});
	it('adds grants and signed adjustments on their dates, and ignores other policies', () => {
		const events: LeaveEvent[] = [
			{
				kind: 'grant',
				id: 'g',
				policyId: 'annual',
				date: d('2025-05-01'),
				days: n('1.5'),
				reason: 'worked bank holiday'
			},
			{
				kind: 'adjustment',
				id: 'a',
				policyId: 'annual',
				date: d('2025-05-02'),
				days: n('-0.25'),
				reason: 'correction'
			},
			{
				kind: 'grant',
				id: 'x',
				policyId: 'sick',
				date: d('2025-05-01'),
				days: n('10'),
				reason: 'other policy'
			}
		];
		const b = balance(policy({ carryOver: null }), employment, events, '2025-06-01');
		expect(b.granted).toBe('1.5');
		expect(b.adjustments).toBe('-0.25');
		expect(b.available).toBe('26.25');
	});
	it('fails, naming the request, when a date is outside the holiday calendar', () => {
		const r = leaveBalance({
			policy: policy(),
			employment,
			events: [request('far', '2029-03-01', '2029-03-01')],
			calendars,
			asOf: d('2025-01-01')
		});
		expect(r.ok ? '' : r.error.code).toBe('hr/holidays-not-covered');
		expect(r.ok ? '' : r.error.message).toContain('far');
	});
	it('fails for a location without a calendar', () => {
		const r = leaveBalance({
			policy: policy(),
			employment: hired('2024-01-01', { location: 'mars' }),
			events: [request('m', '2025-03-03', '2025-03-03')],
			calendars,
			asOf: d('2025-01-01')
		});
		expect(r.ok ? '' : r.error.code).toBe('hr/leave-no-calendar');
	});
});
