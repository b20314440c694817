// What a policy credits in one leave year, derived from the employment history alone (plus hours
// worked for hourly accrual): each credit is dated, prorated by the eligible days it covers (and by
// FTE when the policy says so), and rounded once, half up, to the policy's places.
import {
	addDays,
	addMonths,
	dateParts,
	dec,
	isoDate,
	fromEpochDay,
	round,
	sum,
	toEpochDay,
	type Dec,
	type IsoDate
} from '../../../shared/domain';
import { eachDay, type LeaveYear } from './calendar';
import type { EmploymentDays } from './employment-days';
import type { HoursWorked, LeavePolicy } from './types';

export interface Credit {
	readonly date: IsoDate;
	readonly days: Dec;
	readonly sourceId: string;
}

interface Period {
	readonly start: IsoDate;
	readonly end: IsoDate;
}

function weightedDays(policy: LeavePolicy, emp: EmploymentDays, from: IsoDate, to: IsoDate): Dec {
	return sum(
		eachDay(from, to)
			.filter((day) => emp.isEligible(day))
			.map((day) => (policy.prorateByFte ? emp.fteOn(day) : dec(1)))
	);
}

function annualGrant(policy: LeavePolicy, emp: EmploymentDays, year: LeaveYear, daysPerYear: Dec): Credit[] {
	const first = eachDay(year.start, year.end).find((day) => emp.isEligible(day));
	if (!first) return [];
	const share = policy.prorateMidYear
		? weightedDays(policy, emp, year.start, year.end).dividedBy(year.days)
		: policy.prorateByFte
			? emp.fteOn(first)
			: dec(1);
	return [
		{
			date: first,
			days: round.halfUp(daysPerYear.times(share), policy.places),
			sourceId: `grant:${year.start}`
		}
	];
}

function leaveYearMonths(year: LeaveYear): Period[] {
	return Array.from({ length: 12 }, (_, k) => ({
		start: addMonths(year.start, k),
		end: addDays(addMonths(year.start, k + 1), -1)
	}));
}

function calendarMonths(from: IsoDate, to: IsoDate): Period[] {
	const periods: Period[] = [];
	const first = dateParts(from);
	let start = isoDate(first.year, first.month, 1);
	while (start <= to) {
		const next = addMonths(start, 1);
		periods.push({ start, end: addDays(next, -1) });
		start = next;
	}
	return periods;
}

function payPeriods(
	accrual: Extract<LeavePolicy['accrual'], { kind: 'perPayPeriod' }>,
	year: LeaveYear
): Period[] {
	const from = addDays(year.start, -31);
	if (accrual.schedule === 'monthly') return calendarMonths(from, year.end);
	if (accrual.schedule === 'semimonthly') {
		return calendarMonths(from, year.end).flatMap((m) => [
			{ start: m.start, end: addDays(m.start, 14) },
			{ start: addDays(m.start, 15), end: m.end }
		]);
	}
	const length = accrual.schedule === 'weekly' ? 7 : accrual.schedule === 'biweekly' ? 14 : 28;
	const anchor = toEpochDay(accrual.anchorDate);
	const periods: Period[] = [];
	let k = Math.floor((toEpochDay(from) - anchor) / length);
	for (;;) {
		const start = fromEpochDay(anchor + k * length);
		if (start > year.end) break;
		periods.push({ start, end: fromEpochDay(anchor + (k + 1) * length - 1) });
		k++;
	}
	return periods;
}

/** Credits one amount per period, prorated by eligible days, dated at the period end or leaving date. */
function periodCredits(
	policy: LeavePolicy,
	emp: EmploymentDays,
	year: LeaveYear,
	periods: Period[],
	perPeriod: Dec
): Credit[] {
	const credits: Credit[] = [];
	for (const p of periods) {
		const date = emp.endDate !== null && emp.endDate >= p.start && emp.endDate < p.end ? emp.endDate : p.end;
		if (date < year.start || date > year.end) continue;
		const length = toEpochDay(p.end) - toEpochDay(p.start) + 1;
		const share = weightedDays(policy, emp, p.start, p.end).dividedBy(length);
		if (share.isZero()) continue;
		credits.push({
			date,
			days: round.halfUp(perPeriod.times(share), policy.places),
			sourceId: `accrual:${p.start}`
		});
	}
	return credits;
}

export function policyCredits(
	policy: LeavePolicy,
	emp: EmploymentDays,
	year: LeaveYear,
	hoursWorked: readonly HoursWorked[]
): Credit[] {
	const a = policy.accrual;
	switch (a.kind) {
		case 'annualGrant':
			return annualGrant(policy, emp, year, dec(a.daysPerYear));
		case 'monthly':
			return periodCredits(policy, emp, year, leaveYearMonths(year), dec(a.daysPerMonth));
		case 'perPayPeriod':
			return periodCredits(policy, emp, year, payPeriods(a, year), dec(a.daysPerPeriod));
		case 'perHourWorked':
			return hoursWorked
				.filter((h) => h.date >= year.start && h.date <= year.end && emp.isEligible(h.date))
				.map((h) => ({
					date: h.date,
					days: round.halfUp(dec(h.hours).times(dec(a.daysPerHour)), policy.places),
					sourceId: h.id
				}))
				.filter((c) => !c.days.isZero());
	}
}
