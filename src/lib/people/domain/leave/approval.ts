// Who may decide a leave request: an HR approver, or the requester's manager (the member linked to
// the person who manages them). Until a workspace names any HR approver, anyone with People access
// may decide, as before approvers existed. Nobody approves or rejects their own request; the
// requester may always cancel it. Pure: the caller supplies who is who.
import type { EmployeeId } from '../employee-types';
import type { RequestStatus } from './types';

export interface ApprovalContext {
	/** The deciding workspace member. */
	readonly me: string;
	/** The person record linked to that member, if any. */
	readonly myPersonId: EmployeeId | null;
	/** Workspace members named as HR approvers. */
	readonly approvers: readonly string[];
	readonly requesterId: EmployeeId;
	/** The member linked to the requester, if any. */
	readonly requesterMemberId: string | null;
	/** The requester's manager (a person id) today. */
	readonly managerId: EmployeeId | null;
}

export type Authority =
	| { readonly ok: true; readonly as: 'approver' | 'manager' | 'requester' | 'anyone' }
	| { readonly ok: false; readonly reason: string };

export function canDecideLeave(ctx: ApprovalContext, status: Exclude<RequestStatus, 'requested'>): Authority {
	const self =
		ctx.myPersonId === ctx.requesterId ||
		(ctx.requesterMemberId !== null && ctx.requesterMemberId === ctx.me);
	if (self) {
		if (status === 'cancelled') return { ok: true, as: 'requester' };
		return { ok: false, reason: 'You cannot decide your own leave request.' };
	}
	if (ctx.approvers.includes(ctx.me)) return { ok: true, as: 'approver' };
	if (ctx.managerId !== null && ctx.myPersonId === ctx.managerId) return { ok: true, as: 'manager' };
	if (ctx.approvers.length === 0) return { ok: true, as: 'anyone' };
	return { ok: false, reason: "Only this person's manager or an HR approver can decide this request." };
}
