// Fast path, US federal: the same Worksheet 1A, FICA and FUTA steps as gross-to-net.ts, withholding.ts
// and fica.ts, in integer cents with rates at 4 places (rates x 10^4 exact, checked once per rule file).
// Invariant: returns the reference payslip exactly, or undefined to hand the case to the reference path
// (any refusal, any figure out of exact range, and the one rounding tie where decimal.js's 40-digit
// division could differ from exact arithmetic: Step 3 credits with a half-cent result).
import { dec, ok, type Result } from '../../core';
import { fastLine, fastPay } from '../fast-pay';
import { Unsafe, add, centsText, fmtFx, fromDecimal, mul, parseUnsigned, rescale, safe, sub } from '../fixed';
import { fmt, pct } from '../format';
import { EXEMPT_BASIS } from './withholding';
import { US_STATUSES, usRulesFor, type BracketTable, type UsRules, type UsStatus } from '../rules/us-rules';
import type { Payslip, PayslipLine, UsPayCase } from '../types';

interface Row {
	readonly atLeast: number;
	readonly base: number;
	readonly rate: number;
	readonly atLeastText: string;
	readonly baseText: string;
	readonly pctText: string;
}
interface Rate {
	readonly r: number;
	readonly pct: string;
}
interface Fast {
	readonly periods: Readonly<Record<string, number>>;
	readonly line1g: Readonly<Record<UsStatus, number>>;
	readonly allowance: number;
	readonly standard: Readonly<Record<UsStatus, readonly Row[]>>;
	readonly step2Checkbox: Readonly<Record<UsStatus, readonly Row[]>>;
	readonly sup: { rate: Rate; mandatory: Rate; threshold: number; thresholdText: string };
	readonly ss: { rate: Rate; base: number; baseText: string };
	readonly medicare: Rate;
	readonly addl: { rate: Rate; threshold: number; thresholdText: string };
	readonly futa: { rate: Rate; base: number; baseText: string };
}

const cache = new WeakMap<UsRules, Fast | null>();

function need(n: number | undefined): number {
	if (n === undefined) throw new Unsafe('not exact');
	return n;
}
const rateOf = (v: Parameters<typeof pct>[0]): Rate => ({ r: need(fromDecimal(v, 4)), pct: pct(v) });
/** The flat supplemental rate for an employee exempt on Form W-4 (see withholding.ts). */
const EXEMPT_SUPPLEMENTAL: Rate = { r: 0, pct: pct(dec(0)) };

function table(t: BracketTable): Row[] {
	return t.map((row) => ({
		atLeast: need(fromDecimal(row.atLeast, 2)),
		base: need(fromDecimal(row.base, 2)),
		rate: need(fromDecimal(row.rate, 4)),
		atLeastText: fmt(row.atLeast, 0),
		baseText: fmt(row.base),
		pctText: pct(row.rate)
	}));
}

/** Rule figures as integers and their printed forms, once per rule file; null if any is not exact. */
function prepare(rules: UsRules): Fast | null {
	let f = cache.get(rules);
	if (f !== undefined) return f;
	try {
		const per = <T>(fn: (s: UsStatus) => T) => Object.fromEntries(US_STATUSES.map((s) => [s, fn(s)])) as Record<UsStatus, T>;
		f = {
			periods: { ...rules.periods },
			line1g: per((s) => need(fromDecimal(rules.line1g[s], 2))),
			allowance: need(fromDecimal(rules.allowance, 2)),
			standard: per((s) => table(rules.standard[s])),
			step2Checkbox: per((s) => table(rules.step2Checkbox[s])),
			sup: {
				rate: rateOf(rules.supplemental.rate),
				mandatory: rateOf(rules.supplemental.mandatoryRate),
				threshold: need(fromDecimal(rules.supplemental.mandatoryThreshold, 2)),
				thresholdText: fmt(rules.supplemental.mandatoryThreshold, 0)
			},
			ss: { rate: rateOf(rules.socialSecurity.rate), base: need(fromDecimal(rules.socialSecurity.wageBase, 2)), baseText: fmt(rules.socialSecurity.wageBase, 0) },
			medicare: rateOf(rules.medicare.rate),
			addl: { rate: rateOf(rules.additionalMedicare.rate), threshold: need(fromDecimal(rules.additionalMedicare.threshold, 2)), thresholdText: fmt(rules.additionalMedicare.threshold, 0) },
			futa: { rate: rateOf(rules.futa.rate), base: need(fromDecimal(rules.futa.wageBase, 2)), baseText: fmt(rules.futa.wageBase, 0) }
		};
	} catch {
		f = null;
	}
	cache.set(rules, f);
	return f;
}

