// Fast path, UK: the same PAYE (paye.ts) and Class 1 NI (ni.ts) steps as gross-to-net.ts, in integer
// pence with rates at 4 places. Every threshold that involves a division (band thresholds c(i), k(i),
// v(i), the period-1 pay adjustment, NI period thresholds) is worked once by the reference functions
// in decimal.js and only then turned into integers, so those figures are the reference figures.
// Invariant: returns the reference payslip exactly, or undefined to hand the case to the reference path.
import type Decimal from 'decimal.js';
import { ok, type Result } from '../../core';
import { fastLine, fastPay } from '../fast-pay';
import { Unsafe, add, centsText, exactText, fmtFx, fromDecimal, mul, parseUnsigned, rescale, sub } from '../fixed';
import { fmt, pct } from '../format';
import { ukRulesFor, type NiThresholdName, type TaxRegimeRules, type UkRegime, type UkRules } from '../rules/uk-rules';
import type { Payslip, UkFrequency, UkPayCase } from '../types';
import { niThreshold } from './ni';
import { periodBands, periodOneAdjustment } from './paye';
import { parseTaxCode, type TaxCode } from './tax-code';

const SHAPE: Readonly<Record<UkFrequency, { base: 52 | 12; span: number; periods: number }>> = {
	weekly: { base: 52, span: 1, periods: 52 },
	'two-weekly': { base: 52, span: 2, periods: 26 },
	'four-weekly': { base: 52, span: 4, periods: 13 },
	monthly: { base: 12, span: 1, periods: 12 }
};
const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

interface Rate {
	readonly r: number;
	readonly pct: string;
}
interface BandStep {
	/** v(i) in pence: taxable pay up to this is taxed in this band. */
	readonly v: number;
	readonly rate: Rate;
	/** c(i-1), k(i-1) at 4 places, and their printed forms. */
	readonly cPrev: number;
	readonly kPrev: number;
	readonly cPrevText: string;
	readonly kPrevText: string;
}
interface Regime {
	readonly source: TaxRegimeRules;
	readonly flat: readonly Rate[];
	readonly basicRateIndex: number;
	/** Band steps by `${n}/${base}`; the last step (v = Infinity) is the top rate. */
	readonly steps: Map<string, readonly BandStep[]>;
}
interface NiCat {
	readonly ee1: Rate;
	readonly ee2: Rate;
	readonly er: Rate;
	readonly employerFrom: NiThresholdName;
}
interface Threshold {
	readonly p: number;
	readonly text: string;
}
interface Fast {
	readonly rules: UkRules;
	readonly regimes: Readonly<Record<UkRegime, Regime>>;
	readonly limit: Rate;
	readonly ni: Readonly<Record<string, NiCat>>;
	readonly thresholds: Map<string, Threshold>;
	readonly adjustments: Map<string, { p: number; text: string } | null>;
}

function need(n: number | undefined): number {
	if (n === undefined) throw new Unsafe('not exact');
	return n;
}
const rateOf = (v: Decimal): Rate => ({ r: need(fromDecimal(v, 4)), pct: pct(v) });
const cache = new WeakMap<UkRules, Fast | null>();

function prepare(rules: UkRules): Fast | null {
	let f = cache.get(rules);
	if (f !== undefined) return f;
	try {
		const regime = (r: TaxRegimeRules): Regime => ({ source: r, flat: [...r.bands.map((b) => rateOf(b.rate)), rateOf(r.topRate)], basicRateIndex: r.basicRateIndex, steps: new Map() });
		const ni: Record<string, NiCat> = {};
		for (const [letter, c] of Object.entries(rules.niCategories))
			ni[letter] = { ee1: rateOf(c.employeePtToUel), ee2: rateOf(c.employeeAboveUel), er: rateOf(c.employerRate), employerFrom: c.employerFrom };
		f = {
			rules,
			regimes: { rUK: regime(rules.regimes.rUK), scotland: regime(rules.regimes.scotland), wales: regime(rules.regimes.wales) },
			limit: rateOf(rules.regulatoryLimit),
			ni,
			thresholds: new Map(),
			adjustments: new Map()
		};
	} catch {
		f = null;
	}
	cache.set(rules, f);
	return f;
}

