// Randomized replicas of a keyed workspace's people shard where some replicas are malicious, for the
// HR approver list and the person-member links (sealed-settings.ts). The owner's and an admin's
// devices change approvers and links through the replica (sealed); a People member's replica only
// reads. Malicious replicas, holding People & Payroll keys, meanwhile delete keys, write unsigned
// values, seal values with their own keys, copy an owner's earlier write back (a replay), move an
// owner's seal onto another key or another value, write malformed values, and forge an adoption of
// their unsigned values. Updates arrive shuffled and partly, with peers offline. The honest replicas
// must end reading exactly what the owner and admin last set (each honest change is made after a full
// sync, so the last one is known), and so must a copy reopened from each one's stored state.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { IsoDate } from '$lib/shared/domain';
import type { DeviceKey } from '$lib/shared/crypto/signing';
import { sealFact } from '$lib/shared/sync/fact-seal';
import { factDigest } from '$lib/shared/sync/fact-authority';
import { factWrites, newShardDoc } from '$lib/shared/sync/facts';
import { ReplicaNet, rng } from '$lib/shared/testing/replica-net';
import { authorityFor, team } from './hr-fixtures';
import { PeopleReplica } from './replica';
import { hrAdoptionsMap, hrFactContext } from './sealed-hr';

type Random = () => number;
const MEMBERS = ['m-approver', 'm-manager', 'm-mallory', 'm-books'];
const PERSONS = ['p1', 'p2', 'p3'];
const MAPS = ['approvers', 'members'] as const;
const pick = <T>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

type Team = Awaited<ReturnType<typeof team>>;

function replica(doc: Y.Doc, t: Team, device: DeviceKey | null): PeopleReplica {
	return new PeopleReplica(doc, {
		authority: authorityFor(t.trust),
		signer: () => (device ? { device, workspaceId: 'W1' } : null),
		today: () => '2026-06-15' as IsoDate
	});
}

/** One malicious write on `doc` by an attacker holding `key` (a People & Payroll member's). */
async function attack(random: Random, doc: Y.Doc, key: DeviceKey): Promise<void> {
	const name = pick(random, MAPS);
	const map = doc.getMap<unknown>(name);
	const k = name === 'approvers' ? pick(random, MEMBERS) : pick(random, PERSONS);
	const own =
		name === 'approvers'
			? { approver: random() < 0.7, at: 'x' }
			: { memberId: pick(random, [null, ...MEMBERS]) };
	const kind = Math.floor(random() * 7);
	if (kind === 0) {
		map.delete(k);
	} else if (kind === 1) {
		map.set(k, name === 'approvers' ? '2026-01-01T00:00:00Z' : pick(random, MEMBERS));
	} else if (kind === 2) {
		map.set(k, await sealFact(key, hrFactContext('W1', name), k, own));
	} else if (kind === 3 || kind === 4) {
		// An honest write seen before, under this key (a replay) or moved to another key or value.
		const seen = [...map._map.keys()].flatMap((key) =>
			factWrites(map, key).flatMap((w) => (w.held ? [{ key, value: w.value }] : []))
		);
		if (seen.length === 0) return;
		const old = pick(random, seen);
		if (kind === 3) map.set(old.key, old.value);
		else if (random() < 0.5) map.set(k === old.key ? `${k}x` : k, old.value);
		else map.set(old.key, { ...(old.value as object), ...own });
	} else if (kind === 5) {
		map.set(k, random() < 0.5 ? 42 : { approver: 'yes', memberId: 7 });
	} else {
		// A forged adoption of an unsigned value, sealed with the attacker's own key.
		const value = name === 'approvers' ? '2026-01-01T00:00:00Z' : pick(random, MEMBERS);
		map.set(k, value);
		const id = `settings:evil${Math.floor(random() * 1e6)}`;
		const adoption = { v: 1, keys: [[`${name}:${k}`, factDigest(value)]] };
		hrAdoptionsMap(doc).set(id, await sealFact(key, hrFactContext('W1', 'hrAdoptions'), id, adoption));
	}
}

