import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asOf, asOfKnownAt, changesKnownAfter, changesNotKnown, validateHistory, type Fact } from './history';
import { employmentAsOf, employmentRules, validateEmploymentHistory, type Employment } from './employment';
import { compensationAsOf, validateCompensationHistory, type Compensation } from './compensation';
import { compensation, d, employment, fact, n } from './test-fixtures';

const hired = fact<Employment>('f1', '2025-01-06', '2025-01-02T09:00:00Z', employment());
const promoted = fact<Employment>('f2', '2025-07-01', '2025-06-20T09:00:00Z', {
	jobTitle: 'Senior Engineer'
});

describe('asOf on, before and after a change', () => {
	const history = [promoted, hired];
	it('is undefined before the first fact', () => {
		expect(asOf(history, d('2025-01-05'))).toBeUndefined();
	});
	it('is the hire state the day before the change', () => {
		expect(employmentAsOf(history, d('2025-06-30'))?.jobTitle).toBe('Engineer');
	});
	it('takes the change on its effective date', () => {
		expect(employmentAsOf(history, d('2025-07-01'))?.jobTitle).toBe('Senior Engineer');
	});
	it('keeps fields the change did not touch', () => {
		expect(employmentAsOf(history, d('2026-01-01'))?.department).toBe('Engineering');
	});
	it('clears a field with null', () => {
		const h = [
			hired,
			fact<Employment>('f3', '2025-03-01', '2025-03-01T00:00:00Z', { managerId: 'm1' }),
			fact<Employment>('f4', '2025-04-01', '2025-04-01T00:00:00Z', { managerId: null })
		];
		expect(employmentAsOf(h, d('2025-03-15'))?.managerId).toBe('m1');
		expect(employmentAsOf(h, d('2025-04-15'))?.managerId).toBeNull();
	});
});

describe('a back-dated change known later', () => {
	const paid = fact<Compensation>('c1', '2025-01-01', '2024-12-15T10:00:00Z', compensation());
	const raise = fact<Compensation>('c2', '2025-03-01', '2025-05-10T14:00:00Z', {
		pay: { kind: 'salaried', annualAmount: n('55000') }
	});
	const history = [paid, raise];
	const aprilRunFinalised = '2025-04-25T17:00:00Z';
	it('is what is true now for March', () => {
		expect(compensationAsOf(history, d('2025-03-31'))?.pay).toEqual({
			kind: 'salaried',
			annualAmount: '55000'
		});
	});
	it('was not known when the April run was finalised', () => {
		expect(asOfKnownAt(history, d('2025-03-31'), aprilRunFinalised)?.pay).toEqual({
			kind: 'salaried',
			annualAmount: '50000'
		});
	});
	it('is listed as a change payroll has not yet seen', () => {
		expect(changesKnownAfter(history, aprilRunFinalised, d('2025-04-30')).map((f) => f.id)).toEqual(['c2']);
		expect(changesKnownAfter(history, '2025-05-11T00:00:00Z', d('2025-04-30'))).toEqual([]);
	});
	it('is listed by id as unknown to a run that recorded only c1, whatever the clocks said', () => {
		// Recorded "before" the run by a clock two hours slow: the instants say known, the ids say not.
		const slow = { ...raise, recordedAt: '2025-04-25T15:00:00Z' };
		expect(changesNotKnown([paid, slow], new Set(['c1']), d('2025-04-30')).map((f) => f.id)).toEqual(['c2']);
		expect(changesNotKnown([paid, slow], new Set(['c1', 'c2']), d('2025-04-30'))).toEqual([]);
		expect(changesNotKnown([paid, slow], new Set(['c1']), d('2025-02-28'))).toEqual([]);
	});
	it('a correction on the same effective date wins by recordedAt, not by array order', () => {
		const fix = fact<Compensation>('c0', '2025-03-01', '2025-05-11T08:00:00Z', {
			pay: { kind: 'salaried', annualAmount: n('54000') }
		});
		expect(compensationAsOf([fix, paid, raise], d('2025-03-01'))?.pay).toEqual({
			kind: 'salaried',
			annualAmount: '54000'
		});
		expect(compensationAsOf([raise, paid, fix], d('2025-03-01'))?.pay).toEqual({
			kind: 'salaried',
			annualAmount: '54000'
		});
	});
	it('compares instants by time, not text', () => {
		const a = fact<Compensation>('x', '2025-03-01', '2025-05-10T14:00:00.500Z', { currency: 'USD' });
		expect(compensationAsOf([paid, raise, a], d('2025-03-02'))?.currency).toBe('USD');
	});
});

