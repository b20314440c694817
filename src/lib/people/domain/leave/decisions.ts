// A request's status is the fold of its decisions in (at, id) order through decideRequest's rules:
// the first valid transition wins and a later decision that is no longer allowed (approve after a
// concurrent reject, approving one's own request) is kept and reported, never applied. Any replica
// holding the same facts gets the same status.
import { compareInstants } from '../history';
import { decideRequest } from './requests';
import type { LeaveDecision, LeaveRequest } from './types';

export interface DecidedRequest {
	readonly request: LeaveRequest;
	/** Decisions that were not applied, each with the reason. */
	readonly refused: readonly { readonly decision: LeaveDecision; readonly message: string }[];
}

export function applyDecisions(request: LeaveRequest, decisions: readonly LeaveDecision[]): DecidedRequest {
	const ordered = decisions
		.filter((d) => d.requestId === request.id)
		.sort((a, b) => compareInstants(a.at, b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	let current = request;
	const refused: { decision: LeaveDecision; message: string }[] = [];
	for (const d of ordered) {
		const next = decideRequest(current, { status: d.status, by: d.by, at: d.at, byName: d.byName });
		if (next.ok) current = next.value;
		else refused.push({ decision: d, message: next.error.message });
	}
	return { request: current, refused };
}
