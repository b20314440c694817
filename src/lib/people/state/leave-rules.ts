// Leave rules as the People screens apply them: which public holiday calendar each location uses,
// whether this member may approve, reject or cancel a person's request (and why not), and the fact a
// balance change is recorded as. Plain functions over what PeopleState holds.
import type { IsoDate } from '$lib/shared/domain';
import {
	canDecideLeave,
	employmentAsOf,
	type Authority,
	type BalanceChange,
	type CalendarsByLocation,
	type LeaveDecision,
	type Employment,
	type History
} from '$lib/people/domain';
import { CALENDARS, NO_HOLIDAYS } from './data';
import { newId, nowIso } from '../../shared/state/ids';
import { authorNameAs } from '../../shared/state/author';

/** Every location given → its public holiday calendar (none found: no holidays). */
export function calendarsFor(
	locations: Iterable<string>,
	calendarIdFor: (location: string) => string
): CalendarsByLocation {
	const out: Record<string, (typeof CALENDARS)[number]> = {};
	for (const loc of locations) out[loc] = CALENDARS.find((c) => c.id === calendarIdFor(loc)) ?? NO_HOLIDAYS;
	return out;
}

/** Whether `me` may decide the person's request, from approvers, the link to the person and their manager. */
export function leaveAuthority(p: {
	me: string;
	myPersonId: string | null;
	approvers: string[];
	personId: string;
	memberId: string | null;
	employment: History<Employment>;
	today: IsoDate;
	status: 'approved' | 'rejected' | 'cancelled';
}): Authority {
	const employment = employmentAsOf(p.employment, p.today);
	return canDecideLeave(
		{
			me: p.me,
			myPersonId: p.myPersonId,
			approvers: p.approvers,
			requesterId: p.personId,
			requesterMemberId: p.memberId,
			managerId: employment?.managerId ?? null
		},
		p.status
	);
}

/** A grant or adjustment as recorded now by `me` (with the name `me` goes by today). */
export function balanceChange(
	change: Omit<BalanceChange, 'id' | 'recordedAt' | 'recordedBy' | 'recordedByName'>,
	me: string
): BalanceChange {
	return {
		...change,
		id: newId(),
		recordedAt: nowIso(),
		recordedBy: me,
		...authorNameAs('recordedByName')
	} as BalanceChange;
}

/** A decision on a request as made now by `me` (with the name `me` goes by today). */
export function leaveDecision(requestId: string, status: LeaveDecision['status'], me: string): LeaveDecision {
	return { id: newId(), requestId, status, by: me, ...authorNameAs('byName'), at: nowIso() };
}