const max0 = (v: number) => (v < 0 ? 0 : v);
/** cents x rate (4 places), to the cent half up: round.centsHalfUp(wages.times(rate)). */
const taxAt = (cents: number, rate: Rate) => rescale(mul(cents, rate.r), 6, 2, 'halfUp');

function underWageBase(wages: number, ytd: number, base: number, baseText: string, rate: Rate, name: string) {
	const room = max0(sub(base, ytd));
	const taxable = wages < room ? wages : room;
	const amount = taxAt(taxable, rate);
	const capNote = taxable < wages ? ` (wage base ${baseText}: ${fmtFx(ytd, 2)} already taxed, room ${fmtFx(room, 2)})` : '';
	return { taxable, amount, basis: `${name} wages ${fmtFx(wages, 2)}, taxable ${fmtFx(taxable, 2)}${capNote} × ${rate.pct} = ${fmtFx(amount, 2)}` };
}

/** Worksheet 1A as withholding.ts regularWithholding; undefined means "use the reference path". */
function regular(f: Fast, frequency: string, w4: UsPayCase['w4'], wages: number): { amount: number; basis: string } | undefined {
	if (w4.exempt) return { amount: 0, basis: EXEMPT_BASIS };
	const periods = f.periods[frequency] as number;
	const c1 = mul(wages, periods);
	let adjusted: number;
	let rows: readonly Row[];
	let tableName: string;
	let step1: string;
	let credits = 0;
	let extra: number;
	if (w4.version === 2020) {
		const s4a = parseUnsigned(w4.step4a, 2);
		const s4b = parseUnsigned(w4.step4b, 2);
		const s3 = parseUnsigned(w4.step3, 2);
		const s4c = parseUnsigned(w4.step4c, 2);
		if (s4a === undefined || s4b === undefined || s3 === undefined || s4c === undefined) return undefined;
		const status = w4.filingStatus;
		if (!US_STATUSES.includes(status) || typeof w4.step2 !== 'boolean') return undefined;
		const g1 = w4.step2 ? 0 : f.line1g[status];
		adjusted = max0(sub(add(c1, s4a), add(s4b, g1)));
		rows = w4.step2 ? f.step2Checkbox[status] : f.standard[status];
		tableName = `${w4.step2 ? 'Step 2 checkbox' : 'standard'} ${status}`;
		step1 = `annualised wages ${fmtFx(wages, 2)} × ${periods} = ${fmtFx(c1, 2)} + 4(a) ${fmtFx(s4a, 2)} − 4(b) ${fmtFx(s4b, 2)} − 1g ${fmtFx(g1, 2)} = adjusted ${fmtFx(adjusted, 2)}`;
		credits = s3;
		extra = s4c;
	} else if (w4.version === 2019) {
		if (!Number.isSafeInteger(w4.allowances) || w4.allowances < 0) return undefined;
		const addl = parseUnsigned(w4.additional, 2);
		if (addl === undefined) return undefined;
		const status: UsStatus = w4.filingStatus === 'married' ? 'married' : 'single';
		adjusted = max0(sub(c1, mul(f.allowance, w4.allowances)));
		rows = f.standard[status];
		tableName = `standard ${status} (W-4 2019 or earlier)`;
		step1 = `annualised wages ${fmtFx(wages, 2)} × ${periods} = ${fmtFx(c1, 2)} − ${w4.allowances} allowance(s) × ${fmtFx(f.allowance, 2)} = adjusted ${fmtFx(adjusted, 2)}`;
		extra = addl;
	} else return undefined;
	let row = rows[0] as Row;
	for (const r of rows) if (adjusted >= r.atLeast) row = r;
	// annual at 6 places: base + (adjusted - atLeast) x rate.
	const annual = add(mul(row.base, 10_000), mul(sub(adjusted, row.atLeast), row.rate));
	// amount = (max0(annual - credits) / periods + extra) to the cent, half up, worked exactly at 6 places.
	const denominator = mul(periods, 10_000);
	const numerator = add(max0(sub(annual, mul(credits, 10_000))), mul(extra, denominator));
	const q = Math.floor(numerator / denominator);
	const rem = safe(numerator - q * denominator);
	if (rem < 0 || rem >= denominator) return undefined;
	if (credits !== 0 && 2 * rem === denominator) return undefined;
	const amount = 2 * rem >= denominator ? q + 1 : q;
	const creditText = credits === 0 ? '' : ` − Step 3 ${fmtFx(credits, 2)} / ${periods}`;
	const extraText = extra === 0 ? '' : ` + extra ${fmtFx(extra, 2)}`;
	const basis =
		`${step1}; ${tableName} table row from ${row.atLeastText}: ${row.baseText} + (${fmtFx(adjusted, 2)} − ${row.atLeastText}) × ${row.pctText} = ${fmtFx(annual, 6)} a year; ` +
		`÷ ${periods}${creditText}${extraText} = ${fmtFx(amount, 2)} (to the cent, half up)`;
	return { amount, basis };
}

