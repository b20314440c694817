// A US federal rule file's figures as integers (cents, rates at 4 places) with their printed forms,
// worked once per rule file for the engine. Invariant: each figure equals the rule file's decimal
// exactly; a rule file with a figure that is not exact at those places is refused in words.
import { dec, decToUnits } from '../../../shared/domain';
import { fmt, pct } from '../format';
import { type BracketTable, type UsRules, type UsStatus } from '../rules/us-rules';

export interface Row {
	readonly atLeast: number;
	readonly base: number;
	readonly rate: number;
	readonly atLeastText: string;
	readonly baseText: string;
	readonly pctText: string;
}
export interface Rate {
	readonly r: number;
	readonly pct: string;
}
export interface UsFigures {
	readonly periods: Readonly<Record<string, number>>;
	readonly line1g: Readonly<Record<UsStatus, number>>;
	readonly allowance: number;
	readonly allowanceText: string;
	readonly standard: Readonly<Record<UsStatus, readonly Row[]>>;
	readonly step2Checkbox: Readonly<Record<UsStatus, readonly Row[]>>;
	readonly sup: { rate: Rate; mandatory: Rate; threshold: number; thresholdText: string };
	readonly ss: { rate: Rate; base: number; baseText: string };
	readonly medicare: Rate;
	readonly addl: { rate: Rate; threshold: number; thresholdText: string };
	readonly futa: { rate: Rate; base: number; baseText: string };
}

class NotExact extends Error {}

function need(n: number | undefined): number {
	if (n === undefined) throw new NotExact();
	return n;
}
const rateOf = (v: Parameters<typeof pct>[0]): Rate => ({ r: need(decToUnits(v, 4)), pct: pct(v) });
/** The flat supplemental rate for an employee exempt on Form W-4 (see withholding.ts). */
export const EXEMPT_SUPPLEMENTAL: Rate = { r: 0, pct: pct(dec(0)) };

function table(t: BracketTable): Row[] {
	return t.map((row) => ({
		atLeast: need(decToUnits(row.atLeast, 2)),
		base: need(decToUnits(row.base, 2)),
		rate: need(decToUnits(row.rate, 4)),
		atLeastText: fmt(row.atLeast, 0),
		baseText: fmt(row.base),
		pctText: pct(row.rate)
	}));
}

const cache = new WeakMap<UsRules, UsFigures | null>();

/** The rule file's figures as integers, or null when one is not exact at cents / 4-place rates. */
export function usFigures(rules: UsRules): UsFigures | null {
	let f = cache.get(rules);
	if (f !== undefined) return f;
	try {
		const per = <T>(fn: (s: UsStatus) => T): Record<UsStatus, T> => ({
			single: fn('single'),
			married: fn('married'),
			head: fn('head')
		});
		f = {
			periods: { ...rules.periods },
			line1g: per((s) => need(decToUnits(rules.line1g[s], 2))),
			allowance: need(decToUnits(rules.allowance, 2)),
			allowanceText: fmt(rules.allowance),
			standard: per((s) => table(rules.standard[s])),
			step2Checkbox: per((s) => table(rules.step2Checkbox[s])),
			sup: {
				rate: rateOf(rules.supplemental.rate),
				mandatory: rateOf(rules.supplemental.mandatoryRate),
				threshold: need(decToUnits(rules.supplemental.mandatoryThreshold, 2)),
				thresholdText: fmt(rules.supplemental.mandatoryThreshold, 0)
			},
			ss: {
				rate: rateOf(rules.socialSecurity.rate),
				base: need(decToUnits(rules.socialSecurity.wageBase, 2)),
				baseText: fmt(rules.socialSecurity.wageBase, 0)
			},
			medicare: rateOf(rules.medicare.rate),
			addl: {
				rate: rateOf(rules.additionalMedicare.rate),
				threshold: need(decToUnits(rules.additionalMedicare.threshold, 2)),
				thresholdText: fmt(rules.additionalMedicare.threshold, 0)
			},
			futa: {
				rate: rateOf(rules.futa.rate),
				base: need(decToUnits(rules.futa.wageBase, 2)),
				baseText: fmt(rules.futa.wageBase, 0)
			}
		};
	} catch (e) {
		if (!(e instanceof NotExact)) throw e;
		f = null;
	}
	cache.set(rules, f);
	return f;
}
