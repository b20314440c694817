// The audit log's pure parts: canonical sealing, short values, and the check on hand-built entries.
import { describe, expect, it } from 'vitest';
import {
	canonicalJson,
	checkAudit,
	sealEntry,
	settleUnlogged,
	shortValue,
	VALUE_LIMIT,
	type AuditCheck,
	type AuditEntry,
	type AuditProblem,
	type UnloggedSuspects
} from './audit';

const entry = (over: Partial<AuditEntry> = {}): AuditEntry =>
	sealEntry({
		v: 1,
		kind: 'changes',
		client: 7,
		seq: 0,
		prev: '',
		from: 0,
		to: 3,
		author: 'm1',
		authorName: 'Ada',
		at: '2026-06-15T09:00:00.000Z',
		changes: [],
		more: 0,
		...over
	});

describe('audit entries', () => {
	it('seal the same whatever the key order', () => {
		expect(canonicalJson({ b: 1, a: [{ d: 2, c: 'x' }] })).toBe('{"a":[{"c":"x","d":2}],"b":1}');
		const e = entry();
		const reordered = Object.fromEntries(Object.entries(e).reverse()) as unknown as AuditEntry;
		expect(sealEntry(reordered).hash).toBe(e.hash);
	});

	it('leave the seal out of the hash, so a sealed entry checks on builds that drop fields they do not know', () => {
		const e = entry();
		const sealed = { ...e, seal: { by: 'K'.repeat(43), sig: 'S'.repeat(86) } };
		expect(sealEntry(sealed).hash).toBe(e.hash);
		const stored = [{ value: sealed, client: 7, clock: 2 }];
		expect(checkAudit(stored, new Map([[7, 3]]))).toEqual({ entries: [sealed], problems: [] });
	});

	it('cut long values and show records as JSON', () => {
		expect(shortValue('x'.repeat(VALUE_LIMIT + 50))).toHaveLength(VALUE_LIMIT);
		expect(shortValue({ a: 1 })).toBe('{"a":1}');
		expect(shortValue(undefined)).toBe('');
	});

	it('accept a whole chain that covers every change, in stored order', () => {
		const first = entry();
		const second = entry({ seq: 1, prev: first.hash, from: 3, to: 5 });
		const stored = [first, second].map((value) => ({ value, client: 7, clock: value.to - 1 }));
		expect(checkAudit(stored, new Map([[7, 5]]))).toEqual({ entries: [first, second], problems: [] });
	});

	it('find a chain whose links were swapped for another history', () => {
		const first = entry();
		const second = entry({ seq: 1, prev: 'not the first', from: 3, to: 5 });
		const stored = [first, second].map((value) => ({ value, client: 7, clock: value.to - 1 }));
		expect(checkAudit(stored, new Map([[7, 5]])).problems).toEqual([
			{ kind: 'altered', who: 'Ada', message: "Ada's log entries are out of order or were replaced." }
		]);
	});

	it('count a start entry only once, the first', () => {
		const start = entry({ kind: 'start', client: 1, from: 0, to: 1, before: [[9, 40]] });
		const forged = entry({ kind: 'start', client: 2, from: 0, to: 1, before: [[8, 99]] });
		const stored = [start, forged].map((value) => ({ value, client: value.client, clock: 0 }));
		const found = checkAudit(
			stored,
			new Map([
				[1, 1],
				[2, 1],
				[9, 40],
				[8, 99]
			])
		);
		expect(found.problems.map((p) => p.kind)).toEqual(['unlogged']);
	});
});

describe('settleUnlogged: "not in the log" only for changes that stay uncovered', () => {
	const unlogged = (client: number, clock: number, logged: number): AuditProblem => ({
		kind: 'unlogged',
		who: 'Olga',
		message: `Changes by Olga are not in the log`,
		behind: { client, clock, logged }
	});
	const other: AuditProblem = { kind: 'forged', who: '', message: 'forged' };
	const check = (...problems: AuditProblem[]): AuditCheck => ({ entries: [], problems });

	it('holds back a change whose entry has not arrived yet, and drops it once the entry covers it', () => {
		const suspects: UnloggedSuspects = new Map();
		const first = settleUnlogged(check(unlogged(7, 10, 8), other), suspects, 1000, 5000);
		expect(first.shown.problems).toEqual([other]);
		expect(first.recheckIn).toBe(5000);
		// The entry arrived: nothing uncovered, nothing held.
		const next = settleUnlogged(check(other), suspects, 1200, 5000);
		expect(next.shown.problems).toEqual([other]);
		expect(next.recheckIn).toBeNull();
		expect(suspects.size).toBe(0);
	});

	it('shows changes still uncovered a grace period after they were first seen', () => {
		const suspects: UnloggedSuspects = new Map();
		settleUnlogged(check(unlogged(7, 10, 8)), suspects, 0, 5000);
		const early = settleUnlogged(check(unlogged(7, 10, 8)), suspects, 3000, 5000);
		expect(early.shown.problems).toEqual([]);
		expect(early.recheckIn).toBe(2000);
		const late = settleUnlogged(check(unlogged(7, 10, 8)), suspects, 5000, 5000);
		expect(late.shown.problems.map((p) => p.kind)).toEqual(['unlogged']);
	});

	it('a teammate typing on (the log keeps catching up) is never shown; one whose log stops is', () => {
		const suspects: UnloggedSuspects = new Map();
		let clock = 10;
		let now = 0;
		for (let i = 0; i < 20; i++) {
			// Each check: the log covers what was seen at the last check; new typing is ahead of it.
			const r = settleUnlogged(check(unlogged(7, clock + 3, clock)), suspects, now, 5000);
			expect(r.shown.problems).toEqual([]);
			clock += 3;
			now += 2000;
		}
		// The log stops covering anything new: shown once the grace has passed.
		settleUnlogged(check(unlogged(7, clock + 3, clock)), suspects, now, 5000);
		const r = settleUnlogged(check(unlogged(7, clock + 9, clock)), suspects, now + 5000, 5000);
		expect(r.shown.problems.map((p) => p.kind)).toEqual(['unlogged']);
	});
});
