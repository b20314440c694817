// A finalized pay run never changes. A teammate holding the People key can still write straight into
// the shard (an edited copy of Keel): write over the run with ten times the salaries, delete it, or
// write a new finalization of it whose digest is lower than the real one's. Every replica, whatever
// order the writes arrive in, keeps the run as finalized and lists every attempt for review; only
// finalizations made without knowing of each other compete by digest.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { computeRun, periodAt, type FinalizedRun } from '$lib/payroll/domain/run';
import { draft, finalize, person, schedule, usComp } from '$lib/payroll/domain/run/fixtures';
import { newShardDoc } from '$lib/shared/sync/facts';
import { rng } from '$lib/shared/testing/replica-net';
import { PayrollReplica } from './replica';
import { attemptDigest, attemptKey } from './finals';
import * as docs from './doc';

const S = schedule();
const PEOPLE = [person('a', usComp('52000')), person('b', usComp('61000'))];

function honestRun(by = 'owner', at = '2026-01-31T00:00:00Z'): FinalizedRun {
	const run = draft('run1', S, periodAt(S, 0), ['a', 'b']);
	const c = computeRun({ schedule: S, run, people: PEOPLE, finalized: [] });
	return { ...finalize(run, S, c, at, '2026'), finalizedBy: by };
}

/** Ten times every amount on the payslips: still adds up, so only its history can give it away. */
function tenfold<T>(v: T): T {
	const walk = (x: unknown): unknown => {
		if (typeof x === 'string' && /^-?\d+(\.\d+)?$/.test(x)) {
			const [int = '0', frac = ''] = x.replace('-', '').split('.');
			const shifted = `${int}${frac.slice(0, 1) || '0'}${frac.length > 1 ? `.${frac.slice(1)}` : ''}`;
			const trimmed = shifted.replace(/^0+(?=\d)/, '');
			return x.startsWith('-') ? `-${trimmed}` : trimmed;
		}
		if (Array.isArray(x)) return x.map(walk);
		if (typeof x === 'object' && x !== null)
			return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, walk(y)]));
		return x;
	};
	return walk(v) as T;
}

/** A forged finalization of the run at ten times the pay, with a nonce tried until its digest is below `below`. */
function forgedAttempt(real: FinalizedRun, below: string): FinalizedRun & { attemptId: string } {
	const payslips = real.payslips.map((s) => ({ ...s, payslip: tenfold(s.payslip) }));
	for (let nonce = 0; ; nonce++) {
		const body = { ...real, payslips, finalizedBy: 'mallory', nonce };
		delete (body as { attemptId?: string }).attemptId;
		const id = attemptDigest(body);
		if (id < below) return { ...body, attemptId: id };
	}
}

/** The owner's shard with the run finalized, and its updates. */
function finalizedShard() {
	const doc = newShardDoc('people');
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	const r = new PayrollReplica(doc);
	r.saveSchedule(S);
	const result = r.finalize(honestRun());
	if (!result.ok) throw new Error(result.error.message);
	r.markPaid('run1', { paidOn: '2026-02-02' as never, at: '2026-02-02T00:00:00Z', by: 'owner' });
	return { doc, updates, run: result.value };
}

/** Mallory's replica, holding what the owner wrote, and what she writes on top of it. */
function attack(honest: readonly Uint8Array[], write: (doc: Y.Doc) => void): Uint8Array[] {
	const doc = newShardDoc('people');
	for (const u of honest) Y.applyUpdate(doc, u);
	const out: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => out.push(u));
	write(doc);
	return out;
}

function replicaFrom(updates: readonly Uint8Array[], seed: number): PayrollReplica {
	const doc = newShardDoc('people');
	const random = rng(seed);
	for (const u of [...updates].sort(() => random() - 0.5)) Y.applyUpdate(doc, u);
	return new PayrollReplica(doc);
}

const figures = (r: PayrollReplica) => JSON.stringify(r.final('run1')?.payslips.map((s) => s.payslip));

