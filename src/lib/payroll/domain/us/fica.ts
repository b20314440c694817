// Social Security (to its annual wage base), Medicare, Additional Medicare (employee only, on wages
// over the threshold paid this year) and FUTA (employer, to its wage base), in integer cents.
// Invariant: each tax is worked from year-to-date wages given by the caller, so a crossing is taxed
// exactly once; each amount is wages x rate to the cent, half up (core round.centsHalfUp).
import { addUnits, mulUnits, rescaleUnits, subUnits } from '../../../shared/domain';
import { fmtFx } from '../format';
import type { Rate, UsFigures } from './figures';

export interface CappedTax {
	readonly taxable: number;
	readonly amount: number;
	readonly basis: string;
}

const max0 = (v: number) => (v < 0 ? 0 : v);
/** cents x rate (4 places), to the cent half up. */
export const taxAt = (cents: number, rate: Rate): number =>
	rescaleUnits(mulUnits(cents, rate.r), 6, 2, 'halfUp');

/** Tax on the part of this period's wages that falls under an annual wage base. */
export function underWageBase(
	wages: number,
	ytd: number,
	cap: { rate: Rate; base: number; baseText: string },
	name: string
): CappedTax {
	const room = max0(subUnits(cap.base, ytd));
	const taxable = wages < room ? wages : room;
	const amount = taxAt(taxable, cap.rate);
	const capNote =
		taxable < wages
			? ` (wage base ${cap.baseText}: ${fmtFx(ytd, 2)} already taxed, room ${fmtFx(room, 2)})`
			: '';
	return {
		taxable,
		amount,
		basis: `${name} wages ${fmtFx(wages, 2)}, taxable ${fmtFx(taxable, 2)}${capNote} × ${cap.rate.pct} = ${fmtFx(amount, 2)}`
	};
}

export function medicare(f: UsFigures, wages: number): CappedTax {
	const amount = taxAt(wages, f.medicare);
	return {
		taxable: wages,
		amount,
		basis: `Medicare wages ${fmtFx(wages, 2)} × ${f.medicare.pct} = ${fmtFx(amount, 2)}`
	};
}

/** Additional Medicare: only the part of year-to-date Medicare wages above the threshold first reached this period. */
export function additionalMedicare(f: UsFigures, wages: number, ytd: number): CappedTax {
	const { threshold, thresholdText, rate } = f.addl;
	const taxable = subUnits(max0(subUnits(addUnits(ytd, wages), threshold)), max0(subUnits(ytd, threshold)));
	const amount = taxAt(taxable, rate);
	return {
		taxable,
		amount,
		basis: `year-to-date Medicare wages ${fmtFx(ytd, 2)} + ${fmtFx(wages, 2)}; ${fmtFx(taxable, 2)} above ${thresholdText} × ${rate.pct} = ${fmtFx(amount, 2)}`
	};
}