/** What a replica reads: approvers, each person's member, each member's person. */
function reading(r: PeopleReplica) {
	return {
		approvers: r.approvers(),
		links: PERSONS.map((p) => r.memberOf(p)),
		persons: MEMBERS.map((m) => r.personOf(m))
	};
}

async function run(seed: number, t: Team) {
	const random = rng(seed);
	const maliciousCount = 1 + Math.floor(random() * 2);
	const net = new ReplicaNet(3 + maliciousCount, random, () => newShardDoc('people'));
	const [ownerDoc, adminDoc, readerDoc] = net.docs as [Y.Doc, Y.Doc, Y.Doc];
	const writers = [replica(ownerDoc, t, t.owner), replica(adminDoc, t, t.admin)];
	const honest = [...writers, replica(readerDoc, t, t.approver)];
	const attackers = net.docs.slice(3).map((doc, i) => ({ doc, key: i === 0 ? t.mallory : t.manager }));
	// The model: what the owner and admin last set.
	const approvers = new Set<string>();
	const links = new Map<string, string | null>();
	let attacks = 0;
	const steps = 20 + Math.floor(random() * 20);
	for (let step = 0; step < steps; step++) {
		const roll = random();
		if (roll < 0.3) {
			// An honest change, made after a full sync (so it is the newest write of its key everywhere).
			net.flush();
			const w = pick(random, writers);
			if (random() < 0.5) {
				const m = pick(random, MEMBERS);
				const on = random() < 0.6;
				w.setApprover(m, on, '2026-06-01T00:00:00Z');
				if (on) approvers.add(m);
				else approvers.delete(m);
			} else {
				const p = pick(random, PERSONS);
				const m = random() < 0.3 ? null : pick(random, MEMBERS);
				w.setMember(p, m);
				links.set(p, m);
			}
			await w.settled();
		} else if (roll < 0.75) {
			const a = pick(random, attackers);
			await attack(random, a.doc, a.key);
			attacks++;
		} else {
			for (let i = 0; i < net.online.length; i++) net.online[i] = random() < 0.8;
			net.deliverSome(1 + Math.floor(random() * 8));
		}
	}
	net.flush();
	for (const r of honest) await r.settled();
	const expected = {
		approvers: [...approvers].sort(),
		links: PERSONS.map((p) => links.get(p) ?? null),
		persons: MEMBERS.map(
			(m) =>
				[...links]
					.filter(([, v]) => v === m)
					.map(([p]) => p)
					.sort()[0] ?? null
		)
	};
	return { net, honest, expected, attacks };
}

describe('HR approvers and links with malicious replicas', () => {
	it('honest replicas read what the owner and admin last set, also reopened (20 seeds)', async () => {
		const t = await team();
		let attacks = 0;
		let listed = 0;
		for (let seed = 1; seed <= 20; seed++) {
			const r = await run(seed, t);
			attacks += r.attacks;
			for (const [i, h] of r.honest.entries()) {
				const doc = r.net.docs[i] as Y.Doc;
				expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(r.net.docs[0] as Y.Doc));
				expect(reading(h), `seed ${seed} replica ${i}`).toEqual(r.expected);
				listed += h.settingsNotCounted().length;
				const reopened = newShardDoc('people');
				Y.applyUpdate(reopened, Y.encodeStateAsUpdate(doc));
				const again = replica(reopened, t, null);
				await again.settled();
				expect(reading(again), `seed ${seed} replica ${i} reopened`).toEqual(r.expected);
				again.destroy();
			}
			for (const h of r.honest) h.destroy();
		}
		// The attacks landed, and what they left standing over an owner's value was listed.
		expect(attacks).toBeGreaterThan(150);
		expect(listed).toBeGreaterThan(20);
	});
});
