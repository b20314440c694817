// Federal income tax withholding by IRS Pub 15-T Worksheet 1A (percentage method, automated payroll
// systems), for Forms W-4 from 2020 on and from 2019 or earlier, plus supplemental wages at the flat
// rate, in integer cents with rates at 4 places. Invariant: intermediate figures stay exact; the
// amount to withhold is rounded once, to the cent half up, and every worksheet line used appears in
// the basis.
import {
	addUnits,
	Dec,
	fail,
	mulUnits,
	ok,
	readDecimal,
	rescaleUnits,
	type Result,
	round,
	safe,
	subUnits
} from '../../../shared/domain';
import { amountProblem } from '../earnings';
import { fmtFx } from '../format';
import { US_STATUSES, type UsStatus } from '../rules/us-rules';
import type { UsFrequency, W4 } from '../types';
import { EXEMPT_SUPPLEMENTAL, type Row, type UsFigures } from './figures';

export interface WithholdingResult {
	readonly amount: number;
	readonly basis: string;
}

/** What a payslip says of federal income tax for an employee who claims exemption on Form W-4. */
export const EXEMPT_BASIS = 'exempt from withholding (Form W-4): no federal income tax on regular wages';

const max0 = (v: number) => (v < 0 ? 0 : v);

/** A W-4 dollar figure in cents (as written: no spaces, never negative). */
function w4Cents(text: unknown, field: string): Result<number> {
	const r = readDecimal(text, { trim: false, places: 2 });
	if (typeof r === 'object' && !r.negative) return ok(rescaleUnits(r.n, r.scale, 2, 'down'));
	return fail(
		'payroll/invalid-input',
		amountProblem(field, typeof r === 'object' ? 'bad' : r, 'expected a non-negative decimal string'),
		{ field }
	);
}

/**
 * (annual − credits) / periods + extra, to the cent half up, from `annual` at 6 places. Worked exactly;
 * a Step 3 credit that lands exactly on a half cent is worked as the published engine always did it,
 * annual / periods − credits / periods to 40 significant digits, so those results never change.
 */
function perPeriod(annual: number, credits: number, extra: number, periods: number): number {
	const denominator = mulUnits(periods, 10_000);
	const numerator = addUnits(max0(subUnits(annual, mulUnits(credits, 10_000))), mulUnits(extra, denominator));
	const q = Math.floor(numerator / denominator);
	const rem = safe(numerator - q * denominator);
	if (rem >= 0 && rem < denominator && (credits === 0 || 2 * rem !== denominator))
		return 2 * rem >= denominator ? q + 1 : q;
	const after = new Dec(annual)
		.dividedBy(1_000_000)
		.dividedBy(periods)
		.minus(new Dec(credits).dividedBy(100).dividedBy(periods));
	const amount = round.centsHalfUp(
		(after.isNegative() ? new Dec(0) : after).plus(new Dec(extra).dividedBy(100))
	);
	return safe(amount.times(100).toNumber());
}

