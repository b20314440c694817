// Randomized multi-replica runs of pay runs in the people shard: 3–5 replicas create runs, enter
// hours, move them through review and approval, and finalize and mark them paid — often the same run
// on two replicas at once — with random disconnects and shuffled delivery, while a hostile peer
// writes malformed values. Afterwards every replica holds identical runs; each run has at most one
// finalized value, the same everywhere, and it never changes afterwards; every finalized run's
// journal balances; two teammates posting the same run to Books write one entry.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { dec, sum, type DecimalString } from '$lib/domain/core';
import {
	computeRun,
	defaultAccountMap,
	periodAt,
	runJournalEntry,
	type FinalizedRun,
	type PayrollAccounts
} from '$lib/domain/payroll/run';
import { draft, finalize, person, schedule, usComp } from '$lib/domain/payroll/run/fixtures';
import { ReplicaNet, rng } from '$lib/testing/replica-net';
import { BooksReplica } from './books-replica';
import { PayrollReplica } from './payroll-replica';
import * as docs from './payroll-doc';

const S = schedule();
const PEOPLE = ['a', 'b', 'c'].map((id, i) => person(id, usComp(String(40000 + i * 25000))));

function finalFor(r: PayrollReplica, runId: string, who: number): FinalizedRun | null {
	const d = r.draft(runId);
	if (!d) return null;
	const c = computeRun({
		schedule: S,
		run: d,
		people: PEOPLE.filter((p) => d.personIds.includes(p.personId)),
		finalized: r.finals()
	});
	return { ...finalize(d, S, c, `2026-0${1 + (who % 9)}-01T00:00:00Z`, '2026'), finalizedBy: `m${who}` };
}

