// UK gross-to-net for one pay period: PAYE by the tax table routines, Class 1 NI by category
// letter, pre-tax deductions by declared base (net-pay pension: tax only; salary sacrifice: tax and
// NI), then student and postgraduate loans (student-loan.ts) on the NI earnings.
// Invariant: net = gross + reimbursements − pre-tax − PAYE − employee NI − post-tax − loans.
import type Decimal from 'decimal.js';
import { dec, fail, ok, parseDecimal, toDecimalString, type Result } from '../../core';
import { buildPay, payslipLine } from '../earnings';
import { fmt } from '../format';
import { ukRulesFor } from '../rules/uk-rules';
import type { Payslip, UkFrequency, UkPayCase } from '../types';
import { calculateNi } from './ni';
import { calculatePaye, type PayePeriod } from './paye';
import { studentLoanLines } from './student-loan';
import { parseTaxCode } from './tax-code';

const SHAPE: Record<UkFrequency, { base: 52 | 12; span: number; periods: number }> = {
	weekly: { base: 52, span: 1, periods: 52 },
	'two-weekly': { base: 52, span: 2, periods: 26 },
	'four-weekly': { base: 52, span: 4, periods: 13 },
	monthly: { base: 12, span: 1, periods: 12 }
};

function ytdField(value: string, field: string, allowNegative: boolean): Result<Decimal> {
	const v = parseDecimal(value);
	if (!v || (!allowNegative && v.isNegative())) return fail('payroll/invalid-input', `${field}: expected a ${allowNegative ? '' : 'non-negative '}decimal string`, { field });
	return ok(v);
}

export function ukGrossToNet(c: UkPayCase): Result<Payslip> {
	const rulesR = ukRulesFor(c.taxYear, c.payDate);
	if (!rulesR.ok) return rulesR;
	const rules = rulesR.value;
	const shape = SHAPE[c.frequency];
	if (!shape) return fail('payroll/invalid-input', 'frequency: expected weekly|two-weekly|four-weekly|monthly', { field: 'frequency' });
	if (!Number.isInteger(c.period) || c.period < 1 || c.period > shape.periods)
		return fail('payroll/invalid-input', `period: expected 1-${shape.periods} for ${c.frequency} pay (week 53 payments are not supported)`, { field: 'period' });
	const codeR = parseTaxCode(c.taxCode);
	if (!codeR.ok) return codeR;
	const code = codeR.value;
	const payR = buildPay(c);
	if (!payR.ok) return payR;
	const pay = payR.value;
	const ytdPay = ytdField(c.ytd.taxablePay, 'ytd.taxablePay', false);
	if (!ytdPay.ok) return ytdPay;
	const ytdTax = ytdField(c.ytd.taxPaid, 'ytd.taxPaid', true);
	if (!ytdTax.ok) return ytdTax;

	const cumulative = c.basis === 'cumulative' && !code.nonCumulativeMarker;
	const period: PayePeriod = { base: shape.base, number: c.period * shape.span, span: shape.span };
	const taxablePay = pay.grossPay.minus(pay.reductions['UK.PAYE']);
	const payeR = calculatePaye({ rules, code, cumulative, period, pay: taxablePay, payToDateBefore: ytdPay.value, taxPaidBefore: ytdTax.value });
	if (!payeR.ok) return payeR;
	const paye = payeR.value;
	const niable = pay.grossPay.minus(pay.reductions['UK.NI']);
	const niR = calculateNi(rules, c.frequency, c.niCategory, niable);
	if (!niR.ok) return niR;
	const ni = niR.value;
	const niPay = niable.isNegative() ? dec(0) : niable;
	const loansR = studentLoanLines({ rules, frequency: c.frequency, plans: c.studentLoans, postgraduate: c.postgraduateLoan, earnings: niPay });
	if (!loansR.ok) return loansR;
	const loans = loansR.value;
	const loanTotal = loans.reduce((a, l) => a.plus(l.amount), dec(0));

	const net = pay.grossPay.plus(pay.reimbursements).minus(pay.preTaxTotal).minus(paye.tax).minus(ni.employee).minus(pay.postTaxTotal).minus(loanTotal);
	if (net.isNegative())
		return fail('payroll/negative-net', `postTax: deductions leave net pay negative (${fmt(net)}); reduce post-tax deductions`, { net: net.toFixed(2) });
	const s = (v: Decimal) => toDecimalString(v, 2);
	const taxablePayToDate = ytdPay.value.plus(taxablePay);
	return ok({
		jurisdiction: 'UK',
		taxYear: c.taxYear,
		frequency: c.frequency,
		lines: [
			...pay.lines,
			payslipLine('UK.PAYE', paye.tax.isNegative() ? 'Income tax (refund)' : 'Income tax (PAYE)', 'employee-tax', paye.tax, paye.basis),
			payslipLine('UK.NI.EE', 'National Insurance (employee)', 'employee-tax', ni.employee, ni.employeeBasis),
			payslipLine('UK.NI.ER', 'National Insurance (employer)', 'employer-tax', ni.employer, ni.employerBasis),
			...loans
		],
		grossPay: s(pay.grossPay),
		reimbursements: s(pay.reimbursements),
		net: s(net),
		employerCost: s(pay.grossPay.plus(pay.reimbursements).plus(ni.employer).plus(pay.employerContributionTotal)),
		uk: {
			taxablePay: s(taxablePay),
			taxablePayToDate: s(taxablePayToDate),
			taxDueToDate: s(paye.taxDueToDate),
			taxPaidToDate: s(ytdTax.value.plus(paye.tax)),
			niCategory: c.niCategory,
			niablePay: s(niPay),
			niBands: { atLel: s(ni.atLel), lelToPt: s(ni.lelToPt), ptToUel: s(ni.ptToUel) }
		}
	});
}
