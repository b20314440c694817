// Who is in a pay run: the one rule, used by the run screen's list of people (state/payroll-data.ts
// `candidates`) and by computeRun, so the two never disagree. Invariant: a person is in a period's
// run when they are employed on at least one day of it (joiners and leavers mid-period included),
// judged from their employment history as it stood on each day, corrections included.
import { addDays, type IsoDate } from '../../../shared/domain';
import { employmentAsOf, isEmployedOn, type Employment, type History } from '../../../people/domain';
import type { PayPeriod } from './types';

/**
 * The days inside the period on which employment may change: its first day, each fact's effective
 * date, each start date and the day after each end date. Between two of these nothing changes.
 */
export function employmentBoundaries(
	period: Pick<PayPeriod, 'start' | 'end'>,
	employment: History<Employment>
): IsoDate[] {
	const out = new Set<IsoDate>([period.start]);
	const inside = (d: IsoDate) => d > period.start && d <= period.end;
	for (const f of employment) {
		if (inside(f.effectiveDate)) out.add(f.effectiveDate);
		const c: Partial<Employment> = f.changes;
		if (c.startDate && inside(c.startDate)) out.add(c.startDate);
		if (c.endDate && inside(addDays(c.endDate, 1))) out.add(addDays(c.endDate, 1));
	}
	return [...out].sort();
}

/** Employed on at least one day of the period: the person belongs in a run for it. */
export function employedInPeriod(
	employment: History<Employment>,
	period: Pick<PayPeriod, 'start' | 'end'>
): boolean {
	return employmentBoundaries(period, employment).some((d) => {
		const e = employmentAsOf(employment, d);
		return e !== undefined && isEmployedOn(e, d);
	});
}