describe('pay runs across replicas', () => {
	it('converge with one finalized value per run that never changes, over 60 seeds', () => {
		for (let seed = 1; seed <= 60; seed++) {
			const random = rng(seed);
			const net = new ReplicaNet(3 + Math.floor(random() * 3), random);
			const reps = net.docs.map((d) => new PayrollReplica(d));
			reps[0]?.saveSchedule(S);
			net.flush();
			const runIds = ['r0', 'r1', 'r2', 'r3'];
			const seen = new Map<string, string>();
			const step = (ops: number) => {
				for (let k = 0; k < ops; k++) {
					const i = Math.floor(random() * reps.length);
					const r = reps[i] as PayrollReplica;
					const runId = runIds[Math.floor(random() * runIds.length)] as string;
					const roll = random();
					if (roll < 0.1) net.online[i] = !net.online[i];
					else if (roll < 0.3)
						r.saveDraft(
							draft(runId, S, periodAt(S, runIds.indexOf(runId)), ['a', 'b', 'c'], { status: 'draft' })
						);
					else if (roll < 0.45) {
						const d = r.draft(runId);
						if (d)
							r.saveDraft({
								...d,
								hours: { ...d.hours, [`p${i}`]: String(1 + Math.floor(random() * 40)) as DecimalString }
							});
					} else if (roll < 0.55) {
						const d = r.draft(runId);
						if (d) r.saveDraft({ ...d, status: random() < 0.5 ? 'review' : 'approved' });
					} else if (roll < 0.75) {
						const f = finalFor(r, runId, i);
						if (f) r.finalize(f);
					} else if (roll < 0.85)
						r.markPaid(runId, {
							// After every run's pay date (a payment before it is refused; tested below).
							paidOn: '2026-05-01' as never,
							at: `2026-02-0${1 + i}T00:00:00Z`,
							by: `m${i}`
						});
					else if (roll < 0.9) docs.finalsMap(net.docs[i] as Y.Doc).set(`bad${i}`, { runId: 'other' });
					net.deliverSome(Math.floor(random() * 6));
				}
			};
			step(60);
			net.flush();
			const snap = (r: PayrollReplica) =>
				JSON.stringify({
					d: r.drafts(),
					f: r.finals(),
					p: runIds.map((id) => r.payment(id) ?? null),
					q: r.quarantined().map((x) => x.map + x.id)
				});
			const first = snap(reps[0] as PayrollReplica);
			for (const r of reps) expect(snap(r) === first, `seed ${seed}: replicas differ`).toBe(true);
			for (const f of reps[0]?.finals() ?? []) seen.set(f.runId, JSON.stringify(f));
			for (const f of reps[0]?.finals() ?? []) {
				const e = runJournalEntry(f, {
					wagesExpense: 'w',
					employerTaxesExpense: 't',
					taxLiability: 'l',
					deductionsLiability: 'd',
					netPayPayable: 'n',
					bank: 'b'
				});
				expect(e.ok && sum(e.value.lines.map((l) => dec(l.amount))).isZero()).toBe(true);
				expect(reps[0]?.drafts().some((d) => d.id === f.runId)).toBe(false);
			}
			expect(reps[0]?.quarantined().some((q) => q.id.startsWith('bad'))).toBe(
				reps.some((_, i) => docs.finalsMap(net.docs[i] as Y.Doc).size > (reps[i]?.finals().length ?? 0))
			);
			// More edits and finalize attempts later change no finalized run.
			step(40);
			net.flush();
			for (const r of reps)
				for (const [id, v] of seen)
					expect(JSON.stringify(r.final(id)) === v, `seed ${seed}: ${id} changed`).toBe(true);
			for (const r of reps)
				expect(snap(r) === snap(reps[0] as PayrollReplica), `seed ${seed}: replicas differ`).toBe(true);
		}
	});

	it('refuses a payment dated before the run is posted, whoever records it', () => {
		const net = new ReplicaNet(1, rng(3));
		const r = new PayrollReplica(net.docs[0] as Y.Doc);
		r.saveSchedule(S);
		const run = draft('run1', S, periodAt(S, 0), ['a']);
		const c = computeRun({ schedule: S, run, people: PEOPLE.slice(0, 1), finalized: [] });
		expect(r.finalize(finalize(run, S, c, '2026-01-20T00:00:00Z', '2026')).ok).toBe(true);
		expect(run.period.payDate).toBe('2026-01-30');
		const early = r.markPaid('run1', { paidOn: '2026-01-29' as never, at: 'x', by: 'm1' });
		expect(!early.ok && early.error.message).toContain(
			"Paid on: 2026-01-29 is before this run's posting date"
		);
		expect(r.payment('run1')).toBeUndefined();
		expect(r.markPaid('run1', { paidOn: '2026-01-30' as never, at: 'x', by: 'm1' }).ok).toBe(true);
	});

	it('two teammates posting the same finalized run write one journal entry', () => {
		const net = new ReplicaNet(2, rng(7));
		let serial = 0;
		const books = net.docs.map((d, i) => new BooksReplica(d, { newId: () => `acc${i}-${serial++}` }));
		books[0]?.applyChartTemplate('us');
		net.flush();
		const accounts = {
			...defaultAccountMap(books[0]?.accounts() ?? []),
			netPayPayable: books[0]?.accounts().find((a) => a.code === '2100')?.id
		} as PayrollAccounts;
		const run = draft('run1', S, periodAt(S, 0), ['a', 'b']);
		const final = finalize(
			run,
			S,
			computeRun({ schedule: S, run, people: PEOPLE.slice(0, 2), finalized: [] }),
			'2026-01-31T00:00:00Z',
			'2026'
		);
		net.online.fill(false);
		for (const b of books) {
			const e = runJournalEntry(final, accounts);
			if (!e.ok) throw new Error(e.error.message);
			expect(b.postEntry(e.value).ok).toBe(true);
		}
		net.flush();
		for (const b of books) expect(b.entries().filter((e) => e.id === 'payroll-run1')).toHaveLength(1);
		expect(books[0]?.entries().length).toBe(1);
	});

	it("keeps two teammates' one-off inputs for different people, and refuses a malformed one", () => {
		const net = new ReplicaNet(2, rng(11));
		const reps = net.docs.map((d) => new PayrollReplica(d));
		reps[0]?.saveSchedule(S);
		reps[0]?.saveDraft(
			draft('run1', S, periodAt(S, 0), ['a', 'b'], { status: 'draft', bonuses: {}, oneOffDeductions: {} })
		);
		net.flush();
		net.online.fill(false);
		const D = (s: string) => s as DecimalString;
		const edit = (i: number, patch: (d: NonNullable<ReturnType<PayrollReplica['draft']>>) => object) => {
			const d = reps[i]?.draft('run1');
			if (!d) throw new Error('no draft');
			expect(reps[i]?.saveDraft({ ...d, ...patch(d) }).ok).toBe(true);
		};
		edit(0, (d) => ({ bonuses: { ...d.bonuses, a: D('500.00') }, overtimeHours: { a: D('4') } }));
		edit(1, (d) => ({ bonuses: { ...d.bonuses, b: D('250.00') }, oneOffDeductions: { b: D('20.00') } }));
		net.online.fill(true);
		net.flush();
		for (const r of reps)
			expect(r.draft('run1')).toMatchObject({
				bonuses: { a: '500.00', b: '250.00' },
				overtimeHours: { a: '4' },
				oneOffDeductions: { b: '20.00' }
			});
		const d = reps[0]?.draft('run1');
		expect(d && reps[0]?.saveDraft({ ...d, reimbursements: { a: D('ten') } }).ok).toBe(false);
	});
});
