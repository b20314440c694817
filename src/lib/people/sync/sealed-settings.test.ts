// Who holds HR authority, with real Ed25519 keys: an HR approver entry or a person-member link counts
// only when an owner or admin sealed it (or adopted what an older build wrote); a People member's own
// entry, an unsigned one, a Y.Map deletion and a replayed old tombstone are not applied and are listed
// with who and why; an owner's signed tombstone removes. The leave judge reads the maps as they
// count, so a forged link removal does not let a People member approve their own leave.
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { IsoDate } from '$lib/shared/domain';
import type { TrustState } from '$lib/shared/domain/identity';
import type { DeviceKey } from '$lib/shared/crypto/signing';
import { sealFact } from '$lib/shared/sync/fact-seal';
import { newShardDoc } from '$lib/shared/sync/facts';
import { ENGLAND_AND_WALES_2025_2027, type LeaveDecision } from '$lib/people/domain';
import { policy } from '$lib/people/domain/leave/leave-fixtures';
import { authorityFor, hire, leaveRequest, person, team } from './hr-fixtures';
import { PeopleReplica } from './replica';
import { hrFactContext, sealHrFact } from './sealed-hr';
import { adoptUnsealedSettings } from './sealed-settings-write';
import * as docs from './doc';

const calendars = { london: ENGLAND_AND_WALES_2025_2027 };
const signer = (d: DeviceKey | null) => () => (d ? { device: d, workspaceId: 'W1' } : null);
const today = () => '2026-06-15' as IsoDate;

/**
 * Mallory's own record (pm) asking for leave (r1), linked to her member by `setup` (the owner's
 * device, sealed; null: an older build, plain), Ada named HR approver the same way; read by a replica
 * that judges with `trust` (null: no member keys) and signs with `device`.
 */
async function shard(trust: TrustState | null, device: DeviceKey | null, setup: DeviceKey | null) {
	const doc = newShardDoc('people');
	const options = (d: DeviceKey | null) => ({
		...(trust ? { authority: authorityFor(trust) } : {}),
		signer: signer(d),
		today
	});
	const writer = new PeopleReplica(doc, setup ? options(setup) : {});
	expect(writer.savePolicy(policy({ carryOver: null })).ok).toBe(true);
	expect(writer.addPerson(person('pm'), { employment: hire('hm', null) }).ok).toBe(true);
	writer.setMember('pm', 'm-mallory');
	writer.setApprover('m-approver', true, '2026-01-01T00:00:00Z');
	await writer.settled();
	const asked = writer.requestLeave(leaveRequest('r1', 'pm'), calendars);
	expect(asked.ok).toBe(true);
	await writer.settled();
	writer.destroy();
	const replica = new PeopleReplica(doc, options(device));
	await replica.settled();
	return { doc, replica };
}

/** Written straight into the shard with `key`'s seal (null: unsigned), as an edited copy of Keel would. */
async function put(
	doc: Y.Doc,
	map: 'approvers' | 'members',
	key: string,
	value: object,
	by: DeviceKey | null
) {
	const written = by ? await sealFact(by, hrFactContext('W1', map), key, value) : value;
	doc.getMap(map).set(key, written);
}

async function decide(doc: Y.Doc, d: LeaveDecision, by: DeviceKey) {
	docs.factMap(doc, 'decisions').set(d.id, await sealHrFact(by, 'W1', 'decisions', d.id, d));
}

const approval = (id: string, by: string): LeaveDecision => ({
	id,
	requestId: 'r1',
	status: 'approved',
	by,
	at: '2026-06-02T00:00:00Z'
});

const listed = (replica: PeopleReplica) =>
	replica.settingsNotCounted().map((n) => [n.map, n.key, n.memberId, n.adds, n.signer, n.why]);
const status = (replica: PeopleReplica) => replica.leave('pm').requests[0]?.status;

