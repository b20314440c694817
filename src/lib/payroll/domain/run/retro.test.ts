// Retro pay decided from the facts a finalized run records, never from two devices' clocks.
import { describe, expect, it } from 'vitest';
import { changesKnownAfter } from '../../../people/domain';
import type { Compensation } from '../../../people/domain';
import { computeRun, periodAt, type FinalizedRun } from './index';
import { draft, fact, finalize, person, schedule, usComp } from './fixtures';

const s = schedule();
const p = person('a', usComp('60000'));
const jan = draft('jan', s, periodAt(s, 0), ['a']);
const feb = draft('feb', s, periodAt(s, 1), ['a']);
/** Finalized on teammate A's device, whose clock is right. */
const FINALIZED_AT = '2026-01-31T12:00:00Z';
const fJan = finalize(
	jan,
	s,
	computeRun({ schedule: s, run: jan, people: [p], finalized: [] }),
	FINALIZED_AT,
	'2026'
);

const withRaise = (recordedAt: string) => ({
	...p,
	compensation: [
		...p.compensation,
		fact<Compensation>(
			'raise',
			'2026-01-16',
			{ pay: { kind: 'salaried', annualAmount: '72000' as never } },
			recordedAt
		)
	]
});
/** A run as finalized by a version of Keel that did not record the facts it knew. */
const legacy = (f: FinalizedRun): FinalizedRun => ({
	...f,
	payslips: f.payslips.map(({ knownFacts: _k, ...slip }) => slip)
});
const retroOf = (people: ReturnType<typeof withRaise>[], finalized: FinalizedRun[]) =>
	computeRun({ schedule: s, run: feb, people, finalized }).payslips[0]?.retro ?? [];

describe('retro pay under clock skew', () => {
	it('records on each payslip the ids of the facts it was computed from', () => {
		expect(fJan.payslips[0]?.knownFacts).toEqual({ employment: ['a-e'], compensation: ['a-c'] });
	});

	it('pays a raise recorded after finalizing by a device whose clock is two hours slow', () => {
		// Recorded at 13:00 real time on teammate B's device, which reads 11:00: before FINALIZED_AT.
		const raised = withRaise('2026-01-31T11:00:00Z');
		// What the clock comparison said: nothing to pay (the bug this replaces).
		expect(changesKnownAfter(raised.compensation, FINALIZED_AT, jan.period.end)).toEqual([]);
		const retro = retroOf([raised], [fJan]);
		expect(retro.map((r) => r.amount)).toEqual(['516.13']);
		expect(retro[0]?.basis).toContain(
			'not known when that run was finalized: pay change effective 2026-01-16'
		);
		// Paid once: the run after the retro run adds nothing.
		const fFeb = finalize(
			feb,
			s,
			computeRun({ schedule: s, run: feb, people: [raised], finalized: [fJan] }),
			'2026-02-28T12:00:00Z',
			'2026'
		);
		const mar = draft('mar', s, periodAt(s, 2), ['a']);
		const cMar = computeRun({ schedule: s, run: mar, people: [raised], finalized: [fJan, fFeb] });
		expect(cMar.payslips[0]?.retro).toEqual([]);
	});

	it('pays nothing twice for a fact the run knew, whatever time its device wrote on it', () => {
		// Recorded before finalizing by a device whose clock is two hours fast: the instant says later.
		const raised = withRaise('2026-01-31T13:30:00Z');
		const known = finalize(
			jan,
			s,
			computeRun({ schedule: s, run: jan, people: [raised], finalized: [] }),
			FINALIZED_AT,
			'2026'
		);
		expect(known.payslips[0]?.basePay).toBe('5516.13');
		expect(retroOf([raised], [known])).toEqual([]);
	});

	it('recomputes a run finalized by an older version and pays the difference with its reason', () => {
		const raised = withRaise('2026-01-31T11:00:00Z');
		const retro = retroOf([raised], [legacy(fJan)]);
		expect(retro.map((r) => r.amount)).toEqual(['516.13']);
		expect(retro[0]?.basis).toContain('earlier version of Keel');
		// Nothing changed since: recomputing finds no difference, so nothing is paid.
		expect(retroOf([{ ...p, compensation: [...p.compensation] }], [legacy(fJan)])).toEqual([]);
	});

	it('pays the difference when a fact the run was computed from is no longer held', () => {
		const raised = withRaise('2026-01-20T00:00:00Z');
		const known = finalize(
			jan,
			s,
			computeRun({ schedule: s, run: jan, people: [raised], finalized: [] }),
			FINALIZED_AT,
			'2026'
		);
		const c = computeRun({ schedule: s, run: feb, people: [p], finalized: [known] });
		expect(c.overpaid.map((o) => o.amount)).toEqual(['-516.13']);
		expect(c.overpaid[0]?.basis).toContain('no longer held');
	});
});