/** taxDueByBands' thresholds for n periods of `base`: paye.ts periodBands (decimal.js), as integers. */
function stepsFor(regime: Regime, n: number, base: 52 | 12): readonly BandStep[] {
	const key = `${n}/${base}`;
	let steps = regime.steps.get(key);
	if (steps) return steps;
	steps = periodBands(regime.source, n, base).map((b, i) => ({
		v: b.v === undefined ? Infinity : need(fromDecimal(b.v, 2)),
		rate: regime.flat[i] as Rate,
		cPrev: need(fromDecimal(b.cPrev, 4)),
		kPrev: need(fromDecimal(b.kPrev, 4)),
		cPrevText: fmt(b.cPrev, 4),
		kPrevText: fmt(b.kPrev, 4)
	}));
	regime.steps.set(key, steps);
	return steps;
}

function bandTax(taxable: number, regime: Regime, n: number, base: 52 | 12): { tax: number; working: string } {
	if (taxable <= 0) return { tax: 0, working: 'taxable pay not above 0: no tax' };
	const rounded = rescale(taxable, 2, 0, 'down');
	const steps = stepsFor(regime, n, base);
	let step = steps[steps.length - 1] as BandStep;
	for (const s of steps)
		if (taxable <= s.v) {
			step = s;
			break;
		}
	const exact = add(mul(step.kPrev, 10_000), mul(sub(mul(rounded, 10_000), step.cPrev), step.rate.r));
	const tax = rescale(exact, 8, 2, 'down');
	const lower = step.kPrev === 0 ? '' : `${step.kPrevText} on the first ${step.cPrevText} + `;
	return { tax, working: `${lower}(${fmtFx(rounded, 0, 0)} − ${step.cPrevText}) at ${step.rate.pct} = ${fmtFx(tax, 2)} (down to the penny)` };
}

function threshold(f: Fast, frequency: UkFrequency, name: NiThresholdName): Threshold {
	const key = `${frequency}/${name}`;
	let t = f.thresholds.get(key);
	if (!t) {
		const v = niThreshold(f.rules, frequency, name);
		t = { p: need(fromDecimal(v, 2)), text: fmt(v, 0) };
		f.thresholds.set(key, t);
	}
	return t;
}

function adjustment(f: Fast, codeNumber: number, base: 52 | 12): { p: number; text: string } | null {
	const key = `${codeNumber}/${base}`;
	let a = f.adjustments.get(key);
	if (a === undefined) {
		const v = periodOneAdjustment(f.rules, codeNumber, base);
		const p = fromDecimal(v, 2);
		a = p === undefined ? null : { p, text: fmt(v) };
		if (f.adjustments.size < 10_000) f.adjustments.set(key, a);
	}
	return a;
}

const codes = new Map<string, Result<TaxCode>>();
function taxCode(text: string): Result<TaxCode> {
	let r = codes.get(text);
	if (!r) {
		r = parseTaxCode(text);
		if (codes.size < 10_000) codes.set(text, r);
	}
	return r;
}

/** payrollRound.niPence on pence x rate (scale 6): drop past the third decimal, then a half penny down. */
const niPence = (exact: number): number => rescale(rescale(exact, 6, 3, 'down'), 3, 2, 'halfDown');

const slice = (pay: number, from: number, to?: number) => {
	const top = to !== undefined && pay > to ? to : pay;
	return top > from ? top - from : 0;
};

