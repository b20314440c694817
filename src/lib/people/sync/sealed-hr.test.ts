// Signed leave decisions with real Ed25519 keys: a decision counts only when its seal is good, its
// signer holds People (or owner/admin), the signer is the member it names as deciding, and the
// approval rule lets the signer decide (an HR approver or the requester's manager, never the
// requester). Forged, unsigned, wrong-role, altered and rule-breaking decisions are not applied —
// the request keeps its status — and are listed with who and why; decisions made before seals count
// once an owner adopted them; a workspace without member keys checks nothing. Leave entries and
// history changes are sealed and checked the same way (People role, the signer is their recorder).
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { IsoDate } from '$lib/shared/domain';
import type { TrustState } from '$lib/shared/domain/identity';
import type { DeviceKey } from '$lib/shared/crypto/signing';
import { newShardDoc } from '$lib/shared/sync/facts';
import { ENGLAND_AND_WALES_2025_2027, type LeaveDecision, type LeavePolicy } from '$lib/people/domain';
import { authorityFor, hire, leaveRequest, person, team } from './hr-fixtures';
import { PeopleReplica } from './replica';
import { adoptUnsealedHr, sealHrFact } from './sealed-hr';
import * as docs from './doc';
import { policy } from '$lib/people/domain/leave/leave-fixtures';

const calendars = { london: ENGLAND_AND_WALES_2025_2027 };
const POLICY: LeavePolicy = policy({ carryOver: null });

/**
 * A shard with Dana (p1, managed by Max, p2) asking for leave (r1), and Ada named HR approver, set up
 * by the owner's device (sealed) or, `setup` null, by an older build (nothing sealed); then read by a
 * replica that judges (with `trust`) and signs with `device`.
 */
async function shard(trust: TrustState | null, device: DeviceKey | null, setup: DeviceKey | null) {
	const doc = newShardDoc('people');
	const options = (d: DeviceKey | null) => ({
		...(trust ? { authority: authorityFor(trust) } : {}),
		signer: () => (d ? { device: d, workspaceId: 'W1' } : null),
		today: () => '2026-06-15' as IsoDate
	});
	const writer = new PeopleReplica(doc, setup ? options(setup) : {});
	expect(writer.savePolicy(POLICY).ok).toBe(true);
	expect(writer.addPerson(person('p2'), { employment: hire('h2', null) }).ok).toBe(true);
	expect(writer.addPerson(person('p1'), { employment: hire('h1', 'p2') }).ok).toBe(true);
	writer.setMember('p2', 'm-manager');
	writer.setMember('p1', 'm-dana');
	writer.setApprover('m-approver', true, '2026-01-01T00:00:00Z');
	await writer.settled();
	const r = writer.requestLeave(leaveRequest('r1', 'p1'), calendars);
	expect(r.ok).toBe(true);
	await writer.settled();
	writer.destroy();
	const replica = new PeopleReplica(doc, options(device));
	await replica.settled();
	return { doc, replica };
}

const decision = (id: string, by: string, status: LeaveDecision['status'] = 'approved'): LeaveDecision => ({
	id,
	requestId: 'r1',
	status,
	by,
	at: '2026-06-02T00:00:00Z'
});

/** Written straight into the shard, as an edited copy of Keel would. */
async function write(doc: Y.Doc, d: LeaveDecision, key: DeviceKey | null) {
	const value = key ? await sealHrFact(key, 'W1', 'decisions', d.id, d) : d;
	docs.factMap(doc, 'decisions').set(d.id, value);
}

const status = (replica: PeopleReplica) => replica.leave('p1').requests[0]?.status;