function ytdCents(v: unknown): number | undefined {
	return parseUnsigned(v, 2);
}

export function fastUsGrossToNet(c: UsPayCase): Result<Payslip> | undefined {
	const rulesR = usRulesFor(c.taxYear, c.payDate);
	if (!rulesR.ok) return undefined;
	const f = prepare(rulesR.value);
	if (!f || typeof c.frequency !== 'string' || !Object.prototype.hasOwnProperty.call(f.periods, c.frequency)) return undefined;
	const pay = fastPay(c);
	if (!pay) return undefined;
	const ytdSs = ytdCents(c.ytd.socialSecurityWages);
	const ytdMed = ytdCents(c.ytd.medicareWages);
	const ytdFuta = ytdCents(c.ytd.futaWages);
	const ytdSup = ytdCents(c.ytd.supplementalWages);
	if (ytdSs === undefined || ytdMed === undefined || ytdFuta === undefined || ytdSup === undefined) return undefined;
	const regularWages = sub(pay.grossPay, pay.supplemental);
	const fitCut = pay.reductions['US.FIT'];
	const regularFit = max0(sub(regularWages, fitCut));
	const supplementalFit = max0(sub(pay.supplemental, max0(sub(fitCut, regularWages))));
	const reg = regular(f, c.frequency, c.w4, regularFit);
	if (!reg) return undefined;
	let fit = reg.amount;
	let fitBasis = reg.basis;
	if (supplementalFit !== 0) {
		const { mandatory, threshold, thresholdText } = f.sup;
		const rate = c.w4.exempt ? EXEMPT_SUPPLEMENTAL : f.sup.rate;
		const roomBelow = sub(threshold, ytdSup);
		const atFlat = roomBelow <= 0 ? 0 : supplementalFit < roomBelow ? supplementalFit : roomBelow;
		const atMandatory = sub(supplementalFit, atFlat);
		const amount = rescale(add(mul(atFlat, rate.r), mul(atMandatory, mandatory.r)), 6, 2, 'halfUp');
		const over = atMandatory === 0 ? '' : ` + ${fmtFx(atMandatory, 2)} over ${thresholdText} for the year at ${mandatory.pct}`;
		fit = add(fit, amount);
		fitBasis = `regular: ${reg.basis}; supplemental ${fmtFx(atFlat, 2)} at ${rate.pct}${over} = ${fmtFx(amount, 2)}; total ${fmtFx(fit, 2)}`;
	}
	const ssWages = max0(sub(pay.grossPay, pay.reductions['US.SS']));
	const medWages = max0(sub(pay.grossPay, pay.reductions['US.MEDICARE']));
	const futaWages = max0(sub(pay.grossPay, pay.reductions['US.FUTA']));
	const ss = underWageBase(ssWages, ytdSs, f.ss.base, f.ss.baseText, f.ss.rate, 'Social Security');
	const medAmount = taxAt(medWages, f.medicare);
	const medBasis = `Medicare wages ${fmtFx(medWages, 2)} × ${f.medicare.pct} = ${fmtFx(medAmount, 2)}`;
	const { threshold, thresholdText, rate: addlRate } = f.addl;
	const addlTaxable = sub(max0(sub(add(ytdMed, medWages), threshold)), max0(sub(ytdMed, threshold)));
	const addlAmount = taxAt(addlTaxable, addlRate);
	const futa = underWageBase(futaWages, ytdFuta, f.futa.base, f.futa.baseText, f.futa.rate, 'FUTA');
	const taxLines: PayslipLine[] = [
		fastLine('US.FIT', 'Federal income tax', 'employee-tax', fit, fitBasis),
		fastLine('US.SS.EE', 'Social Security (employee)', 'employee-tax', ss.amount, ss.basis),
		fastLine('US.MEDICARE.EE', 'Medicare (employee)', 'employee-tax', medAmount, medBasis)
	];
	if (addlTaxable > 0)
		taxLines.push(
			fastLine('US.ADDL_MEDICARE.EE', 'Additional Medicare (employee)', 'employee-tax', addlAmount,
				`year-to-date Medicare wages ${fmtFx(ytdMed, 2)} + ${fmtFx(medWages, 2)}; ${fmtFx(addlTaxable, 2)} above ${thresholdText} × ${addlRate.pct} = ${fmtFx(addlAmount, 2)}`)
		);
	taxLines.push(
		fastLine('US.SS.ER', 'Social Security (employer)', 'employer-tax', ss.amount, ss.basis),
		fastLine('US.MEDICARE.ER', 'Medicare (employer)', 'employer-tax', medAmount, medBasis),
		fastLine('US.FUTA.ER', 'FUTA (employer)', 'employer-tax', futa.amount, futa.basis)
	);
	const employeeTaxes = add(add(add(fit, ss.amount), medAmount), addlAmount);
	const employerTaxes = add(add(ss.amount, medAmount), futa.amount);
	const net = sub(sub(sub(add(pay.grossPay, pay.reimbursements), pay.preTaxTotal), employeeTaxes), pay.postTaxTotal);
	if (net < 0) return undefined;
	return ok({
		jurisdiction: 'US',
		taxYear: String(c.taxYear),
		frequency: c.frequency,
		lines: [...pay.lines, ...taxLines],
		grossPay: centsText(pay.grossPay),
		reimbursements: centsText(pay.reimbursements),
		net: centsText(net),
		employerCost: centsText(add(add(add(pay.grossPay, pay.reimbursements), employerTaxes), pay.employerContributionTotal)),
		us: {
			federalWages: centsText(add(regularFit, supplementalFit)),
			socialSecurityWages: centsText(ss.taxable),
			medicareWages: centsText(medWages),
			additionalMedicareWages: centsText(addlTaxable),
			futaWages: centsText(futa.taxable)
		}
	});
}