describe('HR approvers and person-member links, sealed by an owner or admin', () => {
	it("a People member's sealed approver entry does not count and is listed; an owner's and an admin's do", async () => {
		const { owner, admin, mallory, trust } = await team();
		const { doc, replica } = await shard(trust, null, owner);
		expect(replica.approvers()).toEqual(['m-approver']);
		await put(doc, 'approvers', 'm-mallory', { approver: true, at: '2026-06-01T00:00:00Z' }, mallory);
		await replica.settled();
		expect(replica.approvers()).toEqual(['m-approver']);
		expect(listed(replica)).toEqual([
			[
				'approvers',
				'm-mallory',
				'm-mallory',
				true,
				'Mallory (People & Payroll)',
				'Made an HR approver by someone who is not an owner or admin.'
			]
		]);
		await put(doc, 'approvers', 'm-manager', { approver: true, at: '2026-06-01T00:00:00Z' }, owner);
		await put(doc, 'approvers', 'm-books', { approver: true, at: '2026-06-01T00:00:00Z' }, admin);
		await replica.settled();
		expect(replica.approvers()).toEqual(['m-approver', 'm-books', 'm-manager']);
	});

	it("a Y.Map delete of an owner's approver entry is not applied; an owner's signed tombstone removes", async () => {
		const { owner, mallory, trust } = await team();
		const { doc, replica } = await shard(trust, mallory, owner);
		doc.getMap('approvers').delete('m-approver');
		await replica.settled();
		expect(doc.getMap('approvers').has('m-approver')).toBe(false);
		expect(replica.approvers()).toEqual(['m-approver']);
		expect(listed(replica)).toEqual([
			[
				'approvers',
				'm-approver',
				'm-approver',
				false,
				null,
				'Removed without a signed change (by an edited or older copy of Keel).'
			]
		]);
		// Mallory's own device: her signed removal does not count either.
		replica.setApprover('m-approver', false, '2026-06-03T00:00:00Z');
		await replica.settled();
		expect(replica.approvers()).toEqual(['m-approver']);
		expect(listed(replica).map((l) => l[5])).toEqual([
			'Removed as an HR approver by someone who is not an owner or admin.'
		]);
		// The owner's signed tombstone removes, and nothing is left to review.
		const owners = new PeopleReplica(doc, { authority: authorityFor(trust), signer: signer(owner), today });
		owners.setApprover('m-approver', false, '2026-06-04T00:00:00Z');
		await owners.settled();
		await replica.settled();
		expect(replica.approvers()).toEqual([]);
		expect(replica.settingsNotCounted()).toEqual([]);
	});

	it("a copy of the owner's earlier tombstone written again does not undo a later approver", async () => {
		const { owner, trust } = await team();
		const { doc, replica } = await shard(trust, owner, owner);
		replica.setApprover('m-approver', false, '2026-06-03T00:00:00Z');
		await replica.settled();
		const tombstone = doc.getMap('approvers').get('m-approver');
		replica.setApprover('m-approver', true, '2026-06-04T00:00:00Z');
		await replica.settled();
		expect(replica.approvers()).toEqual(['m-approver']);
		doc.getMap('approvers').set('m-approver', tombstone);
		await replica.settled();
		expect(replica.approvers()).toEqual(['m-approver']);
		expect(listed(replica).map((l) => l[5])).toEqual(['A copy of an earlier change, written again.']);
	});

	it('an unsigned link, a link signed by a People member and an altered one do not count; each is listed', async () => {
		const { owner, mallory, trust } = await team();
		const { doc, replica } = await shard(trust, null, owner);
		expect(replica.addPerson(person('p2'), { employment: hire('h2', null) }).ok).toBe(true);
		await put(doc, 'members', 'p2', { memberId: 'm-books' }, null);
		await put(doc, 'members', 'pm', { memberId: 'm-approver' }, mallory);
		const sealed = await sealFact(owner, hrFactContext('W1', 'members'), 'p3', { memberId: 'm-owner' });
		doc.getMap('members').set('p3', { ...sealed, memberId: 'm-books' });
		await replica.settled();
		expect(replica.memberOf('p2')).toBeNull();
		expect(replica.memberOf('pm')).toBe('m-mallory');
		expect(replica.memberOf('p3')).toBeNull();
		expect(replica.personOf('m-approver')).toBeNull();
		expect(listed(replica)).toEqual([
			['members', 'p2', 'm-books', true, null, 'Not signed (written by an edited or older copy of Keel).'],
			[
				'members',
				'p3',
				'm-books',
				true,
				'Olive (Owner)',
				'Its signature (in the name of Olive (Owner)) does not match what it says.'
			],
			[
				'members',
				'pm',
				'm-approver',
				true,
				'Mallory (People & Payroll)',
				'Linked to a member by someone who is not an owner or admin.'
			]
		]);
	});

	it('a forged link removal and a forged approver entry do not let a People member approve her own leave', async () => {
		const { owner, mallory, approver, trust } = await team();
		const { doc, replica } = await shard(trust, null, owner);
		// Mallory unlinks her record (a delete, then her own signed tombstone), names herself approver,
		// then approves her own request with a good seal of her own key.
		doc.getMap('members').delete('pm');
		await put(doc, 'members', 'pm', { memberId: null }, mallory);
		await put(doc, 'approvers', 'm-mallory', { approver: true, at: '2026-06-01T00:00:00Z' }, mallory);
		await decide(doc, approval('d1', 'm-mallory'), mallory);
		await replica.settled();
		expect(replica.memberOf('pm')).toBe('m-mallory');
		expect(replica.approvers()).toEqual(['m-approver']);
		expect(status(replica)).toBe('requested');
		expect(replica.notCounted().map((n) => [n.key, n.why])).toEqual([
			['d1', 'Approved by the person who asked for the leave.']
		]);
		expect(listed(replica).map((l) => [l[0], l[1], l[5]])).toEqual([
			['approvers', 'm-mallory', 'Made an HR approver by someone who is not an owner or admin.'],
			['members', 'pm', 'Unlinked from its member by someone who is not an owner or admin.']
		]);
		// Ada, the approver the owner named, approves it: that counts.
		await decide(doc, approval('d2', 'm-approver'), approver);
		await replica.settled();
		expect(status(replica)).toBe('approved');
	});

	it("the approver the owner names decides, and the verdict follows the owner's later changes", async () => {
		const { owner, approver, trust } = await team();
		const { doc, replica } = await shard(trust, owner, owner);
		await decide(doc, approval('d1', 'm-approver'), approver);
		await replica.settled();
		expect(status(replica)).toBe('approved');
		// The owner unnames Ada and names someone else: the judge's verdict is not stale.
		replica.setApprover('m-approver', false, '2026-06-05T00:00:00Z');
		replica.setApprover('m-manager', true, '2026-06-05T00:00:00Z');
		await replica.settled();
		expect(replica.approvers()).toEqual(['m-manager']);
		expect(status(replica)).toBe('requested');
		expect(replica.notCounted().map((n) => n.why)).toEqual([
			'Approved by someone who is not an HR approver or the manager.'
		]);
	});

	it('values an older build wrote count once an owner adopted them; not a later unsigned one, nor one a People member adopted', async () => {
		const { owner, mallory, trust } = await team();
		const { doc, replica } = await shard(trust, null, null);
		expect(replica.approvers()).toEqual([]);
		expect(replica.memberOf('pm')).toBeNull();
		expect(await adoptUnsealedSettings(doc, mallory, 'W1', trust, 'a0')).toBe(false);
		expect(await adoptUnsealedSettings(doc, owner, 'W1', trust, 'a1')).toBe(true);
		await replica.settled();
		expect(replica.approvers()).toEqual(['m-approver']);
		expect(replica.memberOf('pm')).toBe('m-mallory');
		expect(replica.settingsNotCounted()).toEqual([]);
		// Adopted once: a later unsigned value is not adopted and does not count.
		doc.getMap('approvers').set('m-mallory', '2026-06-09T00:00:00Z');
		expect(await adoptUnsealedSettings(doc, owner, 'W1', trust, 'a2')).toBe(false);
		await replica.settled();
		expect(replica.approvers()).toEqual(['m-approver']);
		expect(listed(replica).map((l) => [l[1], l[5]])).toEqual([
			['m-mallory', 'Not signed (written by an edited or older copy of Keel).']
		]);
		// An adopted value written again after the owner's signed tombstone does not count.
		const owners = new PeopleReplica(doc, { authority: authorityFor(trust), signer: signer(owner), today });
		owners.setApprover('m-approver', false, '2026-06-10T00:00:00Z');
		await owners.settled();
		doc.getMap('approvers').set('m-approver', '2026-01-01T00:00:00Z');
		await replica.settled();
		expect(replica.approvers()).toEqual([]);
	});

	it('a People member editing on her own device writes sealed values that do not count', async () => {
		const { owner, mallory, trust } = await team();
		const { replica } = await shard(trust, mallory, owner);
		replica.setApprover('m-mallory', true, '2026-06-01T00:00:00Z');
		replica.setMember('pm', null);
		await replica.settled();
		expect(replica.approvers()).toEqual(['m-approver']);
		expect(replica.memberOf('pm')).toBe('m-mallory');
		expect(replica.settingsNotCounted()).toHaveLength(2);
	});

	it('a workspace without member keys reads and writes both maps as before', async () => {
		const { doc, replica } = await shard(null, null, null);
		expect(replica.approvers()).toEqual(['m-approver']);
		expect(replica.memberOf('pm')).toBe('m-mallory');
		replica.setApprover('m-approver', false, 'x');
		replica.setMember('pm', null);
		expect(doc.getMap('approvers').size).toBe(0);
		expect(doc.getMap('members').size).toBe(0);
		expect(replica.approvers()).toEqual([]);
		expect(replica.memberOf('pm')).toBeNull();
		expect(replica.settingsNotCounted()).toEqual([]);
	});
});
