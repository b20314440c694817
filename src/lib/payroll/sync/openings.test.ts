// Opening year-to-date entries in the people shard: the shape check every peer's value passes before
// it counts, all-or-none writes, and randomized replicas that enter and correct figures concurrently
// (random disconnects, shuffled delivery, a hostile peer writing malformed values). Afterwards every
// replica holds the same entries, keeps the same ones aside, and agrees on which figures count.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DecimalString } from '$lib/shared/domain';
import { currentOpenings, standingEntries, type OpeningYtd } from '$lib/payroll/domain/opening';
import { ReplicaNet, rng } from '$lib/shared/testing/replica-net';
import { PayrollReplica } from './replica';
import { checkOpening, openingsMap } from './openings';

const D = (s: string) => s as DecimalString;
const us = (id: string, futa: string, replaces: string[] = [], personId = 'p1'): OpeningYtd => ({
	schemaVersion: 1,
	id,
	personId,
	jurisdiction: 'US',
	taxYear: '2026',
	us: {
		wages: D('1000.00'),
		federalIncomeTax: D('100.00'),
		socialSecurityWages: D('1000.00'),
		socialSecurityTax: D('62.00'),
		medicareWages: D('1000.00'),
		medicareTax: D('14.50'),
		futaWages: D(futa),
		supplementalWages: D('0.00')
	},
	replaces,
	recordedAt: '2026-06-01T00:00:00Z',
	recordedBy: 'm1'
});
const uk: OpeningYtd = {
	schemaVersion: 1,
	id: 'u1',
	personId: 'p2',
	jurisdiction: 'UK',
	taxYear: '2026-27',
	uk: {
		previousEmploymentPay: D('4666.66'),
		previousEmploymentTax: D('514.00'),
		thisEmploymentPay: D('0.00'),
		thisEmploymentTax: D('0.00'),
		ni: [
			{
				letter: 'A',
				grossEarnings: D('0.00'),
				atLel: D('0.00'),
				lelToPt: D('0.00'),
				ptToUel: D('0.00'),
				employeeNics: D('0.00'),
				employerNics: D('0.00')
			}
		],
		studentLoan: D('0.00'),
		postgraduateLoan: D('0.00')
	},
	replaces: [],
	recordedAt: '2026-06-01T00:00:00Z',
	recordedBy: 'm1'
};

describe('opening entry shape', () => {
	it('accepts well-formed US and UK entries', () => {
		expect(checkOpening(us('o1', '7000.00'), 'o1')).toBeNull();
		expect(checkOpening(uk, 'u1')).toBeNull();
	});
	it('names what is wrong, never a value', () => {
		const bad: [unknown, string][] = [
			[null, 'not an object'],
			[{ ...us('o1', '1.00'), id: 'x' }, 'id does not match its key'],
			[{ ...us('o1', '1.00'), schemaVersion: 2 }, 'schemaVersion is not 1'],
			[{ ...us('o1', '1.00'), personId: '' }, 'personId is missing'],
			[{ ...us('o1', '1.00'), replaces: ['o1'] }, 'replaces is not a list of other entries'],
			[{ ...us('o1', '1.00'), replaces: 'o0' }, 'replaces is not a list of other entries'],
			[{ ...us('o1', '1.00'), taxYear: '2026-27' }, 'taxYear is not a calendar year'],
			[us('o1', '-1.00'), 'us.futaWages is not an amount'],
			[us('o1', '1e9'), 'us.futaWages is not an amount'],
			[{ ...us('o1', '1.00'), jurisdiction: 'FR' }, 'jurisdiction is unknown'],
			[{ ...uk, id: 'o1', taxYear: '2026' }, 'taxYear is not a UK tax year'],
			[{ ...uk, id: 'o1', uk: { ...uk.uk, ni: [{ letter: 'a' }] } }, 'uk.ni[0].letter is not a letter'],
			[
				{ ...uk, id: 'o1', uk: { ...uk.uk, ni: [uk.uk.ni[0], uk.uk.ni[0]] } },
				'uk.ni[1].letter appears twice'
			],
			[{ ...uk, id: 'o1', uk: { ...uk.uk, studentLoan: 12 } }, 'uk.studentLoan is not an amount']
		];
		for (const [v, reason] of bad) expect(checkOpening(v, 'o1')).toBe(reason);
	});
});

