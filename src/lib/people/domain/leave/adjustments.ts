// Manual changes to a leave balance are facts with a reason, never edits of a stored figure: a grant
// adds days (positive), an adjustment corrects either way (signed, not zero). The balance's history
// lists them in (date, id) order, the same on every replica.
import { ok, parseDecimal, parseIsoDate, toDecimalString, type Result } from '../../../shared/domain';
import { fieldError } from '../errors';
import type { LeaveAdjustment, LeaveEvent, LeaveGrant } from './types';

export const MAX_REASON_LENGTH = 500;

export type BalanceChange = LeaveGrant | LeaveAdjustment;

/** Checks a grant or adjustment before it is written; messages name the field. */
export function checkBalanceChange(change: BalanceChange): Result<BalanceChange> {
	const what = change.kind === 'grant' ? 'Grant' : 'Adjustment';
	if (!parseIsoDate(change.date))
		return fieldError('date', 'hr/date-format', `${what} date must be YYYY-MM-DD`);
	const days = parseDecimal(change.days.trim());
	if (!days) return fieldError('days', 'hr/leave-days', `${what} days must be a number, e.g. 2 or -1.5`);
	if (days.isZero()) return fieldError('days', 'hr/leave-days', `${what} days must not be zero`);
	if (change.kind === 'grant' && days.isNegative())
		return fieldError(
			'days',
			'hr/leave-days',
			'Grant days must be positive: use an adjustment to remove days'
		);
	if (days.decimalPlaces() > 4)
		return fieldError('days', 'hr/leave-days', `${what} days have more than 4 decimal places`);
	const reason = change.reason.trim();
	if (!reason)
		return fieldError('reason', 'hr/required', `${what} reason is required: say why the balance changes`);
	if (reason.length > MAX_REASON_LENGTH)
		return fieldError(
			'reason',
			'hr/leave-reason',
			`${what} reason is longer than ${MAX_REASON_LENGTH} characters`
		);
	return ok({ ...change, days: toDecimalString(days), reason });
}

/** The grants and adjustments to one policy's balance, oldest first. */
export function balanceChanges(events: readonly LeaveEvent[], policyId: string): BalanceChange[] {
	return events
		.filter(
			(e): e is BalanceChange => (e.kind === 'grant' || e.kind === 'adjustment') && e.policyId === policyId
		)
		.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
