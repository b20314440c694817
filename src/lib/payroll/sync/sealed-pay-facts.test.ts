// Signed payments and postings with real Ed25519 keys: marking a run paid and recording its posting
// here seal them, and they count at once; one written by a Books key, one not sealed, one naming
// another member than its signer, or one changed after sealing does not count and is kept aside in
// words; payments recorded before seals count once an owner adopted them, never a later unsealed one.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '$lib/shared/domain';
import { computeTrust, type Role, type StatementBody } from '$lib/shared/domain/identity';
import { generateDeviceKey, type DeviceKey } from '$lib/shared/crypto/signing';
import { createSealChecker, sealFact } from '$lib/shared/sync/fact-seal';
import type { FactAuthority } from '$lib/shared/sync/fact-authority';
import { newShardDoc } from '$lib/shared/sync/facts';
import { computeRun, periodAt, type FinalizedRun } from '$lib/payroll/domain/run';
import { draft, finalize, person, schedule, usComp } from '$lib/payroll/domain/run/fixtures';
import { PayrollReplica } from './replica';
import { adoptUnsealedPayFacts, payFactContext } from './sealed-pay-facts';

const S = schedule();
const PEOPLE = [person('a', usComp('52000'))];

function run(runId: string, index = 0): FinalizedRun {
	const d = draft(runId, S, periodAt(S, index), ['a']);
	const c = computeRun({ schedule: S, run: d, people: PEOPLE, finalized: [] });
	return { ...finalize(d, S, c, '2026-01-31T00:00:00Z', '2026'), finalizedBy: 'm-owner' };
}

const grant = (id: string, by: string, memberKey: string, role: Role, member: string): StatementBody => ({
	v: 1,
	kind: 'grant',
	id,
	workspaceId: 'W1',
	by,
	member,
	memberKey,
	role
});

async function setUp() {
	const [owner, kim, bo] = await Promise.all([generateDeviceKey(), generateDeviceKey(), generateDeviceKey()]);
	const o = owner.publicKey;
	const trust = computeTrust(o, [
		grant('g0', o, o, 'owner', 'm-owner'),
		grant('g1', o, kim.publicKey, 'people', 'm-kim'),
		grant('g2', o, bo.publicKey, 'books', 'm-bo')
	]);
	const names: Record<string, string> = { [kim.publicKey]: 'Kim (People)', [bo.publicKey]: 'Bo (Books)' };
	const authority: FactAuthority = {
		workspaceId: 'W1',
		checker: createSealChecker(),
		trust: () => trust,
		nameOf: (key) => names[key] ?? 'someone who is not a member'
	};
	const doc = newShardDoc('people');
	const replica = new PayrollReplica(doc, {
		authority,
		signer: () => ({ device: owner, workspaceId: 'W1' })
	});
	for (const [i, id] of ['r1', 'r2', 'r3', 'r4', 'r5'].entries())
		expect(replica.finalize(run(id, i)).ok).toBe(true);
	await replica.settled();
	return { owner, kim, bo, trust, doc, replica, authority };
}

const payment = (by: string, paidOn = '2026-12-31' as IsoDate) => ({
	paidOn,
	at: '2026-02-01T00:00:00Z',
	by
});
async function write(
	doc: ReturnType<typeof newShardDoc>,
	map: string,
	key: string,
	v: object,
	by: DeviceKey | null
) {
	doc.getMap(map).set(key, by ? await sealFact(by, payFactContext('W1', map), key, v) : v);
}

describe('signed payments and postings', () => {
	it('marking paid and recording a posting here seal them; both count at once', async () => {
		const { replica } = await setUp();
		expect(replica.markPaid('r1', payment('m-owner')).ok).toBe(true);
		replica.recordPosting('E1', '2026-02-01T00:00:00Z', 'm-owner');
		await replica.settled();
		expect(replica.payment('r1')?.by).toBe('m-owner');
		expect(replica.posting('E1')?.by).toBe('m-owner');
		expect(replica.quarantined()).toEqual([]);
	});

	it('forged, unsigned, misnamed and altered payments and postings do not count, and are kept aside in words', async () => {
		const { doc, replica, authority, kim, bo } = await setUp();
		await write(doc, 'payRunPayments', 'r1', payment('m-kim'), kim); // counts: Kim may record pay
		await write(doc, 'payRunPayments', 'r2', payment('m-bo'), bo);
		await write(doc, 'payRunPayments', 'r3', payment('m-owner'), null);
		await write(doc, 'payRunPayments', 'r4', payment('m-owner'), kim);
		const sealed = await sealFact(kim, payFactContext('W1', 'payRunPayments'), 'r5', payment('m-kim'));
		doc.getMap('payRunPayments').set('r5', { ...sealed, paidOn: '2027-01-29' });
		await write(doc, 'payRunPostings', 'E9', { at: '2026-02-01T00:00:00Z', by: 'm-bo' }, bo);
		replica.rejudge();
		await authority.checker.settled();
		expect(['r1', 'r2', 'r3', 'r4', 'r5'].filter((r) => replica.payment(r))).toEqual(['r1']);
		expect(replica.posting('E9')).toBeUndefined();
		expect(replica.quarantined().map((q) => q.reason)).toEqual([
			'One payment does not count: it is signed by Bo (Books), who may not record pay.',
			'One payment does not count: it is not signed by anyone (written by an edited or older copy of Keel).',
			'One payment does not count: it is signed by Kim (People) but names another member as the one who recorded it.',
			'One payment does not count: its signature (claiming Kim (People)) does not match it.',
			'One record of a posting to Books does not count: it is signed by Bo (Books), who may not record pay.'
		]);
	});

	it('payments and postings recorded before seals count once an owner adopted them; a later unsealed one never', async () => {
		const { doc, replica, authority, owner, kim, trust } = await setUp();
		await write(doc, 'payRunPayments', 'r1', payment('m-owner'), null);
		await write(doc, 'payRunPostings', 'E1', { at: '2026-02-01T00:00:00Z', by: 'm-owner' }, null);
		replica.rejudge();
		await authority.checker.settled();
		expect(replica.payment('r1')).toBeUndefined();
		expect(await adoptUnsealedPayFacts(doc, kim, 'W1', trust, 'a0')).toBe(false); // not an owner
		expect(await adoptUnsealedPayFacts(doc, owner, 'W1', trust, 'a1')).toBe(true);
		await authority.checker.settled();
		replica.rejudge();
		await authority.checker.settled();
		expect(replica.payment('r1')?.by).toBe('m-owner');
		expect(replica.posting('E1')?.by).toBe('m-owner');
		await write(doc, 'payRunPayments', 'r2', payment('m-owner'), null);
		expect(await adoptUnsealedPayFacts(doc, owner, 'W1', trust, 'a2')).toBe(false);
		await authority.checker.settled();
		expect(replica.payment('r2')).toBeUndefined();
	});
});
