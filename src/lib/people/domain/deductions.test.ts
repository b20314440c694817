// Recurring deductions and the full W-4 / UK PAYE settings: every problem names its field in words.
import { describe, expect, it } from 'vitest';
import { checkCompensation, validateCompensationHistory, type Compensation } from './compensation';
import {
	checkDeductions,
	deductionLabel,
	DEDUCTION_KIND_LIST,
	DEDUCTION_KINDS,
	type RecurringDeduction
} from './deductions';
import { compensation, fact, n } from './test-fixtures';

const row = (over: Partial<RecurringDeduction> = {}): RecurringDeduction => ({
	id: 'd1',
	kind: 'ukNetPayPension',
	label: '',
	basis: 'percent',
	amount: n('5'),
	...over
});

describe('checkDeductions', () => {
	it('accepts fixed amounts to the cent and percentages up to 100', () => {
		expect(
			checkDeductions(
				[
					row(),
					row({ id: 'd2', basis: 'fixed', amount: n('12.50'), kind: 'postTax', label: 'Union dues' }),
					row({ id: 'd3', amount: n('100') })
				],
				'deductions',
				'UK'
			)
		).toEqual([]);
	});
	it('names the row and field of each problem', () => {
		const problems = checkDeductions(
			[
				row({ amount: n('0') }),
				row({ id: 'd2', basis: 'fixed', amount: n('1.234') }),
				row({ id: 'd3', amount: n('120') }),
				row({ id: 'd4', kind: 'us401k' }),
				row({ id: 'd4', kind: 'nope' as never })
			],
			'deductions',
			'UK'
		);
		expect(problems.map((p) => [p.field, p.message])).toEqual([
			[
				'deductions[0].amount',
				'Deduction 1 (Pension, net pay arrangement) percentage must be above 0 (at most 4 decimal places)'
			],
			[
				'deductions[1].amount',
				'Deduction 2 (Pension, net pay arrangement) amount must be a positive amount per pay period, to the cent'
			],
			['deductions[2].amount', 'Deduction 3 (Pension, net pay arrangement) percentage must be at most 100'],
			['deductions[3].kind', 'Deduction 4 (401(k) (pre-tax)) is a US item, but the tax settings are UK'],
			['deductions[4].kind', 'Deduction 5: kind is not one Keel knows']
		]);
	});
	it('labels an item by its own name, else its kind', () => {
		expect(deductionLabel(row())).toBe('Pension, net pay arrangement');
		expect(deductionLabel(row({ label: ' Aviva pension ' }))).toBe('Aviva pension');
		for (const k of DEDUCTION_KIND_LIST) expect(DEDUCTION_KINDS[k].label).not.toBe('');
	});
});

describe('compensation with deductions and full tax settings', () => {
	const valid = (c: Compensation) =>
		validateCompensationHistory([fact<Compensation>('c', '2025-01-01', '2025-01-01T00:00:00Z', c)]);
	it('keeps deductions in the effective-dated record', () => {
		const r = valid(compensation({ deductions: [row()] }));
		expect(r.ok).toBe(true);
		expect(valid(compensation({ deductions: [row({ amount: n('-1') })] })).ok).toBe(false);
	});
	it('names W-4 fields in words, 2020 and pre-2020', () => {
		const w2020 = checkCompensation(
			compensation({
				tax: {
					us: {
						form: 'w4-2020',
						filingStatus: 'marriedJointly',
						step2MultipleJobs: true,
						step3Dependents: n('-1'),
						step4aOtherIncome: n('x'),
						step4bDeductions: n('0'),
						step4cExtraWithholding: n('25'),
						exempt: false
					}
				}
			}),
			'c'
		);
		expect(w2020.map((p) => [p.field, p.message])).toEqual([
			[
				'c.tax.us.step3Dependents',
				'Form W-4 Step 3 (credits for dependents) must be an amount of 0 or more, like 2000 or 25.50'
			],
			[
				'c.tax.us.step4aOtherIncome',
				'Form W-4 Step 4(a) (other income) must be an amount of 0 or more, like 2000 or 25.50'
			]
		]);
		const pre = checkCompensation(
			compensation({
				tax: {
					us: {
						form: 'w4-pre2020',
						filingStatus: 'marriedWithholdAtSingleRate',
						allowances: Number.NaN,
						additionalWithholding: n('10'),
						exempt: true
					}
				}
			}),
			'c'
		);
		expect(pre.map((p) => p.message)).toEqual([
			'Form W-4 (before 2020) allowances must be a whole number, 0 or more'
		]);
	});
	it('checks the UK basis, starter declaration and loan plans', () => {
		const uk = checkCompensation(
			compensation({
				tax: {
					uk: {
						taxCode: '1257L',
						basis: 'weekly' as never,
						niCategory: 'A',
						starterDeclaration: 'D' as never,
						studentLoanPlans: ['plan3' as never],
						postgraduateLoan: true
					}
				}
			}),
			'c'
		);
		expect(uk.map((p) => p.field)).toEqual([
			'c.tax.uk.basis',
			'c.tax.uk.starterDeclaration',
			'c.tax.uk.studentLoanPlans'
		]);
		expect(uk[1]?.message).toBe('Starter declaration must be A, B, C, or a P45');
	});
});
