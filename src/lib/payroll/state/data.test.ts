import { describe, expect, it } from 'vitest';
import type { IsoDate } from '$lib/shared/domain';
import type { Employee } from '$lib/people/domain';
import { computeRun, periodAt, type FinalizedRun } from '$lib/payroll/domain/run';
import { draft, fact, finalize, person, schedule, ukComp, usComp } from '$lib/payroll/domain/run/fixtures';
import { candidates, yearSummaries } from './data';

const employee = (id: string, given: string): Employee => ({
	schemaVersion: 1,
	id,
	legalName: { given, family: 'X' },
	contact: {},
	emergencyContacts: [],
	nationalIds: {},
	customFields: {},
	notes: []
});

describe('candidates', () => {
	it('lists who is employed in the period and says why someone does not fit the schedule', () => {
		const s = schedule();
		const records = {
			a: person('a', usComp('50000')),
			b: person('b', usComp('50000', 'weekly')),
			c: person('c', ukComp('30000')),
			d: person('d', usComp('50000'), '2027-01-01')
		};
		const got = candidates({
			schedule: s,
			period: periodAt(s, 0),
			people: [employee('a', 'Ann'), employee('b', 'Bo'), employee('c', 'Cy'), employee('d', 'Di')],
			employment: (id) => records[id as keyof typeof records].employment,
			compensation: (id) => records[id as keyof typeof records].compensation
		});
		expect(got.map((c) => [c.name, c.note])).toEqual([
			['Ann X', null],
			['Bo X', 'paid weekly'],
			['Cy X', 'paid in GBP']
		]);
	});
});

describe('who is in a run: the list and the computation agree', () => {
	it('lists exactly the people computeRun pays, joiners, leavers and corrected start dates included', () => {
		const s = schedule();
		const period = periodAt(s, 0); // January 2026
		const moved = person('g', usComp('50000'), '2026-01-10');
		const records = {
			a: person('a', usComp('50000')), // employed throughout
			b: person('b', usComp('50000'), '2026-01-15'), // joins mid-period
			c: person('c', usComp('50000'), '2025-01-01', '2026-01-10'), // leaves mid-period
			d: person('d', usComp('50000'), '2026-01-05', '2026-01-20'), // joins and leaves inside it
			e: person('e', usComp('50000'), '2025-01-01', '2025-12-31'), // left before it
			f: person('f', usComp('50000'), '2026-02-01'), // joins after it
			// Start date first recorded as 10 January, then corrected to 1 March: not in January's run.
			g: {
				...moved,
				employment: [
					...moved.employment,
					fact('g-fix', '2026-01-10', { startDate: '2026-03-01' as IsoDate }, '2026-01-02T00:00:00Z')
				]
			}
		};
		const ids = Object.keys(records) as (keyof typeof records)[];
		const listed = candidates({
			schedule: s,
			period,
			people: ids.map((id) => employee(id, id.toUpperCase())),
			employment: (id) => records[id as keyof typeof records].employment,
			compensation: (id) => records[id as keyof typeof records].compensation
		}).map((c) => c.personId);
		expect(listed).toEqual(['a', 'b', 'c', 'd']);
		const computed = computeRun({
			schedule: s,
			run: draft('r', s, period, ids),
			people: ids.map((id) => records[id]),
			finalized: []
		});
		expect(computed.payslips.map((p) => p.personId).sort()).toEqual(listed);
		expect(computed.problems.map((p) => p.personId).sort()).toEqual(['e', 'f', 'g']);
		// f's pay starts with the job, in February: that is said first.
		expect(computed.problems.map((p) => p.message).sort()).toEqual([
			'Person e is not employed in this period',
			'Person f has no pay recorded for this period',
			'Person g is not employed in this period'
		]);
	});
});

describe('yearSummaries', () => {
	it('sums Form 941 by quarter of the pay date and W-2 boxes by person from finalized runs', () => {
		const s = schedule();
		const people = [person('a', usComp('60000')), person('b', usComp('90000'))];
		const finals: FinalizedRun[] = [0, 1, 2, 3].map((n) => {
			const run = draft(`r${n}`, s, periodAt(s, n), ['a', 'b']);
			return finalize(
				run,
				s,
				computeRun({ schedule: s, run, people, finalized: [] }),
				'2026-05-01T00:00:00Z',
				'2026'
			);
		});
		const got = yearSummaries(finals, 'US', '2026');
		expect(got.quarters.map((q) => q.label)).toEqual(['Q1 2026', 'Q2 2026']);
		// Q1: three months of 5,000 + 7,500.
		expect(got.quarters[0]?.form941?.line2Wages).toBe('37500.00');
		expect(got.quarters[1]?.form941?.line2Wages).toBe('12500.00');
		expect(got.people.map((p) => [p.name, p.w2?.box1Wages])).toEqual([
			['Person a', '20000.00'],
			['Person b', '30000.00']
		]);
		expect(yearSummaries(finals, 'US', '2025').quarters).toEqual([]);
	});
	it('gives UK FPS/P60 figures per person', () => {
		const s = schedule({ jurisdiction: 'UK', currency: 'GBP', anchor: '2026-04-06' as IsoDate });
		const run = draft('u1', s, periodAt(s, 0), ['c']);
		const f = finalize(
			run,
			s,
			computeRun({ schedule: s, run, people: [person('c', ukComp('30000'))], finalized: [] }),
			'2026-05-06T00:00:00Z',
			'2026-27'
		);
		const got = yearSummaries([f], 'UK', '2026-27');
		expect(got.people[0]?.uk?.taxablePayToDate).toBe('2500.00');
		expect(got.people[0]?.uk?.niByLetter[0]?.letter).toBe('A');
	});
});
