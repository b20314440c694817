// PAYE income tax for one payment by HMRC's "Specification for PAYE Tax Table Routines":
// pay adjustment (4.3.1), taxable pay rounded down to whole pounds, income tests and tax formulae
// on thresholds carried to four places (4.4), tax rounded down to the penny, overriding limit of
// 50% of the period's pay (4.5). Invariant: every step is recorded in the basis text.
import type Decimal from 'decimal.js';
import { dec, fail, ok, round, type Result } from '../../core';
import { fmt, pct } from '../format';
import { payrollRound } from '../rounding';
import type { TaxRegimeRules, UkRules } from '../rules/uk-rules';
import type { TaxCode } from './tax-code';

export interface PayePeriod {
	/** 52 for weekly-based pay (weekly, two-weekly, four-weekly), 12 for monthly. */
	readonly base: 52 | 12;
	/** Tax week or month number of this payment (cumulative basis). */
	readonly number: number;
	/** Weeks or months one payment covers: 1, 2 or 4 (week 1 / month 1 basis). */
	readonly span: number;
}

export interface PayeInput {
	readonly rules: UkRules;
	readonly code: TaxCode;
	readonly cumulative: boolean;
	readonly period: PayePeriod;
	/** Pay for PAYE in this period (after net-pay pension and salary sacrifice). */
	readonly pay: Decimal;
	readonly payToDateBefore: Decimal;
	readonly taxPaidBefore: Decimal;
}

export interface PayeResult {
	/** Tax for this period; negative is a refund. */
	readonly tax: Decimal;
	readonly taxDueToDate: Decimal;
	readonly taxablePayToDate: Decimal;
	readonly regulatoryLimitApplied: boolean;
	readonly basis: string;
}

/** Pay adjustment for period 1 (free pay, or additional pay for K codes): spec 4.3.1, programmers' note. */
export function periodOneAdjustment(rules: UkRules, codeNumber: number, base: 52 | 12): Decimal {
	if (codeNumber === 0) return dec(0);
	const quotient = Math.floor((codeNumber - 1) / 500);
	const remainder = ((codeNumber - 1) % 500) + 1;
	const per500 = base === 52 ? rules.payAdjustmentPer500.weekly : rules.payAdjustmentPer500.monthly;
	const remainderValue = payrollRound.penceUp(dec(remainder * 10 + 9).dividedBy(base));
	return remainderValue.plus(per500.times(quotient));
}

/** One band for n periods: taxable pay up to v is taxed at `rate` above c(i-1), plus k(i-1) below it. */
export interface PeriodBand {
	/** v(i): c(i) rounded up to the pound; undefined for the top rate. */
	readonly v: Decimal | undefined;
	readonly rate: Decimal;
	readonly cPrev: Decimal;
	readonly kPrev: Decimal;
}

/**
 * The income-test values and band formulae of spec 4.4 for n periods of `base`: c(i) = cumulative
 * width x n / base, k(i) the tax to the top of band i (by the regime's `bandTaxToDate`), each
 * truncated to 4 places; the last entry is the top rate.
 */
export function periodBands(regime: TaxRegimeRules, n: number, base: 52 | 12): PeriodBand[] {
	const out: PeriodBand[] = [];
	let cPrev = dec(0);
	let kPrev = dec(0);
	let cumWidth = dec(0);
	let cumTax = dec(0);
	for (const band of regime.bands) {
		cumWidth = cumWidth.plus(band.width);
		const c = payrollRound.fourPlacesDown(cumWidth.times(n).dividedBy(base));
		out.push({ v: payrollRound.poundsUp(c), rate: band.rate, cPrev, kPrev });
		cumTax = cumTax.plus(band.width.times(band.rate));
		kPrev =
			regime.bandTaxToDate === 'annualTotals'
				? payrollRound.fourPlacesDown(cumTax.times(n).dividedBy(base))
				: payrollRound.fourPlacesDown(kPrev.plus(c.minus(cPrev).times(band.rate)));
		cPrev = c;
	}
	out.push({ v: undefined, rate: regime.topRate, cPrev, kPrev });
	return out;
}

