// PAYE income tax for one payment by HMRC's "Specification for PAYE Tax Table Routines":
// pay adjustment (4.3.1), taxable pay rounded down to whole pounds, income tests and tax formulae
// on thresholds carried to four places (4.4), tax rounded down to the penny, overriding limit of
// 50% of the period's pay (4.5). The figures that involve a division (c(i), k(i), v(i), the period-1
// pay adjustment) are worked in decimal.js from the rule file (periodBands, periodOneAdjustment),
// once per rule file and period count, and used as integers; the payment's own arithmetic is in
// integer pence (fixed.ts). Invariant: every step is recorded in the basis text.
import {
	addUnits,
	dec,
	type Dec,
	decToUnits,
	ExactRangeError,
	fail,
	mulUnits,
	ok,
	rescaleUnits,
	type Result,
	subUnits
} from '../../../shared/domain';
import { fmtFx } from '../format';
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

/** One payment; every amount in pence. */
export interface PayeInput {
	readonly rules: UkRules;
	readonly code: TaxCode;
	readonly cumulative: boolean;
	readonly period: PayePeriod;
	/** Pay for PAYE in this period (after net-pay pension and salary sacrifice). */
	readonly pay: number;
	readonly payToDateBefore: number;
	readonly taxPaidBefore: number;
}

/** Every amount in pence. */
export interface PayeResult {
	/** Tax for this period; negative is a refund. */
	readonly tax: number;
	readonly taxDueToDate: number;
	readonly taxablePayToDate: number;
	readonly regulatoryLimitApplied: boolean;
	readonly basis: string;
}

