// A finalization the device refuses to store (no room left) changes nothing: the run stays
// unfinalized in memory, nothing reaches the peers, nothing is on disk after a reopen, and the
// replica says why; with room again the same run finalizes. On fake-indexeddb with IndexedDB's add
// made to throw the QuotaExceededError Chromium throws (the e2e storage-full spec shows an import
// refused by a real quota).
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { computeRun, periodAt } from '$lib/payroll/domain/run';
import { draft, finalize, person, schedule, usComp } from '$lib/payroll/domain/run/fixtures';
import { newShardDoc } from '$lib/shared/sync/facts';
import { ShardPersistence } from '$lib/shared/sync/shard-store';
import { PayrollReplica } from './replica';

const S = schedule();
const PEOPLE = [person('a', usComp('52000'))];

describe('finalizing a pay run on a device with no room left', () => {
	it('writes nothing, tells why, and finalizes once there is room', async () => {
		const name = 'keel-not-stored-test-people';
		const doc = newShardDoc('people');
		const store = new ShardPersistence(name, doc);
		await store.whenLoaded;
		const r = new PayrollReplica(doc);
		r.saveSchedule(S);
		const run = draft('run1', S, periodAt(S, 0), ['a']);
		r.saveDraft(run);
		await store.stored();
		const c = computeRun({ schedule: S, run, people: PEOPLE, finalized: [] });
		const final = finalize(run, S, c, '2026-01-20T00:00:00Z', '2026');
		const sent: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => sent.push(u));

		const spy = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		});
		expect(r.finalize(final).ok).toBe(true); // checked and under way
		await r.settled();
		expect(r.notWritten('run1')?.code).toBe('storage/full');
		expect(r.final('run1')).toBeUndefined();
		expect(sent).toEqual([]);
		spy.mockRestore();

		const reopened = newShardDoc('people');
		const again = new ShardPersistence(name, reopened);
		await again.whenLoaded;
		expect(new PayrollReplica(reopened).final('run1')).toBeUndefined();
		await again.destroy();

		expect(r.finalize(final).ok).toBe(true);
		await r.settled();
		expect(r.notWritten('run1')).toBeUndefined();
		expect(r.final('run1')?.runId).toBe('run1');
		await store.stored();
		await store.destroy();
		const last = newShardDoc('people');
		const fromDisk = new ShardPersistence(name, last);
		await fromDisk.whenLoaded;
		expect(new PayrollReplica(last).final('run1')?.runId).toBe('run1');
		await fromDisk.destroy();
	});
});
