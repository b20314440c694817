// Turns a case's earnings and deductions into payslip lines and per-tax-base reductions.
// Invariants: every amount is a non-negative decimal; each pre-tax deduction reduces exactly the
// tax bases its kind declares (or a custom deduction states), and only bases of its jurisdiction.
import type Decimal from 'decimal.js';
import { dec, fail, ok, parseDecimal, round, toDecimalString, type Result } from '../core';
import { fmt } from './format';
import type { PayCase, PayslipLine, PreTaxKind, TaxBase } from './types';

export const PRE_TAX_KINDS: Readonly<Record<Exclude<PreTaxKind, 'custom'>, { code: string; label: string; jurisdiction: 'US' | 'UK'; reduces: readonly TaxBase[] }>> = {
	/** Elective deferral: reduces income tax wages only; still Social Security, Medicare and FUTA wages. */
	'401k': { code: 'DED.401K', label: '401(k) elective deferral', jurisdiction: 'US', reduces: ['US.FIT'] },
	/** Cafeteria plan premiums: excluded from income tax, FICA and FUTA wages. */
	section125: { code: 'DED.S125', label: 'Section 125 cafeteria plan', jurisdiction: 'US', reduces: ['US.FIT', 'US.SS', 'US.MEDICARE', 'US.FUTA'] },
	/** Net pay arrangement: taken before tax, but NI is still due on the pay. */
	netPayPension: { code: 'DED.PENSION.NETPAY', label: 'Pension (net pay arrangement)', jurisdiction: 'UK', reduces: ['UK.PAYE'] },
	/** Salary sacrifice: contractual pay is lower, so neither tax nor NI is due on it. */
	salarySacrifice: { code: 'DED.SALARY_SACRIFICE', label: 'Salary sacrifice', jurisdiction: 'UK', reduces: ['UK.PAYE', 'UK.NI'] }
};

export interface PayBuild {
	readonly lines: PayslipLine[];
	/** Earnings other than reimbursements. */
	readonly grossPay: Decimal;
	/** Of grossPay, bonus/supplemental. */
	readonly supplemental: Decimal;
	readonly reimbursements: Decimal;
	readonly preTaxTotal: Decimal;
	readonly postTaxTotal: Decimal;
	readonly employerContributionTotal: Decimal;
	/** Sum of pre-tax deductions reducing each base. */
	readonly reductions: Readonly<Record<TaxBase, Decimal>>;
}

function amount(text: unknown, field: string): Result<Decimal> {
	const v = typeof text === 'string' ? parseDecimal(text) : undefined;
	if (!v) return fail('payroll/invalid-input', `${field}: expected a decimal string like "1234.50"`, { field });
	if (v.isNegative()) return fail('payroll/invalid-input', `${field}: must not be negative`, { field });
	return ok(v);
}

const line = (code: string, label: string, kind: PayslipLine['kind'], value: Decimal, basis: string): PayslipLine => ({
	code,
	label,
	kind,
	amount: toDecimalString(value, 2),
	basis
});

