// The role rules on hand-made statements (signatures are checked elsewhere): the chain to the root,
// who may grant what, removal with the grants the removed key made, single-use invites, and that the
// outcome never depends on the order statements are listed in.
import { describe, expect, it } from 'vitest';
import { computeTrust, confirmableRole } from './roles';
import type { ClaimBody, StatementBody } from './statements';
import { canonicalJson } from './canonical';

const key = (c: string) => c.repeat(43);
const ROOT = key('R');
const [A, B, C, D] = [key('A'), key('B'), key('C'), key('D')];
let n = 0;
const id = () => `st${String(++n).padStart(6, '0')}`;
const base = (by: string) => ({ v: 1 as const, id: id(), workspaceId: 'W', by });
const grant = (
	by: string,
	memberKey: string,
	role: 'owner' | 'admin' | 'books' | 'people' | 'tasks',
	invite?: string
) =>
	({
		...base(by),
		kind: 'grant',
		member: `m-${memberKey[0]}`,
		memberKey,
		role,
		...(invite ? { invite } : {})
	}) satisfies StatementBody;
const revoke = (by: string, memberKey: string) =>
	({ ...base(by), kind: 'revoke', memberKey }) satisfies StatementBody;
const invite = (by: string, singleUse: boolean, expiresAt = '2026-07-01T00:00:00.000Z') =>
	({
		...base(by),
		kind: 'invite',
		name: 'Acme',
		role: 'books',
		expiresAt,
		singleUse,
		root: ROOT,
		keysDigest: '0'.repeat(64),
		signaling: []
	}) satisfies StatementBody;
const claim = (by: string, inv: string) =>
	({
		...base(by),
		kind: 'claim',
		invite: inv,
		member: `m-${by[0]}`,
		name: by[0] ?? ''
	}) satisfies StatementBody;
const roles = (st: StatementBody[]) =>
	Object.fromEntries([...computeTrust(ROOT, st).roles].map(([k, s]) => [k[0], s.role]));

describe('computeTrust', () => {
	it('counts grants chained to the root, and only owners make owners', () => {
		const st = [grant(ROOT, A, 'admin'), grant(A, B, 'books'), grant(B, C, 'tasks'), grant(A, D, 'owner')];
		expect(roles(st)).toEqual({ R: 'owner', A: 'admin', B: 'books' });
		const t = computeTrust(ROOT, st);
		expect(t.notCounted.map((x) => [x.member, x.why]).sort()).toEqual([
			['m-C', 'issuer-not-admin'],
			['m-D', 'owner-by-admin']
		]);
	});

	it('a removed admin loses the grants it made, and its own later revokes do not count', () => {
		const st = [
			grant(ROOT, A, 'admin'),
			grant(A, B, 'admin'),
			grant(A, C, 'tasks'),
			revoke(ROOT, A),
			revoke(A, D)
		];
		st.push(grant(ROOT, D, 'books'));
		expect(roles(st)).toEqual({ R: 'owner', D: 'books' });
		// The revoker re-grants who should stay in the same write:
		expect(roles([...st, grant(ROOT, C, 'tasks')])).toEqual({ R: 'owner', C: 'tasks', D: 'books' });
	});

	it('equally near admins who remove each other are both removed; the root cannot be removed', () => {
		const st = [
			grant(ROOT, A, 'admin'),
			grant(ROOT, B, 'admin'),
			revoke(A, B),
			revoke(B, A),
			revoke(A, ROOT)
		];
		expect(roles(st)).toEqual({ R: 'owner' });
	});

	it('a single-use invite grants one key; a withdrawn or expired invite is not confirmed', () => {
		const inv = invite(ROOT, true);
		const st: StatementBody[] = [inv, grant(ROOT, A, 'books', inv.id), grant(ROOT, B, 'books', inv.id)];
		expect(roles(st)).toEqual({ R: 'owner', A: 'books' });
		const open = invite(ROOT, false);
		const c = claim(C, open.id);
		const t = computeTrust(ROOT, [open, c]);
		expect(t.waiting.map((x) => x.by)).toEqual([C]);
		expect(confirmableRole(t, ROOT, c, '2026-06-15T09:00:00.000Z')).toBe('books');
		expect(confirmableRole(t, ROOT, c, '2026-07-02T09:00:00.000Z')).toBeNull();
		expect(confirmableRole(t, C, c, '2026-06-15T09:00:00.000Z')).toBeNull();
		const withdrawn = computeTrust(ROOT, [
			open,
			c,
			{ ...base(ROOT), kind: 'invite-revoke', invite: open.id }
		]);
		expect(confirmableRole(withdrawn, ROOT, c, '2026-06-15T09:00:00.000Z')).toBeNull();
		const used = computeTrust(ROOT, [inv, grant(ROOT, A, 'books', inv.id), claim(D, inv.id)]);
		expect(confirmableRole(used, ROOT, claim(D, inv.id), '2026-06-15T09:00:00.000Z')).toBeNull();
	});

	it('a member claiming a better invite waits and may be confirmed; a claim on a narrower one does not wait', () => {
		const wider = { ...invite(ROOT, false), role: 'admin' as const };
		const narrower = { ...invite(ROOT, false), role: 'tasks' as const };
		const st: StatementBody[] = [
			grant(ROOT, A, 'books'),
			wider,
			narrower,
			claim(A, wider.id),
			claim(A, narrower.id)
		];
		const t = computeTrust(ROOT, st);
		expect(t.waiting.map((c) => c.invite)).toEqual([wider.id]);
		const [w, nar] = [st[3], st[4]] as [ClaimBody, ClaimBody];
		expect(confirmableRole(t, ROOT, w, '2026-06-15T09:00:00.000Z')).toBe('admin');
		expect(confirmableRole(t, ROOT, nar, '2026-06-15T09:00:00.000Z')).toBeNull();
		const after = computeTrust(ROOT, [...st, grant(ROOT, A, 'admin', wider.id)]);
		expect(after.roles.get(A)?.role).toBe('admin');
		expect(after.waiting).toEqual([]);
	});

	it('the outcome is the same for any order of the same statements', () => {
		const inv = invite(A, true);
		const st: StatementBody[] = [
			grant(ROOT, A, 'admin'),
			grant(A, B, 'admin'),
			grant(B, C, 'people'),
			revoke(B, A),
			grant(ROOT, D, 'tasks'),
			revoke(C, D),
			inv,
			grant(B, D, 'books', inv.id),
			grant(B, A, 'books', inv.id)
		];
		const expected = canonicalJson([...computeTrust(ROOT, st).roles].sort());
		let seed = 7;
		for (let i = 0; i < 200; i++) {
			const shuffled = [...st].sort(() => ((seed = (seed * 16807) % 2147483647) % 3) - 1);
			expect(canonicalJson([...computeTrust(ROOT, shuffled).roles].sort())).toBe(expected);
		}
	});
});
