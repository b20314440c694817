// Federal income tax withholding by IRS Pub 15-T Worksheet 1A (percentage method, automated payroll
// systems), for Forms W-4 from 2020 on and from 2019 or earlier, plus supplemental wages at the flat
// rate. Invariant: intermediate figures stay exact; the amount to withhold is rounded once, to the
// cent half up, and every worksheet line used appears in the basis.
import type Decimal from 'decimal.js';
import { dec, fail, ok, round, type Result } from '../../core';
import { fmt, pct } from '../format';
import type { BracketTable, UsRules, UsStatus } from '../rules/us-rules';
import type { UsFrequency, W4 } from '../types';

export interface WithholdingResult {
	readonly amount: Decimal;
	readonly basis: string;
}

function findRow(table: BracketTable, wage: Decimal) {
	let row = table[0];
	for (const r of table) if (wage.greaterThanOrEqualTo(r.atLeast)) row = r;
	if (!row) throw new Error('empty withholding table (rule file validation should have refused it)');
	return row;
}

function num(text: string, field: string): Result<Decimal> {
	const v = /^-?\d+(\.\d+)?$/.test(text) ? dec(text) : undefined;
	if (!v || v.isNegative()) return fail('payroll/invalid-input', `${field}: expected a non-negative decimal string`, { field });
	return ok(v);
}

/** Worksheet 1A on this period's income-tax wages (regular wages, after pre-tax deductions). */
/** What a payslip says of federal income tax for an employee who claims exemption on Form W-4. */
export const EXEMPT_BASIS = 'exempt from withholding (Form W-4): no federal income tax on regular wages';

export function regularWithholding(rules: UsRules, frequency: UsFrequency, w4: W4, wages: Decimal): Result<WithholdingResult> {
	if (w4.exempt) return ok({ amount: dec(0), basis: EXEMPT_BASIS });
	const periods = rules.periods[frequency];
	const b1 = dec(periods);
	const c1 = wages.times(b1);
	let adjusted: Decimal;
	let status: UsStatus;
	let table: BracketTable;
	let tableName: string;
	let step1: string;
	let credits = dec(0);
	let extra: Decimal;
	if (w4.version === 2020) {
		const s4a = num(w4.step4a, 'w4.step4a');
		if (!s4a.ok) return s4a;
		const s4b = num(w4.step4b, 'w4.step4b');
		if (!s4b.ok) return s4b;
		const s3 = num(w4.step3, 'w4.step3');
		if (!s3.ok) return s3;
		const s4c = num(w4.step4c, 'w4.step4c');
		if (!s4c.ok) return s4c;
		status = w4.filingStatus;
		const g1 = w4.step2 ? dec(0) : rules.line1g[status];
		const e1 = c1.plus(s4a.value);
		const h1 = s4b.value.plus(g1);
		adjusted = e1.minus(h1);
		if (adjusted.isNegative()) adjusted = dec(0);
		table = w4.step2 ? rules.step2Checkbox[status] : rules.standard[status];
		tableName = `${w4.step2 ? 'Step 2 checkbox' : 'standard'} ${status}`;
		step1 = `annualised wages ${fmt(wages)} × ${periods} = ${fmt(c1)} + 4(a) ${fmt(s4a.value)} − 4(b) ${fmt(s4b.value)} − 1g ${fmt(g1)} = adjusted ${fmt(adjusted)}`;
		credits = s3.value;
		extra = s4c.value;
	} else {
		if (!Number.isInteger(w4.allowances) || w4.allowances < 0)
			return fail('payroll/invalid-input', 'w4.allowances: expected a whole number, 0 or more', { field: 'w4.allowances' });
		const add = num(w4.additional, 'w4.additional');
		if (!add.ok) return add;
		status = w4.filingStatus === 'married' ? 'married' : 'single';
		const j1 = rules.allowance.times(w4.allowances);
		adjusted = c1.minus(j1);
		if (adjusted.isNegative()) adjusted = dec(0);
		table = rules.standard[status];
		tableName = `standard ${status} (W-4 2019 or earlier)`;
		step1 = `annualised wages ${fmt(wages)} × ${periods} = ${fmt(c1)} − ${w4.allowances} allowance(s) × ${fmt(rules.allowance)} = adjusted ${fmt(adjusted)}`;
		extra = add.value;
	}
	const row = findRow(table, adjusted);
	const annual = row.base.plus(adjusted.minus(row.atLeast).times(row.rate));
	const perPeriod = annual.dividedBy(b1);
	const creditPerPeriod = credits.dividedBy(b1);
	let afterCredits = perPeriod.minus(creditPerPeriod);
	if (afterCredits.isNegative()) afterCredits = dec(0);
	const amount = round.centsHalfUp(afterCredits.plus(extra));
	const creditText = credits.isZero() ? '' : ` − Step 3 ${fmt(credits)} / ${periods}`;
	const extraText = extra.isZero() ? '' : ` + extra ${fmt(extra)}`;
	const basis =
		`${step1}; ${tableName} table row from ${fmt(row.atLeast, 0)}: ${fmt(row.base)} + (${fmt(adjusted)} − ${fmt(row.atLeast, 0)}) × ${pct(row.rate)} = ${fmt(annual)} a year; ` +
		`÷ ${periods}${creditText}${extraText} = ${fmt(amount)} (to the cent, half up)`;
	return ok({ amount, basis });
}

/** Supplemental wages at the optional flat rate; the mandatory rate on supplemental wages over $1M in the year. */
export function supplementalWithholding(rules: UsRules, wages: Decimal, ytdSupplemental: Decimal, exempt = false): WithholdingResult {
	const { mandatoryRate, mandatoryThreshold } = rules.supplemental;
	// An exempt employee has nothing withheld below the $1 million line (the aggregate method gives
	// nothing); above it the mandatory rate applies whatever the W-4 says (Treas. Reg. 31.3402(g)-1).
	const rate = exempt ? dec(0) : rules.supplemental.rate;
	const roomBelow = mandatoryThreshold.minus(ytdSupplemental);
	const atFlat = roomBelow.lessThanOrEqualTo(0) ? dec(0) : wages.lessThan(roomBelow) ? wages : roomBelow;
	const atMandatory = wages.minus(atFlat);
	const amount = round.centsHalfUp(atFlat.times(rate).plus(atMandatory.times(mandatoryRate)));
	const over = atMandatory.isZero() ? '' : ` + ${fmt(atMandatory)} over ${fmt(mandatoryThreshold, 0)} for the year at ${pct(mandatoryRate)}`;
	return { amount, basis: `supplemental ${fmt(atFlat)} at ${pct(rate)}${over} = ${fmt(amount)}` };
}
