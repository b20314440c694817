import { describe, expect, it } from 'vitest';
import { canDecideLeave, type ApprovalContext } from './approval';

const ctx = (over: Partial<ApprovalContext> = {}): ApprovalContext => ({
	me: 'member-hr',
	myPersonId: null,
	approvers: ['member-hr'],
	requesterId: 'emp-1',
	requesterMemberId: 'member-emp',
	managerId: 'emp-boss',
	...over
});

describe('canDecideLeave', () => {
	it('lets an HR approver decide', () => {
		expect(canDecideLeave(ctx(), 'approved')).toEqual({ ok: true, value: 'approver' });
		expect(canDecideLeave(ctx(), 'rejected')).toEqual({ ok: true, value: 'approver' });
	});

	it("lets the requester's manager decide through their linked person record", () => {
		const boss = ctx({ me: 'member-boss', myPersonId: 'emp-boss' });
		expect(canDecideLeave(boss, 'approved')).toEqual({ ok: true, value: 'manager' });
		const other = ctx({ me: 'member-x', myPersonId: 'emp-x' });
		const r = canDecideLeave(other, 'approved');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.message).toMatch(/manager or an HR approver/);
		expect(canDecideLeave(ctx({ me: 'member-x', myPersonId: 'emp-x', managerId: null }), 'rejected').ok).toBe(
			false
		);
	});

	it('never lets anyone approve or reject their own request, even an approver; they may cancel it', () => {
		for (const me of [ctx({ me: 'member-emp', approvers: ['member-emp'] }), ctx({ myPersonId: 'emp-1' })]) {
			const r = canDecideLeave(me, 'approved');
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.error.message).toMatch(/your own/);
			expect(canDecideLeave(me, 'cancelled')).toEqual({ ok: true, value: 'requester' });
		}
	});

	it('lets anyone decide while the workspace names no HR approver, except on their own request', () => {
		expect(canDecideLeave(ctx({ me: 'member-x', approvers: [] }), 'approved')).toEqual({
			ok: true,
			value: 'anyone'
		});
		expect(canDecideLeave(ctx({ me: 'member-emp', approvers: [] }), 'approved').ok).toBe(false);
	});
});