/** Tax due to date on taxable pay to date by the band formulae of spec 4.4 (n periods of `base`). */
export function taxDueByBands(regime: TaxRegimeRules, taxable: Decimal, n: number, base: 52 | 12): { tax: Decimal; working: string } {
	if (taxable.lessThanOrEqualTo(0)) return { tax: dec(0), working: 'taxable pay not above 0: no tax' };
	const rounded = round.poundsDown(taxable);
	const band = periodBands(regime, n, base).find((b) => b.v === undefined || taxable.lessThanOrEqualTo(b.v)) as PeriodBand;
	return bandTax(band.kPrev, rounded, band.cPrev, band.rate);
}

function bandTax(kPrev: Decimal, rounded: Decimal, cPrev: Decimal, rate: Decimal): { tax: Decimal; working: string } {
	const tax = round.penceDown(kPrev.plus(rounded.minus(cPrev).times(rate)));
	const lower = kPrev.isZero() ? '' : `${fmt(kPrev, 4)} on the first ${fmt(cPrev, 4)} + `;
	return { tax, working: `${lower}(${fmt(rounded, 0)} − ${fmt(cPrev, 4)}) at ${pct(rate)} = ${fmt(tax)} (down to the penny)` };
}

/** The single rate a BR or Dn code applies to all pay. */
function flatRate(regime: TaxRegimeRules, code: TaxCode): Decimal | undefined {
	const rates = [...regime.bands.map((b) => b.rate), regime.topRate];
	const index = code.kind === 'BR' ? regime.basicRateIndex : regime.basicRateIndex + 1 + code.number;
	return rates[index];
}

export function calculatePaye(input: PayeInput): Result<PayeResult> {
	const { rules, code, cumulative, period, pay } = input;
	const regime = rules.regimes[code.regime];
	const n = cumulative ? period.number : period.span;
	const payToDate = cumulative ? input.payToDateBefore.plus(pay) : pay;
	const paidBefore = cumulative ? input.taxPaidBefore : dec(0);
	const unit = period.base === 52 ? 'week' : 'month';
	const where = cumulative ? `${unit} ${period.number} cumulative` : `${unit} 1 basis over ${period.span} ${unit}(s)`;
	let taxable = payToDate;
	let due: Decimal;
	let working: string;
	switch (code.kind) {
		case 'NT':
			due = dec(0);
			working = 'code NT: no tax';
			break;
		case 'BR':
		case 'D': {
			const rate = flatRate(regime, code);
			if (rate === undefined)
				return fail('payroll/tax-code', `taxCode: ${code.text} has no rate in the ${code.regime} bands for ${rules.taxYear}`, { taxCode: code.text });
			const whole = payToDate.greaterThan(0) ? round.poundsDown(payToDate) : dec(0);
			due = round.penceDown(whole.times(rate));
			working = `code ${code.text}: ${fmt(whole, 0)} (pay to date down to the pound) at ${pct(rate)} = ${fmt(due)}`;
			break;
		}
		case 'allowance':
		case 'K': {
			const one = periodOneAdjustment(rules, code.number, period.base);
			const adjustment = one.times(n);
			taxable = code.kind === 'K' ? payToDate.plus(adjustment) : payToDate.minus(adjustment);
			const word = code.kind === 'K' ? 'additional pay' : 'free pay';
			const sign = code.kind === 'K' ? '+' : '−';
			const bands = taxDueByBands(regime, taxable, n, period.base);
			due = bands.tax;
			working = `pay to date ${fmt(payToDate)} ${sign} ${word} ${fmt(adjustment)} (${code.text}: ${fmt(one)} × ${n}) = taxable ${fmt(taxable)}; ${bands.working}`;
			break;
		}
	}
	let tax = due.minus(paidBefore);
	let regulatoryLimitApplied = false;
	if (!cumulative && tax.isNegative()) tax = dec(0);
	const limit = round.penceDown(nonNegative(pay).times(rules.regulatoryLimit));
	if (tax.greaterThan(limit)) {
		tax = limit;
		regulatoryLimitApplied = true;
	}
	const paid = cumulative ? `; due to date ${fmt(due)} − paid ${fmt(paidBefore)} = ${fmt(due.minus(paidBefore))}` : '';
	const capped = regulatoryLimitApplied ? `; capped at ${pct(rules.regulatoryLimit)} of this period's pay ${fmt(pay)} = ${fmt(limit)} (overriding limit)` : '';
	return ok({ tax, taxDueToDate: due, taxablePayToDate: taxable, regulatoryLimitApplied, basis: `${where}: ${working}${paid}${capped}` });
}

function nonNegative(v: Decimal): Decimal {
	return v.isNegative() ? dec(0) : v;
}
