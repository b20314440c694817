// Audit trails keep the name a fact was recorded under: a later rename in the member list does not
// change it; an old fact without a stored name shows today's name, marked as such.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { auditName } from './audit-name';
import { authorNameAs, setAuthorName } from '$lib/shared/state/author';
import { historyFactKind } from '$lib/people/domain/records/history';
import { upsertMember, readMembers } from '$lib/shared/sync/meta-doc';
import { applyDecisions, type LeaveRequest } from '$lib/people/domain';

afterEach(() => setAuthorName(''));

describe('audit names', () => {
	it('shows the name stored with the fact, not the member list’s later name', () => {
		setAuthorName('Ana Silva');
		const fact = {
			area: 'employment',
			personId: 'p1',
			fact: {
				id: 'f1',
				effectiveDate: '2026-01-05',
				recordedAt: '2026-01-05T10:00:00Z',
				recordedBy: 'm1',
				...authorNameAs('recordedByName'),
				changes: { title: 'Bookkeeper' }
			}
		};
		// A teammate renames the member afterwards (or a peer forges the entry).
		const meta = new Y.Doc();
		upsertMember(meta, { id: 'm1', name: 'Ana Silva', color: '#f00', joinedAt: '' });
		upsertMember(meta, { id: 'm1', name: 'Someone Else', color: '#f00', joinedAt: '' });
		const members = readMembers(meta);
		const read = historyFactKind.read({ schemaVersion: 1, ...fact });
		expect(read.ok).toBe(true);
		const stored = read.ok ? read.value : undefined;
		const f = stored?.fact as { recordedBy: string; recordedByName?: string } | undefined;
		expect(f?.recordedByName).toBe('Ana Silva');
		expect(auditName({ id: f?.recordedBy, storedName: f?.recordedByName, members, ready: true })).toBe(
			'Ana Silva'
		);
	});
	it('marks today’s name on facts recorded before names were stored', () => {
		const members = [{ id: 'm1', name: 'Bo' }];
		expect(auditName({ id: 'm1', storedName: undefined, members, ready: true })).toBe('Bo (current name)');
		expect(auditName({ id: 'gone', storedName: undefined, members, ready: true })).toBe('Former member');
		expect(auditName({ id: 'gone', storedName: undefined, members: [], ready: false })).toBe('…');
		expect(auditName({ id: undefined, storedName: undefined, members, ready: true })).toBe('unknown');
	});
	it('stamps nothing when no name is known', () => {
		expect(authorNameAs('finalizedByName')).toEqual({});
		setAuthorName('  Cy  ');
		expect(authorNameAs('finalizedByName')).toEqual({ finalizedByName: 'Cy' });
	});
	it('keeps the approver’s name with the leave decision, and only with that decision', () => {
		const request = {
			kind: 'request',
			id: 'r1',
			policyId: 'annual',
			personId: 'p1',
			start: '2026-07-01',
			end: '2026-07-03',
			portion: { kind: 'full' },
			status: 'requested',
			requestedAt: '2026-06-01T09:00:00Z'
		} as unknown as LeaveRequest;
		const approved = applyDecisions(request, [
			{
				id: 'd1',
				requestId: 'r1',
				status: 'approved',
				by: 'm1',
				byName: 'Ana Silva',
				at: '2026-06-02T09:00:00Z'
			}
		]).request;
		expect([approved.status, approved.approverId, approved.approverName]).toEqual([
			'approved',
			'm1',
			'Ana Silva'
		]);
		// A later cancellation by someone whose name was not stored does not inherit Ana's name.
		const cancelled = applyDecisions(request, [
			{
				id: 'd1',
				requestId: 'r1',
				status: 'approved',
				by: 'm1',
				byName: 'Ana Silva',
				at: '2026-06-02T09:00:00Z'
			},
			{ id: 'd2', requestId: 'r1', status: 'cancelled', by: 'm2', at: '2026-06-03T09:00:00Z' }
		]).request;
		expect([cancelled.status, cancelled.approverId, cancelled.approverName]).toEqual([
			'cancelled',
			'm2',
			undefined
		]);
	});
});
