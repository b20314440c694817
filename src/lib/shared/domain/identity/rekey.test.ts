// The rekey chain on hand-made statements (signatures are checked elsewhere): which rekeys count, the
// same winner for any order of two rekeys written at once, history kept when its writer is removed
// later, removals still waiting for a rekey, and which shards a removal rotates by the removed role.
import { describe, expect, it } from 'vitest';
import { computeTrust } from './roles';
import { pendingRemovals, rekeyChain, rekeyRecipients, shardsToRotate, withoutBoxKey } from './rekey';
import type { RekeyBody, StatementBody } from './statements';

const key = (c: string) => c.repeat(43);
const ROOT = key('R');
const [A, B, C, D] = [key('A'), key('B'), key('C'), key('D')];
let n = 0;
const id = () => `st${String(++n).padStart(6, '0')}`;
const base = (by: string) => ({ v: 1 as const, id: id(), workspaceId: 'W', by });
const grant = (by: string, memberKey: string, role: 'admin' | 'books' | 'people' | 'tasks') =>
	({ ...base(by), kind: 'grant', member: `m-${memberKey[0]}`, memberKey, role }) satisfies StatementBody;
const revoke = (by: string, memberKey: string) =>
	({ ...base(by), kind: 'revoke', memberKey }) satisfies StatementBody;
const rekey = (by: string, after: string, removed: string[]): RekeyBody => ({
	...base(by),
	kind: 'rekey',
	after,
	removed,
	shards: ['meta'],
	at: '2026-06-15T09:00:00.000Z',
	boxes: []
});
const chainOf = (st: StatementBody[]) => rekeyChain(computeTrust(ROOT, st), st).chain.map((r) => r.id);

describe('rekeyChain', () => {
	it('counts rekeys by owners and admins only', () => {
		const st: StatementBody[] = [grant(ROOT, A, 'admin'), grant(ROOT, B, 'books')];
		const byB = rekey(B, '', []);
		const byA = rekey(A, '', []);
		const all = [...st, byB, byA];
		expect(chainOf(all)).toEqual([byA.id]);
		expect(rekeyChain(computeTrust(ROOT, all), all).notCounted.map((r) => r.id)).toEqual([byB.id]);
	});

	it('picks the same one of two rekeys written at once, for any order, and follows on from it', () => {
		const st: StatementBody[] = [grant(ROOT, A, 'admin'), grant(ROOT, B, 'admin'), grant(ROOT, C, 'tasks')];
		const x = rekey(A, '', [C]);
		const y = rekey(B, '', [D]);
		const next = rekey(ROOT, '', []);
		const winner = chainOf([...st, x, y])[0];
		expect([x.id, y.id]).toContain(winner);
		for (let i = 0; i < 20; i++) {
			const shuffled = [...st, x, y, next].sort(() => ((i * 7919 + n++) % 5) - 2);
			expect(chainOf(shuffled)[0]).toBe(chainOf([...st, x, y, next])[0]);
		}
		const after = rekey(ROOT, winner ?? '', []);
		expect(chainOf([...st, y, x, after])).toEqual([winner, after.id]);
	});

	it('keeps a rekey whose writer was removed later when a counted rekey follows it', () => {
		const first = rekey(A, '', [C]);
		const st: StatementBody[] = [grant(ROOT, A, 'admin'), grant(ROOT, C, 'tasks'), first, revoke(ROOT, A)];
		expect(chainOf(st)).toEqual([]);
		const second = rekey(ROOT, first.id, [A, C]);
		expect(chainOf([...st, second])).toEqual([first.id, second.id]);
	});

	it('lists removed keys no rekey of the chain shut out, and never seals for them', () => {
		const st: StatementBody[] = [
			grant(ROOT, A, 'admin'),
			grant(ROOT, B, 'books'),
			grant(ROOT, C, 'tasks'),
			grant(ROOT, D, 'people'),
			revoke(ROOT, C),
			revoke(ROOT, D)
		];
		const r1 = rekey(ROOT, '', [C]);
		const trust = computeTrust(ROOT, [...st, r1]);
		const { chain } = rekeyChain(trust, [...st, r1]);
		expect(pendingRemovals(trust, chain)).toEqual([D]);
		const to = rekeyRecipients(trust, chain, ['meta', 'tasks', 'people']);
		expect([...to.keys()].sort()).toEqual([A, B, ROOT].sort());
		expect(to.get(B)).toEqual(['meta', 'tasks']);
		expect(to.get(A)).toEqual(['meta', 'tasks', 'people']);
	});

	it('rotates meta and the shards the removed role could read', () => {
		expect(shardsToRotate(['tasks'])).toEqual(['meta', 'tasks']);
		expect(shardsToRotate(['books'])).toEqual(['meta', 'tasks', 'books']);
		expect(shardsToRotate(['people'])).toEqual(['meta', 'tasks', 'people']);
		expect(shardsToRotate(['admin'])).toEqual(['meta', 'tasks', 'books', 'people']);
		expect(shardsToRotate([undefined])).toEqual(['meta', 'tasks', 'books', 'people']);
		expect(shardsToRotate(['books', 'people'])).toEqual(['meta', 'tasks', 'books', 'people']);
	});
});

describe('withoutBoxKey', () => {
	it('names the members a change of keys cannot reach: counted, not removed, no box key published', () => {
		const boxKey = (by: string) =>
			({ ...base(by), kind: 'box-key', boxKey: 'x'.repeat(87) }) as StatementBody;
		const st: StatementBody[] = [
			grant(ROOT, A, 'admin'),
			grant(ROOT, B, 'books'),
			grant(ROOT, C, 'tasks'),
			revoke(ROOT, C),
			boxKey(ROOT),
			boxKey(A),
			boxKey(D)
		];
		expect(withoutBoxKey(computeTrust(ROOT, st), st)).toEqual([B]);
		const later = [...st, boxKey(B)];
		expect(withoutBoxKey(computeTrust(ROOT, later), later)).toEqual([]);
	});
});
