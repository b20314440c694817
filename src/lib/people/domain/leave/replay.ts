// Replays a person's leave under one policy from the leave year of their start date through a given
// date: every year's ledger is rebuilt from the policy, the employment history and the events, and
// each year opens with what the previous one carried out. Events of other policies are ignored.
import { ok, type Dec, type IsoDate, type Result } from '../../../shared/domain';
import { fail } from '../../../shared/domain';
import type { Employment } from '../employment';
import type { History } from '../history';
import { policyCredits } from './accrual';
import { leaveYearContaining, nextLeaveYear } from './calendar';
import { employmentDays, type EmploymentDays } from './employment-days';
import { runYear, type YearLedger } from './ledger';
import { requestDays, type DayUnit } from './requests';
import type {
	CalendarsByLocation,
	HoursWorked,
	LeaveAdjustment,
	LeaveEvent,
	LeaveGrant,
	LeavePolicy,
	LeaveRequest,
	RequestStatus
} from './types';
import { ZERO } from '../../../shared/domain';

export interface LeaveContext {
	readonly policy: LeavePolicy;
	readonly employment: History<Employment>;
	readonly events: readonly LeaveEvent[];
	readonly calendars: CalendarsByLocation;
}

export interface Replay {
	readonly emp: EmploymentDays;
	readonly years: readonly YearLedger[];
	/** Working days of every request of this policy, by request id (whatever its status). */
	readonly units: ReadonlyMap<string, readonly DayUnit[]>;
	readonly requests: readonly LeaveRequest[];
}

export function replayLeave(
	ctx: LeaveContext,
	through: IsoDate,
	counted: readonly RequestStatus[]
): Result<Replay> {
	const { policy, events, calendars } = ctx;
	const emp = employmentDays(ctx.employment, policy.waitingPeriodDays);
	if (!emp)
		return fail(
			'hr/leave-no-employment',
			'employment history has no complete state; leave cannot be derived',
			{ field: 'employment' }
		);
	const mine = events.filter((e) => e.kind === 'hoursWorked' || e.policyId === policy.id);
	const requests = mine.filter((e): e is LeaveRequest => e.kind === 'request');
	const grants = mine.filter((e): e is LeaveGrant => e.kind === 'grant');
	const adjustments = mine.filter((e): e is LeaveAdjustment => e.kind === 'adjustment');
	const hours = mine.filter((e): e is HoursWorked => e.kind === 'hoursWorked');

	const units = new Map<string, readonly DayUnit[]>();
	for (const r of requests) {
		if (r.status === 'rejected' || r.status === 'cancelled') continue;
		const days = requestDays(r, { policy, emp, calendars });
		if (!days.ok) return days;
		units.set(r.id, days.value);
	}
	const taken = requests.filter((r) => counted.includes(r.status)).flatMap((r) => units.get(r.id) ?? []);

	const years: YearLedger[] = [];
	let carried: Dec = ZERO;
	for (
		let year = leaveYearContaining(policy, emp.startDate);
		year.start <= through;
		year = nextLeaveYear(policy, year)
	) {
		const ledger = runYear({
			policy,
			year,
			carriedIn: carried,
			credits: policyCredits(policy, emp, year, hours),
			grants,
			adjustments,
			taken
		});
		years.push(ledger);
		carried = ledger.carriedOut;
	}
	return ok({ emp, years, units, requests });
}
