// The CLI reads a case file and prints the statutory lines; bad input exits 1 naming the field.
import { describe, expect, it } from 'vitest';
import { memoryIo } from './memory-io';
import { run } from './payroll';

const fakeIo = memoryIo;

describe('keel payroll calc', () => {
	it('US case from the brief', async () => {
		const f = fakeIo({
			'us.json': JSON.stringify({
				jurisdiction: 'US',
				taxYear: 2026,
				frequency: 'biweekly',
				gross: '3100.00',
				w4: {
					version: 2020,
					filingStatus: 'single',
					step2: false,
					step3: '0',
					step4a: '0',
					step4b: '0',
					step4c: '0'
				},
				preTax: [{ kind: '401k', amount: '150.00' }],
				ytd: { socialSecurityWages: '0', medicareWages: '0' }
			})
		});
		expect(await run(['calc', '--input', 'us.json'], f.io)).toBe(0);
		const o = JSON.parse(f.out.join('')) as { lines: { code: string; amount: string }[]; net: string };
		expect(o.lines).toContainEqual({ code: 'US.FIT', amount: '309.38' });
		expect(o.lines).toContainEqual({ code: 'US.SS.ER', amount: '192.20' });
		expect(o.net).toBe('2403.47');
	});

	it('UK case from the brief, with taxDueToDate', async () => {
		const f = fakeIo({
			'uk.json': JSON.stringify({
				jurisdiction: 'UK',
				taxYear: '2025-26',
				frequency: 'monthly',
				period: 2,
				gross: '2500.00',
				taxCode: '1257L',
				basis: 'cumulative',
				niCategory: 'A',
				ytd: { taxablePay: '2500.00', taxPaid: '290.40' }
			})
		});
		expect(await run(['calc', '--input', 'uk.json'], f.io)).toBe(0);
		expect(JSON.parse(f.out.join(''))).toEqual({
			lines: [
				{ code: 'UK.PAYE', amount: '290.20' },
				{ code: 'UK.NI.EE', amount: '116.16' },
				{ code: 'UK.NI.ER', amount: '312.45' }
			],
			net: '2093.64',
			taxDueToDate: '580.60'
		});
	});

	it('UK student loan Plan 2 and postgraduate loan: lines UK.SL and UK.PGL', async () => {
		// Month 1, 3,000: PAYE 390.20, NI 156.16; Plan 2 (3,000 − 2,372.50) × 9% = 56.475 → 56;
		// postgraduate (3,000 − 1,750) × 6% = 75; net 3,000 − 390.20 − 156.16 − 56 − 75 = 2,322.64.
		const f = fakeIo({
			'uk.json': JSON.stringify({
				jurisdiction: 'UK',
				taxYear: '2025-26',
				frequency: 'monthly',
				period: 1,
				gross: '3000.00',
				taxCode: '1257L',
				studentLoans: ['plan2'],
				postgraduateLoan: true
			})
		});
		expect(await run(['calc', '--input', 'uk.json'], f.io)).toBe(0);
		expect(JSON.parse(f.out.join(''))).toEqual({
			lines: [
				{ code: 'UK.PAYE', amount: '390.20' },
				{ code: 'UK.NI.EE', amount: '156.16' },
				{ code: 'UK.NI.ER', amount: '387.45' },
				{ code: 'UK.SL', amount: '56.00' },
				{ code: 'UK.PGL', amount: '75.00' }
			],
			net: '2322.64',
			taxDueToDate: '390.20'
		});
	});

	it('UK student loan with a bad plan exits 1 naming the field', async () => {
		const f = fakeIo({
			'uk.json': JSON.stringify({
				jurisdiction: 'UK',
				taxYear: '2026-27',
				frequency: 'weekly',
				period: 1,
				gross: '600',
				taxCode: '1257L',
				studentLoans: ['plan3']
			})
		});
		expect(await run(['calc', '--input', 'uk.json'], f.io)).toBe(1);
		expect(f.err.join('')).toBe('uk.json: studentLoans[0]: expected plan1|plan2|plan4|plan5');
	});

	it('pre-2020 W-4 with allowances', async () => {
		const f = fakeIo({
			'c.json': JSON.stringify({
				jurisdiction: 'US',
				taxYear: 2026,
				frequency: 'biweekly',
				gross: '4000.00',
				w4: { version: 2019, filingStatus: 'married', allowances: 3 }
			})
		});
		expect(await run(['calc', '--input', 'c.json'], f.io)).toBe(0);
		expect(f.out.join('')).toContain('"312.31"');
	});

	it.each([
		[
			{
				jurisdiction: 'US',
				taxYear: 2026,
				frequency: 'biweekly',
				gross: '1',
				w4: { version: 2020, filingStatus: 'widow' }
			},
			'w4.filingStatus: expected single|married|head'
		],
		[
			{
				jurisdiction: 'US',
				taxYear: 2026,
				frequency: 'fortnightly',
				gross: '1',
				w4: { version: 2020, filingStatus: 'single' }
			},
			'frequency: expected'
		],
		[
			{
				jurisdiction: 'UK',
				taxYear: '2025-26',
				frequency: 'monthly',
				period: 1,
				gross: '1,000',
				taxCode: '1257L'
			},
			'gross:'
		],
		[
			{
				jurisdiction: 'UK',
				taxYear: '2025-26',
				frequency: 'monthly',
				period: 1,
				gross: '1000',
				taxCode: '12X'
			},
			'taxCode:'
		],
		[
			{
				jurisdiction: 'UK',
				taxYear: '2027-28',
				frequency: 'monthly',
				period: 1,
				gross: '1000',
				taxCode: '1257L'
			},
			'taxYear: no UK rule file'
		],
		[{ jurisdiction: 'FR' }, 'jurisdiction: expected US|UK']
	])('invalid input exits 1 and names the field (%#)', async (body, message) => {
		const f = fakeIo({ 'bad.json': JSON.stringify(body) });
		expect(await run(['calc', '--input', 'bad.json'], f.io)).toBe(1);
		expect(f.err.join('')).toContain(message);
	});

	it('a W-4 exempt claim withholds no income tax; a non-boolean claim is refused by name', async () => {
		const w4 = { version: 2020, filingStatus: 'single', exempt: true };
		const f = fakeIo({
			'ex.json': JSON.stringify({
				jurisdiction: 'US',
				taxYear: 2026,
				frequency: 'biweekly',
				gross: '3100.00',
				w4
			}),
			'bad.json': JSON.stringify({
				jurisdiction: 'US',
				taxYear: 2026,
				frequency: 'biweekly',
				gross: '3100.00',
				w4: { ...w4, exempt: 'yes' }
			})
		});
		expect(await run(['calc', '--input', 'ex.json'], f.io)).toBe(0);
		const o = JSON.parse(f.out.join('')) as { lines: { code: string; amount: string }[]; net: string };
		expect(o.lines).toContainEqual({ code: 'US.FIT', amount: '0.00' });
		expect(o.net).toBe('2862.85');
		expect(await run(['calc', '--input', 'bad.json'], f.io)).toBe(1);
		expect(f.err.join('')).toMatch(/w4\.exempt/);
	});

	it('usage errors', async () => {
		const f = fakeIo({});
		expect(await run(['calc'], f.io)).toBe(2);
		expect(await run(['calc', '--input', 'missing.json'], f.io)).toBe(1);
		expect(await run(['frobnicate'], f.io)).toBe(2);
	});
});
