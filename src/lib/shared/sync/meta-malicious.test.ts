// Randomized meta-shard runs with malicious replicas among honest ones: shuffled delivery, random
// disconnects, and malicious writes (malformed and forged member entries, unsound profile values,
// garbage of every type). The honest replicas must end identical, open without throwing, and read the
// same members and profile as a replica that only ever received the honest replicas' updates — the
// run with no malicious replica. Writes over honest keys cannot be told from honest ones until entries
// are signed, so for those the test asserts what reading can guarantee: nothing unsound counts, and
// every value set aside is listed for Needs review.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ReplicaNet, rng } from '$lib/shared/testing/replica-net';
import { PROFILE_FIELDS, memberSchema } from '$lib/shared/domain/workspace/records';
import { v } from '$lib/shared/domain/schema';
import { malformedMembers, readMembers, readProfile, upsertMember, writeProfile } from './meta-doc';
import { metaKeptAside } from './meta-review';

type Random = () => number;
const pick = <T>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

const SOUND = {
	name: ['Acme', 'Harbourside Trust', 'Ünïcode Ltd'],
	country: ['US', 'GB', 'DE', 'NZ'],
	baseCurrency: ['USD', 'GBP', 'EUR', 'JPY'],
	fiscalYearStart: ['01-01', '04-06', '07-01', '02-28'],
	numberLocale: ['en-US', 'en-GB', 'de-DE', 'fr-FR'],
	address: ['1 High St\nLondon', '']
} as const;
const UNSOUND: Record<keyof typeof SOUND, unknown[]> = {
	name: [42, null, { x: 1 }, true],
	country: ['ZZ', 'gb', 7, ''],
	baseCurrency: ['XYZ', 'usd', 'DOLLARS', 3.5, ['USD']],
	fiscalYearStart: ['13-40', '02-29', '04-31', '0101', 101, ''],
	numberLocale: ['not a tag!', 'en_US', '', 12, 'x'.repeat(60)],
	address: [99, { line: 'x' }, false]
};

/** Garbage a malicious peer files under a key no honest member uses. */
function junkMember(random: Random, key: string, honestIds: readonly string[]): unknown {
	return pick(random, [
		42,
		'junk',
		null,
		[1, 2, 3],
		{ id: key, name: 7, color: '#000', joinedAt: '' },
		{ id: key },
		{ id: key, name: 'x'.repeat(500), color: '#000', joinedAt: '' },
		{ id: '', name: 'Blank', color: '#000', joinedAt: '' },
		// A forgery: a sound record filed under a fresh key, claiming to be an honest member.
		{ id: pick(random, honestIds), name: 'Mallory', color: '#000', joinedAt: '2026-01-01' }
	]);
}

interface Run {
	net: ReplicaNet;
	honest: Y.Doc[];
	/** A replica that received only the honest replicas' own updates: the run without malice. */
	reference: Y.Doc;
	/** Profile keys and member keys a malicious replica wrote over or deleted (attack B only). */
	overwritten: Set<string>;
	/** Honest members that wrote their entry at least once. */
	joined: Set<string>;
}

function run(seed: number, opts: { overwrite: boolean }): Run {
	const random = rng(seed);
	const honestCount = 2 + Math.floor(random() * 3);
	const maliciousCount = 1 + Math.floor(random() * 2);
	const net = new ReplicaNet(honestCount + maliciousCount, random);
	const honest = net.docs.slice(0, honestCount);
	const honestIds = honest.map((_, i) => `h${i}`);
	const honestUpdates: Uint8Array[] = [];
	for (const d of honest)
		d.on('update', (u: Uint8Array, origin: unknown) => {
			if (origin !== 'net') honestUpdates.push(u);
		});
	const overwritten = new Set<string>();
	const joined = new Set<string>(['h0']);

	// The creator writes the profile and itself before anyone else is there.
	writeProfile(honest[0] as Y.Doc, {
		name: 'Acme',
		country: 'GB',
		baseCurrency: 'GBP',
		fiscalYearStart: '04-06'
	});
	upsertMember(honest[0] as Y.Doc, { id: 'h0', name: 'Ana', color: '#f00', joinedAt: '2026-01-01' });
	net.flush();

	const steps = 30 + Math.floor(random() * 40);
	let serial = 0;
	for (let step = 0; step < steps; step++) {
		const who = Math.floor(random() * net.docs.length);
		const doc = net.docs[who] as Y.Doc;
		const roll = random();
		if (who < honestCount) {
			if (roll < 0.4) {
				joined.add(`h${who}`);
				upsertMember(doc, {
					id: `h${who}`,
					name: `${pick(random, ['Ana', 'Bo', 'Cy', 'Di'])} ${who}`,
					color: '#0a0',
					joinedAt: '2026-01-02'
				});
			} else if (roll < 0.9) {
				const field = pick(random, Object.keys(SOUND) as (keyof typeof SOUND)[]);
				writeProfile(doc, { [field]: pick(random, SOUND[field]) });
			} else net.online[who] = !net.online[who];
		} else {
			const members = doc.getMap<unknown>('members');
			const profile = doc.getMap<unknown>('profile');
			if (roll < 0.35)
				members.set(`evil-${who}-${serial++}`, junkMember(random, `evil-${serial}`, honestIds));
			else if (roll < 0.45) profile.set(`unknownField${serial++}`, pick(random, [1, 'x', null, { a: 1 }]));
			else if (roll < 0.55) doc.getMap<unknown>('other').set(`k${serial++}`, 'noise');
			else if (opts.overwrite && roll < 0.75) {
				const field = pick(random, Object.keys(UNSOUND) as (keyof typeof SOUND)[]);
				profile.set(field, pick(random, UNSOUND[field]));
				overwritten.add(`profile:${field}`);
			} else if (opts.overwrite && roll < 0.85) {
				const id = pick(random, honestIds);
				members.set(
					id,
					pick(random, [
						0,
						'junk',
						{ id, name: 9 },
						{ id: 'someone-else', name: 'X', color: '', joinedAt: '' }
					])
				);
				overwritten.add(`member:${id}`);
			} else if (opts.overwrite && roll < 0.9) {
				const id = pick(random, honestIds);
				members.delete(id);
				overwritten.add(`member:${id}`);
			} else net.online[who] = !net.online[who];
		}
		net.deliverSome(Math.floor(random() * 5));
	}
	net.flush();

	const reference = new Y.Doc();
	for (const u of honestUpdates) Y.applyUpdate(reference, u);
	return { net, honest, reference, overwritten, joined };
}

