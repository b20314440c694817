// Randomized people-shard runs (HR and payroll) with malicious replicas among honest ones: shuffled
// delivery, random disconnects, and malicious writes — honest facts (employment changes, leave,
// leave decisions, finalized pay runs, payments) written over with forged or malformed values or
// removed, new finalizations at ten times the pay of runs already finalized (a nonce tried until the
// digest is below the real one's), and garbage under fresh keys of every fact map. The honest
// replicas must end identical, open again from their stored state, and read exactly what a replica
// that received only the honest replicas' updates reads. Brand-new forged facts (a finalization of
// a run nobody has finalized yet) cannot be told from honest ones until facts are signed, so the
// attackers here forge only what they have already seen.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DecimalString, IsoDate } from '$lib/shared/domain';
import {
	ENGLAND_AND_WALES_2025_2027,
	type Employee,
	type Employment,
	type Fact,
	type LeavePolicy
} from '$lib/people/domain';
import { computeRun, periodAt, type FinalizedRun } from '$lib/payroll/domain/run';
import { draft, finalize, person as payPerson, schedule, usComp } from '$lib/payroll/domain/run/fixtures';
import { newShardDoc } from '$lib/shared/sync/facts';
import { ReplicaNet, rng } from '$lib/shared/testing/replica-net';
import { PeopleReplica } from '../../people/sync/replica';
import { PayrollReplica } from './replica';
import { attemptDigest } from './finals';

type Random = () => number;
const pick = <T>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
const calendars = { london: ENGLAND_AND_WALES_2025_2027 };
const PEOPLE_IDS = ['p1', 'p2', 'p3'];
const RUN_IDS = ['r0', 'r1', 'r2'];
const S = schedule();
const PAID = [payPerson('p1', usComp('40000')), payPerson('p2', usComp('65000'))];
const FACT_MAPS = [
	'history',
	'leave',
	'decisions',
	'payRunFinals',
	'payRunFinalizations',
	'payRunPayments'
] as const;

const POLICY: LeavePolicy = {
	schemaVersion: 1,
	id: 'annual',
	name: 'Annual leave',
	accrual: { kind: 'annualGrant', daysPerYear: '25' as DecimalString },
	leaveYearStart: { month: 1, day: 1 },
	waitingPeriodDays: 0,
	capDays: null,
	carryOver: null,
	negativeBalance: { allowed: false },
	prorateByFte: true,
	prorateMidYear: true,
	hoursPerDay: '7.5' as DecimalString,
	places: 4
};

function employee(id: string): Employee {
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

/** Ten times every amount (the payslips still add up). */
function tenfold(x: unknown): unknown {
	if (typeof x === 'string' && /^-?\d+(\.\d+)?$/.test(x)) {
		const [int = '0', frac = ''] = x.replace('-', '').split('.');
		const shifted = `${int}${frac.slice(0, 1) || '0'}${frac.length > 1 ? `.${frac.slice(1)}` : ''}`;
		const trimmed = shifted.replace(/^0+(?=\d)/, '');
		return x.startsWith('-') ? `-${trimmed}` : trimmed;
	}
	if (Array.isArray(x)) return x.map(tenfold);
	if (typeof x === 'object' && x !== null)
		return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, tenfold(y)]));
	return x;
}

/** A sound-looking but forged version of an honest fact of `map`, or garbage. */
function forgery(random: Random, map: string, v: unknown): unknown {
	const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
	const sound: Record<string, () => unknown> = {
		history: () => ({ ...o, fact: { ...(o.fact as object), changes: { jobTitle: 'Paid to Mallory' } } }),
		leave: () => ({ ...o, personId: pick(random, PEOPLE_IDS) }),
		decisions: () => ({ ...o, status: o.status === 'approved' ? 'rejected' : 'approved' }),
		payRunFinals: () => ({ ...o, payslips: tenfold(o.payslips) }),
		payRunFinalizations: () => ({ ...o, payslips: tenfold(o.payslips) }),
		payRunPayments: () => ({ ...o, paidOn: '2026-12-31', by: 'mallory' })
	};
	return pick<() => unknown>(random, [
		sound[map] ?? (() => 'junk'),
		sound[map] ?? (() => 'junk'),
		() => 42,
		() => null,
		() => ({ id: 'x' }),
		() => [1, 2]
	])();
}