describe('validating histories', () => {
	it('accepts a hire and a promotion', () => {
		expect(validateEmploymentHistory([hired, promoted]).ok).toBe(true);
	});
	it('rejects two facts with the same effective date and recordedAt', () => {
		const twin = fact<Employment>('f9', '2025-07-01', '2025-06-20T09:00:00.000Z', { jobTitle: 'Lead' });
		const r = validateEmploymentHistory([hired, promoted, twin]);
		expect(r.ok ? '' : r.error.message).toContain('f9');
		expect(JSON.stringify(r)).toContain('hr/history-conflict');
	});
	it('rejects an end date before the start, naming the field', () => {
		const left = fact<Employment>('f5', '2025-09-30', '2025-09-01T00:00:00Z', {
			endDate: d('2024-12-31'),
			endReason: 'resignation'
		});
		const r = validateEmploymentHistory([hired, left]);
		expect(JSON.stringify(r)).toContain('employment@2025-09-30.endDate');
	});
	it('rejects an end date without a reason, and a part-timer at FTE 1', () => {
		const r1 = validateEmploymentHistory([
			hired,
			fact<Employment>('f6', '2025-09-30', '2025-09-01T00:00:00Z', { endDate: d('2025-09-30') })
		]);
		expect(JSON.stringify(r1)).toContain('endReason');
		const r2 = validateEmploymentHistory([
			fact<Employment>('g', '2025-01-01', '2025-01-01T00:00:00Z', employment({ employmentType: 'partTime' }))
		]);
		expect(JSON.stringify(r2)).toContain('hr/fte-range');
	});
	it('rejects a history whose first fact is incomplete', () => {
		const r = validateHistory([promoted], employmentRules);
		expect(r.ok ? '' : r.error.code).toBe('hr/invalid-history');
		expect(JSON.stringify(r)).toContain('hr/history-incomplete');
	});
	it('rejects bad dates, instants and duplicate ids', () => {
		const bad = [
			hired,
			{ ...promoted, id: 'f1', effectiveDate: d('2025-02-30'), recordedAt: '2025-06-20 09:00' }
		];
		const text = JSON.stringify(validateEmploymentHistory(bad));
		expect(text).toContain('hr/history-duplicate-id');
		expect(text).toContain('hr/date-format');
		expect(text).toContain('hr/instant-format');
	});
	it('checks compensation rules', () => {
		const ok = validateCompensationHistory([
			fact<Compensation>('c', '2025-01-01', '2025-01-01T00:00:00Z', compensation())
		]);
		expect(ok.ok).toBe(true);
		const bad = compensation({
			pay: { kind: 'hourly', hourlyRate: n('0') },
			currency: 'pounds',
			tax: {
				uk: {
					taxCode: '1257X',
					basis: 'week1month1',
					niCategory: 'G',
					starterDeclaration: 'B',
					studentLoanPlans: ['plan2', 'plan2'],
					postgraduateLoan: true
				},
				us: {
					form: 'w4-pre2020',
					filingStatus: 'single',
					allowances: -1,
					additionalWithholding: n('0'),
					exempt: false
				}
			}
		});
		const text = JSON.stringify(
			validateCompensationHistory([fact<Compensation>('c', '2025-01-01', '2025-01-01T00:00:00Z', bad)])
		);
		for (const f of [
			'pay.hourlyRate',
			'currency',
			'tax.uk.taxCode',
			'tax.uk.niCategory',
			'tax.uk.studentLoanPlans',
			'tax.us.allowances'
		]) {
			expect(text).toContain(f);
		}
	});
	it('accepts UK tax codes HMRC issues and a 2020 W-4', () => {
		for (const taxCode of ['1257L', 'S1257L', 'C1257L', 'K475', 'BR', 'D0', 'D1', 'NT', '0T', 'S0T']) {
			const c = compensation({
				tax: {
					uk: {
						taxCode,
						basis: 'cumulative',
						niCategory: 'M',
						starterDeclaration: 'A',
						studentLoanPlans: ['plan5'],
						postgraduateLoan: true
					}
				}
			});
			expect(
				validateCompensationHistory([fact<Compensation>('c', '2025-01-01', '2025-01-01T00:00:00Z', c)]).ok,
				taxCode
			).toBe(true);
		}
		const us = compensation({
			currency: 'USD',
			tax: {
				us: {
					form: 'w4-2020',
					filingStatus: 'marriedJointly',
					step2MultipleJobs: true,
					step3Dependents: n('4000'),
					step4aOtherIncome: n('0'),
					step4bDeductions: n('12.50'),
					step4cExtraWithholding: n('25'),
					exempt: false
				}
			}
		});
		expect(
			validateCompensationHistory([fact<Compensation>('c', '2025-01-01', '2025-01-01T00:00:00Z', us)]).ok
		).toBe(true);
	});
});