/** Worksheet 1A on this period's income-tax wages (regular wages, after pre-tax deductions). */
export function regularWithholding(
	f: UsFigures,
	frequency: UsFrequency,
	w4: W4,
	wages: number
): Result<WithholdingResult> {
	if (w4.exempt) return ok({ amount: 0, basis: EXEMPT_BASIS });
	const periods = f.periods[frequency] as number;
	const c1 = mulUnits(wages, periods);
	let adjusted: number;
	let rows: readonly Row[];
	let tableName: string;
	let step1: string;
	let credits = 0;
	let extra: number;
	if (w4.version === 2020) {
		const s4a = w4Cents(w4.step4a, 'w4.step4a');
		if (!s4a.ok) return s4a;
		const s4b = w4Cents(w4.step4b, 'w4.step4b');
		if (!s4b.ok) return s4b;
		const s3 = w4Cents(w4.step3, 'w4.step3');
		if (!s3.ok) return s3;
		const s4c = w4Cents(w4.step4c, 'w4.step4c');
		if (!s4c.ok) return s4c;
		const status = w4.filingStatus;
		if (!US_STATUSES.includes(status))
			return fail('payroll/invalid-input', `w4.filingStatus: expected ${US_STATUSES.join('|')}`, {
				field: 'w4.filingStatus'
			});
		const g1 = w4.step2 ? 0 : f.line1g[status];
		adjusted = max0(subUnits(addUnits(c1, s4a.value), addUnits(s4b.value, g1)));
		rows = w4.step2 ? f.step2Checkbox[status] : f.standard[status];
		tableName = `${w4.step2 ? 'Step 2 checkbox' : 'standard'} ${status}`;
		step1 = `annualised wages ${fmtFx(wages, 2)} × ${periods} = ${fmtFx(c1, 2)} + 4(a) ${fmtFx(s4a.value, 2)} − 4(b) ${fmtFx(s4b.value, 2)} − 1g ${fmtFx(g1, 2)} = adjusted ${fmtFx(adjusted, 2)}`;
		credits = s3.value;
		extra = s4c.value;
	} else {
		if (!Number.isInteger(w4.allowances) || w4.allowances < 0)
			return fail('payroll/invalid-input', 'w4.allowances: expected a whole number, 0 or more', {
				field: 'w4.allowances'
			});
		const more = w4Cents(w4.additional, 'w4.additional');
		if (!more.ok) return more;
		const status: UsStatus = w4.filingStatus === 'married' ? 'married' : 'single';
		adjusted = max0(subUnits(c1, mulUnits(f.allowance, w4.allowances)));
		rows = f.standard[status];
		tableName = `standard ${status} (W-4 2019 or earlier)`;
		step1 = `annualised wages ${fmtFx(wages, 2)} × ${periods} = ${fmtFx(c1, 2)} − ${w4.allowances} allowance(s) × ${f.allowanceText} = adjusted ${fmtFx(adjusted, 2)}`;
		extra = more.value;
	}
	let row = rows[0] as Row;
	for (const r of rows) if (adjusted >= r.atLeast) row = r;
	// annual at 6 places: base + (adjusted − atLeast) × rate.
	const annual = addUnits(mulUnits(row.base, 10_000), mulUnits(subUnits(adjusted, row.atLeast), row.rate));
	const amount = perPeriod(annual, credits, extra, periods);
	const creditText = credits === 0 ? '' : ` − Step 3 ${fmtFx(credits, 2)} / ${periods}`;
	const extraText = extra === 0 ? '' : ` + extra ${fmtFx(extra, 2)}`;
	const basis =
		`${step1}; ${tableName} table row from ${row.atLeastText}: ${row.baseText} + (${fmtFx(adjusted, 2)} − ${row.atLeastText}) × ${row.pctText} = ${fmtFx(annual, 6)} a year; ` +
		`÷ ${periods}${creditText}${extraText} = ${fmtFx(amount, 2)} (to the cent, half up)`;
	return ok({ amount, basis });
}

/** Supplemental wages at the optional flat rate; the mandatory rate on supplemental wages over $1M in the year. */
export function supplementalWithholding(
	f: UsFigures,
	wages: number,
	ytdSupplemental: number,
	exempt = false
): WithholdingResult {
	const { mandatory, threshold, thresholdText } = f.sup;
	// An exempt employee has nothing withheld below the $1 million line (the aggregate method gives
	// nothing); above it the mandatory rate applies whatever the W-4 says (Treas. Reg. 31.3402(g)-1).
	const rate = exempt ? EXEMPT_SUPPLEMENTAL : f.sup.rate;
	const roomBelow = subUnits(threshold, ytdSupplemental);
	const atFlat = roomBelow <= 0 ? 0 : wages < roomBelow ? wages : roomBelow;
	const atMandatory = subUnits(wages, atFlat);
	const amount = rescaleUnits(
		addUnits(mulUnits(atFlat, rate.r), mulUnits(atMandatory, mandatory.r)),
		6,
		2,
		'halfUp'
	);
	const over =
		atMandatory === 0
			? ''
			: ` + ${fmtFx(atMandatory, 2)} over ${thresholdText} for the year at ${mandatory.pct}`;
	return { amount, basis: `supplemental ${fmtFx(atFlat, 2)} at ${rate.pct}${over} = ${fmtFx(amount, 2)}` };
}