export function fastUkGrossToNet(c: UkPayCase): Result<Payslip> | undefined {
	// Student and postgraduate loans are worked only by the reference path (uk/student-loan.ts).
	const noPlans = c.studentLoans === undefined || (Array.isArray(c.studentLoans) && c.studentLoans.length === 0);
	if (!noPlans || (c.postgraduateLoan !== undefined && c.postgraduateLoan !== false)) return undefined;
	const rulesR = ukRulesFor(c.taxYear, c.payDate);
	if (!rulesR.ok) return undefined;
	const f = prepare(rulesR.value);
	if (!f || typeof c.frequency !== 'string' || !has(SHAPE, c.frequency)) return undefined;
	const shape = SHAPE[c.frequency];
	if (!Number.isInteger(c.period) || c.period < 1 || c.period > shape.periods) return undefined;
	if (typeof c.taxCode !== 'string') return undefined;
	const codeR = taxCode(c.taxCode);
	if (!codeR.ok) return undefined;
	const code = codeR.value;
	const pay = fastPay(c);
	if (!pay) return undefined;
	const ytdPay = parseUnsigned(c.ytd.taxablePay, 2);
	const paidText = c.ytd.taxPaid;
	const refund = typeof paidText === 'string' && paidText.startsWith('-');
	const paidAbs = parseUnsigned(refund ? paidText.slice(1) : paidText, 2);
	if (ytdPay === undefined || paidAbs === undefined || (refund && paidAbs === 0)) return undefined;
	const ytdTax = refund ? -paidAbs : paidAbs;
	if (typeof c.niCategory !== 'string' || !has(f.ni, c.niCategory)) return undefined;

	// PAYE (paye.ts calculatePaye)
	const cumulative = c.basis === 'cumulative' && !code.nonCumulativeMarker;
	const number = c.period * shape.span;
	const { base, span } = shape;
	const taxablePay = sub(pay.grossPay, pay.reductions['UK.PAYE']);
	const regime = f.regimes[code.regime];
	const n = cumulative ? number : span;
	const payToDate = cumulative ? add(ytdPay, taxablePay) : taxablePay;
	const paidBefore = cumulative ? ytdTax : 0;
	const unit = base === 52 ? 'week' : 'month';
	const where = cumulative ? `${unit} ${number} cumulative` : `${unit} 1 basis over ${span} ${unit}(s)`;
	let due: number;
	let working: string;
	switch (code.kind) {
		case 'NT':
			due = 0;
			working = 'code NT: no tax';
			break;
		case 'BR':
		case 'D': {
			const rate = regime.flat[code.kind === 'BR' ? regime.basicRateIndex : regime.basicRateIndex + 1 + code.number];
			if (rate === undefined) return undefined;
			const whole = payToDate > 0 ? rescale(payToDate, 2, 0, 'down') : 0;
			due = rescale(mul(whole, rate.r), 4, 2, 'down');
			working = `code ${code.text}: ${fmtFx(whole, 0, 0)} (pay to date down to the pound) at ${rate.pct} = ${fmtFx(due, 2)}`;
			break;
		}
		case 'allowance':
		case 'K': {
			const one = adjustment(f, code.number, base);
			if (!one) return undefined;
			const adj = mul(one.p, n);
			const taxable = code.kind === 'K' ? add(payToDate, adj) : sub(payToDate, adj);
			const word = code.kind === 'K' ? 'additional pay' : 'free pay';
			const sign = code.kind === 'K' ? '+' : '−';
			const bands = bandTax(taxable, regime, n, base);
			due = bands.tax;
			working = `pay to date ${fmtFx(payToDate, 2)} ${sign} ${word} ${fmtFx(adj, 2)} (${code.text}: ${one.text} × ${n}) = taxable ${fmtFx(taxable, 2)}; ${bands.working}`;
			break;
		}
		default:
			return undefined;
	}
	let tax = sub(due, paidBefore);
	let limited = false;
	if (!cumulative && tax < 0) tax = 0;
	const limit = rescale(mul(taxablePay < 0 ? 0 : taxablePay, f.limit.r), 6, 2, 'down');
	if (tax > limit) {
		tax = limit;
		limited = true;
	}
	const paid = cumulative ? `; due to date ${fmtFx(due, 2)} − paid ${fmtFx(paidBefore, 2)} = ${fmtFx(sub(due, paidBefore), 2)}` : '';
	const capped = limited ? `; capped at ${f.limit.pct} of this period's pay ${fmtFx(taxablePay, 2)} = ${fmtFx(limit, 2)} (overriding limit)` : '';
	const payeBasis = `${where}: ${working}${paid}${capped}`;

	// NI (ni.ts calculateNi)
	const letter = c.niCategory;
	const cat = f.ni[letter] as NiCat;
	const niable = sub(pay.grossPay, pay.reductions['UK.NI']);
	const niPay = niable < 0 ? 0 : niable;
	const lel = threshold(f, c.frequency, 'LEL');
	const pt = threshold(f, c.frequency, 'PT');
	const uel = threshold(f, c.frequency, 'UEL');
	const mainBand = slice(niPay, pt.p, uel.p);
	const upperBand = slice(niPay, uel.p);
	const mainExact = mul(mainBand, cat.ee1.r);
	const upperExact = mul(upperBand, cat.ee2.r);
	const main = niPence(mainExact);
	const upper = niPence(upperExact);
	const employee = add(main, upper);
	const erFrom = threshold(f, c.frequency, cat.employerFrom);
	const erBand = slice(niPay, erFrom.p);
	const erExact = mul(erBand, cat.er.r);
	const employer = niPence(erExact);
	const reachesLel = niPay >= lel.p;
	const eeBasis = `category ${letter}, ${c.frequency}: ${fmtFx(mainBand, 2)} between PT ${pt.text} and UEL ${uel.text} at ${cat.ee1.pct} = ${exactText(mainExact, 6)} → ${fmtFx(main, 2)}; ${fmtFx(upperBand, 2)} above UEL at ${cat.ee2.pct} = ${exactText(upperExact, 6)} → ${fmtFx(upper, 2)}; total ${fmtFx(employee, 2)} (each band to the nearest penny, a halfpenny or less dropped)`;
	const erBasis = `category ${letter}, ${c.frequency}: ${fmtFx(erBand, 2)} above ${cat.employerFrom} ${erFrom.text} at ${cat.er.pct} = ${exactText(erExact, 6)} → ${fmtFx(employer, 2)} (nearest penny, a halfpenny or less dropped)`;

	const net = sub(sub(sub(sub(add(pay.grossPay, pay.reimbursements), pay.preTaxTotal), tax), employee), pay.postTaxTotal);
	if (net < 0) return undefined;
	return ok({
		jurisdiction: 'UK',
		taxYear: c.taxYear,
		frequency: c.frequency,
		lines: [
			...pay.lines,
			fastLine('UK.PAYE', tax < 0 ? 'Income tax (refund)' : 'Income tax (PAYE)', 'employee-tax', tax, payeBasis),
			fastLine('UK.NI.EE', 'National Insurance (employee)', 'employee-tax', employee, eeBasis),
			fastLine('UK.NI.ER', 'National Insurance (employer)', 'employer-tax', employer, erBasis)
		],
		grossPay: centsText(pay.grossPay),
		reimbursements: centsText(pay.reimbursements),
		net: centsText(net),
		employerCost: centsText(add(add(add(pay.grossPay, pay.reimbursements), employer), pay.employerContributionTotal)),
		uk: {
			taxablePay: centsText(taxablePay),
			taxablePayToDate: centsText(add(ytdPay, taxablePay)),
			taxDueToDate: centsText(due),
			taxPaidToDate: centsText(add(ytdTax, tax)),
			niCategory: c.niCategory,
			niablePay: centsText(niPay),
			niBands: { atLel: centsText(reachesLel ? lel.p : 0), lelToPt: centsText(reachesLel ? slice(niPay, lel.p, pt.p) : 0), ptToUel: centsText(mainBand) }
		}
	});
}
