import { describe, expect, it } from 'vitest';
import { applyDecisions } from './decisions';
import { request } from './leave-fixtures';
import type { LeaveDecision } from './types';

const pending = request('r1', '2026-03-02', '2026-03-03', 'requested');
const decision = (id: string, status: LeaveDecision['status'], at: string, by = 'hr-1'): LeaveDecision => ({
	id,
	requestId: 'r1',
	status,
	by,
	at
});

describe('applyDecisions', () => {
	it('approves, then a later cancel wins; order of the facts does not matter', () => {
		const facts = [
			decision('d2', 'cancelled', '2026-02-02T00:00:00Z'),
			decision('d1', 'approved', '2026-02-01T00:00:00Z')
		];
		const a = applyDecisions(pending, facts);
		const b = applyDecisions(pending, [...facts].reverse());
		expect(a.request.status).toBe('cancelled');
		expect(b).toEqual(a);
	});

	it('keeps a concurrent approve and reject: the earlier applies, the later is reported', () => {
		const out = applyDecisions(pending, [
			decision('d1', 'rejected', '2026-02-01T10:00:00Z'),
			decision('d2', 'approved', '2026-02-01T10:00:01Z')
		]);
		expect(out.request.status).toBe('rejected');
		expect(out.refused.map((r) => r.decision.id)).toEqual(['d2']);
		expect(out.refused[0]?.message).toMatch(/cannot go from rejected to approved/);
	});

	it('refuses self-approval and ignores decisions about other requests', () => {
		const out = applyDecisions(pending, [
			decision('d1', 'approved', '2026-02-01T00:00:00Z', 'emp-1'),
			{ ...decision('d2', 'approved', '2026-02-01T00:00:00Z'), requestId: 'other' }
		]);
		expect(out.request.status).toBe('requested');
		expect(out.refused).toHaveLength(1);
	});
});
