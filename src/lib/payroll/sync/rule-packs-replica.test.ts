// Imported rule packs across replicas: 3–5 replicas import packs (often the same one, sometimes a
// rival for the same dates), while a hostile peer stores forged, mislabelled and malformed packs,
// with random disconnects and shuffled delivery. Afterwards every replica uses the same packs, no
// two usable packs overlap (nor a built-in one), and no forged or invalid pack ever counts.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	builtInPacks,
	checkRulePack,
	datesOverlap,
	planImport,
	storedPack,
	type LoadedPack
} from '$lib/payroll/domain/rules';
import { ukTestPack, usTestPack } from '$lib/payroll/domain/rules/pack-fixtures';
import { unwrap } from '$lib/shared/domain';
import { ReplicaNet, rng } from '$lib/shared/testing/replica-net';
import { PayrollReplica } from './replica';
import * as docs from './doc';

const load = (raw: unknown) => unwrap(checkRulePack(raw));
const US27 = load(usTestPack(2027));
const UK27 = load(ukTestPack(2027));
const US28H1 = load(usTestPack(2028, '2028-01-01', '2028-06-30'));
const US28H2 = load(usTestPack(2028, '2028-07-01', '2028-12-31'));
const RIVAL28 = load(usTestPack(2028, '2028-03-01', '2028-12-31', 'A rival 2028 pack'));
const GENUINE = [US27, UK27, US28H1, US28H2, RIVAL28];
const GENUINE_KEYS = new Set(GENUINE.map((p) => p.header.checksum));

/** What a person importing does: refused when it clashes with what this replica already uses. */
function importOn(r: PayrollReplica, pack: LoadedPack, who: number): void {
	const plan = planImport(JSON.parse(pack.text), [...builtInPacks(), ...r.rulePacks()]);
	if (plan.ok && !plan.value.already)
		r.addRulePack(plan.value.pack, `2026-12-0${1 + who}T00:00:00Z`, `m${who}`);
}

/** A hostile peer's writes: a figure changed under a genuine key, a bad checksum, junk, a wrong key. */
function forge(doc: Y.Doc, roll: number, i: number): void {
	const map = docs.rulePacksMap(doc);
	const tampered = JSON.parse(US27.text) as { futa: { rate: string } };
	tampered.futa.rate = '0.001';
	if (roll < 0.25)
		map.set(US27.header.checksum, { text: JSON.stringify(tampered), addedAt: 'x', addedBy: 'evil' });
	else if (roll < 0.5)
		map.set(`f${i}`.padEnd(64, 'f'), { text: JSON.stringify(tampered), addedAt: 'x', addedBy: 'evil' });
	else if (roll < 0.75) map.set(`junk${i}`, { text: 42 });
	else map.set(`k${i}`, storedPack(UK27, 'x', 'evil'));
}

const usable = (r: PayrollReplica) => r.rulePacks().map((p) => p.header.checksum);
const review = (r: PayrollReplica) => r.rulePacksInReview().map((p) => `${p.key}: ${p.reason}`);

describe('rule packs across replicas', () => {
	it('every replica ends with the same usable packs, and a forged or invalid pack never counts (80 seeds)', () => {
		for (let seed = 1; seed <= 80; seed++) {
			const random = rng(seed);
			const net = new ReplicaNet(3 + Math.floor(random() * 3), random);
			const reps = net.docs.map((d) => new PayrollReplica(d));
			for (let k = 0; k < 40; k++) {
				const i = Math.floor(random() * reps.length);
				const roll = random();
				if (roll < 0.15) net.online[i] = !net.online[i];
				else if (roll < 0.75) importOn(reps[i]!, GENUINE[Math.floor(random() * GENUINE.length)]!, i);
				else if (roll < 0.85) forge(net.docs[i]!, random(), i);
				net.deliverSome(Math.floor(random() * 5));
			}
			net.flush();
			const first = reps[0]!;
			for (const r of reps) {
				expect(usable(r), `seed ${seed}: usable packs differ`).toEqual(usable(first));
				expect(review(r), `seed ${seed}: packs in review differ`).toEqual(review(first));
			}
			const used = first.rulePacks();
			for (const p of used) {
				expect(GENUINE_KEYS.has(p.header.checksum), `seed ${seed}: a forged pack counts`).toBe(true);
				const stored = docs.rulePacksMap(net.docs[0]!).get(p.header.checksum) as { text: string };
				expect(stored.text, `seed ${seed}: a stored value differs from its pack`).toBe(p.text);
				for (const o of [...used, ...builtInPacks()])
					if (o !== p && o.kind === p.kind)
						expect(datesOverlap(o.header, p.header), `seed ${seed}: overlap`).toBe(false);
			}
			// Every stored key that is not a usable pack is shown in review, with a reason.
			const keys = [...docs.rulePacksMap(net.docs[0]!).keys()].sort();
			expect([...usable(first), ...first.rulePacksInReview().map((r) => r.key)].sort()).toEqual(keys);
			for (const r of first.rulePacksInReview()) expect(r.reason.length).toBeGreaterThan(10);
			expect(first.quarantined().filter((q) => q.map === 'payrollRulePacks')).toHaveLength(
				keys.length - used.length
			);
		}
	});

	it('two teammates importing the same pack offline store one; rivals for the same dates are both set aside', () => {
		const net = new ReplicaNet(3, rng(5));
		const reps = net.docs.map((d) => new PayrollReplica(d));
		net.online.fill(false);
		importOn(reps[0]!, US27, 0);
		importOn(reps[1]!, US27, 1);
		importOn(reps[1]!, US28H1, 1);
		importOn(reps[2]!, RIVAL28, 2);
		importOn(reps[2]!, UK27, 2);
		net.flush();
		for (const r of reps) {
			expect(r.rulePacks().map((p) => p.header.title)).toEqual([UK27.header.title, US27.header.title]);
			expect(
				r
					.rulePacksInReview()
					.map((x) => x.title)
					.sort()
			).toEqual([US28H1.header.title, RIVAL28.header.title].sort());
			expect(r.rulePacksInReview()[0]?.reason).toMatch(/neither is used\.$/);
		}
		expect(docs.rulePacksMap(net.docs[0]!).size).toBe(4);
	});

	it('a forgery under a genuine key is set aside, and importing the genuine pack replaces it', () => {
		const net = new ReplicaNet(2, rng(9));
		const reps = net.docs.map((d) => new PayrollReplica(d));
		forge(net.docs[0]!, 0.1, 0);
		net.flush();
		for (const r of reps) expect(r.rulePacksInReview().map((x) => x.key)).toEqual([US27.header.checksum]);
		importOn(reps[1]!, US27, 1);
		net.flush();
		for (const r of reps) {
			expect(r.rulePacks().map((p) => p.header.checksum)).toEqual([US27.header.checksum]);
			expect(r.rulePacksInReview()).toEqual([]);
		}
	});
});
