// Fast path, part 1: earnings and deductions in integer cents (see fixed.ts), for the cases that are
// plainly valid. Invariant: returns exactly what earnings.ts buildPay would, lines and totals, or
// undefined whenever anything is unusual (an error, a third decimal place, an unknown base), so the
// caller runs the reference path instead and the answer is the reference answer.
import { PRE_TAX_KINDS } from './earnings';
import { add, centsText, exactText, fmtFx, mul, parseUnsigned, rescale } from './fixed';
import type { PayCase, PayslipLine, TaxBase } from './types';

export interface FastPay {
	readonly lines: PayslipLine[];
	readonly grossPay: number;
	readonly supplemental: number;
	readonly reimbursements: number;
	readonly preTaxTotal: number;
	readonly postTaxTotal: number;
	readonly employerContributionTotal: number;
	readonly reductions: Record<TaxBase, number>;
}

const line = (code: string, label: string, kind: PayslipLine['kind'], cents: number, basis: string): PayslipLine => ({ code, label, kind, amount: centsText(cents), basis });

const EARN_CODE = { salary: 'EARN.SALARY', hourly: 'EARN.HOURLY', overtime: 'EARN.OVERTIME', bonus: 'EARN.BONUS', reimbursement: 'EARN.REIMBURSEMENT' } as const;

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

export function fastPay(c: PayCase): FastPay | undefined {
	const lines: PayslipLine[] = [];
	let grossPay = 0;
	let supplemental = 0;
	let reimbursements = 0;
	for (const e of c.earnings) {
		if (!has(EARN_CODE, e.kind)) return undefined;
		let value: number;
		let basis: string;
		if (e.kind === 'hourly' || e.kind === 'overtime') {
			const hours = parseUnsigned(e.hours, 2);
			const rate = parseUnsigned(e.rate, 2);
			const mult = e.kind === 'overtime' ? parseUnsigned(e.multiplier, 2) : 100;
			if (hours === undefined || rate === undefined || mult === undefined) return undefined;
			value = rescale(mul(mul(hours, rate), mult), 6, 2, 'halfUp');
			basis = `${exactText(hours, 2)} h × ${fmtFx(rate, 2)}${e.kind === 'overtime' ? ` × ${exactText(mult, 2)}` : ''} = ${fmtFx(value, 2)} (to the cent, half up)`;
		} else {
			const v = parseUnsigned(e.amount, 2);
			if (v === undefined) return undefined;
			value = v;
			basis = e.kind === 'reimbursement' ? 'repaid expenses: not wages, not taxed' : e.kind === 'bonus' ? 'bonus (supplemental wages in the US)' : 'salary for the period';
		}
		if (e.kind === 'reimbursement') reimbursements = add(reimbursements, value);
		else grossPay = add(grossPay, value);
		if (e.kind === 'bonus') supplemental = add(supplemental, value);
		lines.push(line(EARN_CODE[e.kind], e.label ?? e.kind, 'earning', value, basis));
	}
	const reductions: Record<TaxBase, number> = { 'US.FIT': 0, 'US.SS': 0, 'US.MEDICARE': 0, 'US.FUTA': 0, 'UK.PAYE': 0, 'UK.NI': 0 };
	let preTaxTotal = 0;
	const prefix = `${c.jurisdiction}.`;
	for (const d of c.preTax) {
		const v = parseUnsigned(d.amount, 2);
		if (v === undefined) return undefined;
		let reduces: readonly TaxBase[];
		let code: string;
		let label: string;
		if (d.kind === 'custom') {
			if (!d.reduces || !d.code) return undefined;
			reduces = d.reduces;
			code = d.code;
			label = d.label ?? d.code;
		} else {
			if (!has(PRE_TAX_KINDS, d.kind)) return undefined;
			const known = PRE_TAX_KINDS[d.kind];
			if (known.jurisdiction !== c.jurisdiction) return undefined;
			reduces = known.reduces;
			code = d.code ?? known.code;
			label = d.label ?? known.label;
		}
		for (const b of reduces) if (typeof b !== 'string' || !b.startsWith(prefix) || !has(reductions, b)) return undefined;
		for (const b of reduces) reductions[b] = add(reductions[b], v);
		preTaxTotal = add(preTaxTotal, v);
		lines.push(line(code, label, 'pre-tax', v, `before tax; reduces ${reduces.join(', ')}`));
	}
	if (preTaxTotal > grossPay) return undefined;
	let postTaxTotal = 0;
	for (const d of c.postTax) {
		const v = parseUnsigned(d.amount, 2);
		if (v === undefined) return undefined;
		postTaxTotal = add(postTaxTotal, v);
		lines.push(line(d.code, d.label, 'post-tax', v, 'after tax, from net pay'));
	}
	let employerContributionTotal = 0;
	for (const d of c.employerContributions) {
		const v = parseUnsigned(d.amount, 2);
		if (v === undefined) return undefined;
		employerContributionTotal = add(employerContributionTotal, v);
		lines.push(line(d.code, d.label, 'employer-contribution', v, 'paid by the employer on top of pay'));
	}
	return { lines, grossPay, supplemental, reimbursements, preTaxTotal, postTaxTotal, employerContributionTotal, reductions };
}

export { line as fastLine };