export function buildPay(c: PayCase): Result<PayBuild> {
	const lines: PayslipLine[] = [];
	let grossPay = dec(0);
	let supplemental = dec(0);
	let reimbursements = dec(0);
	for (const [i, e] of c.earnings.entries()) {
		const f = `earnings[${i}]`;
		let value: Decimal;
		let basis: string;
		if (e.kind === 'hourly' || e.kind === 'overtime') {
			const hours = amount(e.hours, `${f}.hours`);
			if (!hours.ok) return hours;
			const rate = amount(e.rate, `${f}.rate`);
			if (!rate.ok) return rate;
			const mult = e.kind === 'overtime' ? amount(e.multiplier, `${f}.multiplier`) : ok(dec(1));
			if (!mult.ok) return mult;
			value = round.centsHalfUp(hours.value.times(rate.value).times(mult.value));
			basis = `${hours.value.toFixed()} h × ${fmt(rate.value)}${e.kind === 'overtime' ? ` × ${mult.value.toFixed()}` : ''} = ${fmt(value)} (to the cent, half up)`;
		} else {
			const v = amount(e.amount, `${f}.amount`);
			if (!v.ok) return v;
			value = v.value;
			basis = e.kind === 'reimbursement' ? 'repaid expenses: not wages, not taxed' : e.kind === 'bonus' ? 'bonus (supplemental wages in the US)' : 'salary for the period';
		}
		if (e.kind === 'reimbursement') reimbursements = reimbursements.plus(value);
		else grossPay = grossPay.plus(value);
		if (e.kind === 'bonus') supplemental = supplemental.plus(value);
		lines.push(line(`EARN.${e.kind.toUpperCase()}`, e.label ?? e.kind, 'earning', value, basis));
	}
	const reductions: Record<TaxBase, Decimal> = { 'US.FIT': dec(0), 'US.SS': dec(0), 'US.MEDICARE': dec(0), 'US.FUTA': dec(0), 'UK.PAYE': dec(0), 'UK.NI': dec(0) };
	let preTaxTotal = dec(0);
	for (const [i, d] of c.preTax.entries()) {
		const f = `preTax[${i}]`;
		const v = amount(d.amount, `${f}.amount`);
		if (!v.ok) return v;
		let reduces: readonly TaxBase[];
		let code: string;
		let label: string;
		if (d.kind === 'custom') {
			if (!d.reduces || !d.code) return fail('payroll/invalid-input', `${f}: a custom pre-tax deduction must give code and reduces`, { field: f });
			reduces = d.reduces;
			code = d.code;
			label = d.label ?? d.code;
		} else {
			const known = PRE_TAX_KINDS[d.kind];
			if (!known) return fail('payroll/invalid-input', `${f}.kind: expected 401k|section125|netPayPension|salarySacrifice|custom`, { field: `${f}.kind` });
			if (known.jurisdiction !== c.jurisdiction)
				return fail('payroll/invalid-input', `${f}.kind: ${d.kind} is a ${known.jurisdiction} deduction, not ${c.jurisdiction}`, { field: `${f}.kind` });
			reduces = known.reduces;
			code = d.code ?? known.code;
			label = d.label ?? known.label;
		}
		for (const b of reduces)
			if (!b.startsWith(`${c.jurisdiction}.`)) return fail('payroll/invalid-input', `${f}.reduces: ${b} is not a ${c.jurisdiction} tax base`, { field: `${f}.reduces` });
		for (const b of reduces) reductions[b] = reductions[b].plus(v.value);
		preTaxTotal = preTaxTotal.plus(v.value);
		lines.push(line(code, label, 'pre-tax', v.value, `before tax; reduces ${reduces.join(', ')}`));
	}
	if (preTaxTotal.greaterThan(grossPay))
		return fail('payroll/invalid-input', `preTax: deductions ${fmt(preTaxTotal)} exceed gross pay ${fmt(grossPay)}`, { field: 'preTax' });
	let postTaxTotal = dec(0);
	for (const [i, d] of c.postTax.entries()) {
		const v = amount(d.amount, `postTax[${i}].amount`);
		if (!v.ok) return v;
		postTaxTotal = postTaxTotal.plus(v.value);
		lines.push(line(d.code, d.label, 'post-tax', v.value, 'after tax, from net pay'));
	}
	let employerContributionTotal = dec(0);
	for (const [i, d] of c.employerContributions.entries()) {
		const v = amount(d.amount, `employerContributions[${i}].amount`);
		if (!v.ok) return v;
		employerContributionTotal = employerContributionTotal.plus(v.value);
		lines.push(line(d.code, d.label, 'employer-contribution', v.value, 'paid by the employer on top of pay'));
	}
	return ok({ lines, grossPay, supplemental, reimbursements, preTaxTotal, postTaxTotal, employerContributionTotal, reductions });
}

export { line as payslipLine, amount as parseAmount };
