// Randomized multi-replica runs of the people shard: 3–5 replicas edit fields of the same people,
// record effective-dated changes, request and decide leave, while a hostile peer writes malformed
// values — with random disconnects and shuffled delivery (Y.applyUpdate in random order). Afterwards
// every replica holds identical records; a field written by one replica only holds that value (so
// concurrent edits to different fields both survive); no fact is lost; bad values are quarantined.
import { describe, expect, it } from 'vitest';
import type { DecimalString, IsoDate } from '$lib/shared/domain';
import {
	checkOverdraw,
	ENGLAND_AND_WALES_2025_2027,
	type Employee,
	type Employment,
	type Fact,
	type LeavePolicy,
	type LeaveRequest
} from '$lib/people/domain';
import { ReplicaNet, rng } from '$lib/shared/testing/replica-net';
import { PeopleReplica } from './replica';
import * as docs from './doc';
import { policy } from '$lib/people/domain/leave/leave-fixtures';

const calendars = { london: ENGLAND_AND_WALES_2025_2027 };
const POLICY: LeavePolicy = policy({ carryOver: null });

function person(id: string): Employee {
	return {
		schemaVersion: 1,
		id,
		legalName: { given: `Given ${id}`, family: `Family ${id}` },
		contact: {},
		emergencyContacts: [],
		nationalIds: {},
		customFields: {},
		notes: []
	};
}

function hire(id: string): Fact<Employment> {
	return {
		id,
		effectiveDate: '2025-01-06' as IsoDate,
		recordedAt: '2025-01-01T00:00:00Z',
		recordedBy: 'm0',
		changes: {
			jobTitle: 'Clerk',
			department: 'Ops',
			managerId: null,
			location: 'london',
			employmentType: 'fullTime',
			fte: '1' as DecimalString,
			startDate: '2025-01-06' as IsoDate,
			probationEndDate: null,
			endDate: null,
			endReason: null
		}
	};
}

function request(
	id: string,
	personId: string,
	start: string,
	end: string,
	at = '2026-01-01T00:00:00Z'
): LeaveRequest {
	return {
		kind: 'request',
		id,
		policyId: 'annual',
		personId,
		start: start as IsoDate,
		end: end as IsoDate,
		portion: { kind: 'fullDays' },
		status: 'requested',
		requestedAt: at
	};
}

