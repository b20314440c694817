// Schemas of what People stores about leave: events (requests, grants, adjustments, hours worked),
// each stored with its person; decisions on requests; and leave policies. A request is stored once
// with status 'requested' (its outcome is folded from decision facts). Figures (non-negative days,
// a leave year that every year has) are judged afterwards by the leave engine.
import {
	decimalSchema,
	isoDateSchema,
	nonEmptySchema,
	recordKind,
	textSchema,
	v
} from '../../../shared/domain/schema';
import type {
	Accrual,
	CarryOverRule,
	LeaveAdjustment,
	LeaveDecision,
	LeaveEvent,
	LeaveGrant,
	LeavePolicy,
	LeaveRequest,
	HoursWorked,
	RequestPortion
} from '../leave/types';
import { count, fields, flag, oneOf, openFields, storedVersion, type Exact, type Same } from './base';

export const portionSchema = v.variant(
	'kind',
	[
		fields({ kind: v.literal('fullDays') }),
		fields({ kind: v.literal('halfDay'), half: oneOf(['am', 'pm']) }),
		fields({ kind: v.literal('hours'), hours: decimalSchema })
	],
	'is not whole days, a half day or hours'
);
const _portion: Same<v.InferOutput<typeof portionSchema>, RequestPortion> = true;

const requestEntries = {
	kind: v.literal('request'),
	id: nonEmptySchema,
	policyId: textSchema,
	personId: nonEmptySchema,
	start: isoDateSchema,
	end: isoDateSchema,
	portion: portionSchema,
	status: oneOf(['requested', 'approved', 'rejected', 'cancelled']),
	requestedAt: textSchema,
	approverId: v.optional(textSchema),
	approverName: v.optional(textSchema),
	decidedAt: v.optional(textSchema),
	note: v.optional(textSchema)
};
const _request: Same<Exact<typeof requestEntries>, LeaveRequest> = true;

const changeEntries = {
	id: nonEmptySchema,
	policyId: textSchema,
	date: isoDateSchema,
	days: decimalSchema,
	reason: textSchema,
	recordedBy: v.optional(textSchema),
	recordedByName: v.optional(textSchema),
	recordedAt: v.optional(textSchema)
};
const grantEntries = { kind: v.literal('grant'), ...changeEntries };
const _grant: Same<Exact<typeof grantEntries>, LeaveGrant> = true;
const adjustmentEntries = { kind: v.literal('adjustment'), ...changeEntries };
const _adjustment: Same<Exact<typeof adjustmentEntries>, LeaveAdjustment> = true;
const hoursEntries = {
	kind: v.literal('hoursWorked'),
	id: nonEmptySchema,
	date: isoDateSchema,
	hours: decimalSchema
};
const _hours: Same<Exact<typeof hoursEntries>, HoursWorked> = true;

/** A leave event as the engine sees it (a grant, adjustment or hours without its person). */
export const leaveEventSchema = v.variant(
	'kind',
	[fields(requestEntries), fields(grantEntries), fields(adjustmentEntries), fields(hoursEntries)],
	'is not a leave event'
);
const _event: Same<v.InferOutput<typeof leaveEventSchema>, LeaveEvent> = true;

/** A leave event as stored: every kind carries the person it belongs to; other keys are kept. */
export const storedLeaveEventSchema = v.variant(
	'kind',
	[
		openFields({ ...requestEntries, status: v.literal('requested', 'is not requested') }),
		openFields({ ...grantEntries, personId: nonEmptySchema }),
		openFields({ ...adjustmentEntries, personId: nonEmptySchema }),
		openFields({ ...hoursEntries, personId: nonEmptySchema })
	],
	'is not a leave event'
);
export type StoredLeaveEvent = v.InferOutput<typeof storedLeaveEventSchema>;
export const leaveEventKind = recordKind({ name: 'leave event', schema: storedLeaveEventSchema });

const decisionEntries = {
	id: nonEmptySchema,
	requestId: textSchema,
	status: v.picklist(['approved', 'rejected', 'cancelled'], 'is not a decision'),
	by: textSchema,
	byName: v.optional(textSchema),
	at: textSchema,
	note: v.optional(textSchema)
};
const _decision: Same<Exact<typeof decisionEntries>, LeaveDecision> = true;
export const decisionKind = recordKind<LeaveDecision>({
	name: 'leave decision',
	schema: openFields(decisionEntries)
});

export const accrualSchema = v.variant(
	'kind',
	[
		fields({ kind: v.literal('annualGrant'), daysPerYear: decimalSchema }),
		fields({ kind: v.literal('monthly'), daysPerMonth: decimalSchema }),
		fields({
			kind: v.literal('perPayPeriod'),
			daysPerPeriod: decimalSchema,
			schedule: oneOf(['weekly', 'biweekly', 'semimonthly', 'monthly', 'fourWeekly']),
			anchorDate: isoDateSchema
		}),
		fields({ kind: v.literal('perHourWorked'), daysPerHour: decimalSchema })
	],
	'is not a known way of accruing'
);
const _accrual: Same<v.InferOutput<typeof accrualSchema>, Accrual> = true;

const carryOverSchema = fields({ maxDays: decimalSchema, expiresAfterMonths: v.nullable(count) });
const _carry: Same<v.InferOutput<typeof carryOverSchema>, CarryOverRule> = true;

const policyEntries = {
	schemaVersion: storedVersion,
	id: nonEmptySchema,
	name: textSchema,
	accrual: accrualSchema,
	leaveYearStart: fields({ month: count, day: count }),
	waitingPeriodDays: count,
	capDays: v.nullable(decimalSchema),
	carryOver: v.nullable(carryOverSchema),
	negativeBalance: v.variant(
		'allowed',
		[
			fields({ allowed: v.literal(false) }),
			fields({ allowed: v.literal(true), limitDays: v.nullable(decimalSchema) })
		],
		'is not allowed or refused'
	),
	prorateByFte: flag,
	prorateMidYear: flag,
	hoursPerDay: decimalSchema,
	places: count,
	source: v.optional(textSchema)
};
const _policy: Same<Exact<typeof policyEntries>, LeavePolicy> = true;
/** A leave policy: a mutable record, one key per top-level field. */
export const leavePolicyKind = recordKind<LeavePolicy>({
	name: 'leave policy',
	schema: openFields(policyEntries)
});
