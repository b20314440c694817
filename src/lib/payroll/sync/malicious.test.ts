// Randomized people-shard runs (HR and payroll) with malicious replicas among honest ones: shuffled
// delivery, random disconnects, and malicious writes — honest facts (employment changes, leave,
// leave decisions, finalized pay runs, payments) written over with forged or malformed values or
// removed, new finalizations at ten times the pay of runs already finalized (a nonce tried until the
// digest is below the real one's), and garbage under fresh keys of every fact map. The honest
// replicas must end identical, open again from their stored state, and read exactly what a replica
// that received only the honest replicas' updates reads. Unsigned (a workspace without member keys),
// brand-new forged facts cannot be told from honest ones, so there the attackers forge only what they
// have already seen. Signed (every member holds a key; the attackers are People & Payroll members who
// are not HR approvers), they also write brand-new leave decisions and payments: sealed with their own
// key but breaking the approval rule, naming an honest member as author, unsealed, or altered after
// sealing — none of which may change what the honest replicas read.
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
import type { DeviceKey } from '$lib/shared/crypto/signing';
import { ReplicaNet, rng } from '$lib/shared/testing/replica-net';
import type { PeopleReplica } from '../../people/sync/replica';
import { PayrollReplica } from './replica';
import { attemptDigest } from './finals';
import {
	PEOPLE_IDS,
	pick,
	replicas,
	RUN_IDS,
	signedForgery,
	team,
	type Random,
	type Team
} from './malicious-signed.helper';

const calendars = { london: ENGLAND_AND_WALES_2025_2027 };
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

async function run(seed: number, signed: Team | null = null): Promise<Run> {
	const random = rng(seed);
	const honestCount = 2 + Math.floor(random() * 3);
	const maliciousCount = 1 + Math.floor(random() * 2);
	const net = new ReplicaNet(honestCount + maliciousCount, random, () => newShardDoc('people'));
	const honestDocs = net.docs.slice(0, honestCount);
	const honest = honestDocs.map((d, i) => replicas(d, signed, signed?.honest[i] ?? null));
	const honestUpdates: Uint8Array[] = [];
	for (const d of honestDocs)
		d.on('update', (u: Uint8Array, origin: unknown) => {
			if (origin !== 'net') honestUpdates.push(u);
		});
	const first = honest[0] as Run['honest'][number];
	first.people.savePolicy(POLICY);
	// Every honest member is an HR approver (the attackers are not), named on the owner's device in
	// a keyed workspace (only an owner's or admin's entry counts there).
	const namer = signed ? replicas(honestDocs[0] as Y.Doc, signed, signed.owner) : first;
	for (let i = 0; i < honestCount; i++) namer.people.setApprover(`m${i}`, true, '2026-01-01T00:00:00Z');
	await namer.people.settled();
	if (namer !== first) {
		namer.people.destroy();
		namer.payroll.destroy();
	}
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
			// A signed write is written once sealed: wait for it before the next step.
			const written = async () => {
				await people.settled();
				await payroll.settled();
			};
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
			await written();
		} else if (signed && roll < 0.4) {
			attacks++;
			const x = who - honestCount;
			await signedForgery(random, doc, signed.attackers[x] as DeviceKey, `x${x}`, serial++);
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
				const reader = new PayrollReplica(doc); // her edited copy checks nothing
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
async function view(doc: Y.Doc, signed: Team | null = null) {
	const { people, payroll } = replicas(doc, signed, null);
	// Signed: every seal checked before reading (a fact whose check is pending does not count yet).
	await people.settled();
	payroll.rejudge();
	await payroll.settled();
	payroll.rejudge();
	// Decisions that do not count because of who signed them are listed apart (People → Needs
	// review, and beside the person's leave); what the run reports is everything else.
	const forged = new Set(people.notCounted().map((n) => n.key));
	const out = {
		people: PEOPLE_IDS.map((id) => {
			const leave = people.leave(id);
			return {
				employment: people.employment(id),
				leave: { ...leave, refused: leave.refused.filter((r) => !forged.has(r.decision.id)) }
			};
		}),
		forged: [...forged].filter((key) => !key.startsWith('evil-')),
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
	it('honest replicas converge, reopen, and read what a run without the malicious ones reads (40 seeds)', async () => {
		let finals = 0;
		let listed = 0;
		let attacks = 0;
		for (let seed = 1; seed <= 40; seed++) {
			const r = await run(seed);
			expect(r.reference.store.pendingStructs, `seed ${seed}`).toBeNull();
			const clean = await view(r.reference);
			for (const [i, doc] of r.docs.entries()) {
				expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(r.docs[0] as Y.Doc));
				expect(await view(doc), `seed ${seed}`).toEqual(clean);
				const reopened = newShardDoc('people');
				Y.applyUpdate(reopened, Y.encodeStateAsUpdate(doc));
				expect(await view(reopened), `seed ${seed} reopened`).toEqual(clean);
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

	it('signed: forged new decisions, history, leave and payments by People members change nothing the honest replicas read (20 seeds)', async () => {
		const signed = await team();
		let decided = 0;
		let paid = 0;
		let refused = 0;
		let forgedHr = 0;
		let attacks = 0;
		for (let seed = 101; seed <= 120; seed++) {
			const r = await run(seed, signed);
			expect(r.reference.store.pendingStructs, `seed ${seed}`).toBeNull();
			const clean = await view(r.reference, signed);
			for (const [i, doc] of r.docs.entries()) {
				expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(r.docs[0] as Y.Doc));
				expect(await view(doc, signed), `seed ${seed}`).toEqual(clean);
				const reopened = newShardDoc('people');
				Y.applyUpdate(reopened, Y.encodeStateAsUpdate(doc));
				expect(await view(reopened, signed), `seed ${seed} reopened`).toEqual(clean);
				const { people, payroll } = r.honest[i] as Run['honest'][number];
				await people.settled();
				refused += people.notCounted().length;
				forgedHr += people.notCounted().filter((n) => n.map !== 'decisions').length;
				refused += payroll
					.quarantined()
					.filter((q) => q.reason.startsWith('One payment does not count')).length;
			}
			// Honest decisions, payments and history are signed and still count.
			decided += clean.decisions.length;
			paid += clean.payments.filter((p) => p !== null).length;
			attacks += r.attacks;
		}
		expect(decided).toBeGreaterThan(20);
		expect(paid).toBeGreaterThan(10);
		expect(attacks).toBeGreaterThan(100);
		// The brand-new forgeries arrived and were listed (not applied).
		expect(refused).toBeGreaterThan(50);
		expect(forgedHr).toBeGreaterThan(10);
	});
});
