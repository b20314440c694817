// Types only: leave policies are data, leave events are the only stored facts; balances are derived.
import type { DecimalString, IsoDate } from '../../../shared/domain';
import type { PaySchedule } from '../compensation';
import type { EmployeeId } from '../employee-types';

export type Accrual =
	/** The whole year's days credited on the first eligible day of the leave year. */
	| { readonly kind: 'annualGrant'; readonly daysPerYear: DecimalString }
	/** Credited on the last day of each leave-year month, prorated by days employed in it. */
	| { readonly kind: 'monthly'; readonly daysPerMonth: DecimalString }
	/** Credited on the last day of each pay period (weekly/biweekly/four-weekly periods start at anchorDate). */
	| {
			readonly kind: 'perPayPeriod';
			readonly daysPerPeriod: DecimalString;
			readonly schedule: PaySchedule;
			readonly anchorDate: IsoDate;
	  }
	/** Credited per `hoursWorked` event. */
	| { readonly kind: 'perHourWorked'; readonly daysPerHour: DecimalString };

export interface CarryOverRule {
	/** Most days that move into the next leave year; the rest is forfeited. */
	readonly maxDays: DecimalString;
	/** Carried days unused this many months after the leave year starts expire; null = never. */
	readonly expiresAfterMonths: number | null;
}

export interface LeavePolicy {
	/** The version it was written at (see records/: the kind upgrades older ones). */
	readonly schemaVersion: number;
	readonly id: string;
	readonly name: string;
	readonly accrual: Accrual;
	/** First day of the leave year, e.g. { month: 1, day: 1 } or { month: 4, day: 1 }; day at most 28. */
	readonly leaveYearStart: { readonly month: number; readonly day: number };
	/** Nothing accrues until this many days after the start date. */
	readonly waitingPeriodDays: number;
	/** Accrual stops while the balance is at this cap; null = no cap. */
	readonly capDays: DecimalString | null;
	readonly carryOver: CarryOverRule | null;
	/** Whether the balance may go below zero, and how far (null = no limit). */
	readonly negativeBalance:
		{ readonly allowed: false } | { readonly allowed: true; readonly limitDays: DecimalString | null };
	/** Scale accrual by FTE on each day. */
	readonly prorateByFte: boolean;
	/** Scale an annual grant by the share of the leave year employed (mid-year starters and leavers). */
	readonly prorateMidYear: boolean;
	/** Converts hour-based requests to days. */
	readonly hoursPerDay: DecimalString;
	/** Decimal places each credit is rounded to (half up) before it enters the balance. */
	readonly places: number;
	readonly source?: string;
}

export type RequestPortion =
	| { readonly kind: 'fullDays' }
	| { readonly kind: 'halfDay'; readonly half: 'am' | 'pm' }
	| { readonly kind: 'hours'; readonly hours: DecimalString };

export type RequestStatus = 'requested' | 'approved' | 'rejected' | 'cancelled';

export interface LeaveRequest {
	readonly kind: 'request';
	readonly id: string;
	readonly policyId: string;
	readonly personId: EmployeeId;
	readonly start: IsoDate;
	readonly end: IsoDate;
	readonly portion: RequestPortion;
	readonly status: RequestStatus;
	readonly requestedAt: string;
	readonly approverId?: EmployeeId;
	/** The decider's name as it was when they decided (absent on older decisions). */
	readonly approverName?: string;
	readonly decidedAt?: string;
	readonly note?: string;
}

export interface LeaveGrant {
	readonly kind: 'grant';
	readonly id: string;
	readonly policyId: string;
	readonly date: IsoDate;
	readonly days: DecimalString;
	readonly reason: string;
	/** Who recorded it and when (a workspace member id, an instant). */
	readonly recordedBy?: string;
	/** The recorder's name as it was when recorded (absent on older records). */
	readonly recordedByName?: string;
	readonly recordedAt?: string;
}

export interface LeaveAdjustment {
	readonly kind: 'adjustment';
	readonly id: string;
	readonly policyId: string;
	readonly date: IsoDate;
	/** Signed: positive adds, negative removes. */
	readonly days: DecimalString;
	readonly reason: string;
	readonly recordedBy?: string;
	/** The recorder's name as it was when recorded (absent on older records). */
	readonly recordedByName?: string;
	readonly recordedAt?: string;
}

export interface HoursWorked {
	readonly kind: 'hoursWorked';
	readonly id: string;
	readonly date: IsoDate;
	readonly hours: DecimalString;
}

export type LeaveEvent = LeaveRequest | LeaveGrant | LeaveAdjustment | HoursWorked;

export interface PublicHoliday {
	readonly date: IsoDate;
	readonly name: string;
}

export interface HolidayCalendar {
	readonly id: string;
	readonly name: string;
	/** Years the list is complete for; a date outside them cannot be counted. */
	readonly years: readonly number[];
	readonly holidays: readonly PublicHoliday[];
	readonly source: string;
}

/** Location id (as in Employment.location) → its public holiday calendar. */
export type CalendarsByLocation = Readonly<Record<string, HolidayCalendar>>;

/**
 * A decision on a request, stored as its own immutable fact so that concurrent decisions (approve on
 * one device, reject or cancel on another) are all kept and the outcome is the same everywhere.
 */
export interface LeaveDecision {
	readonly id: string;
	readonly requestId: string;
	readonly status: Exclude<RequestStatus, 'requested'>;
	/** Who decided: a workspace member id, or the requester's own id when they decided themselves. */
	readonly by: string;
	/** The decider's name as it was then (absent on decisions made before names were kept). */
	readonly byName?: string;
	readonly at: string;
	readonly note?: string;
}
