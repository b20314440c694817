// UK gross-to-net for one pay period: PAYE by the tax table routines, Class 1 NI by category
// letter, pre-tax deductions by declared base (net-pay pension: tax only; salary sacrifice: tax and
// NI), then student and postgraduate loans (student-loan.ts) on the NI earnings; in integer pence.
// Invariant: net = gross + reimbursements − pre-tax − PAYE − employee NI − post-tax − loans.
import {
	addUnits,
	Dec,
	fail,
	formatUnits,
	ok,
	readDecimal,
	rescaleUnits,
	type Result,
	subUnits
} from '../../../shared/domain';
import { amountProblem, buildPay, negativeNet, payslipLine } from '../earnings';
import { ukRulesFor } from '../rules/uk-rules';
import type { Payslip, UkFrequency, UkPayCase } from '../types';
import { calculateNi } from './ni';
import { calculatePaye, type PayePeriod } from './paye';
import { studentLoanLines } from './student-loan';
import { parseTaxCode, type TaxCode } from './tax-code';

const SHAPE: Readonly<Record<UkFrequency, { base: 52 | 12; span: number; periods: number }>> = {
	weekly: { base: 52, span: 1, periods: 52 },
	'two-weekly': { base: 52, span: 2, periods: 26 },
	'four-weekly': { base: 52, span: 4, periods: 13 },
	monthly: { base: 12, span: 1, periods: 12 }
};

function ytdField(value: unknown, field: string, allowNegative: boolean): Result<number> {
	const r = readDecimal(value, { trim: true, places: 2 });
	if (typeof r === 'object' && (allowNegative || !r.negative))
		return ok(rescaleUnits(r.n, r.scale, 2, 'down'));
	const expected = `expected a ${allowNegative ? '' : 'non-negative '}decimal string`;
	return fail('payroll/invalid-input', amountProblem(field, typeof r === 'object' ? 'bad' : r, expected), {
		field
	});
}

/** Tax codes read once each (a pay run repeats a handful of codes). */
const codes = new Map<string, Result<TaxCode>>();
function taxCode(text: unknown): Result<TaxCode> {
	if (typeof text !== 'string') return parseTaxCode(String(text));
	let r = codes.get(text);
	if (!r) {
		r = parseTaxCode(text);
		if (codes.size < 10_000) codes.set(text, r);
	}
	return r;
}

export function ukGrossToNet(c: UkPayCase): Result<Payslip> {
	const rulesR = ukRulesFor(c.taxYear, c.payDate);
	if (!rulesR.ok) return rulesR;
	const rules = rulesR.value;
	if (typeof c.frequency !== 'string' || !Object.prototype.hasOwnProperty.call(SHAPE, c.frequency))
		return fail('payroll/invalid-input', 'frequency: expected weekly|two-weekly|four-weekly|monthly', {
			field: 'frequency'
		});
	const shape = SHAPE[c.frequency];
	if (!Number.isInteger(c.period) || c.period < 1 || c.period > shape.periods)
		return fail(
			'payroll/invalid-input',
			`period: expected 1-${shape.periods} for ${c.frequency} pay (week 53 payments are not supported)`,
			{ field: 'period' }
		);
	const codeR = taxCode(c.taxCode);
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
	const taxablePay = subUnits(pay.grossPay, pay.reductions['UK.PAYE']);
	const payeR = calculatePaye({
		rules,
		code,
		cumulative,
		period,
		pay: taxablePay,
		payToDateBefore: ytdPay.value,
		taxPaidBefore: ytdTax.value
	});
	if (!payeR.ok) return payeR;
	const paye = payeR.value;
	const niable = subUnits(pay.grossPay, pay.reductions['UK.NI']);
	const niR = calculateNi(rules, c.frequency, c.niCategory, niable);
	if (!niR.ok) return niR;
	const ni = niR.value;
	const niPay = niable < 0 ? 0 : niable;
	let loans: Payslip['lines'] = [];
	let loanTotal = 0;
	if (c.studentLoans !== undefined || c.postgraduateLoan !== undefined) {
		const loansR = studentLoanLines({
			rules,
			frequency: c.frequency,
			plans: c.studentLoans,
			postgraduate: c.postgraduateLoan,
			earnings: new Dec(niPay).dividedBy(100)
		});
		if (!loansR.ok) return loansR;
		loans = loansR.value;
		for (const l of loans) {
			const r = readDecimal(l.amount, { trim: false, places: 2 });
			if (typeof r !== 'object')
				return fail('payroll/invalid-input', `${l.code}: the loan amount ${l.amount} is not to the penny`, {
					field: 'studentLoans'
				});
			loanTotal = addUnits(loanTotal, rescaleUnits(r.n, r.scale, 2, 'down'));
		}
	}

	const net = subUnits(
		subUnits(
			subUnits(
				subUnits(subUnits(addUnits(pay.grossPay, pay.reimbursements), pay.preTaxTotal), paye.tax),
				ni.employee
			),
			pay.postTaxTotal
		),
		loanTotal
	);
	if (net < 0) return negativeNet(net);
	return ok({
		jurisdiction: 'UK',
		taxYear: c.taxYear,
		frequency: c.frequency,
		lines: [
			...pay.lines,
			payslipLine(
				'UK.PAYE',
				paye.tax < 0 ? 'Income tax (refund)' : 'Income tax (PAYE)',
				'employee-tax',
				paye.tax,
				paye.basis
			),
			payslipLine('UK.NI.EE', 'National Insurance (employee)', 'employee-tax', ni.employee, ni.employeeBasis),
			payslipLine('UK.NI.ER', 'National Insurance (employer)', 'employer-tax', ni.employer, ni.employerBasis),
			...loans
		],
		grossPay: formatUnits(pay.grossPay, 2),
		reimbursements: formatUnits(pay.reimbursements, 2),
		net: formatUnits(net, 2),
		employerCost: formatUnits(
			addUnits(
				addUnits(addUnits(pay.grossPay, pay.reimbursements), ni.employer),
				pay.employerContributionTotal
			),
			2
		),
		uk: {
			taxablePay: formatUnits(taxablePay, 2),
			taxablePayToDate: formatUnits(addUnits(ytdPay.value, taxablePay), 2),
			taxDueToDate: formatUnits(paye.taxDueToDate, 2),
			taxPaidToDate: formatUnits(addUnits(ytdTax.value, paye.tax), 2),
			niCategory: c.niCategory,
			niablePay: formatUnits(niPay, 2),
			niBands: {
				atLel: formatUnits(ni.atLel, 2),
				lelToPt: formatUnits(ni.lelToPt, 2),
				ptToUel: formatUnits(ni.ptToUel, 2)
			}
		}
	});
}
