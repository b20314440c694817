// Randomized multi-replica runs of pay runs in the people shard: 3–5 replicas create runs, enter
// hours, move them through review and approval, and finalize and mark them paid — often the same run
// on two replicas at once — with random disconnects and shuffled delivery, while a hostile peer
// writes malformed values. Afterwards every replica holds identical runs; each run has at most one
// finalized value, the same everywhere, and it never changes afterwards; every finalized run's
// journal balances; two teammates posting the same run to Books write one entry. Concurrent
// finalizations with different inputs settle on one run by digest: every device that lost is told at
// every moment (its attempt is listed as superseded), and Books holds one posting.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { dec, sum, type DecimalString } from '$lib/shared/domain';
import {
	computeRun,
	defaultAccountMap,
	periodAt,
	postedMatchesRun,
	runJournalEntry,
	type FinalizedRun,
	type PayrollAccounts
} from '$lib/payroll/domain/run';
import { draft, finalize, person, schedule, usComp } from '$lib/payroll/domain/run/fixtures';
import { ReplicaNet, rng } from '$lib/shared/testing/replica-net';
import { BooksReplica } from '../../books/sync/replica';
import { PayrollReplica } from './replica';
import * as docs from './doc';

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

	it('settle concurrent finalizations with different inputs on one run everywhere, and tell the others, over 40 seeds', () => {
		for (let seed = 1; seed <= 40; seed++) {
			const random = rng(500 + seed);
			const n = 3 + Math.floor(random() * 3);
			const net = new ReplicaNet(n, random);
			const booksNet = new ReplicaNet(n, random);
			const reps = net.docs.map((d) => new PayrollReplica(d));
			let serial = 0;
			const books = booksNet.docs.map((d, i) => new BooksReplica(d, { newId: () => `acc${i}-${serial++}` }));
			reps[0]?.saveSchedule(S);
			reps[0]?.saveDraft(draft('r1', S, periodAt(S, 0), ['a', 'b', 'c'], { bonuses: {} }));
			books[0]?.applyChartTemplate('us');
			net.flush();
			booksNet.flush();
			const accounts = {
				...defaultAccountMap(books[0]?.accounts() ?? []),
				netPayPayable: books[0]?.accounts().find((a) => a.code === '2100')?.id
			} as PayrollAccounts;
			// Two or more teammates each enter a bonus (most often a different one) and finalize,
			// with a little shuffled delivery between them: whoever has seen a finalized run is refused.
			const finalizers = reps.map((_, i) => i).filter((i) => i < 2 || random() < 0.5);
			const mine = new Map<number, string>();
			for (const i of finalizers) {
				const r = reps[i] as PayrollReplica;
				const d = r.draft('r1');
				const bonus = random() < 0.3 ? '100.00' : `${100 * (i + 1)}.00`;
				if (d && !r.final('r1')) r.saveDraft({ ...d, bonuses: { a: bonus as DecimalString } });
				const f = finalFor(r, 'r1', i);
				const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
				const written = f ? r.finalize({ ...f, finalizedAt: `2026-02-${day}T00:00:00Z` }) : null;
				if (written?.ok) {
					mine.set(i, written.value.attemptId ?? '');
					const e = runJournalEntry(written.value, accounts);
					expect(e.ok && books[i]?.postEntry(e.value).ok).toBe(true);
				} else expect(r.final('r1')).toBeDefined();
				net.deliverSome(Math.floor(random() * 3));
			}
			expect(mine.size).toBeGreaterThanOrEqual(1);
			// While updates arrive in any order, a device's own attempt is always either the run it
			// shows or listed as superseded there, and a run it showed is never replaced silently.
			const shown = reps.map((r) => r.final('r1')?.attemptId);
			const told = (r: PayrollReplica, id: string | undefined) =>
				id === undefined ||
				r.final('r1')?.attemptId === id ||
				r.superseded('r1').some((a) => a.attemptId === id);
			for (let step = 0; step < 200; step++) {
				net.deliverSome(1);
				reps.forEach((r, i) => {
					expect(told(r, mine.get(i)), `seed ${seed}: replica ${i} not told`).toBe(true);
					expect(told(r, shown[i]), `seed ${seed}: replica ${i} replaced silently`).toBe(true);
					shown[i] = r.final('r1')?.attemptId ?? shown[i];
				});
			}
			net.flush();
			booksNet.flush();
			const kept = reps[0]?.final('r1') as FinalizedRun;
			const attempts = [...mine.values()].sort();
			expect(kept.attemptId).toBe(attempts[0]);
			for (const r of reps) {
				expect(JSON.stringify(r.final('r1'))).toBe(JSON.stringify(kept));
				expect(r.superseded('r1').map((a) => a.attemptId)).toEqual(attempts.slice(1));
			}
			// Every device whose finalization lost sees it listed under its own name.
			for (const [i, id] of mine)
				if (id !== kept.attemptId)
					expect(reps[i]?.superseded('r1').find((a) => a.attemptId === id)?.finalizedBy).toBe(`m${i}`);
			// One posting in Books; when it carries figures that were not kept, a superseded attempt
			// with other figures is there to say so (the run page warns).
			for (const b of books) expect(b.entries().filter((e) => e.id === 'payroll-r1')).toHaveLength(1);
			const posted = books[0]?.entries().find((e) => e.id === 'payroll-r1');
			if (posted && !postedMatchesRun(posted, kept, accounts))
				expect(reps[0]?.superseded('r1').some((a) => !a.sameFigures)).toBe(true);
			// Later attempts are refused and change nothing.
			for (const [i, r] of reps.entries()) {
				const f = finalFor(r, 'r1', i);
				expect(f === null || !r.finalize(f).ok).toBe(true);
			}
			net.flush();
			for (const r of reps) expect(JSON.stringify(r.final('r1'))).toBe(JSON.stringify(kept));
		}
	});

	it('quarantines an attempt whose key is not the digest of its content', () => {
		const net = new ReplicaNet(2, rng(3));
		const reps = net.docs.map((d) => new PayrollReplica(d));
		reps[0]?.saveSchedule(S);
		reps[0]?.saveDraft(draft('r1', S, periodAt(S, 0), ['a']));
		net.flush();
		const f = finalFor(reps[0] as PayrollReplica, 'r1', 0) as FinalizedRun;
		const forged = { ...f, attemptId: '0'.repeat(64), finalizedBy: 'mallory' };
		docs.attemptsMap(net.docs[1] as Y.Doc).set(`r1/${'0'.repeat(64)}`, forged);
		expect(reps[0]?.finalize(f).ok).toBe(true);
		net.flush();
		for (const r of reps) {
			expect(r.final('r1')?.finalizedBy).toBe('m0');
			expect(r.quarantined().map((q) => q.reason)).toEqual(['digest does not match its content']);
		}
	});
});
