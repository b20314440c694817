// US federal gross-to-net for one pay period: earnings, pre-tax deductions by declared base, FIT,
// FICA, Additional Medicare, FUTA, post-tax deductions. Invariant: net = gross + reimbursements −
// pre-tax − employee taxes − post-tax, to the cent, and every line carries its working.
import type Decimal from 'decimal.js';
import { dec, fail, ok, parseDecimal, toDecimalString, type Result } from '../../core';
import { buildPay, payslipLine } from '../earnings';
import { fmt } from '../format';
import { usRulesFor } from '../rules/us-rules';
import type { Payslip, PayslipLine, UsPayCase } from '../types';
import { additionalMedicare, medicare, underWageBase } from './fica';
import { regularWithholding, supplementalWithholding } from './withholding';

const max0 = (v: Decimal) => (v.isNegative() ? dec(0) : v);

function ytdField(value: string, field: string): Result<Decimal> {
	const v = parseDecimal(value);
	if (!v || v.isNegative()) return fail('payroll/invalid-input', `${field}: expected a non-negative decimal string`, { field });
	return ok(v);
}

export function usGrossToNet(c: UsPayCase): Result<Payslip> {
	const rulesR = usRulesFor(c.taxYear, c.payDate);
	if (!rulesR.ok) return rulesR;
	const rules = rulesR.value;
	if (!(c.frequency in rules.periods))
		return fail('payroll/invalid-input', `frequency: expected ${Object.keys(rules.periods).join('|')}`, { field: 'frequency' });
	const payR = buildPay(c);
	if (!payR.ok) return payR;
	const pay = payR.value;
	const ytd: Record<string, Decimal> = {};
	for (const k of ['socialSecurityWages', 'medicareWages', 'futaWages', 'supplementalWages'] as const) {
		const v = ytdField(c.ytd[k], `ytd.${k}`);
		if (!v.ok) return v;
		ytd[k] = v.value;
	}
	const ytdOf = (k: string) => ytd[k] ?? dec(0);

	// Income tax wages: pre-tax reductions come off regular wages first, then supplemental.
	const regular = pay.grossPay.minus(pay.supplemental);
	const fitCut = pay.reductions['US.FIT'];
	const regularFit = max0(regular.minus(fitCut));
	const supplementalFit = max0(pay.supplemental.minus(max0(fitCut.minus(regular))));
	const reg = regularWithholding(rules, c.frequency, c.w4, regularFit);
	if (!reg.ok) return reg;
	const sup = supplementalFit.isZero() ? undefined : supplementalWithholding(rules, supplementalFit, ytdOf('supplementalWages'), c.w4.exempt === true);
	const fit = reg.value.amount.plus(sup?.amount ?? 0);
	const fitBasis = sup ? `regular: ${reg.value.basis}; ${sup.basis}; total ${fmt(fit)}` : reg.value.basis;

	const ssWages = max0(pay.grossPay.minus(pay.reductions['US.SS']));
	const medWages = max0(pay.grossPay.minus(pay.reductions['US.MEDICARE']));
	const futaWages = max0(pay.grossPay.minus(pay.reductions['US.FUTA']));
	const ss = underWageBase(ssWages, ytdOf('socialSecurityWages'), rules.socialSecurity.wageBase, rules.socialSecurity.rate, 'Social Security');
	const med = medicare(rules, medWages);
	const addl = additionalMedicare(rules, medWages, ytdOf('medicareWages'));
	const futa = underWageBase(futaWages, ytdOf('futaWages'), rules.futa.wageBase, rules.futa.rate, 'FUTA');

	const taxLines: PayslipLine[] = [
		payslipLine('US.FIT', 'Federal income tax', 'employee-tax', fit, fitBasis),
		payslipLine('US.SS.EE', 'Social Security (employee)', 'employee-tax', ss.amount, ss.basis),
		payslipLine('US.MEDICARE.EE', 'Medicare (employee)', 'employee-tax', med.amount, med.basis)
	];
	if (addl.taxable.greaterThan(0)) taxLines.push(payslipLine('US.ADDL_MEDICARE.EE', 'Additional Medicare (employee)', 'employee-tax', addl.amount, addl.basis));
	taxLines.push(
		payslipLine('US.SS.ER', 'Social Security (employer)', 'employer-tax', ss.amount, ss.basis),
		payslipLine('US.MEDICARE.ER', 'Medicare (employer)', 'employer-tax', med.amount, med.basis),
		payslipLine('US.FUTA.ER', 'FUTA (employer)', 'employer-tax', futa.amount, futa.basis)
	);
	const employeeTaxes = fit.plus(ss.amount).plus(med.amount).plus(addl.amount);
	const employerTaxes = ss.amount.plus(med.amount).plus(futa.amount);
	const net = pay.grossPay.plus(pay.reimbursements).minus(pay.preTaxTotal).minus(employeeTaxes).minus(pay.postTaxTotal);
	if (net.isNegative())
		return fail('payroll/negative-net', `postTax: deductions leave net pay negative (${fmt(net)}); reduce post-tax deductions`, { net: net.toFixed(2) });
	const s = (v: Decimal) => toDecimalString(v, 2);
	return ok({
		jurisdiction: 'US',
		taxYear: String(c.taxYear),
		frequency: c.frequency,
		lines: [...pay.lines, ...taxLines],
		grossPay: s(pay.grossPay),
		reimbursements: s(pay.reimbursements),
		net: s(net),
		employerCost: s(pay.grossPay.plus(pay.reimbursements).plus(employerTaxes).plus(pay.employerContributionTotal)),
		us: {
			federalWages: s(regularFit.plus(supplementalFit)),
			socialSecurityWages: s(ss.taxable),
			medicareWages: s(medWages),
			additionalMedicareWages: s(addl.taxable),
			futaWages: s(futa.taxable)
		}
	});
}
