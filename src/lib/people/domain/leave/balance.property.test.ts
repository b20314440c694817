// Properties of derived balances: they are a pure function of the set of events (any order), they
// satisfy the ledger identity, and an adjustment moves the balance by exactly its amount.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dec, fromEpochDay, toEpochDay, unwrap, type IsoDate } from '../../../shared/domain';
import { d, n } from '../test-fixtures';
import { leaveBalance } from './balance';
import { calendars, hired, policy, request } from './leave-fixtures';
import type { LeaveEvent, LeavePolicy } from './types';

const day0 = toEpochDay(d('2024-07-01'));
const arbDate = fc.integer({ min: 0, max: 900 }).map((k) => fromEpochDay(day0 + k));
const arbAmount = fc.integer({ min: -40, max: 40 }).map((q) => n(dec(q).dividedBy(4).toFixed()));

const arbEvent: fc.Arbitrary<LeaveEvent> = fc.oneof(
	fc
		.tuple(
			arbDate,
			fc.integer({ min: 0, max: 6 }),
			fc.constantFrom('approved', 'requested', 'cancelled' as const),
			fc.integer({ min: 0, max: 1000 }),
			fc.boolean()
		)
		.map(([start, len, status, t, half]) =>
			request(
				'r',
				start,
				half ? start : fromEpochDay(toEpochDay(start) + len),
				status,
				new Date(Date.UTC(2024, 0, 1) + t * 3_600_000).toISOString(),
				half ? { kind: 'halfDay', half: 'am' } : { kind: 'fullDays' }
			)
		),
	fc.tuple(arbDate, arbAmount).map(([date, days]): LeaveEvent => ({
		kind: 'adjustment',
		id: 'a',
		policyId: 'annual',
		date,
		days,
		reason: 'test'
	})),
	fc.tuple(arbDate, arbAmount).map(([date, days]): LeaveEvent => ({
		kind: 'grant',
		id: 'g',
		policyId: 'annual',
		date,
		days: n(dec(days).abs().toFixed()),
		reason: 'test'
	}))
);
const arbEvents = fc
	.array(arbEvent, { maxLength: 8 })
	.map((es) => es.map((e, i) => ({ ...e, id: `${e.kind}-${i}` }) as LeaveEvent));

const policies: LeavePolicy[] = [
	policy(),
	policy({
		accrual: { kind: 'monthly', daysPerMonth: n('2.0833') },
		capDays: n('30'),
		carryOver: { maxDays: n('3'), expiresAfterMonths: 2 }
	}),
	policy({
		accrual: {
			kind: 'perPayPeriod',
			daysPerPeriod: n('0.9615'),
			schedule: 'biweekly',
			anchorDate: d('2024-07-05')
		},
		carryOver: null
	}),
	policy({ leaveYearStart: { month: 4, day: 6 }, carryOver: { maxDays: n('8'), expiresAfterMonths: null } })
];
const arbPolicy = fc.constantFrom(...policies);
const employment = hired('2024-07-15', { employmentType: 'partTime', fte: n('0.8'), location: 'leapland' });

function at(p: LeavePolicy, events: LeaveEvent[], asOf: IsoDate) {
	return unwrap(leaveBalance({ policy: p, employment, events, calendars, asOf }));
}

describe('leave balance properties', () => {
	it('is the same whatever order the events arrive in', () => {
		fc.assert(
			fc.property(
				arbPolicy,
				arbEvents.chain((es) =>
					fc.tuple(fc.constant(es), fc.shuffledSubarray(es, { minLength: es.length, maxLength: es.length }))
				),
				arbDate,
				(p, [events, shuffled], asOf) => {
					expect(at(p, shuffled, asOf)).toEqual(at(p, events, asOf));
				}
			),
			{ numRuns: 60 }
		);
	});
	it('available = carried + accrued + granted + adjustments - taken - expired - booked, and the ledger sums to it', () => {
		fc.assert(
			fc.property(arbPolicy, arbEvents, arbDate, (p, events, asOf) => {
				const b = at(p, events, asOf);
				const identity = dec(b.carriedOver)
					.plus(b.accrued)
					.plus(b.granted)
					.plus(b.adjustments)
					.minus(b.taken)
					.minus(b.expired)
					.minus(b.booked);
				expect(identity.eq(b.available)).toBe(true);
				const ledgerSum = b.breakdown.entries.reduce((s, e) => s.plus(e.days), dec(0));
				const last = b.breakdown.entries.at(-1);
				if (last) expect(ledgerSum.eq(last.balance)).toBe(true);
				expect(dec(b.expired).gte(0) && dec(b.taken).gte(0) && dec(b.pending).gte(0)).toBe(true);
			}),
			{ numRuns: 60 }
		);
	});
	it('an adjustment moves only the adjustment line, and a positive one moves the balance exactly (no cap)', () => {
		fc.assert(
			fc.property(arbEvents, arbDate, arbAmount, (events, asOf, days) => {
				const p = policies[0] as LeavePolicy;
				const before = at(p, events, asOf);
				const date = before.leaveYear.start > d('2024-07-15') ? before.leaveYear.start : asOf;
				const adj: LeaveEvent = {
					kind: 'adjustment',
					id: 'extra',
					policyId: 'annual',
					date,
					days,
					reason: 'prop'
				};
				const after = at(p, [...events, adj], asOf);
				// Only the adjustment line moves; what expires can shrink if the balance dips below the carried days.
				expect(dec(after.adjustments).minus(before.adjustments).eq(days)).toBe(true);
				expect([after.accrued, after.taken, after.booked, after.carriedOver]).toEqual([
					before.accrued,
					before.taken,
					before.booked,
					before.carriedOver
				]);
				const movedBy = dec(after.available).minus(before.available);
				expect(movedBy.plus(after.expired).minus(before.expired).eq(days)).toBe(true);
				if (dec(days).gte(0) && after.expired === before.expired) expect(movedBy.eq(days)).toBe(true);
			}),
			{ numRuns: 60 }
		);
	});
});
