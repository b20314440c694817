// The pay-run vocabulary: schedules, runs as drafts, and finalized runs as facts. Types only.
// Invariant: money is a DecimalString; a FinalizedRun is written once and never changes.
import type { DecimalString, IsoDate } from '../../../shared/domain';
import type { PaySchedule as ScheduleFrequency } from '../../../people/domain';
import type { MissingRules } from '../rules/active';
import type { PayCase, Payslip } from '../types';

export type { ScheduleFrequency };
export type Jurisdiction = 'US' | 'UK';

/** How often and when a group of people is paid. Mutable record (one field per key). */
export interface PaySchedule {
	readonly schemaVersion: 1;
	readonly id: string;
	readonly name: string;
	readonly frequency: ScheduleFrequency;
	readonly jurisdiction: Jurisdiction;
	readonly currency: string;
	/** First day of any one period (weekly, biweekly, four-weekly); for monthly the day of month it starts on. */
	readonly anchor: IsoDate;
	/** Pay date = last day of the period + this many days (0 = paid on the last day), then `payDateRule`. */
	readonly payDayOffset: number;
	/**
	 * When that day is a weekend or a public holiday: pay on the business day before (the default,
	 * also for schedules saved before this field existed), the one after, or on the day itself.
	 */
	readonly payDateRule?: PayDateRule;
	/** The public holiday calendar (id) the pay date avoids; absent = the jurisdiction's usual one. */
	readonly holidayCalendar?: string;
}

export type PayDateRule = 'previousBusinessDay' | 'nextBusinessDay' | 'onTheDay';

export interface PayPeriod {
	readonly start: IsoDate;
	readonly end: IsoDate;
	readonly payDate: IsoDate;
}

export type RunKind = 'regular' | 'bonus' | 'correction';
export type RunStatus = 'draft' | 'review' | 'approved' | 'finalized';

/** A run being prepared: a mutable record until it is finalized. */
export interface PayRunDraft {
	readonly schemaVersion: 1;
	readonly id: string;
	readonly scheduleId: string;
	readonly kind: RunKind;
	readonly period: PayPeriod;
	readonly personIds: readonly string[];
	/** Hours worked this period, for hourly staff (timesheet entry). */
	readonly hours: Readonly<Record<string, DecimalString>>;
	/** Off-cycle runs: the amount per person (bonus, or a correction paid as salary). */
	readonly amounts: Readonly<Record<string, DecimalString>>;
	/**
	 * One-off inputs for this run, per person (absent on drafts made before they existed):
	 * overtime hours (hourly staff, at OVERTIME_MULTIPLIER x rate), a bonus (US supplemental
	 * wages), expenses reimbursed (untaxed), and a deduction taken after tax.
	 */
	readonly overtimeHours?: Readonly<Record<string, DecimalString>>;
	readonly bonuses?: Readonly<Record<string, DecimalString>>;
	readonly reimbursements?: Readonly<Record<string, DecimalString>>;
	readonly oneOffDeductions?: Readonly<Record<string, DecimalString>>;
	readonly status: Exclude<RunStatus, 'finalized'>;
	readonly createdAt: string;
	readonly createdBy: string;
}

/** Retro pay: what a finalized period should have paid, as now known, less what it paid. */
export interface RetroLine {
	readonly runId: string;
	readonly periodStart: IsoDate;
	readonly periodEnd: IsoDate;
	readonly amount: DecimalString;
	readonly basis: string;
}

export interface RunPayslip {
	readonly personId: string;
	readonly name: string;
	readonly case: PayCase;
	readonly payslip: Payslip;
	/** Base pay for the period as computed at the time (salary or hours x rate), before retro. */
	readonly basePay: DecimalString;
	readonly basePayBasis: string;
	readonly hours?: DecimalString;
	readonly retro: readonly RetroLine[];
	/**
	 * The ids of the person's employment and compensation facts this payslip was computed from: what
	 * the run knew, so retro pay never compares two devices' clocks. Absent on runs finalized by
	 * versions of Keel before it was recorded (retro then recomputes those periods, `retro.ts`).
	 */
	readonly knownFacts?: KnownFacts;
}

export interface KnownFacts {
	readonly employment: readonly string[];
	readonly compensation: readonly string[];
}

export interface RunProblem {
	readonly personId: string;
	readonly name: string;
	readonly message: string;
	/** Set when the problem is tax tables no loaded rule pack covers (the page links to import them). */
	readonly missingRules?: MissingRules;
}

/** A finalized run: an immutable fact keyed by the run id. */
export interface FinalizedRun {
	readonly schemaVersion: 1;
	readonly runId: string;
	readonly scheduleId: string;
	readonly kind: RunKind;
	readonly jurisdiction: Jurisdiction;
	readonly currency: string;
	readonly taxYear: string;
	readonly period: PayPeriod;
	readonly finalizedAt: string;
	readonly finalizedBy: string;
	/** The finalizer's name as it was then (absent on runs finalized before names were kept). */
	readonly finalizedByName?: string;
	readonly payslips: readonly RunPayslip[];
	/**
	 * The digest of this finalization attempt (absent on runs finalized before attempts were kept):
	 * when teammates finalize one run at once, the attempt with the lowest digest is the run.
	 */
	readonly attemptId?: string;
}

export interface RunTotals {
	readonly gross: DecimalString;
	readonly net: DecimalString;
	readonly employeeTaxes: DecimalString;
	readonly employerTaxes: DecimalString;
	readonly deductions: DecimalString;
	readonly employerContributions: DecimalString;
	readonly employerCost: DecimalString;
}