/** A new finalization of a run the attacker holds as finalized, at ten times the pay, digest below the real one. */
function lateAttempt(run: FinalizedRun): FinalizedRun & { attemptId: string } {
	const { attemptId: real = 'f'.repeat(64), ...rest } = run;
	for (let nonce = 0; ; nonce++) {
		const body = {
			...rest,
			payslips: tenfold(rest.payslips) as FinalizedRun['payslips'],
			finalizedBy: 'mallory',
			nonce
		};
		const id = attemptDigest(body);
		if (id < real || nonce > 2000) return { ...body, attemptId: id };
	}
}

interface Run {
	honest: { people: PeopleReplica; payroll: PayrollReplica }[];
	docs: Y.Doc[];
	reference: Y.Doc;
	attacks: number;
}

function run(seed: number): Run {
	const random = rng(seed);
	const honestCount = 2 + Math.floor(random() * 3);
	const maliciousCount = 1 + Math.floor(random() * 2);
	const net = new ReplicaNet(honestCount + maliciousCount, random, () => newShardDoc('people'));
	const honestDocs = net.docs.slice(0, honestCount);
	const honest = honestDocs.map((d) => ({ people: new PeopleReplica(d), payroll: new PayrollReplica(d) }));
	const honestUpdates: Uint8Array[] = [];
	for (const d of honestDocs)
		d.on('update', (u: Uint8Array, origin: unknown) => {
			if (origin !== 'net') honestUpdates.push(u);
		});
	const first = honest[0] as Run['honest'][number];
	first.people.savePolicy(POLICY);
	for (const id of PEOPLE_IDS) first.people.addPerson(employee(id), { employment: hire(`h-${id}`) });
	first.payroll.saveSchedule(S);
	for (const [i, id] of RUN_IDS.entries())
		first.payroll.saveDraft(draft(id, S, periodAt(S, i), ['p1', 'p2'], { status: 'approved' }));
	net.flush();

	let serial = 0;
	let attacks = 0;
	const steps = 40 + Math.floor(random() * 40);
	for (let step = 0; step < steps; step++) {
		const who = Math.floor(random() * net.docs.length);
		const doc = net.docs[who] as Y.Doc;
		const roll = random();
		if (roll < 0.1) net.online[who] = !net.online[who];
		else if (who < honestCount) {
			const { people, payroll } = honest[who] as Run['honest'][number];
			const id = `s${seed}-${who}-${serial++}`;
			const personId = pick(random, PEOPLE_IDS);
			const month = `0${1 + Math.floor(random() * 9)}`;
			if (roll < 0.3)
				people.recordChange(personId, 'employment', {
					id,
					effectiveDate: `2026-${month}-01` as IsoDate,
					recordedAt: '2026-10-01T00:00:00Z',
					recordedBy: `m${who}`,
					changes: { jobTitle: `Title ${id}` }
				});
			else if (roll < 0.45) {
				const day = `2026-${month}-${String(2 + Math.floor(random() * 26)).padStart(2, '0')}`;
				people.requestLeave(
					{
						kind: 'request',
						id,
						policyId: 'annual',
						personId,
						start: day as IsoDate,
						end: day as IsoDate,
						portion: { kind: 'fullDays' },
						status: 'requested',
						requestedAt: `2026-01-01T00:00:00.${String(serial % 1000).padStart(3, '0')}Z`
					},
					calendars
				);
			} else if (roll < 0.6) {
				const pending = people.allRequests().filter((q) => q.status === 'requested');
				if (pending.length)
					people.decideLeave(
						{
							id,
							requestId: pick(random, pending).id,
							status: pick(random, ['approved', 'rejected', 'cancelled'] as const),
							by: `m${who}`,
							at: '2026-02-01T00:00:00Z'
						},
						calendars
					);
			} else if (roll < 0.8) {
				const runId = pick(random, RUN_IDS);
				const d = payroll.draft(runId);
				if (d) {
					const c = computeRun({ schedule: S, run: d, people: PAID, finalized: payroll.finals() });
					payroll.finalize({
						...finalize(d, S, c, `2026-03-0${1 + who}T00:00:00Z`, '2026'),
						finalizedBy: `m${who}`
					});
				}
			} else
				payroll.markPaid(pick(random, RUN_IDS), {
					paidOn: '2026-05-01' as never,
					at: `2026-05-0${1 + who}T00:00:00Z`,
					by: `m${who}`
				});
		} else {
			attacks++;
			const name = pick(random, FACT_MAPS);
			const map = doc.getMap<unknown>(name);
			const held = [...map.keys()].filter((k) => !k.startsWith('evil'));
			if (roll < 0.45 && held.length) {
				const key = pick(random, held);
				map.set(key, forgery(random, name, map.get(key)));
			} else if (roll < 0.6 && held.length) map.delete(pick(random, held));
			else if (roll < 0.8) {
				// A new finalization of a run this attacker already holds as finalized, and its copy.
				const reader = new PayrollReplica(doc);
				const final = reader.final(pick(random, RUN_IDS));
				reader.destroy();
				if (final) {
					const forged = lateAttempt(final);
					doc.transact(() => {
						doc.getMap('payRunFinalizations').set(`${final.runId}/${forged.attemptId}`, forged);
						doc.getMap('payRunFinals').set(final.runId, forged);
					});
				}
			} else map.set(`evil-${who}-${serial++}`, forgery(random, name, {}));
		}
		net.deliverSome(Math.floor(random() * 6));
	}
	net.flush();
	// y-webrtc's sync step on (re)connect (see tasks/sync/malicious.test.ts for why it is modelled).
	for (const to of net.docs)
		for (const from of net.docs)
			if (to !== from) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'net');

	const reference = newShardDoc('people');
	for (const u of honestUpdates) Y.applyUpdate(reference, u);
	return { honest, docs: honestDocs, reference, attacks };
}

