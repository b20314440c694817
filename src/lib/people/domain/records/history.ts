// Schemas of the effective-dated history facts People stores: employment and compensation changes.
// A stored fact carries its area and person; its `changes` keep keys this Keel does not know (a newer
// peer's fields are kept and ignored), while every known key must have its record's shape. Meaning
// (FTE in range, dates in order, tax codes) is judged afterwards by the HR engine.
import {
	decimalSchema,
	isoDateSchema,
	nonEmptySchema,
	recordKind,
	textSchema,
	v
} from '../../../shared/domain/schema';
import type {
	Compensation,
	Pay,
	TaxSettings,
	UkTaxSettings,
	UsW4Before2020,
	UsW4From2020
} from '../compensation';
import type { RecurringDeduction } from '../deductions';
import type { Employment } from '../employment';
import { count, fields, flag, oneOf, openFields, type Exact, type Same } from './base';

const employmentEntries = {
	jobTitle: textSchema,
	department: textSchema,
	managerId: v.nullable(textSchema),
	location: textSchema,
	employmentType: oneOf(['fullTime', 'partTime', 'contractor']),
	fte: decimalSchema,
	startDate: isoDateSchema,
	probationEndDate: v.nullable(isoDateSchema),
	endDate: v.nullable(isoDateSchema),
	endReason: v.nullable(
		oneOf([
			'resignation',
			'dismissal',
			'redundancy',
			'retirement',
			'endOfContract',
			'mutualAgreement',
			'death',
			'other'
		])
	)
};
/** A whole employment state (what a form produces). */
export const employmentSchema = fields(employmentEntries);
const _employment: Same<v.InferOutput<typeof employmentSchema>, Employment> = true;

export const paySchema = v.variant(
	'kind',
	[
		fields({ kind: v.literal('salaried'), annualAmount: decimalSchema }),
		fields({ kind: v.literal('hourly'), hourlyRate: decimalSchema })
	],
	'is not salaried or hourly'
);
const _pay: Same<v.InferOutput<typeof paySchema>, Pay> = true;

export const w4From2020Schema = fields({
	form: v.literal('w4-2020'),
	filingStatus: oneOf(['singleOrMarriedSeparately', 'marriedJointly', 'headOfHousehold']),
	step2MultipleJobs: flag,
	step3Dependents: decimalSchema,
	step4aOtherIncome: decimalSchema,
	step4bDeductions: decimalSchema,
	step4cExtraWithholding: decimalSchema,
	exempt: flag
});
const _w4: Same<v.InferOutput<typeof w4From2020Schema>, UsW4From2020> = true;

export const w4Before2020Schema = fields({
	form: v.literal('w4-pre2020'),
	filingStatus: oneOf(['single', 'married', 'marriedWithholdAtSingleRate']),
	allowances: count,
	additionalWithholding: decimalSchema,
	exempt: flag
});
const _w4old: Same<v.InferOutput<typeof w4Before2020Schema>, UsW4Before2020> = true;

export const ukTaxSchema = fields({
	taxCode: textSchema,
	basis: oneOf(['cumulative', 'week1month1']),
	niCategory: textSchema,
	starterDeclaration: v.nullable(oneOf(['A', 'B', 'C'])),
	studentLoanPlans: v.array(oneOf(['plan1', 'plan2', 'plan4', 'plan5']), 'is not a list'),
	postgraduateLoan: flag
});
const _uk: Same<v.InferOutput<typeof ukTaxSchema>, UkTaxSettings> = true;

const taxEntries = {
	us: v.optional(v.variant('form', [w4From2020Schema, w4Before2020Schema], 'is not a known Form W-4')),
	uk: v.optional(ukTaxSchema)
};
/** Tax settings per jurisdiction; a jurisdiction this Keel does not know is kept as it is. */
export const taxSchema = openFields(taxEntries);
const _tax: Same<Exact<typeof taxEntries>, TaxSettings> = true;

export const deductionSchema = fields({
	id: textSchema,
	kind: oneOf([
		'us401k',
		'usRoth401k',
		'usSection125',
		'ukNetPayPension',
		'ukReliefAtSourcePension',
		'ukSalarySacrificePension',
		'postTax',
		'employer401kMatch',
		'employerPension'
	]),
	label: textSchema,
	basis: oneOf(['fixed', 'percent']),
	amount: decimalSchema
});
const _deduction: Same<v.InferOutput<typeof deductionSchema>, RecurringDeduction> = true;

const compensationEntries = {
	pay: paySchema,
	schedule: oneOf(['weekly', 'biweekly', 'semimonthly', 'monthly', 'fourWeekly']),
	currency: textSchema,
	tax: taxSchema,
	deductions: v.optional(v.array(deductionSchema, 'is not a list'))
};
/** A whole compensation state (what a form produces). */
export const compensationSchema = fields(compensationEntries);
const _compensation: Same<v.InferOutput<typeof compensationSchema>, Compensation> = true;

/** Every field optional: a change names only what changes; unknown keys are kept and ignored. */
const changesOf = <E extends v.ObjectEntries>(entries: E) => v.partial(openFields(entries));

const factEntries = {
	id: nonEmptySchema,
	effectiveDate: isoDateSchema,
	recordedAt: textSchema,
	recordedBy: textSchema,
	recordedByName: v.optional(textSchema),
	reason: v.optional(textSchema)
};
const factOf = <S extends v.GenericSchema>(changes: S) => fields({ ...factEntries, changes });

export const employmentFactSchema = factOf(changesOf(employmentEntries));
export const compensationFactSchema = factOf(changesOf(compensationEntries));
/** A fact of any area, its changes unread (as a person export holds them). */
export const anyFactSchema = factOf(v.record(v.string(), v.unknown(), 'is not a record'));

/** A history fact as stored in the people shard: its area, its person and the fact itself. */
export const storedFactSchema = v.variant(
	'area',
	[
		fields({ area: v.literal('employment'), personId: nonEmptySchema, fact: employmentFactSchema }),
		fields({ area: v.literal('compensation'), personId: nonEmptySchema, fact: compensationFactSchema })
	],
	'is not employment or compensation'
);
export type StoredFact = v.InferOutput<typeof storedFactSchema>;
export type HistoryArea = StoredFact['area'];

export const historyFactKind = recordKind({ name: 'history change', schema: storedFactSchema });
