// Reads an employment history day by day for leave: the employment window comes from the latest
// known state (start and end are facts about the whole employment), FTE and location from the
// state in force on each day, and eligibility starts after the policy's waiting period.
import { addDays, dec, type Dec, type IsoDate } from '../../../shared/domain';
import { employmentAsOf, type Employment } from '../employment';
import type { History } from '../history';

export interface EmploymentDays {
	readonly startDate: IsoDate;
	readonly endDate: IsoDate | null;
	/** First day accrual counts: start date plus the waiting period. */
	readonly eligibleFrom: IsoDate;
	isEmployed(date: IsoDate): boolean;
	isEligible(date: IsoDate): boolean;
	/** Employment state on a day the person is employed. */
	stateOn(date: IsoDate): Employment | undefined;
	fteOn(date: IsoDate): Dec;
}

export function employmentDays(
	history: History<Employment>,
	waitingPeriodDays: number
): EmploymentDays | undefined {
	const dates = [...new Set(history.map((f) => f.effectiveDate))].sort();
	const segments = dates
		.map((from) => ({ from, state: employmentAsOf(history, from) }))
		.filter((s): s is { from: IsoDate; state: Employment } => s.state !== undefined);
	const latest = segments.at(-1)?.state;
	if (!latest) return undefined;
	const { startDate, endDate } = latest;
	const eligibleFrom = addDays(startDate, waitingPeriodDays);
	const stateOn = (date: IsoDate): Employment | undefined => {
		let found: Employment | undefined = segments[0]?.state;
		for (const s of segments) {
			if (s.from <= date) found = s.state;
			else break;
		}
		return found;
	};
	const isEmployed = (date: IsoDate) => startDate <= date && (endDate === null || date <= endDate);
	return {
		startDate,
		endDate,
		eligibleFrom,
		isEmployed,
		isEligible: (date) => isEmployed(date) && date >= eligibleFrom,
		stateOn,
		fteOn: (date) => dec(stateOn(date)?.fte ?? '0')
	};
}
