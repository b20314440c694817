// Signed finalized runs with real Ed25519 keys: a run counts when sealed by an owner, admin or People
// key; one sealed by a Books or Tasks key, one not sealed, or one whose figures were changed after
// sealing is kept aside in words; runs finalized before seals count once an owner adopted them, and a
// later unsealed run is never adopted; a People member's signed finalization written after the run
// was finalized is late, whatever its digest.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { computeTrust, type Role, type StatementBody, type TrustState } from '$lib/shared/domain/identity';
import { generateDeviceKey, type DeviceKey } from '$lib/shared/crypto/signing';
import { createSealChecker } from '$lib/shared/sync/fact-seal';
import { newShardDoc } from '$lib/shared/sync/facts';
import { computeRun, periodAt, type FinalizedRun } from '$lib/payroll/domain/run';
import { draft, finalize, person, schedule, usComp } from '$lib/payroll/domain/run/fixtures';
import { PayrollReplica } from './replica';
import { attemptDigest, attemptKey } from './finals';
import { adoptUnsealedRuns, sealAttempt, type PayrollAuthority } from './sealed-runs';
import * as docs from './doc';

const S = schedule();
const PEOPLE = [person('a', usComp('52000'))];

function run(runId: string, by: string, index = 0): FinalizedRun {
	const d = draft(runId, S, periodAt(S, index), ['a']);
	const c = computeRun({ schedule: S, run: d, people: PEOPLE, finalized: [] });
	return { ...finalize(d, S, c, '2026-01-31T00:00:00Z', '2026'), finalizedBy: by };
}

const grant = (id: string, by: string, memberKey: string, role: Role): StatementBody => ({
	v: 1,
	kind: 'grant',
	id,
	workspaceId: 'W1',
	by,
	member: `m-${role}`,
	memberKey,
	role
});

async function team() {
	const [owner, people, books] = await Promise.all([
		generateDeviceKey(),
		generateDeviceKey(),
		generateDeviceKey()
	]);
	const trust = computeTrust(owner.publicKey, [
		grant('g1', owner.publicKey, people.publicKey, 'people'),
		grant('g2', owner.publicKey, books.publicKey, 'books')
	]);
	return { owner, people, books, trust };
}

function signedReplica(doc: Y.Doc, trust: TrustState, device: DeviceKey | null) {
	const authority: PayrollAuthority = {
		workspaceId: 'W1',
		checker: createSealChecker(),
		trust: () => trust,
		nameOf: (key) => (key === device?.publicKey ? 'Pat (Owner)' : 'Mallory (Books)')
	};
	const replica = new PayrollReplica(doc, {
		authority,
		signer: () => (device ? { device, workspaceId: 'W1' } : null)
	});
	return { replica, authority };
}

/** An attempt written as a device would, sealed by `key` (or not), with its copy under the run id. */
async function writeAttempt(doc: Y.Doc, r: FinalizedRun, key: DeviceKey | null) {
	const attempt = { ...r, attemptId: attemptDigest(r) };
	const k = attemptKey(r.runId, attempt.attemptId);
	const value = key ? await sealAttempt(key, 'W1', k, attempt) : attempt;
	doc.transact(() => {
		docs.attemptsMap(doc).set(k, value);
		docs.finalsMap(doc).set(r.runId, value);
	});
	return value;
}

describe('signed finalized pay runs', () => {
	it('a run finalized here is sealed, and counts once its seal is checked', async () => {
		const { owner, trust } = await team();
		const doc = newShardDoc('people');
		const { replica } = signedReplica(doc, trust, owner);
		expect(replica.finalize(run('r1', 'pat')).ok).toBe(true);
		expect(replica.final('r1')).toBeUndefined();
		await replica.settled();
		expect(replica.final('r1')?.finalizedBy).toBe('pat');
		expect(replica.quarantined()).toEqual([]);
	});

	it('counts runs sealed by People, not by Books, not unsealed, not changed after sealing', async () => {
		const { owner, people, books, trust } = await team();
		const doc = newShardDoc('people');
		const { replica, authority } = signedReplica(doc, trust, owner);
		await writeAttempt(doc, run('r1', 'kim', 0), people);
		await writeAttempt(doc, run('r2', 'mallory', 1), books);
		await writeAttempt(doc, run('r3', 'mallory', 2), null);
		const sealed = await sealAttempt(people, 'W1', 'x', { ...run('r4', 'kim', 3) });
		const r4 = { ...sealed, finalizedBy: 'someone else', attemptId: '' };
		const tampered = { ...r4, attemptId: attemptDigest(r4) };
		doc.transact(() => {
			docs.attemptsMap(doc).set(attemptKey('r4', tampered.attemptId), tampered);
			docs.finalsMap(doc).set('r4', tampered);
		});
		await authority.checker.settled();
		expect(replica.finals().map((f) => f.runId)).toEqual(['r1']);
		expect(replica.quarantined().map((q) => q.reason)).toEqual([
			'One finalized pay run does not count: it is signed by Mallory (Books), who may not finalize pay.',
			'One finalized pay run does not count: it is not signed by anyone (written by an edited or older copy of Keel).',
			'One finalized pay run does not count: its signature (claiming Mallory (Books)) does not match its figures.'
		]);
	});

	it('adopts the runs finalized before seals once, by an owner, and never a later unsealed one', async () => {
		const { owner, people, trust } = await team();
		const doc = newShardDoc('people');
		const old = run('r1', 'pat');
		const oldAttempt = { ...old, attemptId: attemptDigest(old) };
		docs.attemptsMap(doc).set(attemptKey('r1', oldAttempt.attemptId), oldAttempt);
		docs.finalsMap(doc).set('r1', oldAttempt);
		docs.finalsMap(doc).set('r0', run('r0', 'pat', 1)); // an older version's value (no attempt id)
		const { replica, authority } = signedReplica(doc, trust, owner);
		await authority.checker.settled();
		expect(replica.finals()).toEqual([]);
		expect(await adoptUnsealedRuns(doc, people, 'W1', trust, 'ad0')).toBe(false); // not an owner
		expect(await adoptUnsealedRuns(doc, owner, 'W1', trust, 'ad1')).toBe(true);
		await authority.checker.settled();
		expect(replica.finals().map((f) => f.runId)).toEqual(['r1', 'r0']);
		// A run written unsealed afterwards is never adopted.
		await writeAttempt(doc, run('r2', 'mallory', 2), null);
		expect(await adoptUnsealedRuns(doc, owner, 'W1', trust, 'ad2')).toBe(false);
		await authority.checker.settled();
		expect(replica.final('r2')).toBeUndefined();
	});

	it('a People member’s signed finalization written after the run was finalized is late, whatever its digest', async () => {
		const { owner, people, trust } = await team();
		const doc = newShardDoc('people');
		const { replica, authority } = signedReplica(doc, trust, owner);
		expect(replica.finalize(run('r1', 'pat')).ok).toBe(true);
		await replica.settled();
		const kept = replica.final('r1');
		await writeAttempt(doc, { ...run('r1', 'kim'), finalizedAt: '2026-02-01T00:00:00Z' }, people);
		await authority.checker.settled();
		expect(replica.final('r1')).toEqual(kept);
		expect(replica.late('r1').map((a) => a.finalizedBy)).toEqual(['kim']);
	});
});
