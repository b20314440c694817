// HMRC's own 2025-26 test data for payroll software (see hmrc-2025-26/SOURCE.md): every Class 1 NIC
// case for employees (all 16 category letters HMRC tests, freeport and investment zone letters
// included; not directors) and every income tax case (rest of UK, Scotland, Wales),
// each run through grossToNet, the payroll engine (which must answer it, not refuse it), and each
// expected to the penny.
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../shared/domain';
import { grossToNet } from '../gross-to-net';
import { amountOf, ukCase } from '../test-helpers';
import type { PayCase, Payslip, UkFrequency, UkPayCase } from '../types';
import nic from './hmrc-2025-26/nic.json';
import nicFreeport from './hmrc-2025-26/nic-freeport-investment-zone.json';
import taxRestOfUk from './hmrc-2025-26/income-tax-rest-of-uk.json';
import taxScotland from './hmrc-2025-26/income-tax-scotland.json';
import taxWales from './hmrc-2025-26/income-tax-wales.json';

type NicRow = [
	id: string,
	letter: string,
	frequency: UkFrequency,
	gross: string,
	employee: string,
	employer: string,
	atLel: string,
	lelToPt: string,
	ptToUel: string
];
type TaxRow = [
	id: string,
	frequency: UkFrequency,
	period: number,
	basis: UkPayCase['basis'],
	code: string,
	gross: string,
	payBefore: string,
	paidBefore: string,
	taxInPeriod: string,
	dueToDate: string
];

const PATHS: readonly [string, (c: PayCase) => Payslip][] = [
	// The engine must answer the case itself (unwrap fails the test on a refusal).
	['grossToNet', (c) => unwrap(grossToNet(c))]
];

/** The fixture's column list is the one these tests read. */
function rows<T>(file: { columns: string[]; cases: unknown[] }, columns: readonly string[]): T[] {
	expect(file.columns).toEqual(columns);
	return file.cases as T[];
}

const NIC_COLUMNS = [
	'case',
	'letter',
	'frequency',
	'gross',
	'employeeNi',
	'employerNi',
	'earningsAtLel',
	'earningsLelToPt',
	'earningsPtToUel'
];
const TAX_COLUMNS = [
	'case',
	'frequency',
	'period',
	'basis',
	'taxCode',
	'gross',
	'taxablePayBefore',
	'taxPaidBefore',
	'taxInPeriod',
	'taxDueToDate'
];

function byLetter(cases: readonly NicRow[]): Map<string, NicRow[]> {
	const m = new Map<string, NicRow[]>();
	for (const c of cases) m.set(c[1], [...(m.get(c[1]) ?? []), c]);
	return m;
}

for (const [pathName, run] of PATHS) {
	for (const file of [nic, nicFreeport])
		describe(`${file.hmrc} 2025-26 via ${pathName}`, () => {
			for (const [letter, cases] of byLetter(rows<NicRow>(file, NIC_COLUMNS))) {
				describe(`category ${letter}`, () => {
					it.each(cases)(
						'%s %s %s: gross %s',
						(_id, letter, frequency, gross, employee, employer, atLel, lelToPt, ptToUel) => {
							const slip = run(ukCase({ frequency, gross, ni: letter, code: 'NT' }));
							expect({
								employee: amountOf(slip, 'UK.NI.EE'),
								employer: amountOf(slip, 'UK.NI.ER'),
								bands: slip.uk?.niBands
							}).toEqual({
								employee,
								employer,
								bands: { atLel, lelToPt, ptToUel }
							});
						}
					);
				});
			}
		});

	for (const file of [taxRestOfUk, taxScotland, taxWales]) {
		describe(`${file.hmrc} via ${pathName}`, () => {
			it.each(rows<TaxRow>(file, TAX_COLUMNS))(
				'%s: %s period %i %s %s, gross %s',
				(_id, frequency, period, basis, code, gross, payBefore, paidBefore, taxInPeriod, dueToDate) => {
					const slip = run(
						ukCase({ frequency, period, basis, code, gross, ytdPay: payBefore, ytdTax: paidBefore })
					);
					expect({ tax: amountOf(slip, 'UK.PAYE'), dueToDate: slip.uk?.taxDueToDate }).toEqual({
						tax: taxInPeriod,
						dueToDate
					});
				}
			);
		});
	}
}
