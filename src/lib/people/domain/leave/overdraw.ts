// Concurrent requests are never dropped: all approved and requested days are counted together, and if
// the balance goes below the policy's floor (0, or minus the negative limit) at any point in a leave
// year, the shortfall is flagged against the most recently requested of that year's requests first.
import {
	dec,
	fail,
	isoDate,
	ok,
	sum,
	toDecimalString,
	ZERO,
	type Dec,
	type DecimalString,
	type IsoDate,
	type Result
} from '../../../shared/domain';
import { compareInstants } from '../history';
import { replayLeave, type LeaveContext } from './replay';
import type { LeaveRequest } from './types';

export interface OverdrawnRequest {
	readonly requestId: string;
	readonly status: LeaveRequest['status'];
	readonly overdrawnBy: DecimalString;
}

export interface OverdrawReport {
	readonly overdrawn: boolean;
	readonly years: readonly {
		readonly start: IsoDate;
		readonly end: IsoDate;
		readonly lowestBalance: DecimalString;
		readonly lowestOn: IsoDate;
		readonly shortfall: DecimalString;
		/** Shortfall not explained by requests (e.g. a negative adjustment). */
		readonly unattributed: DecimalString;
	}[];
	readonly requests: readonly OverdrawnRequest[];
}

function floorOf(ctx: LeaveContext): Dec | null {
	const rule = ctx.policy.negativeBalance;
	if (!rule.allowed) return ZERO;
	return rule.limitDays === null ? null : dec(rule.limitDays).negated();
}

export function checkOverdraw(ctx: LeaveContext & { through?: IsoDate }): Result<OverdrawReport> {
	const through = ctx.through ?? lastEventDate(ctx);
	const replay = replayLeave(ctx, through, ['approved', 'requested']);
	if (!replay.ok) return replay;
	const floor = floorOf(ctx);
	const flagged: OverdrawnRequest[] = [];
	const years: OverdrawReport['years'][number][] = [];
	for (const y of replay.value.years) {
		const lowest = y.entries.reduce(
			(m, e) => (e.balance.lt(m.balance) ? e : m),
			y.entries[0] ?? { balance: ZERO, date: y.year.start }
		);
		const opening = y.carriedIn;
		const alreadyBelow = floor === null ? ZERO : maxDec(ZERO, floor.minus(opening));
		let shortfall = floor === null ? ZERO : maxDec(ZERO, floor.minus(lowest.balance).minus(alreadyBelow));
		const total = shortfall;
		const inYear = replay.value.requests
			.filter((r) => r.status === 'approved' || r.status === 'requested')
			.map((r) => ({
				r,
				days: sum(
					(replay.value.units.get(r.id) ?? [])
						.filter((u) => u.date >= y.year.start && u.date <= y.year.end)
						.map((u) => u.days)
				)
			}))
			.filter((x) => x.days.gt(0))
			.sort(
				(a, b) =>
					compareInstants(b.r.requestedAt, a.r.requestedAt) ||
					(a.r.id < b.r.id ? 1 : a.r.id > b.r.id ? -1 : 0)
			);
		for (const { r, days } of inYear) {
			if (shortfall.lte(0)) break;
			const share = days.lt(shortfall) ? days : shortfall;
			flagged.push({ requestId: r.id, status: r.status, overdrawnBy: toDecimalString(share) });
			shortfall = shortfall.minus(share);
		}
		years.push({
			start: y.year.start,
			end: y.year.end,
			lowestBalance: toDecimalString(lowest.balance),
			lowestOn: lowest.date,
			shortfall: toDecimalString(total),
			unattributed: toDecimalString(shortfall)
		});
	}
	return ok({ overdrawn: years.some((y) => dec(y.shortfall).gt(0)), years, requests: flagged });
}

/** The last date any event of this policy touches; the replay need not go further. */
function lastEventDate(ctx: LeaveContext): IsoDate {
	let last = isoDate(0, 1, 1);
	for (const e of ctx.events) {
		if (e.kind === 'hoursWorked' || e.policyId !== ctx.policy.id) continue;
		const date = e.kind === 'request' ? e.end : e.date;
		if (date > last) last = date;
	}
	return last;
}

function maxDec(a: Dec, b: Dec): Dec {
	return a.gte(b) ? a : b;
}

/**
 * Checks a new request before it is written: it must have at least one working day, and, counted with
 * every approved and requested day, must not take the balance below the policy's floor.
 */
export function checkNewRequest(
	ctx: LeaveContext & { request: LeaveRequest }
): Result<{ days: DecimalString }> {
	const { request } = ctx;
	const events = [
		...ctx.events.filter((e) => e.id !== request.id),
		{ ...request, status: 'requested' as const }
	];
	const report = checkOverdraw({ ...ctx, events });
	if (!report.ok) return report;
	const replay = replayLeave({ ...ctx, events }, request.start, []);
	if (!replay.ok) return replay;
	const total = sum((replay.value.units.get(request.id) ?? []).map((u) => u.days));
	if (total.isZero()) {
		return fail(
			'hr/leave-no-working-days',
			`request ${request.id}: ${request.start} to ${request.end} has no working days`,
			{ field: 'dates' }
		);
	}
	const mine = report.value.requests.find((r) => r.requestId === request.id);
	if (mine) {
		return fail(
			'hr/leave-insufficient-balance',
			`request ${request.id}: not enough ${ctx.policy.name} balance, short by ${mine.overdrawnBy} days`,
			{
				field: 'dates',
				requestId: request.id,
				shortBy: mine.overdrawnBy
			}
		);
	}
	return ok({ days: toDecimalString(total) });
}