// Random histories of one field: each fact sets `v` to its own id, so the winner is visible.
type V = { v: string };
const arbDate = fc
	.integer({ min: 0, max: 60 })
	.map((k) => `2025-01-${String(1 + (k % 28)).padStart(2, '0')}`);
const arbInstant = fc
	.integer({ min: 0, max: 10_000 })
	.map((k) => new Date(Date.UTC(2025, 0, 1) + k * 60_000).toISOString().replace('.000', ''));
const arbHistory = fc
	.uniqueArray(fc.record({ effectiveDate: arbDate, recordedAt: arbInstant }), {
		selector: (f) => `${f.effectiveDate}|${f.recordedAt}`,
		maxLength: 12
	})
	.map((rows) =>
		rows.map((r, i): Fact<V> => fact<V>(`f${i}`, r.effectiveDate, r.recordedAt, { v: `f${i}` }))
	);

describe('as-of properties', () => {
	it('does not depend on the order facts arrive in', () => {
		fc.assert(
			fc.property(
				arbHistory.chain((h) =>
					fc.tuple(fc.constant(h), fc.shuffledSubarray(h, { minLength: h.length, maxLength: h.length }))
				),
				arbDate,
				([h, shuffled], date) => {
					expect(asOf(shuffled, d(date))).toEqual(asOf(h, d(date)));
				}
			)
		);
	});
	it('is monotone in knowledge: facts recorded after knownAt never change what was known then', () => {
		fc.assert(
			fc.property(arbHistory, arbHistory, arbDate, arbInstant, (h, later, date, knownAt) => {
				const before = asOfKnownAt(h, d(date), knownAt);
				const lateFacts = later
					.filter((f) => f.recordedAt > knownAt)
					.map((f) => ({ ...f, id: `late-${f.id}`, changes: { v: `late-${f.id}` } }));
				expect(asOfKnownAt([...h, ...lateFacts], d(date), knownAt)).toEqual(before);
			})
		);
	});
	it('is monotone in time: facts effective after a date never change that date', () => {
		fc.assert(
			fc.property(arbHistory, arbDate, (h, date) => {
				const early = h.filter((f) => f.effectiveDate <= date);
				expect(asOf(h, d(date))).toEqual(asOf(early, d(date)));
			})
		);
	});
	it('once a value takes effect it stays until a later-effective fact replaces it', () => {
		fc.assert(
			fc.property(arbHistory, arbDate, arbDate, (h, a, b) => {
				const [lo, hi] = a <= b ? [a, b] : [b, a];
				const between = h.some((f) => f.effectiveDate > lo && f.effectiveDate <= hi);
				if (!between) expect(asOf(h, d(hi))).toEqual(asOf(h, d(lo)));
			})
		);
	});
	it('knowing everything equals asOf', () => {
		fc.assert(
			fc.property(arbHistory, arbDate, (h, date) => {
				expect(asOfKnownAt(h, d(date), '2099-01-01T00:00:00Z')).toEqual(asOf(h, d(date)));
			})
		);
	});
});
