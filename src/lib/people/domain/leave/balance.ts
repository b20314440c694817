// A leave balance is always derived: replay the policy and the events up to the leave year of `asOf`
// and read the figures off the ledger. By construction available = carriedOver + accrued + granted +
// adjustments - taken - expired - booked, exact to the policy's places.
import {
	sum,
	toDecimalString,
	ZERO,
	type Dec,
	type DecimalString,
	type IsoDate,
	type Result
} from '../../../shared/domain';
import { ok } from '../../../shared/domain';
import { leaveYearContaining } from './calendar';
import { total, type EntryKind } from './ledger';
import { replayLeave, type LeaveContext } from './replay';

export interface LeaveBalance {
	readonly policyId: string;
	readonly asOf: IsoDate;
	readonly leaveYear: { readonly start: IsoDate; readonly end: IsoDate };
	/** The policy's credits for the whole leave year (before any cap). */
	readonly entitlement: DecimalString;
	readonly carriedOver: DecimalString;
	readonly accrued: DecimalString;
	readonly granted: DecimalString;
	readonly adjustments: DecimalString;
	readonly taken: DecimalString;
	/** Approved days later in this leave year. */
	readonly booked: DecimalString;
	/** Requested, not yet decided, days in this leave year. */
	readonly pending: DecimalString;
	readonly expired: DecimalString;
	readonly lostToCap: DecimalString;
	readonly available: DecimalString;
	readonly availableAfterPending: DecimalString;
	/** Carried days that will expire later this year if not used first. */
	readonly carriedExpiring: { readonly days: DecimalString; readonly on: IsoDate } | null;
	readonly breakdown: {
		readonly entries: readonly {
			date: IsoDate;
			kind: EntryKind;
			days: DecimalString;
			balance: DecimalString;
			sourceId: string;
		}[];
		readonly previousYears: readonly {
			start: IsoDate;
			end: IsoDate;
			carriedIn: DecimalString;
			closing: DecimalString;
			carriedOut: DecimalString;
			forfeited: DecimalString;
		}[];
	};
}

const s = (d: Dec) => toDecimalString(d);

export function leaveBalance(ctx: LeaveContext & { asOf: IsoDate }): Result<LeaveBalance> {
	const { policy, asOf } = ctx;
	const replay = replayLeave(ctx, asOf, ['approved']);
	if (!replay.ok) return replay;
	const { years, units, requests } = replay.value;
	const leaveYear = leaveYearContaining(policy, asOf);
	const current = years.find((y) => y.year.start === leaveYear.start);
	const all = current?.entries ?? [];
	const upTo = all.filter((e) => e.date <= asOf);
	const later = all.filter((e) => e.date > asOf);
	const last = upTo.at(-1);
	const balance = last?.balance ?? ZERO;
	const booked = total(later, 'taken').negated();
	const inYear = (d: IsoDate) => d >= leaveYear.start && d <= leaveYear.end;
	const pending = sum(
		requests
			.filter((r) => r.status === 'requested')
			.flatMap((r) => units.get(r.id) ?? [])
			.filter((u) => inYear(u.date))
			.map((u) => u.days)
	);
	const available = balance.minus(booked);
	const expiry = current?.expiryDate ?? null;
	const carriedLeft = last?.carriedLeft ?? ZERO;
	return ok({
		policyId: policy.id,
		asOf,
		leaveYear: { start: leaveYear.start, end: leaveYear.end },
		entitlement: s(sum(all.filter((e) => e.kind === 'accrual').map((e) => e.days.plus(e.lostToCap)))),
		carriedOver: s(current?.carriedIn ?? ZERO),
		accrued: s(total(upTo, 'accrual')),
		granted: s(total(upTo, 'grant')),
		adjustments: s(total(upTo, 'adjustment')),
		taken: s(total(upTo, 'taken').negated()),
		booked: s(booked),
		pending: s(pending),
		expired: s(total(upTo, 'expiry').negated()),
		lostToCap: s(sum(upTo.map((e) => e.lostToCap))),
		available: s(available),
		availableAfterPending: s(available.minus(pending)),
		carriedExpiring:
			expiry !== null && expiry > asOf && inYear(expiry) && carriedLeft.gt(0)
				? { days: s(carriedLeft), on: expiry }
				: null,
		breakdown: {
			entries: all.map((e) => ({
				date: e.date,
				kind: e.kind,
				days: s(e.days),
				balance: s(e.balance),
				sourceId: e.sourceId
			})),
			previousYears: years
				.filter((y) => y.year.start < leaveYear.start)
				.map((y) => ({
					start: y.year.start,
					end: y.year.end,
					carriedIn: s(y.carriedIn),
					closing: s(y.closing),
					carriedOut: s(y.carriedOut),
					forfeited: s(y.forfeited)
				}))
		}
	});
}
