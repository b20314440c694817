import { describe, expect, it } from 'vitest';
import { periodAt } from '$lib/payroll/domain/run';
import { draft, person, schedule, usComp } from '$lib/payroll/domain/run/fixtures';
import { generateCases } from '$lib/payroll/domain/generated-cases';
import { grossToNet } from '$lib/payroll/domain';
import { payrollApi } from './api';

describe('payrollApi', () => {
	it('computes a run from People records and answers values, not exceptions', async () => {
		const s = schedule();
		const got = await payrollApi.computeRun({
			schedule: s,
			run: draft('r', s, periodAt(s, 0), ['a']),
			people: [person('a', usComp('40000'))],
			finalized: []
		});
		expect(got.ok && got.value.payslips[0]?.payslip.net).toBe('2860.00');
		const bad = await payrollApi.computeRun({
			schedule: s,
			run: null as never,
			people: [person('a', usComp('40000'))],
			finalized: []
		});
		expect(bad).toMatchObject({ ok: false, error: { code: 'payroll/worker' } });
	});
	it('runs a batch exactly as grossToNet does case by case', async () => {
		const cases = generateCases(7, 200);
		const got = await payrollApi.grossToNetBatch({ cases });
		expect(got.ok && got.value.results).toEqual(cases.map((c) => grossToNet(c)));
	});
});
