// US federal gross-to-net for one pay period: earnings, pre-tax deductions by declared base, FIT,
// FICA, Additional Medicare, FUTA, post-tax deductions, in integer cents. Invariant: net = gross +
// reimbursements − pre-tax − employee taxes − post-tax, to the cent, and every line carries its working.
import {
	addUnits,
	fail,
	formatUnits,
	ok,
	readDecimal,
	rescaleUnits,
	type Result,
	subUnits
} from '../../../shared/domain';
import { amountProblem, buildPay, negativeNet, payslipLine } from '../earnings';
import { fmtFx } from '../format';
import { usRulesFor } from '../rules/us-rules';
import type { Payslip, PayslipLine, UsPayCase } from '../types';
import { usFigures } from './figures';
import { additionalMedicare, medicare, underWageBase } from './fica';
import { regularWithholding, supplementalWithholding } from './withholding';

const max0 = (v: number) => (v < 0 ? 0 : v);
const YTD = ['socialSecurityWages', 'medicareWages', 'futaWages', 'supplementalWages'] as const;

function ytdField(value: unknown, field: string): Result<number> {
	const r = readDecimal(value, { trim: true, places: 2 });
	if (typeof r === 'object' && !r.negative) return ok(rescaleUnits(r.n, r.scale, 2, 'down'));
	return fail(
		'payroll/invalid-input',
		amountProblem(field, typeof r === 'object' ? 'bad' : r, 'expected a non-negative decimal string'),
		{ field }
	);
}

export function usGrossToNet(c: UsPayCase): Result<Payslip> {
	const rulesR = usRulesFor(c.taxYear, c.payDate);
	if (!rulesR.ok) return rulesR;
	const rules = rulesR.value;
	if (typeof c.frequency !== 'string' || !Object.prototype.hasOwnProperty.call(rules.periods, c.frequency))
		return fail('payroll/invalid-input', `frequency: expected ${Object.keys(rules.periods).join('|')}`, {
			field: 'frequency'
		});
	const f = usFigures(rules);
	if (!f)
		return fail(
			'payroll/no-rules',
			`the US federal tables for ${rules.taxYear} have a figure that is not exact to the cent`,
			{ taxYear: String(rules.taxYear) }
		);
	const payR = buildPay(c);
	if (!payR.ok) return payR;
	const pay = payR.value;
	const ytd = { socialSecurityWages: 0, medicareWages: 0, futaWages: 0, supplementalWages: 0 };
	for (const k of YTD) {
		const v = ytdField(c.ytd[k], `ytd.${k}`);
		if (!v.ok) return v;
		ytd[k] = v.value;
	}

	// Income tax wages: pre-tax reductions come off regular wages first, then supplemental.
	const regular = subUnits(pay.grossPay, pay.supplemental);
	const fitCut = pay.reductions['US.FIT'];
	const regularFit = max0(subUnits(regular, fitCut));
	const supplementalFit = max0(subUnits(pay.supplemental, max0(subUnits(fitCut, regular))));
	const reg = regularWithholding(f, c.frequency, c.w4, regularFit);
	if (!reg.ok) return reg;
	const sup =
		supplementalFit === 0
			? undefined
			: supplementalWithholding(f, supplementalFit, ytd.supplementalWages, c.w4.exempt === true);
	const fit = addUnits(reg.value.amount, sup?.amount ?? 0);
	const fitBasis = sup
		? `regular: ${reg.value.basis}; ${sup.basis}; total ${fmtFx(fit, 2)}`
		: reg.value.basis;

	const ssWages = max0(subUnits(pay.grossPay, pay.reductions['US.SS']));
	const medWages = max0(subUnits(pay.grossPay, pay.reductions['US.MEDICARE']));
	const futaWages = max0(subUnits(pay.grossPay, pay.reductions['US.FUTA']));
	const ss = underWageBase(ssWages, ytd.socialSecurityWages, f.ss, 'Social Security');
	const med = medicare(f, medWages);
	const addl = additionalMedicare(f, medWages, ytd.medicareWages);
	const futa = underWageBase(futaWages, ytd.futaWages, f.futa, 'FUTA');

	const taxLines: PayslipLine[] = [
		payslipLine('US.FIT', 'Federal income tax', 'employee-tax', fit, fitBasis),
		payslipLine('US.SS.EE', 'Social Security (employee)', 'employee-tax', ss.amount, ss.basis),
		payslipLine('US.MEDICARE.EE', 'Medicare (employee)', 'employee-tax', med.amount, med.basis)
	];
	if (addl.taxable > 0)
		taxLines.push(
			payslipLine(
				'US.ADDL_MEDICARE.EE',
				'Additional Medicare (employee)',
				'employee-tax',
				addl.amount,
				addl.basis
			)
		);
	taxLines.push(
		payslipLine('US.SS.ER', 'Social Security (employer)', 'employer-tax', ss.amount, ss.basis),
		payslipLine('US.MEDICARE.ER', 'Medicare (employer)', 'employer-tax', med.amount, med.basis),
		payslipLine('US.FUTA.ER', 'FUTA (employer)', 'employer-tax', futa.amount, futa.basis)
	);
	const employeeTaxes = addUnits(addUnits(addUnits(fit, ss.amount), med.amount), addl.amount);
	const employerTaxes = addUnits(addUnits(ss.amount, med.amount), futa.amount);
	const net = subUnits(
		subUnits(subUnits(addUnits(pay.grossPay, pay.reimbursements), pay.preTaxTotal), employeeTaxes),
		pay.postTaxTotal
	);
	if (net < 0) return negativeNet(net);
	return ok({
		jurisdiction: 'US',
		taxYear: String(c.taxYear),
		frequency: c.frequency,
		lines: [...pay.lines, ...taxLines],
		grossPay: formatUnits(pay.grossPay, 2),
		reimbursements: formatUnits(pay.reimbursements, 2),
		net: formatUnits(net, 2),
		employerCost: formatUnits(
			addUnits(
				addUnits(addUnits(pay.grossPay, pay.reimbursements), employerTaxes),
				pay.employerContributionTotal
			),
			2
		),
		us: {
			federalWages: formatUnits(addUnits(regularFit, supplementalFit), 2),
			socialSecurityWages: formatUnits(ss.taxable, 2),
			medicareWages: formatUnits(medWages, 2),
			additionalMedicareWages: formatUnits(addl.taxable, 2),
			futaWages: formatUnits(futa.taxable, 2)
		}
	});
}