describe('opening entries in a replica', () => {
	it("writes all or none, and keeps a peer's malformed value aside, shown and not counted", () => {
		const doc = new Y.Doc();
		const r = new PayrollReplica(doc);
		expect(r.recordOpenings([us('o1', '1.00'), { ...us('o2', '1.00'), personId: '' }]).ok).toBe(false);
		expect(r.openings()).toEqual([]);
		expect(r.recordOpenings([us('o1', '1.00'), uk]).ok).toBe(true);
		expect(r.recordOpenings([us('o1', '2.00')]).ok).toBe(false);
		openingsMap(doc).set('evil', { ...us('evil', '7000.00'), us: { futaWages: 'lots' } });
		expect(r.openings().map((e) => e.id)).toEqual(['o1', 'u1']);
		expect(r.quarantined()).toEqual([
			{ map: 'payrollOpenings', id: 'evil', reason: 'us.wages is not an amount' }
		]);
	});

	it('randomized replicas converge on the same entries and the same figures counted, over 40 seeds', () => {
		let conflicts = 0;
		for (let seed = 1; seed <= 40; seed++) {
			const random = rng(seed);
			const net = new ReplicaNet(3 + Math.floor(random() * 3), random);
			const reps = net.docs.map((d) => new PayrollReplica(d));
			let serial = 0;
			for (let k = 0; k < 50; k++) {
				const i = Math.floor(random() * reps.length);
				const r = reps[i] as PayrollReplica;
				const personId = random() < 0.7 ? 'p1' : 'p2';
				const roll = random();
				if (roll < 0.12) net.online[i] = !net.online[i];
				else if (roll < 0.85) {
					// A correction replaces whatever this replica sees standing for the person.
					const group = r.openings().filter((e) => e.personId === personId && e.jurisdiction === 'US');
					const replaces = standingEntries(group).map((e) => e.id);
					const futa = String(1000 * Math.floor(random() * 8)) + '.00';
					r.recordOpenings([us(`o${seed}-${serial++}`, futa, replaces, personId)]);
				} else openingsMap(net.docs[i] as Y.Doc).set(`bad${i}-${k}`, { id: `bad${i}-${k}`, personId });
				net.deliverSome(Math.floor(random() * 5));
			}
			net.flush();
			const snap = (r: PayrollReplica) =>
				JSON.stringify({
					entries: r.openings(),
					q: r.quarantined().map((x) => x.id),
					current: [...currentOpenings(r.openings())].sort(([a], [b]) => (a < b ? -1 : 1))
				});
			const first = snap(reps[0] as PayrollReplica);
			for (const r of reps) expect(snap(r) === first, `seed ${seed}: replicas differ`).toBe(true);
			if (currentOpenings((reps[0] as PayrollReplica).openings()).get('p1|US|2026')?.kind === 'conflict')
				conflicts++;
			// With everyone connected, one more correction settles any disagreement.
			const r0 = reps[0] as PayrollReplica;
			const group = r0.openings().filter((e) => e.personId === 'p1');
			if (group.length) {
				r0.recordOpenings([
					us(
						`fix${seed}`,
						'5000.00',
						standingEntries(group).map((e) => e.id)
					)
				]);
				net.flush();
				for (const r of reps) {
					const c = currentOpenings(r.openings()).get('p1|US|2026');
					expect(c?.kind === 'figures' && c.entry.id === `fix${seed}`, `seed ${seed}`).toBe(true);
				}
			}
		}
		// The runs really do produce concurrent corrections that disagree (and then settle).
		expect(conflicts).toBeGreaterThan(3);
	});
});