/** Everything a screen reads from the meta shard. */
function views(doc: Y.Doc) {
	return { members: readMembers(doc), profile: readProfile(doc), keptAside: metaKeptAside(doc) };
}

/** A replica opened afresh from a stored copy of `doc`, as a reload does. */
function reopened(doc: Y.Doc): Y.Doc {
	const fresh = new Y.Doc();
	Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
	return fresh;
}

describe('meta shard with malicious replicas', () => {
	it('honest replicas converge and read exactly what a run without the malicious ones reads (100 seeds)', () => {
		let keptAside = 0;
		for (let seed = 1; seed <= 100; seed++) {
			const { honest, reference } = run(seed, { overwrite: false });
			// The honest updates never built on a malicious one: the reference holds them all.
			expect(reference.store.pendingStructs, `seed ${seed}`).toBeNull();
			const first = views(honest[0] as Y.Doc);
			for (const d of honest) {
				expect(Y.encodeStateVector(d), `seed ${seed}`).toEqual(Y.encodeStateVector(honest[0] as Y.Doc));
				expect(() => views(reopened(d))).not.toThrow();
				expect(views(d), `seed ${seed}`).toEqual(first);
			}
			const clean = views(reference);
			expect(first.members, `seed ${seed}`).toEqual(clean.members);
			expect(first.profile, `seed ${seed}`).toEqual(clean.profile);
			// Every malicious member entry is left out and listed; the honest run lists nothing.
			expect(clean.keptAside).toEqual([]);
			expect(first.keptAside.length).toBe(malformedMembers(honest[0] as Y.Doc).length);
			keptAside += first.keptAside.length;
		}
		expect(keptAside).toBeGreaterThan(100);
	});

	it('writes over honest entries never count as sound values and are all listed (100 seeds)', () => {
		let listed = 0;
		for (let seed = 1; seed <= 100; seed++) {
			const { honest, overwritten, joined } = run(seed, { overwrite: true });
			const doc = honest[0] as Y.Doc;
			for (const d of honest) {
				expect(Y.encodeStateVector(d), `seed ${seed}`).toEqual(Y.encodeStateVector(doc));
				expect(() => views(reopened(d))).not.toThrow();
				expect(views(d)).toEqual(views(doc));
			}
			const { members, profile, keptAside } = views(doc);
			// Every profile field reads as a sound value: what an honest replica wrote, or the default.
			for (const [field, spec] of Object.entries(PROFILE_FIELDS))
				expect(spec.test(Reflect.get(profile, field)), `seed ${seed} ${field}`).toBe(true);
			const stored = doc.getMap<unknown>('profile');
			for (const field of Object.keys(SOUND) as (keyof typeof SOUND)[]) {
				const value = stored.get(field);
				const sound = PROFILE_FIELDS[field].test(value);
				if (sound) expect(profile[field]).toBe(value);
				else if (value === undefined) expect(profile[field]).toBe(PROFILE_FIELDS[field].fallback);
				else {
					expect(profile[field]).toBe(PROFILE_FIELDS[field].fallback);
					expect(keptAside.some((k) => k.key === `profile:${field}`)).toBe(true);
					listed++;
				}
			}
			// Members: only sound honest entries count; an honest one is missing only where it was attacked.
			for (const m of members) {
				expect(v.is(memberSchema, m)).toBe(true);
				expect(joined.has(m.id), `seed ${seed}`).toBe(true);
				expect(m.name, `seed ${seed}`).toMatch(/^(Ana|Bo|Cy|Di)( \d)?$/);
			}
			for (const id of joined)
				if (!members.some((m) => m.id === id))
					expect(overwritten.has(`member:${id}`), `seed ${seed}`).toBe(true);
			for (const key of malformedMembers(doc))
				expect(keptAside.some((k) => k.key === `member:${key}`)).toBe(true);
		}
		expect(listed).toBeGreaterThan(50);
	});
});
