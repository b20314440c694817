// Who may decide a leave request: an HR approver, or the requester's manager (the member linked to
// the person who manages them). Until a workspace names any HR approver, anyone with People access
// may decide, as before approvers existed. Nobody approves or rejects their own request; the
// requester may always cancel it. Pure: the caller supplies who is who.
import type { EmployeeId } from '../employee-types';
import type { RequestStatus } from './types';
import { err, ok, type Result } from '../../../shared/domain/result';

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

/** In what role `me` may decide, or why not (codes hr/leave-self-approval, hr/leave-not-approver). */
export type Authority = Result<'approver' | 'manager' | 'requester' | 'anyone'>;

export function canDecideLeave(ctx: ApprovalContext, status: Exclude<RequestStatus, 'requested'>): Authority {
	const self =
		ctx.myPersonId === ctx.requesterId ||
		(ctx.requesterMemberId !== null && ctx.requesterMemberId === ctx.me);
	if (self) {
		if (status === 'cancelled') return ok('requester');
		return err({ code: 'hr/leave-self-approval', message: 'You cannot decide your own leave request.' });
	}
	if (ctx.approvers.includes(ctx.me)) return ok('approver');
	if (ctx.managerId !== null && ctx.myPersonId === ctx.managerId) return ok('manager');
	if (ctx.approvers.length === 0) return ok('anyone');
	return err({
		code: 'hr/leave-not-approver',
		message: "Only this person's manager or an HR approver can decide this request."
	});
}