const FIELDS = [
	'legalName.given',
	'legalName.family',
	'preferredName',
	'contact.phone',
	'contact.workEmail',
	'dateOfBirth'
] as const;
const pick = <T>(random: () => number, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

function snapshot(r: PeopleReplica): string {
	const people = r.people().sort((a, b) => (a.id < b.id ? -1 : 1));
	return JSON.stringify({
		people,
		employment: people.map((p) =>
			r
				.employment(p.id)
				.map((f) => f.id)
				.sort()
		),
		leave: people.map((p) => r.leave(p.id)),
		quarantined: r.quarantined()
	});
}

function setup(seed: number) {
	const random = rng(seed);
	const net = new ReplicaNet(3 + Math.floor(random() * 3), random);
	const replicas = net.docs.map((d) => new PeopleReplica(d));
	const first = replicas[0] as PeopleReplica;
	expect(first.savePolicy(POLICY).ok).toBe(true);
	for (const id of ['p1', 'p2', 'p3'])
		expect(first.addPerson(person(id), { employment: hire(`h-${id}`) }).ok).toBe(true);
	net.flush();
	return { random, net, replicas };
}

function runSeed(seed: number) {
	const { random, net, replicas } = setup(seed);
	const writes = new Map<string, unknown[]>(); // person|field -> values written
	const facts = new Set<string>();
	let serial = 0;
	for (let step = 0; step < 60; step++) {
		const who = Math.floor(random() * replicas.length);
		const r = replicas[who] as PeopleReplica;
		const roll = random();
		if (roll < 0.1) net.online[who] = !net.online[who];
		else if (roll < 0.55) {
			const p = r.person(pick(random, ['p1', 'p2', 'p3']));
			if (!p) continue;
			const field = pick(random, FIELDS);
			const value =
				field === 'dateOfBirth'
					? `19${50 + (serial % 40)}-01-0${1 + (serial % 9)}`
					: `${field}-${who}-${serial}`;
			serial++;
			docs.patchPerson(net.docs[who]!, p.id, { [field]: value });
			writes.set(`${p.id}|${field}`, [...(writes.get(`${p.id}|${field}`) ?? []), value]);
		} else if (roll < 0.7) {
			const id = `f${seed}-${serial++}`;
			const personId = pick(random, ['p1', 'p2', 'p3']);
			const fact: Fact<Employment> = {
				id,
				effectiveDate: `2026-0${1 + Math.floor(random() * 9)}-01` as IsoDate,
				recordedAt: `2026-10-01T00:00:${String(serial % 60).padStart(2, '0')}.${String(serial).padStart(3, '0').slice(-3)}Z`,
				recordedBy: `m${who}`,
				changes: { jobTitle: `Title ${id}` }
			};
			if (r.recordChange(personId, 'employment', fact).ok) facts.add(id);
		} else if (roll < 0.85) {
			const id = `l${seed}-${serial++}`;
			const day = 2 + Math.floor(random() * 26);
			const date = `2026-0${1 + Math.floor(random() * 9)}-${String(day).padStart(2, '0')}`;
			if (
				r.requestLeave(
					request(
						id,
						pick(random, ['p1', 'p2', 'p3']),
						date,
						date,
						`2026-01-01T00:00:00.${String(serial % 1000).padStart(3, '0')}Z`
					),
					calendars
				).ok
			)
				facts.add(id);
		} else if (roll < 0.95) {
			const pending = r.allRequests().filter((q) => q.status === 'requested');
			if (!pending.length) continue;
			const q = pick(random, pending);
			const id = `d${seed}-${serial++}`;
			const status = pick(random, ['approved', 'rejected', 'cancelled'] as const);
			if (
				r.decideLeave(
					{
						id,
						requestId: q.id,
						status,
						by: `m${who}`,
						at: `2026-02-01T00:00:00.${String(serial % 1000).padStart(3, '0')}Z`
					},
					calendars
				).ok
			)
				facts.add(id);
		} else {
			// A hostile or broken peer: wrong shapes everywhere. Nobody may crash or count them.
			const doc = net.docs[who]!;
			docs.factMap(doc, 'history').set(`bad-${serial}`, {
				area: 'employment',
				personId: 'p1',
				fact: { id: `bad-${serial}`, effectiveDate: 'yesterday' }
			});
			docs
				.factMap(doc, 'leave')
				.set(`badl-${serial}`, { kind: 'request', id: `badl-${serial}`, personId: 'p2', status: 'approved' });
			docs.patchPerson(doc, 'p3', { 'contact.phone': 42 });
			writes.set('p3|contact.phone', [...(writes.get('p3|contact.phone') ?? []), 42]);
			serial++;
		}
		net.deliverSome(Math.floor(random() * 6));
	}
	net.flush();
	const first = snapshot(replicas[0] as PeopleReplica);
	for (const r of replicas) expect(snapshot(r)).toBe(first);
	const r0 = replicas[0] as PeopleReplica;
	for (const [key, values] of writes) {
		const [id, field] = key.split('|') as [string, string];
		const stored = net.docs[0]!.getMap('people').get(id) as unknown as { get(k: string): unknown };
		expect(values).toContain(stored.get(field));
		if (values.length === 1) expect(stored.get(field)).toBe(values[0]);
	}
	const held = new Set([
		...['p1', 'p2', 'p3'].flatMap((p) => r0.employment(p).map((f) => f.id)),
		...['p1', 'p2', 'p3'].flatMap((p) => r0.leave(p).requests.map((q) => q.id)),
		...r0.decisions().map((d) => d.id)
	]);
	for (const id of facts) expect(held.has(id)).toBe(true);
	for (const q of r0.quarantined()) expect(q.id.startsWith('bad')).toBe(true);
	if (writes.has('p3|contact.phone') && typeof r0.person('p3')?.contact.phone !== 'string')
		expect(r0.malformedFields('p3')).toContain('contact.phone');
}

describe('people replicas under random concurrent edits', () => {
	it('converge, keep every field written by one replica, lose no fact, quarantine bad values (80 seeds)', () => {
		for (let seed = 1; seed <= 80; seed++) runSeed(seed);
	});

	it('concurrent edits to different fields of one person both survive, in any delivery order', () => {
		for (let seed = 1; seed <= 30; seed++) {
			const { random, net, replicas } = setup(seed);
			net.online.fill(false);
			const [a, b] = [0, 1].map((i) => replicas[i] as PeopleReplica);
			const [fa, fb] = [...FIELDS].sort(() => random() - 0.5).slice(0, 2) as [string, string];
			const before = b!.person('p1')!;
			const valueA = fa === 'dateOfBirth' ? '1980-02-03' : `A-${seed}`;
			const valueB = fb === 'dateOfBirth' ? '1981-04-05' : `B-${seed}`;
			// A writes one key directly; B edits the whole record through the form's verb, which
			// must write only what B changed.
			docs.patchPerson(net.docs[0]!, 'p1', { [fa]: valueA });
			expect(b!.updatePerson(before, withField(before, fb, valueB)).ok).toBe(true);
			void a;
			net.flush();
			for (const doc of net.docs) {
				const m = docs.peopleMap(doc).get('p1')!;
				expect(m.get(fa)).toBe(valueA);
				expect(m.get(fb)).toBe(valueB);
			}
		}
	});

	it('two concurrent leave requests that together exceed the balance are both kept and the overdraw is flagged', () => {
		for (let seed = 1; seed <= 30; seed++) {
			const { random, net, replicas } = setup(seed);
			const [a, b] = [replicas[0]!, replicas[1]!];
			// 20 of 25 days already approved (4 working weeks in 2026, no bank holidays in them).
			expect(a.requestLeave(request('base', 'p1', '2026-06-01', '2026-06-26'), calendars).ok).toBe(true);
			expect(
				a.decideLeave(
					{ id: 'base-ok', requestId: 'base', status: 'approved', by: 'm9', at: '2026-05-01T00:00:00Z' },
					calendars
				).ok
			).toBe(true);
			net.flush();
			net.online.fill(false);
			// Each replica sees 5 days left and asks for 4: both pass their own check.
			expect(
				a.requestLeave(request('ra', 'p1', '2026-09-07', '2026-09-10', '2026-08-01T10:00:00Z'), calendars).ok
			).toBe(true);
			expect(
				b.requestLeave(request('rb', 'p1', '2026-10-05', '2026-10-08', '2026-08-01T10:00:01Z'), calendars).ok
			).toBe(true);
			if (random() < 0.5) net.deliverSome(0);
			net.flush();
			for (const r of replicas) {
				const leave = r.leave('p1');
				expect(leave.requests.map((q) => q.id).sort()).toEqual(['base', 'ra', 'rb']);
				const report = checkOverdraw({
					policy: POLICY,
					employment: r.employment('p1'),
					events: leave.events,
					calendars
				});
				expect(report.ok && report.value.overdrawn).toBe(true);
				// The later request carries the 3-day shortfall; approving it is refused, the other is fine.
				expect(report.ok && report.value.requests).toEqual([
					{ requestId: 'rb', status: 'requested', overdrawnBy: '3' }
				]);
			}
			expect(
				b.decideLeave(
					{ id: 'x', requestId: 'rb', status: 'approved', by: 'm1', at: '2026-08-02T00:00:00Z' },
					calendars
				).ok
			).toBe(false);
			expect(
				b.decideLeave(
					{ id: 'y', requestId: 'ra', status: 'approved', by: 'm1', at: '2026-08-02T00:00:00Z' },
					calendars
				).ok
			).toBe(true);
		}
	});
});

function withField(e: Employee, field: string, value: string): Employee {
	switch (field) {
		case 'legalName.given':
			return { ...e, legalName: { ...e.legalName, given: value } };
		case 'legalName.family':
			return { ...e, legalName: { ...e.legalName, family: value } };
		case 'preferredName':
			return { ...e, preferredName: value };
		case 'contact.phone':
			return { ...e, contact: { ...e.contact, phone: value } };
		case 'contact.workEmail':
			return { ...e, contact: { ...e.contact, workEmail: value } };
		default:
			return { ...e, dateOfBirth: value as IsoDate };
	}
}
