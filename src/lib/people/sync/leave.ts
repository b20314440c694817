// Leave in the people shard, read and checked: a person's events with each request's status folded
// from its decision facts, the leave policies (a bad one quarantined, never handed out), and the
// checks a new request, a balance change or a decision must pass before the replica writes it.
// Plain functions over what PeopleReplica holds; it does the writing.
import type * as Y from 'yjs';
import { fail, ok, type DomainError, type Result } from '$lib/shared/domain';
import {
	applyDecisions,
	checkBalanceChange,
	checkOverdraw,
	decideRequest,
	validateLeavePolicy,
	type CalendarsByLocation,
	type Employment,
	type History,
	type LeaveDecision,
	type LeaveEvent,
	type LeavePolicy,
	type LeaveRequest,
	leavePolicyKind
} from '$lib/people/domain';
import * as docs from './doc';
import { quarantined, readLeaveEvent, readStored, type PersonLeave, type Quarantined } from './shape';

/** One person's leave events, request statuses folded from their decision facts. */
export function foldLeave(
	personEvents: Iterable<LeaveEvent>,
	allDecisions: Iterable<LeaveDecision>,
	self: string | null
): PersonLeave {
	// Canonical order (by id) so every replica hands out the same list whatever order facts arrived in.
	const stored = [...personEvents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const byRequest = new Map<string, LeaveDecision[]>();
	for (const d of allDecisions) {
		const list = byRequest.get(d.requestId);
		if (list) list.push(d);
		else byRequest.set(d.requestId, [d]);
	}
	const events: LeaveEvent[] = [];
	const requests: LeaveRequest[] = [];
	const refused: PersonLeave['refused'] = [];
	for (const e of stored) {
		if (e.kind !== 'request') {
			const { personId: _p, ...event } = e as LeaveEvent & { personId?: string };
			events.push(event as LeaveEvent);
			continue;
		}
		const event = e;
		// A decision by the member linked to the requester counts as the requester's own.
		const ds = (byRequest.get(event.id) ?? []).map((d) =>
			self !== null && d.by === self ? { ...d, by: event.personId } : d
		);
		const decided = applyDecisions(event as LeaveRequest, ds);
		events.push(decided.request);
		requests.push(decided.request);
		refused.push(...decided.refused);
	}
	requests.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
	return { events, requests, refused };
}

/** The valid leave policies by name; each bad one is put in (and a good one taken out of) quarantine. */
export function readPolicies(doc: Y.Doc, quarantine: Map<string, Quarantined>): LeavePolicy[] {
	const out: LeavePolicy[] = [];
	for (const [id, m] of docs.policiesMap(doc)) {
		const key = `policies:${id}`;
		const read = readStored(leavePolicyKind, docs.readPolicyValue(m));
		if (!read.ok) {
			quarantine.set(key, quarantined('policies', id, read.error));
			continue;
		}
		const valid = validateLeavePolicy(read.value);
		if (!valid.ok)
			quarantine.set(key, { map: 'policies', id, reason: valid.error.message, code: 'record/invalid' });
		else {
			quarantine.delete(key);
			out.push(valid.value);
		}
	}
	return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
}

/** A grant or adjustment (days checked) or other non-request event, as stored with its person. */
export function leaveEventToStore(
	personId: string,
	event: LeaveEvent
): Result<{ event: LeaveEvent; value: LeaveEvent & { personId: string } }> {
	if (event.kind === 'grant' || event.kind === 'adjustment') {
		const checked = checkBalanceChange(event);
		if (!checked.ok) return checked;
		event = checked.value;
	}
	const value = { ...event, personId };
	const read = readLeaveEvent(value, event.id);
	if (!read.ok || event.kind === 'request')
		return fail(
			'hr/leave-event',
			`Leave event: ${read.ok ? 'use requestLeave for requests' : read.error.message}`,
			{
				field: 'days'
			}
		);
	return ok({ event, value });
}

/**
 * The request as a decision leaves it, or why the decision is refused: approving a request the
 * overdraw check flags is refused (it can still be rejected).
 */
export function checkLeaveDecision(p: {
	decision: LeaveDecision;
	personId: string;
	leave: PersonLeave;
	/** The decider is the member linked to the requester. */
	self: boolean;
	policies: readonly LeavePolicy[];
	employment: History<Employment>;
	calendars: CalendarsByLocation;
}): Result<LeaveRequest, DomainError> {
	const { decision, leave } = p;
	const current = leave.requests.find((r) => r.id === decision.requestId) as LeaveRequest;
	const next = decideRequest(current, {
		status: decision.status,
		by: p.self ? p.personId : decision.by,
		at: decision.at,
		byName: decision.byName
	});
	if (!next.ok) return next;
	if (decision.status === 'approved') {
		const policy = p.policies.find((x) => x.id === current.policyId);
		if (policy) {
			const report = checkOverdraw({
				policy,
				employment: p.employment,
				events: leave.events,
				calendars: p.calendars
			});
			if (!report.ok) return report;
			const flagged = report.value.requests.find((r) => r.requestId === current.id);
			if (flagged)
				return fail(
					'hr/leave-insufficient-balance',
					`Approving would overdraw ${policy.name} by ${flagged.overdrawnBy} days`,
					{ field: 'status' }
				);
		}
	}
	return next;
}
