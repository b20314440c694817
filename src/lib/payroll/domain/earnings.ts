// Turns a case's earnings and deductions into payslip lines and per-tax-base reductions, in integer
// cents (fixed.ts). Invariants: every amount is a non-negative decimal to the cent; each pre-tax
// deduction reduces exactly the tax bases its kind declares (or a custom deduction states), and only
// bases of its jurisdiction; anything else is refused with the field named, never guessed.
import {
	addUnits,
	fail,
	formatUnits,
	formatUnitsTrimmed,
	mulUnits,
	ok,
	readDecimal,
	type ReadFailure,
	rescaleUnits,
	type Result
} from '../../shared/domain';
import { fmtFx } from './format';
import type { PayCase, PayslipLine, PreTaxKind, TaxBase } from './types';

export const PRE_TAX_KINDS: Readonly<
	Record<
		Exclude<PreTaxKind, 'custom'>,
		{ code: string; label: string; jurisdiction: 'US' | 'UK'; reduces: readonly TaxBase[] }
	>
> = {
	/** Elective deferral: reduces income tax wages only; still Social Security, Medicare and FUTA wages. */
	'401k': { code: 'DED.401K', label: '401(k) elective deferral', jurisdiction: 'US', reduces: ['US.FIT'] },
	/** Cafeteria plan premiums: excluded from income tax, FICA and FUTA wages. */
	section125: {
		code: 'DED.S125',
		label: 'Section 125 cafeteria plan',
		jurisdiction: 'US',
		reduces: ['US.FIT', 'US.SS', 'US.MEDICARE', 'US.FUTA']
	},
	/** Net pay arrangement: taken before tax, but NI is still due on the pay. */
	netPayPension: {
		code: 'DED.PENSION.NETPAY',
		label: 'Pension (net pay arrangement)',
		jurisdiction: 'UK',
		reduces: ['UK.PAYE']
	},
	/** Salary sacrifice: contractual pay is lower, so neither tax nor NI is due on it. */
	salarySacrifice: {
		code: 'DED.SALARY_SACRIFICE',
		label: 'Salary sacrifice',
		jurisdiction: 'UK',
		reduces: ['UK.PAYE', 'UK.NI']
	}
};

/** Earnings and deductions of one case; every figure in cents. */
export interface PayBuild {
	readonly lines: PayslipLine[];
	/** Earnings other than reimbursements. */
	readonly grossPay: number;
	/** Of grossPay, bonus/supplemental. */
	readonly supplemental: number;
	readonly reimbursements: number;
	readonly preTaxTotal: number;
	readonly postTaxTotal: number;
	readonly employerContributionTotal: number;
	/** Sum of pre-tax deductions reducing each base. */
	readonly reductions: Readonly<Record<TaxBase, number>>;
}

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** A payslip line for an amount in cents. */
export const payslipLine = (
	code: string,
	label: string,
	kind: PayslipLine['kind'],
	cents: number,
	basis: string
): PayslipLine => ({ code, label, kind, amount: formatUnits(cents, 2), basis });

/** What a refused figure is told, in the words a person reads (the field named first). */
export function amountProblem(field: string, why: ReadFailure, expected: string): string {
	switch (why) {
		case 'places':
			return `${field}: expected an amount to the cent (at most two decimal places)`;
		case 'large':
			return `${field}: too large to work out exactly`;
		default:
			return `${field}: ${expected}`;
	}
}

/** An earning or deduction amount in cents (trimmed, never negative). */
function amount(text: unknown, field: string, places = 2): Result<{ n: number; scale: number }> {
	const r = readDecimal(text, { trim: true, places });
	if (typeof r === 'object')
		return r.negative ? fail('payroll/invalid-input', `${field}: must not be negative`, { field }) : ok(r);
	return fail('payroll/invalid-input', amountProblem(field, r, 'expected a decimal string like "1234.50"'), {
		field
	});
}

const cents = (text: unknown, field: string): Result<number> => {
	const r = amount(text, field);
	return r.ok ? ok(rescaleUnits(r.value.n, r.value.scale, 2, 'down')) : r;
};

const EARN_BASIS = {
	reimbursement: 'repaid expenses: not wages, not taxed',
	bonus: 'bonus (supplemental wages in the US)'
} as const;

