// A run paid on a date no built-in pack covers: the worker names the missing tables as a typed
// problem; with the workspace's 2027 pack sent along it computes; the next call without it does not
// reuse it; a pack whose contents do not match its checksum is never used.
import { describe, expect, it } from 'vitest';
import { checkRulePack, packText } from '$lib/payroll/domain/rules';
import { ukTestPack, usTestPack } from '$lib/payroll/domain/rules/pack-fixtures';
import { draft, person, schedule, ukComp, usComp } from '$lib/payroll/domain/run/fixtures';
import { unwrap } from '$lib/shared/domain';
import { payrollApi } from './api';

const s = schedule({ anchor: '2026-01-01' as never });
const jan = (year: number) => ({ start: `${year}-01-01`, end: `${year}-01-31`, payDate: `${year}-01-31` });
const compute = (year: number, rulePacks?: Parameters<typeof payrollApi.computeRun>[0]['rulePacks']) =>
	payrollApi.computeRun({
		schedule: s,
		run: draft('r', s, jan(year), ['a']),
		people: [person('a', usComp('40000'))],
		finalized: [],
		...(rulePacks ? { rulePacks } : {})
	});

describe('payroll worker and rule packs', () => {
	it('names missing 2027 tables, computes with the pack sent along, and forgets it afterwards', async () => {
		const without = unwrap(await compute(2027));
		expect(without.payslips).toEqual([]);
		expect(without.problems).toEqual([
			{
				personId: 'a',
				name: 'Person a',
				message: 'Person a: US federal tables for 2027 are not loaded — import the 2027 rule pack',
				missingRules: { kind: 'us-federal', taxYear: '2027' }
			}
		]);
		const pack = unwrap(checkRulePack(usTestPack(2027)));
		const withPack = unwrap(await compute(2027, [packText(pack)]));
		expect(withPack.problems).toEqual([]);
		// The test pack carries the 2026 figures, so January pays what January 2026 paid.
		const net2026 = unwrap(await compute(2026)).payslips[0]?.payslip.net;
		expect(withPack.payslips[0]?.payslip.net).toBe(net2026);
		expect(unwrap(await compute(2027)).problems[0]?.missingRules).toEqual({
			kind: 'us-federal',
			taxYear: '2027'
		});
	});

	it('a pack whose text does not match its checksum is not used', async () => {
		const sealed = usTestPack(2027, '2027-01-01', '2027-12-31', 'forged after sealing');
		const forged = JSON.parse(JSON.stringify(sealed)) as typeof sealed & { socialSecurity: { rate: string } };
		forged.socialSecurity.rate = '0.01';
		const checksum = String(sealed.pack['checksum']);
		const got = unwrap(await compute(2027, [{ checksum, text: JSON.stringify(forged) }]));
		expect(got.problems[0]?.missingRules?.taxYear).toBe('2027');
	});

	it('UK: a pay date in 2027-28 names the UK tables', async () => {
		const uk = schedule({ jurisdiction: 'UK', currency: 'GBP', anchor: '2026-04-01' as never });
		const run = draft('u', uk, { start: '2027-04-01', end: '2027-04-30', payDate: '2027-04-30' }, ['b']);
		const people = [person('b', ukComp('30000'))];
		const got = unwrap(await payrollApi.computeRun({ schedule: uk, run, people, finalized: [] }));
		expect(got.problems[0]?.message).toBe(
			'Person b: UK tax tables for 2027-28 are not loaded — import the 2027-28 rule pack'
		);
		const pack = packText(unwrap(checkRulePack(ukTestPack(2027))));
		const paid = unwrap(
			await payrollApi.computeRun({ schedule: uk, run, people, finalized: [], rulePacks: [pack] })
		);
		expect(paid.problems).toEqual([]);
		expect(paid.payslips).toHaveLength(1);
	});
});
