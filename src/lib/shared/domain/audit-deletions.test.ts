// Deletions no signed entry accounts for, on hand-built logs with an injected seal check: only
// deletions of what signed members created are judged, a good entry's list accounts for them
// (wholly or in part), an entry still being checked holds judgement, and a deletion is shown only
// once it has stayed unaccounted for the grace period.
import { describe, expect, it } from 'vitest';
import { sealEntry, type AuditEntry } from './audit';
import type { AttributedAudit, AuditWho } from './audit-signers';
import {
	deletionProblems,
	settleDeletions,
	unaccountedDeletions,
	type DeletedRun,
	type DeletionSuspects
} from './audit-deletions';

const entry = (client: number, from: number, to: number, deleted?: [number, number, number][]): AuditEntry =>
	sealEntry({
		v: 1,
		kind: 'changes',
		client,
		seq: 0,
		prev: '',
		from,
		to,
		author: 'm-ada',
		authorName: 'Ada',
		at: '2026-06-15T09:00:00.000Z',
		changes: [],
		more: 0,
		...(deleted ? { deleted } : {})
	});
const signed: AuditWho = { name: 'Ada (Owner)', signedBy: 'Ada', mark: 'signed', note: '', alarm: false };
const unsigned: AuditWho = {
	name: 'Ada',
	signedBy: null,
	mark: 'not-signed',
	note: 'Not signed',
	alarm: true
};
const logOf = (entries: [AuditEntry, AuditWho][]): AttributedAudit => ({
	entries: entries.map(([e]) => e),
	problems: [],
	who: new Map(entries)
});
const run = (client: number, clock: number, len: number, what = 'Task'): DeletedRun => ({
	client,
	clock,
	len,
	what
});

describe('unaccountedDeletions', () => {
	it('judges only what signed members created, and counts a good entry’s list, wholly or in part', () => {
		const created = entry(1, 0, 10);
		const older = entry(2, 0, 10);
		const claims = entry(3, 0, 1, [[1, 2, 3]]);
		const log = logOf([
			[created, signed],
			[older, unsigned],
			[claims, signed]
		]);
		const verdict = unaccountedDeletions({
			runs: [run(1, 2, 3), run(1, 4, 3), run(2, 0, 4)],
			log,
			ownSeal: () => 'good'
		});
		// [2, 5) is listed; of [4, 7) only 5 and 6 are not; client 2's data was never signed.
		expect(verdict).toEqual({ unaccounted: [run(1, 5, 2)], waiting: false });
	});

	it('does not count a list whose own seal is bad, and waits for one still being checked', () => {
		const created = entry(1, 0, 10);
		const claims = entry(3, 0, 1, [[1, 0, 2]]);
		const log = logOf([
			[created, signed],
			[claims, signed]
		]);
		expect(unaccountedDeletions({ runs: [run(1, 0, 2)], log, ownSeal: () => 'bad' }).unaccounted).toEqual([
			run(1, 0, 2)
		]);
		expect(unaccountedDeletions({ runs: [run(1, 0, 2)], log, ownSeal: () => 'pending' })).toEqual({
			unaccounted: [],
			waiting: true
		});
	});

	it('words one line per place', () => {
		expect(deletionProblems([run(1, 0, 1), run(1, 5, 1), run(2, 0, 1, 'Posted journal entries')])).toEqual([
			{
				kind: 'signature',
				who: '',
				message: 'Something in Posted journal entries was deleted, and no signed entry says who deleted it.'
			},
			{
				kind: 'signature',
				who: '',
				message: 'Something in Task was deleted, and no signed entry says who deleted it.'
			}
		]);
	});
});

describe('settleDeletions', () => {
	it('shows a deletion only once it stayed unaccounted for the grace period, and forgets one accounted for', () => {
		const suspects: DeletionSuspects = new Map();
		const d = run(1, 0, 1);
		expect(settleDeletions([d], suspects, 1000, 5000)).toEqual({ shown: [], recheckIn: 5000 });
		expect(settleDeletions([d], suspects, 4000, 5000)).toEqual({ shown: [], recheckIn: 2000 });
		expect(settleDeletions([d], suspects, 6000, 5000)).toEqual({ shown: [d], recheckIn: null });
		expect(settleDeletions([], suspects, 7000, 5000)).toEqual({ shown: [], recheckIn: null });
		expect(suspects.size).toBe(0);
	});
});
