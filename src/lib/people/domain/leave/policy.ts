// A leave policy is data and is checked when loaded: a leave year that starts on a day every year has
// (day at most 28), non-negative amounts, a positive hours-per-day, sensible carry-over, and places
// between 0 and 8.
import { ok, parseDecimal, parseIsoDate, type Result } from '../../../shared/domain';
import { problem, problemsError, type FieldProblem } from '../errors';
import { PAY_SCHEDULES } from '../compensation';
import { leavePolicyKind } from '../records/leave';
import type { LeavePolicy } from './types';

export function validateLeavePolicy(p: LeavePolicy): Result<LeavePolicy> {
	const out: FieldProblem[] = [];
	const say = (field: string, text: string) =>
		out.push(problem(field, 'hr/leave-policy', `${field} ${text}`));
	const nonNegative = (field: string, value: string) => {
		const d = parseDecimal(value);
		if (!d || d.isNegative()) say(field, 'must be a decimal 0 or more');
	};
	if (p.schemaVersion !== leavePolicyKind.version) say('schemaVersion', `must be ${leavePolicyKind.version}`);
	if (!p.id.trim()) say('id', 'is required');
	const { month, day } = p.leaveYearStart;
	if (!Number.isInteger(month) || month < 1 || month > 12) say('leaveYearStart.month', 'must be 1 to 12');
	if (!Number.isInteger(day) || day < 1 || day > 28)
		say('leaveYearStart.day', 'must be 1 to 28 so every year has it');
	if (!Number.isInteger(p.waitingPeriodDays) || p.waitingPeriodDays < 0)
		say('waitingPeriodDays', 'must be a whole number 0 or more');
	if (!Number.isInteger(p.places) || p.places < 0 || p.places > 8) say('places', 'must be 0 to 8');
	const hours = parseDecimal(p.hoursPerDay);
	if (!hours || hours.lte(0) || hours.gt(24)) say('hoursPerDay', 'must be above 0 and at most 24');
	const a = p.accrual;
	if (a.kind === 'annualGrant') nonNegative('accrual.daysPerYear', a.daysPerYear);
	if (a.kind === 'monthly') nonNegative('accrual.daysPerMonth', a.daysPerMonth);
	if (a.kind === 'perHourWorked') nonNegative('accrual.daysPerHour', a.daysPerHour);
	if (a.kind === 'perPayPeriod') {
		nonNegative('accrual.daysPerPeriod', a.daysPerPeriod);
		if (!PAY_SCHEDULES.includes(a.schedule)) say('accrual.schedule', 'is not a pay schedule');
		if (!parseIsoDate(a.anchorDate)) say('accrual.anchorDate', 'must be YYYY-MM-DD');
	}
	if (p.capDays !== null) nonNegative('capDays', p.capDays);
	if (p.carryOver) {
		nonNegative('carryOver.maxDays', p.carryOver.maxDays);
		const m = p.carryOver.expiresAfterMonths;
		if (m !== null && (!Number.isInteger(m) || m < 1 || m > 12))
			say('carryOver.expiresAfterMonths', 'must be 1 to 12');
	}
	if (p.negativeBalance.allowed && p.negativeBalance.limitDays !== null)
		nonNegative('negativeBalance.limitDays', p.negativeBalance.limitDays);
	return out.length === 0 ? ok(p) : problemsError('hr/invalid-leave-policy', `Leave policy ${p.id}`, out);
}