describe('signed leave decisions', () => {
	it('an HR approver deciding here seals the decision, which counts once checked', async () => {
		const { approver, owner, trust } = await team();
		const { replica } = await shard(trust, approver, owner);
		expect(replica.decideLeave(decision('d1', 'm-approver'), calendars).ok).toBe(true);
		await replica.settled();
		expect(status(replica)).toBe('approved');
		expect(replica.notCounted()).toEqual([]);
	});

	it("the requester's manager may decide; the requester may cancel but not approve", async () => {
		const { manager, owner, trust } = await team();
		const { doc, replica } = await shard(trust, null, owner);
		await write(doc, decision('d1', 'm-manager', 'rejected'), manager);
		await replica.settled();
		expect(status(replica)).toBe('rejected');
		expect(replica.notCounted()).toEqual([]);
	});

	it('a People member who is not an approver or the manager, a forged decider, no seal, a Books key and an altered seal: none applied, each listed', async () => {
		const { mallory, books, approver, owner, trust } = await team();
		const { doc, replica } = await shard(trust, null, owner);
		await write(doc, decision('d1', 'm-mallory'), mallory);
		await write(doc, decision('d2', 'm-approver'), mallory);
		await write(doc, decision('d3', 'm-approver'), null);
		await write(doc, decision('d4', 'm-books'), books);
		const sealed = await sealHrFact(
			approver,
			'W1',
			'decisions',
			'd5',
			decision('d5', 'm-approver', 'rejected')
		);
		docs.factMap(doc, 'decisions').set('d5', { ...sealed, status: 'approved' });
		await replica.settled();
		expect(status(replica)).toBe('requested');
		expect(replica.leave('p1').events.find((e) => e.id === 'r1')).toMatchObject({ status: 'requested' });
		const listed = replica.notCounted().map((n) => [n.key, n.signer, n.why]);
		expect(listed).toEqual([
			['d1', 'Mallory (People & Payroll)', 'Approved by someone who is not an HR approver or the manager.'],
			[
				'd2',
				'Mallory (People & Payroll)',
				'It names another member as the one who decided than the member who signed it.'
			],
			['d3', null, 'Not signed (written by an edited or older copy of Keel).'],
			['d4', 'Bo (Books)', 'Signed by a member without People access.'],
			[
				'd5',
				'Ada (People & Payroll)',
				'Its signature (in the name of Ada (People & Payroll)) does not match what it says.'
			]
		]);
		expect(replica.notCounted()[0]).toMatchObject({ personId: 'p1', start: '2026-07-06', end: '2026-07-07' });
	});

	it('the requester approving their own request is listed as such', async () => {
		const { mallory, owner, trust } = await team();
		// The link is set on the owner's device: only an owner's or admin's link counts.
		const { doc, replica } = await shard(trust, owner, owner);
		replica.setMember('p1', 'm-mallory');
		await write(doc, decision('d1', 'm-mallory'), mallory);
		await replica.settled();
		expect(status(replica)).toBe('requested');
		expect(replica.notCounted().map((n) => n.why)).toEqual([
			'Approved by the person who asked for the leave.'
		]);
	});

	it('a decision counts again when the signer becomes an approver (rules read from the current records)', async () => {
		const { mallory, owner, trust } = await team();
		const { doc, replica } = await shard(trust, owner, owner);
		await write(doc, decision('d1', 'm-mallory'), mallory);
		await replica.settled();
		expect(status(replica)).toBe('requested');
		// Made an approver on the owner's device (sealed, so written a moment later).
		replica.setApprover('m-mallory', true, '2026-06-03T00:00:00Z');
		await replica.settled();
		expect(status(replica)).toBe('approved');
		expect(replica.notCounted()).toEqual([]);
	});

	it('decisions made before seals count once an owner adopted them; a later unsealed one does not', async () => {
		const { owner, trust } = await team();
		const { doc, replica } = await shard(trust, null, null);
		await write(doc, decision('d1', 'm-approver'), null);
		await replica.settled();
		// Nothing an older build wrote counts yet: not the request, not its decision.
		expect(status(replica)).toBeUndefined();
		expect(await adoptUnsealedHr(doc, owner, 'W1', trust, 'a1')).toBe(true);
		await replica.settled();
		expect(status(replica)).toBe('approved');
		// A second adoption is never written, and a later unsealed decision is not adopted.
		await write(doc, decision('d2', 'm-approver', 'cancelled'), null);
		expect(await adoptUnsealedHr(doc, owner, 'W1', trust, 'a2')).toBe(false);
		await replica.settled();
		expect(status(replica)).toBe('approved');
		expect(replica.notCounted().map((n) => n.key)).toEqual(['d2']);
	});

	it('only an owner or admin adopts, and not once a sealed HR fact exists', async () => {
		const { owner, mallory, approver, trust } = await team();
		const a = await shard(trust, null, null);
		await write(a.doc, decision('d1', 'm-approver'), null);
		expect(await adoptUnsealedHr(a.doc, mallory, 'W1', trust, 'a1')).toBe(false);
		const b = await shard(trust, null, null);
		await write(b.doc, decision('d1', 'm-approver'), null);
		await write(b.doc, decision('d2', 'm-approver', 'rejected'), approver);
		expect(await adoptUnsealedHr(b.doc, owner, 'W1', trust, 'a1')).toBe(false);
	});

	it('a workspace without member keys counts decisions as written (nothing to check them with)', async () => {
		const { doc, replica } = await shard(null, null, null);
		await write(doc, decision('d1', 'm-approver'), null);
		expect(status(replica)).toBe('approved');
		expect(replica.notCounted()).toEqual([]);
	});

	it('leave entries and history changes written here are sealed and count; forged ones do not, and are listed', async () => {
		const { approver, mallory, books, owner, trust } = await team();
		// The shard is set up by the owner's device (its person, request and hire facts sealed).
		const { doc, replica } = await shard(trust, owner, owner);
		await replica.settled();
		expect(replica.employment('p1').map((f) => f.id)).toEqual(['h1']);
		expect(status(replica)).toBe('requested');
		expect(replica.notCounted()).toEqual([]);
		// A pay change in Ada's name, sealed by Mallory; a grant recorded by Mallory, sealed by a Books
		// key; a leave request nobody signed.
		const raise = {
			area: 'compensation',
			personId: 'p1',
			fact: {
				id: 'c9',
				effectiveDate: '2026-01-01',
				recordedAt: '2026-06-01T00:00:00Z',
				recordedBy: 'm-approver',
				changes: { annualSalary: '999999' }
			}
		};
		docs.factMap(doc, 'history').set('c9', await sealHrFact(mallory, 'W1', 'history', 'c9', raise));
		const gift = {
			kind: 'grant',
			id: 'g9',
			personId: 'p1',
			policyId: 'annual',
			days: '100',
			date: '2026-01-01',
			reason: 'Gift',
			recordedAt: '2026-06-01T00:00:00Z',
			recordedBy: 'm-books'
		};
		docs.factMap(doc, 'leave').set('g9', await sealHrFact(books, 'W1', 'leave', 'g9', gift));
		docs.factMap(doc, 'leave').set('r9', leaveRequest('r9', 'p1', '2026-08-03', '2026-08-04'));
		await replica.settled();
		expect(replica.history('p1', 'compensation')).toEqual([]);
		expect(replica.leave('p1').events.map((e) => e.id)).toEqual(['r1']);
		expect(replica.notCounted().map((n) => [n.map, n.key, n.signer, n.why])).toEqual([
			[
				'history',
				'c9',
				'Mallory (People & Payroll)',
				'It names another member as the one who recorded it than the member who signed it.'
			],
			['leave', 'g9', 'Bo (Books)', 'Signed by a member without People access.'],
			['leave', 'r9', null, 'Not signed (written by an edited or older copy of Keel).']
		]);
		// A decision on a request that does not count is refused; one written by Ada through her
		// replica on the real request counts.
		const ada = new PeopleReplica(doc, {
			authority: authorityFor(trust),
			signer: () => ({ device: approver, workspaceId: 'W1' }),
			today: () => '2026-06-15' as IsoDate
		});
		await ada.settled();
		expect(ada.decideLeave({ ...decision('d9', 'm-approver'), requestId: 'r9' }, calendars).ok).toBe(false);
		expect(ada.decideLeave(decision('d1', 'm-approver'), calendars).ok).toBe(true);
		await ada.settled();
		await replica.settled();
		expect(status(replica)).toBe('approved');
	});
});
