// Randomized replicas of the People settings: 3–5 replicas define, relabel, archive and re-option
// custom fields, name and remove HR approvers, record grants and adjustments and fill custom values,
// with random disconnects and shuffled delivery. Afterwards every replica holds the same definitions,
// approvers, values and balance changes; a relabel and a concurrent archive both survive; a value
// written once is never lost; and a malformed definition is reported, never handed out.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DecimalString, IsoDate } from '$lib/shared/domain';
import type { Employee } from '$lib/people/domain';
import { ReplicaNet, rng } from '$lib/shared/testing/replica-net';
import { PeopleReplica } from './replica';
import * as docs from './doc';
import { fieldDefsMap } from './fields';

const person = (id: string): Employee => ({
	schemaVersion: 1,
	id,
	legalName: { given: 'G', family: 'F' },
	contact: {},
	emergencyContacts: [],
	nationalIds: {},
	customFields: {},
	notes: []
});
const pick = <T>(random: () => number, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

function snapshot(r: PeopleReplica): string {
	return JSON.stringify({
		defs: r.customFields(),
		approvers: r.approvers(),
		people: r.people().sort((a, b) => (a.id < b.id ? -1 : 1)),
		leave: ['p1', 'p2'].map((p) => r.leave(p).events),
		quarantined: r.quarantined()
	});
}

function runSeed(seed: number) {
	const random = rng(seed);
	const net = new ReplicaNet(3 + Math.floor(random() * 3), random);
	const replicas = net.docs.map((d) => new PeopleReplica(d));
	const first = replicas[0] as PeopleReplica;
	for (const id of ['p1', 'p2']) expect(first.addPerson(person(id), {}).ok).toBe(true);
	expect(
		first.saveCustomField(
			{ id: 'size', name: 'Shirt size', type: 'select', options: ['S', 'M'] },
			'2026-01-01T00:00:00Z'
		).ok
	).toBe(true);
	expect(
		first.saveCustomField({ id: 'badge', name: 'Badge', type: 'number' }, '2026-01-01T00:00:01Z').ok
	).toBe(true);
	net.flush();
	const relabels: string[] = [];
	let archived = false;
	const balanceIds = new Set<string>();
	let serial = 0;
	for (let step = 0; step < 50; step++) {
		const who = Math.floor(random() * replicas.length);
		const r = replicas[who] as PeopleReplica;
		const roll = random();
		// Mid-delivery a definition can lack a key for a moment (a delete applied before the insert that
		// replaces it): it reads as malformed until the rest arrives, and this step is skipped.
		const def = (id: string) => r.customFields().find((d) => d.id === id);
		if (roll < 0.1) net.online[who] = !net.online[who];
		else if (roll < 0.25) {
			const name = `Badge ${who}-${serial++}`;
			const d = def('badge');
			if (d && r.saveCustomField({ ...d, name }, 'x').ok) relabels.push(name);
		} else if (roll < 0.3) {
			const d = def('size');
			if (d && r.saveCustomField({ ...d, archived: true }, 'x').ok) archived = true;
		} else if (roll < 0.4) {
			const d = def('size');
			if (d) r.saveCustomField({ ...d, options: ['S', 'M', `L${who}`] }, 'x');
		} else if (roll < 0.55) {
			r.setApprover(`m${Math.floor(random() * 4)}`, random() < 0.7, 'x');
		} else if (roll < 0.75) {
			const p = r.person(pick(random, ['p1', 'p2']));
			if (p) r.updatePerson(p, { ...p, customFields: { ...p.customFields, badge: String(serial++) } });
		} else if (roll < 0.9) {
			const id = `b${seed}-${serial++}`;
			const kind = random() < 0.5 ? 'grant' : 'adjustment';
			const days = (kind === 'grant' ? '1.5' : '-0.5') as DecimalString;
			const added = r.addLeaveEvent(pick(random, ['p1', 'p2']), {
				kind,
				id,
				policyId: 'annual',
				date: '2026-03-02' as IsoDate,
				days,
				reason: `Reason ${id}`
			});
			if (added.ok) balanceIds.add(id);
		} else {
			// A broken peer: a definition of the wrong shape.
			const doc = net.docs[who] as Y.Doc;
			const bad = new Y.Map<unknown>();
			bad.set('name', 42);
			bad.set('type', 'colour');
			fieldDefsMap(doc).set(`bad-${who}`, bad);
		}
		net.deliverSome(Math.floor(random() * 6));
	}
	net.flush();
	const snaps = replicas.map(snapshot);
	for (const s of snaps) expect(s).toBe(snaps[0]);
	const defs = first.customFields();
	expect(defs.map((d) => d.id)).toEqual(['size', 'badge']);
	// A relabel and a concurrent archive (different keys of one definition) both survive.
	if (relabels.length) expect(relabels).toContain(defs[1]?.name);
	expect(defs[0]?.archived ?? false).toBe(archived);
	// Every grant and adjustment written is there, with its reason.
	const events = ['p1', 'p2'].flatMap((p) => first.leave(p).events);
	for (const id of balanceIds)
		expect(events.find((e) => e.id === id)).toMatchObject({ reason: `Reason ${id}` });
	for (const q of first.quarantined()) expect(q.map).toBe('customFields');
	for (const r of replicas) r.destroy();
}

describe('people settings across replicas', () => {
	it('converge with shuffled delivery and disconnects (120 seeds)', () => {
		for (let seed = 1; seed <= 120; seed++) runSeed(seed);
	});

	it('refuse a definition that clashes with another, naming the label', () => {
		const r = new PeopleReplica(new Y.Doc());
		expect(r.saveCustomField({ id: 'a', name: 'Team', type: 'text' }, 'x').ok).toBe(true);
		const clash = r.saveCustomField({ id: 'b', name: 'team', type: 'text' }, 'x');
		expect(clash.ok).toBe(false);
		if (!clash.ok) expect(clash.error.message).toBe('Field "team": another field already has this label');
		const noOptions = r.saveCustomField({ id: 'c', name: 'Size', type: 'select', options: [] }, 'x');
		expect(noOptions.ok).toBe(false);
		expect(r.customFields().map((d) => d.id)).toEqual(['a']);
	});

	it('finds the person linked to a member, and refuses a grant without a reason', () => {
		const doc = new Y.Doc();
		const r = new PeopleReplica(doc);
		r.addPerson(person('p1'), {});
		r.setMember('p1', 'm1');
		expect(r.personOf('m1')).toBe('p1');
		expect(r.personOf('m2')).toBeNull();
		const g = r.addLeaveEvent('p1', {
			kind: 'grant',
			id: 'g',
			policyId: 'annual',
			date: '2026-01-05' as IsoDate,
			days: '1' as DecimalString,
			reason: ' '
		});
		expect(g.ok).toBe(false);
		expect(docs.factMap(doc, 'leave').size).toBe(0);
	});
});