export function buildPay(c: PayCase): Result<PayBuild> {
	const lines: PayslipLine[] = [];
	let grossPay = 0;
	let supplemental = 0;
	let reimbursements = 0;
	for (let i = 0; i < c.earnings.length; i++) {
		const e = c.earnings[i] as PayCase['earnings'][number];
		const f = `earnings[${i}]`;
		let value: number;
		let basis: string;
		if (e.kind === 'hourly' || e.kind === 'overtime') {
			// Hours, rate and multiplier may carry up to four places; the pay is rounded once, to the cent.
			const hours = amount(e.hours, `${f}.hours`, 4);
			if (!hours.ok) return hours;
			const rate = amount(e.rate, `${f}.rate`, 4);
			if (!rate.ok) return rate;
			const mult =
				e.kind === 'overtime' ? amount(e.multiplier, `${f}.multiplier`, 4) : ok({ n: 1, scale: 0 });
			if (!mult.ok) return mult;
			const h = hours.value;
			const r = rate.value;
			const m = mult.value;
			value = rescaleUnits(mulUnits(mulUnits(h.n, r.n), m.n), h.scale + r.scale + m.scale, 2, 'halfUp');
			basis = `${formatUnitsTrimmed(h.n, h.scale)} h × ${fmtFx(r.n, r.scale)}${e.kind === 'overtime' ? ` × ${formatUnitsTrimmed(m.n, m.scale)}` : ''} = ${fmtFx(value, 2)} (to the cent, half up)`;
		} else {
			const v = cents(e.amount, `${f}.amount`);
			if (!v.ok) return v;
			value = v.value;
			basis = has(EARN_BASIS, e.kind)
				? EARN_BASIS[e.kind as keyof typeof EARN_BASIS]
				: 'salary for the period';
		}
		if (e.kind === 'reimbursement') reimbursements = addUnits(reimbursements, value);
		else grossPay = addUnits(grossPay, value);
		if (e.kind === 'bonus') supplemental = addUnits(supplemental, value);
		lines.push(
			payslipLine(`EARN.${String(e.kind).toUpperCase()}`, e.label ?? e.kind, 'earning', value, basis)
		);
	}
	const reductions: Record<TaxBase, number> = {
		'US.FIT': 0,
		'US.SS': 0,
		'US.MEDICARE': 0,
		'US.FUTA': 0,
		'UK.PAYE': 0,
		'UK.NI': 0
	};
	let preTaxTotal = 0;
	const prefix = `${c.jurisdiction}.`;
	for (let i = 0; i < c.preTax.length; i++) {
		const d = c.preTax[i] as PayCase['preTax'][number];
		const f = `preTax[${i}]`;
		const v = cents(d.amount, `${f}.amount`);
		if (!v.ok) return v;
		let reduces: readonly TaxBase[];
		let code: string;
		let label: string;
		if (d.kind === 'custom') {
			if (!d.reduces || !d.code)
				return fail('payroll/invalid-input', `${f}: a custom pre-tax deduction must give code and reduces`, {
					field: f
				});
			reduces = d.reduces;
			code = d.code;
			label = d.label ?? d.code;
		} else {
			if (!has(PRE_TAX_KINDS, d.kind))
				return fail(
					'payroll/invalid-input',
					`${f}.kind: expected 401k|section125|netPayPension|salarySacrifice|custom`,
					{ field: `${f}.kind` }
				);
			const known = PRE_TAX_KINDS[d.kind];
			if (known.jurisdiction !== c.jurisdiction)
				return fail(
					'payroll/invalid-input',
					`${f}.kind: ${d.kind} is a ${known.jurisdiction} deduction, not ${c.jurisdiction}`,
					{ field: `${f}.kind` }
				);
			reduces = known.reduces;
			code = d.code ?? known.code;
			label = d.label ?? known.label;
		}
		for (const b of reduces)
			if (typeof b !== 'string' || !b.startsWith(prefix) || !has(reductions, b))
				return fail(
					'payroll/invalid-input',
					`${f}.reduces: ${String(b)} is not a ${c.jurisdiction} tax base`,
					{ field: `${f}.reduces` }
				);
		for (const b of reduces) reductions[b] = addUnits(reductions[b], v.value);
		preTaxTotal = addUnits(preTaxTotal, v.value);
		lines.push(payslipLine(code, label, 'pre-tax', v.value, `before tax; reduces ${reduces.join(', ')}`));
	}
	if (preTaxTotal > grossPay)
		return fail(
			'payroll/invalid-input',
			`preTax: deductions ${fmtFx(preTaxTotal, 2)} exceed gross pay ${fmtFx(grossPay, 2)}`,
			{ field: 'preTax' }
		);
	let postTaxTotal = 0;
	for (let i = 0; i < c.postTax.length; i++) {
		const d = c.postTax[i] as PayCase['postTax'][number];
		const v = cents(d.amount, `postTax[${i}].amount`);
		if (!v.ok) return v;
		postTaxTotal = addUnits(postTaxTotal, v.value);
		lines.push(payslipLine(d.code, d.label, 'post-tax', v.value, 'after tax, from net pay'));
	}
	let employerContributionTotal = 0;
	for (let i = 0; i < c.employerContributions.length; i++) {
		const d = c.employerContributions[i] as PayCase['employerContributions'][number];
		const v = cents(d.amount, `employerContributions[${i}].amount`);
		if (!v.ok) return v;
		employerContributionTotal = addUnits(employerContributionTotal, v.value);
		lines.push(
			payslipLine(d.code, d.label, 'employer-contribution', v.value, 'paid by the employer on top of pay')
		);
	}
	return ok({
		lines,
		grossPay,
		supplemental,
		reimbursements,
		preTaxTotal,
		postTaxTotal,
		employerContributionTotal,
		reductions
	});
}

/** A net below zero is refused in the same words for both jurisdictions. */
export function negativeNet(net: number): Result<never> {
	return fail(
		'payroll/negative-net',
		`postTax: deductions leave net pay negative (${fmtFx(net, 2)}); reduce post-tax deductions`,
		{ net: formatUnits(net, 2) }
	);
}