/** What People and Payroll show from a shard: every person's histories and leave, every run and payment. */
function view(doc: Y.Doc) {
	const people = new PeopleReplica(doc);
	const payroll = new PayrollReplica(doc);
	const out = {
		people: PEOPLE_IDS.map((id) => ({
			employment: people.employment(id),
			leave: people.leave(id)
		})),
		decisions: people.decisions().sort((a, b) => (a.id < b.id ? -1 : 1)),
		drafts: payroll.drafts(),
		finals: payroll.finals(),
		superseded: RUN_IDS.map((id) => payroll.superseded(id)),
		payments: RUN_IDS.map((id) => payroll.payment(id) ?? null)
	};
	people.destroy();
	payroll.destroy();
	return out;
}

describe('people shard with malicious replicas', () => {
	it('honest replicas converge, reopen, and read what a run without the malicious ones reads (40 seeds)', () => {
		let finals = 0;
		let listed = 0;
		let attacks = 0;
		for (let seed = 1; seed <= 40; seed++) {
			const r = run(seed);
			expect(r.reference.store.pendingStructs, `seed ${seed}`).toBeNull();
			const clean = view(r.reference);
			for (const [i, doc] of r.docs.entries()) {
				expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(r.docs[0] as Y.Doc));
				expect(view(doc), `seed ${seed}`).toEqual(clean);
				const reopened = newShardDoc('people');
				Y.applyUpdate(reopened, Y.encodeStateAsUpdate(doc));
				expect(view(reopened), `seed ${seed} reopened`).toEqual(clean);
				const { people, payroll } = r.honest[i] as Run['honest'][number];
				listed += people.rewrites().length + payroll.rewrites().length + payroll.lateRuns().length;
			}
			finals += clean.finals.length;
			attacks += r.attacks;
		}
		// The runs did something, and the attacks landed and were listed.
		expect(finals).toBeGreaterThan(40);
		expect(attacks).toBeGreaterThan(200);
		expect(listed).toBeGreaterThan(100);
	});
});