/** Pay adjustment for period 1 (free pay, or additional pay for K codes): spec 4.3.1, programmers' note. */
export function periodOneAdjustment(rules: UkRules, codeNumber: number, base: 52 | 12): Dec {
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
	readonly v: Dec | undefined;
	readonly rate: Dec;
	readonly cPrev: Dec;
	readonly kPrev: Dec;
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

/** A rate at 4 places and its printed percentage. */
interface Rate {
	readonly r: number;
	readonly pct: string;
}
/** A band of periodBands as integers: v(i) in pence (Infinity for the top rate), c(i-1), k(i-1) at 4 places. */
interface BandStep {
	readonly v: number;
	readonly rate: Rate;
	readonly cPrev: number;
	readonly kPrev: number;
	readonly cPrevText: string;
	readonly kPrevText: string;
}
interface RegimeFigures {
	/** Band rates then the top rate: the single rate of a BR or Dn code is one of these. */
	readonly flat: readonly Rate[];
	readonly steps: Map<string, readonly BandStep[]>;
}

function need(n: number | undefined): number {
	if (n === undefined) throw new ExactRangeError('not exact');
	return n;
}
export const rateOf = (v: Dec): Rate => ({ r: need(decToUnits(v, 4)), pct: pct(v) });

const regimes = new WeakMap<TaxRegimeRules, RegimeFigures>();
function regimeFigures(regime: TaxRegimeRules): RegimeFigures {
	let f = regimes.get(regime);
	if (!f) {
		f = { flat: [...regime.bands.map((b) => rateOf(b.rate)), rateOf(regime.topRate)], steps: new Map() };
		regimes.set(regime, f);
	}
	return f;
}

function stepsFor(regime: TaxRegimeRules, n: number, base: 52 | 12): readonly BandStep[] {
	const f = regimeFigures(regime);
	const key = `${n}/${base}`;
	let steps = f.steps.get(key);
	if (steps) return steps;
	steps = periodBands(regime, n, base).map((b, i) => ({
		v: b.v === undefined ? Infinity : need(decToUnits(b.v, 2)),
		rate: f.flat[i] as Rate,
		cPrev: need(decToUnits(b.cPrev, 4)),
		kPrev: need(decToUnits(b.kPrev, 4)),
		cPrevText: fmt(b.cPrev, 4),
		kPrevText: fmt(b.kPrev, 4)
	}));
	f.steps.set(key, steps);
	return steps;
}

interface RulesFigures {
	readonly limit: Rate;
	readonly adjustments: Map<string, { p: number; text: string }>;
}
const ruleFigures = new WeakMap<UkRules, RulesFigures>();
function rulesFigures(rules: UkRules): RulesFigures {
	let f = ruleFigures.get(rules);
	if (!f) {
		f = { limit: rateOf(rules.regulatoryLimit), adjustments: new Map() };
		ruleFigures.set(rules, f);
	}
	return f;
}

/** periodOneAdjustment in pence with its printed form, remembered per code number. */
function adjustment(rules: UkRules, codeNumber: number, base: 52 | 12): { p: number; text: string } {
	const f = rulesFigures(rules);
	const key = `${codeNumber}/${base}`;
	let a = f.adjustments.get(key);
	if (a === undefined) {
		const v = periodOneAdjustment(rules, codeNumber, base);
		a = { p: need(decToUnits(v, 2)), text: fmt(v) };
		if (f.adjustments.size < 10_000) f.adjustments.set(key, a);
	}
	return a;
}

/** Tax due to date (pence) on taxable pay to date (pence) by the band formulae of spec 4.4 (n periods of `base`). */
export function taxDueByBands(
	regime: TaxRegimeRules,
	taxable: number,
	n: number,
	base: 52 | 12
): { tax: number; working: string } {
	if (taxable <= 0) return { tax: 0, working: 'taxable pay not above 0: no tax' };
	const rounded = rescaleUnits(taxable, 2, 0, 'down');
	const steps = stepsFor(regime, n, base);
	let step = steps[steps.length - 1] as BandStep;
	for (const s of steps)
		if (taxable <= s.v) {
			step = s;
			break;
		}
	const exact = addUnits(
		mulUnits(step.kPrev, 10_000),
		mulUnits(subUnits(mulUnits(rounded, 10_000), step.cPrev), step.rate.r)
	);
	const tax = rescaleUnits(exact, 8, 2, 'down');
	const lower = step.kPrev === 0 ? '' : `${step.kPrevText} on the first ${step.cPrevText} + `;
	return {
		tax,
		working: `${lower}(${fmtFx(rounded, 0, 0)} − ${step.cPrevText}) at ${step.rate.pct} = ${fmtFx(tax, 2)} (down to the penny)`
	};
}

export function calculatePaye(input: PayeInput): Result<PayeResult> {
	const { rules, code, cumulative, period, pay } = input;
	const regime = rules.regimes[code.regime];
	const n = cumulative ? period.number : period.span;
	const payToDate = cumulative ? addUnits(input.payToDateBefore, pay) : pay;
	const paidBefore = cumulative ? input.taxPaidBefore : 0;
	const unit = period.base === 52 ? 'week' : 'month';
	const where = cumulative
		? `${unit} ${period.number} cumulative`
		: `${unit} 1 basis over ${period.span} ${unit}(s)`;
	let taxable = payToDate;
	let due: number;
	let working: string;
	switch (code.kind) {
		case 'NT':
			due = 0;
			working = 'code NT: no tax';
			break;
		case 'BR':
		case 'D': {
			const rate =
				regimeFigures(regime).flat[
					code.kind === 'BR' ? regime.basicRateIndex : regime.basicRateIndex + 1 + code.number
				];
			if (rate === undefined)
				return fail(
					'payroll/tax-code',
					`taxCode: ${code.text} has no rate in the ${code.regime} bands for ${rules.taxYear}`,
					{ taxCode: code.text }
				);
			const whole = payToDate > 0 ? rescaleUnits(payToDate, 2, 0, 'down') : 0;
			due = rescaleUnits(mulUnits(whole, rate.r), 4, 2, 'down');
			working = `code ${code.text}: ${fmtFx(whole, 0, 0)} (pay to date down to the pound) at ${rate.pct} = ${fmtFx(due, 2)}`;
			break;
		}
		case 'allowance':
		case 'K': {
			const one = adjustment(rules, code.number, period.base);
			const adj = mulUnits(one.p, n);
			taxable = code.kind === 'K' ? addUnits(payToDate, adj) : subUnits(payToDate, adj);
			const word = code.kind === 'K' ? 'additional pay' : 'free pay';
			const sign = code.kind === 'K' ? '+' : '−';
			const bands = taxDueByBands(regime, taxable, n, period.base);
			due = bands.tax;
			working = `pay to date ${fmtFx(payToDate, 2)} ${sign} ${word} ${fmtFx(adj, 2)} (${code.text}: ${one.text} × ${n}) = taxable ${fmtFx(taxable, 2)}; ${bands.working}`;
			break;
		}
	}
	let tax = subUnits(due, paidBefore);
	let regulatoryLimitApplied = false;
	if (!cumulative && tax < 0) tax = 0;
	const limitRate = rulesFigures(rules).limit;
	const limit = rescaleUnits(mulUnits(pay < 0 ? 0 : pay, limitRate.r), 6, 2, 'down');
	if (tax > limit) {
		tax = limit;
		regulatoryLimitApplied = true;
	}
	const paid = cumulative
		? `; due to date ${fmtFx(due, 2)} − paid ${fmtFx(paidBefore, 2)} = ${fmtFx(subUnits(due, paidBefore), 2)}`
		: '';
	const capped = regulatoryLimitApplied
		? `; capped at ${limitRate.pct} of this period's pay ${fmtFx(pay, 2)} = ${fmtFx(limit, 2)} (overriding limit)`
		: '';
	return ok({
		tax,
		taxDueToDate: due,
		taxablePayToDate: taxable,
		regulatoryLimitApplied,
		basis: `${where}: ${working}${paid}${capped}`
	});
}
