// A person's base pay for one period from their employment and compensation histories: salary
// day-weighted over the days employed at each rate (joiners, leavers and mid-period raises alike),
// or hours x the hourly rate. Invariant: rounded once, to the cent half up, after exact arithmetic.
import {
	addDays,
	daysBetween,
	dec,
	type Dec,
	type DecimalString,
	type IsoDate,
	round,
	toDecimalString
} from '../../../shared/domain';
import {
	completeAsOf,
	COMPENSATION_REQUIRED,
	EMPLOYMENT_REQUIRED,
	type Compensation,
	type Employment,
	type History
} from '../../../people/domain';
import { employmentBoundaries } from './eligibility';
import { PERIODS_PER_YEAR } from './schedule';
import type { PayPeriod } from './types';

export interface BasePay {
	readonly kind: 'salary' | 'hourly' | 'none';
	readonly amount: DecimalString;
	readonly basis: string;
	readonly rate?: DecimalString;
}

function employedOn(e: Employment | undefined, date: IsoDate): boolean {
	return !!e && e.startDate <= date && (e.endDate === null || date <= e.endDate);
}

/** Dates inside the period where something may change: employment's (eligibility.ts) and pay facts'. */
function boundaries(
	period: PayPeriod,
	employment: History<Employment>,
	compensation: History<Compensation>
): IsoDate[] {
	const out = new Set<IsoDate>(employmentBoundaries(period, employment));
	for (const f of compensation)
		if (f.effectiveDate > period.start && f.effectiveDate <= period.end) out.add(f.effectiveDate);
	return [...out].sort();
}

/**
 * Salaried: Σ over the segments employed at an annual amount of (annual / periods a year) x days /
 * days in the period. Hourly: hours x the rate on the period's last employed day.
 */
export function basePay(p: {
	period: PayPeriod;
	periodsPerYear?: number;
	frequency: keyof typeof PERIODS_PER_YEAR;
	employment: History<Employment>;
	compensation: History<Compensation>;
	hours?: DecimalString;
}): BasePay {
	const { period } = p;
	const perYear = p.periodsPerYear ?? PERIODS_PER_YEAR[p.frequency];
	const days = daysBetween(period.start, period.end) + 1;
	const cuts = boundaries(period, p.employment, p.compensation);
	let salary: Dec = dec(0);
	let salaried = false;
	let lastRate: DecimalString | undefined;
	const parts: string[] = [];
	for (const [i, from] of cuts.entries()) {
		const to = i + 1 < cuts.length ? addDays(cuts[i + 1] as IsoDate, -1) : period.end;
		const e = completeAsOf(p.employment, from, EMPLOYMENT_REQUIRED);
		const c = completeAsOf(p.compensation, from, COMPENSATION_REQUIRED);
		if (!employedOn(e, from) || !c) continue;
		const segDays = daysBetween(from, to) + 1;
		if (c.pay.kind === 'hourly') {
			lastRate = c.pay.hourlyRate;
			continue;
		}
		salaried = true;
		salary = salary.plus(dec(c.pay.annualAmount).dividedBy(perYear).times(segDays).dividedBy(days));
		parts.push(
			segDays === days
				? `${c.pay.annualAmount} a year / ${perYear}`
				: `${c.pay.annualAmount} a year / ${perYear} x ${segDays}/${days} days (${from} to ${to})`
		);
	}
	if (salaried)
		return {
			kind: 'salary',
			amount: toDecimalString(round.centsHalfUp(salary), 2),
			basis: parts.join(' + ')
		};
	if (lastRate !== undefined) {
		const hours = p.hours ?? ('0' as DecimalString);
		return {
			kind: 'hourly',
			amount: toDecimalString(round.centsHalfUp(dec(hours).times(lastRate)), 2),
			basis: `${hours} hours x ${lastRate}`,
			rate: lastRate
		};
	}
	return { kind: 'none', amount: '0.00' as DecimalString, basis: 'not employed in this period' };
}