describe('a finalized pay run written over, removed or finalized again by a teammate', () => {
	const { updates, run } = finalizedShard();
	const real = JSON.stringify(run.payslips.map((s) => s.payslip));
	const forged = forgedAttempt(run, run.attemptId ?? '');

	it('the forgery adds up and would win by digest alone', () => {
		const doc = newShardDoc('people');
		const r = new PayrollReplica(doc);
		docs.attemptsMap(doc).set(attemptKey('run1', forged.attemptId), forged);
		expect(r.quarantined()).toEqual([]);
		expect(forged.attemptId < (run.attemptId ?? '')).toBe(true);
		expect(JSON.stringify(r.final('run1')?.payslips[0]?.payslip)).not.toBe(
			JSON.stringify(run.payslips[0]?.payslip)
		);
	});

	it('written over at ten times the pay: the run stays as finalized and the overwrite is listed', () => {
		const evil = attack(updates, (doc) => {
			docs
				.attemptsMap(doc)
				.set(attemptKey('run1', run.attemptId ?? ''), { ...forged, attemptId: run.attemptId });
			docs.finalsMap(doc).set('run1', { ...forged, attemptId: run.attemptId });
			docs.paymentsMap(doc).set('run1', { paidOn: '2026-03-01', at: 'x', by: 'mallory' });
		});
		for (const seed of [1, 2, 3, 4]) {
			const r = replicaFrom([...updates, ...evil], seed);
			expect(figures(r)).toBe(real);
			expect(r.payment('run1')?.by).toBe('owner');
			expect(r.rewrites().map((w) => `${w.what} ${w.kind} ${w.runId}`)).toEqual([
				'run changed run1',
				'run changed run1',
				'payment changed run1'
			]);
			expect(r.superseded('run1')).toEqual([]);
		}
	});

	it('removed: the run still counts, and the removal is listed', () => {
		const evil = attack(updates, (doc) => {
			docs.attemptsMap(doc).delete(attemptKey('run1', run.attemptId ?? ''));
			docs.finalsMap(doc).delete('run1');
		});
		const r = replicaFrom([...updates, ...evil], 5);
		expect(figures(r)).toBe(real);
		expect(r.rewrites().map((w) => `${w.what} ${w.kind}`)).toEqual(['run removed', 'run removed']);
		// And after a reopen from the stored state.
		const doc = newShardDoc('people');
		for (const u of [...updates, ...evil]) Y.applyUpdate(doc, u);
		const again = newShardDoc('people');
		Y.applyUpdate(again, Y.encodeStateAsUpdate(doc));
		expect(figures(new PayrollReplica(again))).toBe(real);
	});

	it('finalized again after it was finalized, with a lower digest: never the run, listed as late', () => {
		const withCopy = attack(updates, (doc) => {
			docs.attemptsMap(doc).set(attemptKey('run1', forged.attemptId), forged);
			docs.finalsMap(doc).set('run1', forged);
		});
		const withoutCopy = attack(updates, (doc) => {
			docs.attemptsMap(doc).set(attemptKey('run1', forged.attemptId), forged);
		});
		for (const evil of [withCopy, withoutCopy])
			for (const seed of [1, 2, 3]) {
				const r = replicaFrom([...updates, ...evil], seed);
				expect(figures(r)).toBe(real);
				expect(r.final('run1')?.attemptId).toBe(run.attemptId);
				expect(r.late('run1')).toEqual([
					{
						attemptId: forged.attemptId,
						finalizedBy: 'mallory',
						finalizedAt: run.finalizedAt,
						sameFigures: false
					}
				]);
				expect(r.lateRuns()).toEqual(['run1']);
				expect(r.superseded('run1')).toEqual([]);
			}
	});

	it('a live replica keeps the run when the forgery arrives, and says so', () => {
		const r = replicaFrom(updates, 9);
		let told = 0;
		r.onChange(() => told++);
		const evil = attack(updates, (doc) => {
			docs.attemptsMap(doc).set(attemptKey('run1', forged.attemptId), forged);
			docs.finalsMap(doc).set('run1', forged);
		});
		const doc = newShardDoc('people');
		for (const u of updates) Y.applyUpdate(doc, u);
		const live = new PayrollReplica(doc);
		for (const u of evil) Y.applyUpdate(doc, u);
		expect(figures(live)).toBe(real);
		expect(live.late('run1')).toHaveLength(1);
		expect(told).toBe(0);
	});

	it('two finalizations made without knowing of each other still compete by digest', () => {
		const a = newShardDoc('people');
		const b = newShardDoc('people');
		const ra = new PayrollReplica(a);
		const rb = new PayrollReplica(b);
		expect(ra.finalize(honestRun('ann', '2026-01-31T01:00:00Z')).ok).toBe(true);
		expect(rb.finalize(honestRun('bo', '2026-01-31T02:00:00Z')).ok).toBe(true);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		const kept = [ra.final('run1'), rb.final('run1')].map((f) => f?.attemptId);
		expect(kept[0]).toBe(kept[1]);
		expect(ra.superseded('run1')).toHaveLength(1);
		expect(ra.late('run1')).toEqual([]);
		expect(ra.rewrites()).toEqual([]);
	});
});
