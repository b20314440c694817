// The payroll records stored in the people shard, each declared once: its valibot schema (the check
// applied to every value a peer or backup hands us), its kind (version and numbered migrations), and a
// compile-time assertion that the schema's type is the domain's interface. A value that fails is kept
// aside by the replica with the reason, never applied; one from a newer Keel is kept aside as such.
import { decimalSchema, isoDateSchema, nonEmptySchema, textSchema, v } from '$lib/shared/domain/schema';
import { recordKind, type RecordError } from '$lib/shared/domain/schema';
import { sameType, versioned, versionOrFirst } from '$lib/shared/domain/record-version';
import type { DecimalString, Result } from '$lib/shared/domain';
import { isDecimalString } from '$lib/shared/domain/money';
import type { PayCase, Payslip } from '$lib/payroll/domain';
import type {
	FinalizedRun,
	PayRunDraft,
	PaySchedule,
	PayrollAccounts,
	RunPayslip
} from '$lib/payroll/domain/run';

/**
 * An object schema whose missing fields read as that field's own problem ("wages is not an amount"),
 * not valibot's "Invalid key" (which quotes the key); `notObject` when the value is not an object.
 */
export function fields<E extends v.ObjectEntries>(entries: E, notObject = 'is not a record') {
	return v.object(entries, (issue) => {
		const key = /^"(.*)"$/.exec(issue.expected ?? '')?.[1];
		const field = key === undefined ? undefined : entries[key];
		const alone = field ? v.safeParse(field, undefined) : undefined;
		return alone && !alone.success ? (alone.issues[0]?.message ?? notObject) : notObject;
	});
}

const jurisdiction = v.picklist(['US', 'UK'], 'is not US or UK');
const kindOfRun = v.picklist(['regular', 'bonus', 'correction'], 'is not a kind of run');
const wholeNumber = v.pipe(v.number('is not a number'), v.integer('is not a whole number'));
const list = <S extends v.GenericSchema>(item: S) => v.pipe(v.array(item, 'is not a list'), v.readonly());
const isPlainObject = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

const periodSchema = v.pipe(
	fields({ start: isoDateSchema, end: isoDateSchema, payDate: isoDateSchema }, 'is not a pay period'),
	v.check((p) => p.start <= p.end, 'ends before it starts')
);

// ---- schedules --------------------------------------------------------------------------------

const scheduleSchema = fields({
	schemaVersion: v.literal(1, 'is not a version this Keel reads'),
	id: textSchema,
	name: textSchema,
	frequency: v.picklist(
		['weekly', 'biweekly', 'semimonthly', 'monthly', 'fourWeekly'],
		'is not a pay frequency'
	),
	jurisdiction,
	currency: textSchema,
	anchor: isoDateSchema,
	payDayOffset: wholeNumber,
	// Absent on schedules saved before pay dates avoided weekends and holidays.
	payDateRule: v.optional(
		v.picklist(['previousBusinessDay', 'nextBusinessDay', 'onTheDay'], 'is not a pay date rule')
	),
	holidayCalendar: v.optional(textSchema)
});
sameType<v.InferOutput<typeof scheduleSchema>, PaySchedule>(true);

/** The schedule form's fields in the words its labels use, for messages. */
export const SCHEDULE_LABELS = {
	name: 'Schedule name',
	frequency: 'Pay frequency',
	jurisdiction: 'Tax rules',
	currency: 'Schedule currency',
	anchor: 'First period starts',
	payDayOffset: 'Pay day',
	payDateRule: 'Pay date on a weekend or holiday',
	holidayCalendar: 'Public holidays'
} as const;
export const scheduleKind = versioned(recordKind({ name: 'pay schedule', schema: scheduleSchema }), 1);

// ---- draft runs -------------------------------------------------------------------------------

/**
 * Per-person amounts of a draft: person id → decimal. Checked as a whole, so a message names the
 * field ("bonuses") and never a person's internal id.
 */
export const perPerson = v.custom<Readonly<Record<string, DecimalString>>>(
	(x) => isPlainObject(x) && Object.values(x).every((a) => typeof a === 'string' && isDecimalString(a)),
	'holds a figure that is not an amount'
);

const draftSchema = fields({
	schemaVersion: v.literal(1, 'is not a version this Keel reads'),
	id: textSchema,
	scheduleId: textSchema,
	kind: kindOfRun,
	period: periodSchema,
	personIds: list(textSchema),
	hours: perPerson,
	amounts: perPerson,
	// One-off inputs, absent on drafts from before they existed.
	overtimeHours: v.optional(perPerson),
	bonuses: v.optional(perPerson),
	reimbursements: v.optional(perPerson),
	oneOffDeductions: v.optional(perPerson),
	status: v.picklist(['draft', 'review', 'approved'], 'is not a draft status'),
	createdAt: textSchema,
	createdBy: textSchema
});
sameType<v.InferOutput<typeof draftSchema>, PayRunDraft>(true);
export const draftKind = versioned(recordKind({ name: 'draft pay run', schema: draftSchema }), 1);

// ---- finalized runs ---------------------------------------------------------------------------

/**
 * What a payslip must hold to be counted: its totals and lines (a finalized run's payslips must also
 * add up, `shape.ts`). The engine's detail beyond them (US or UK figures) is carried as written.
 */
const payslipFigures = v.looseObject({
	jurisdiction,
	grossPay: decimalSchema,
	reimbursements: decimalSchema,
	net: decimalSchema,
	employerCost: decimalSchema,
	lines: v.array(
		v.looseObject({
			code: textSchema,
			label: textSchema,
			kind: textSchema,
			amount: decimalSchema,
			basis: textSchema
		}),
		'is not a list'
	)
});
const payslipSchema = v.custom<Payslip>((x) => v.is(payslipFigures, x), 'has the wrong shape');
/** The case a payslip was computed from, kept as the engine saw it (it is a record, not figures). */
const caseSchema = v.custom<PayCase>(isPlainObject, 'is not a record');

const runPayslipSchema = fields({
	personId: textSchema,
	name: textSchema,
	case: caseSchema,
	payslip: payslipSchema,
	basePay: decimalSchema,
	basePayBasis: textSchema,
	hours: v.optional(decimalSchema),
	retro: list(
		fields({
			runId: textSchema,
			periodStart: isoDateSchema,
			periodEnd: isoDateSchema,
			amount: decimalSchema,
			basis: textSchema
		})
	),
	knownFacts: v.optional(fields({ employment: list(textSchema), compensation: list(textSchema) }))
});
sameType<v.InferOutput<typeof runPayslipSchema>, RunPayslip>(true);

const finalSchema = fields({
	schemaVersion: v.literal(1, 'is not a version this Keel reads'),
	runId: textSchema,
	scheduleId: textSchema,
	kind: kindOfRun,
	jurisdiction,
	currency: textSchema,
	taxYear: textSchema,
	period: periodSchema,
	finalizedAt: textSchema,
	finalizedBy: textSchema,
	finalizedByName: v.optional(textSchema),
	payslips: list(runPayslipSchema),
	attemptId: v.optional(textSchema)
});
sameType<v.InferOutput<typeof finalSchema>, FinalizedRun>(true);
export const finalKind = versioned(recordKind({ name: 'finalized pay run', schema: finalSchema }), 1);

// ---- payments, postings, accounts -------------------------------------------------------------

/** A run marked paid: a fact written once under the run id. */
export const paymentSchema = fields({ paidOn: isoDateSchema, at: textSchema, by: textSchema });
export type Payment = v.InferOutput<typeof paymentSchema>;

/** Who recorded posting a run's journal entry to Books. */
export const postingSchema = fields({ at: textSchema, by: textSchema });

/** The accounts a journal can be posted with: every required role chosen (Setup checks this). */
export const postingAccountsSchema = fields({
	wagesExpense: nonEmptySchema,
	employerTaxesExpense: nonEmptySchema,
	taxLiability: nonEmptySchema,
	deductionsLiability: nonEmptySchema,
	netPayPayable: nonEmptySchema,
	bank: nonEmptySchema,
	retirementLiability: v.optional(textSchema),
	employerContributionsExpense: v.optional(textSchema),
	studentLoanLiability: v.optional(textSchema)
});
sameType<v.InferOutput<typeof postingAccountsSchema>, PayrollAccounts>(true);

/** Who stored an imported rule pack and when (the pack itself is judged by the rules domain). */
export const packAddedSchema = v.looseObject({ addedAt: textSchema, addedBy: textSchema });

/** The Books accounts payroll posts to (any may be missing until Setup is done). */
const accountsSchema = fields({
	wagesExpense: v.optional(textSchema),
	employerTaxesExpense: v.optional(textSchema),
	taxLiability: v.optional(textSchema),
	deductionsLiability: v.optional(textSchema),
	netPayPayable: v.optional(textSchema),
	bank: v.optional(textSchema),
	retirementLiability: v.optional(textSchema),
	employerContributionsExpense: v.optional(textSchema),
	studentLoanLiability: v.optional(textSchema)
});
sameType<v.InferOutput<typeof accountsSchema>, Partial<PayrollAccounts>>(true);

/** The stored accounts: each field that is text counts, anything else is left out. */
export function readAccounts(value: unknown): Partial<PayrollAccounts> {
	if (!isPlainObject(value)) return {};
	const texts = Object.entries(value).filter(([, x]) => typeof x === 'string');
	const parsed = v.safeParse(accountsSchema, Object.fromEntries(texts));
	return parsed.success ? parsed.output : {};
}

// ---- reading ----------------------------------------------------------------------------------

/**
 * Reads a stored payroll record with its kind. Records saved before they carried a version read as
 * version 1; one from a newer Keel is refused with code 'record/newer'.
 */
export function readStored<T>(
	kind: { read(value: unknown): Result<T, RecordError> },
	value: unknown
): Result<T, RecordError> {
	return kind.read(versionOrFirst(value));
}

/**
 * The first problem named by its path in the stored value, as a file's field is named:
 * `uk.ni[0].letter is not a letter`.
 */
export function pathReason(issues: readonly v.BaseIssue<unknown>[]): string {
	const first = issues[0];
	if (!first) return 'is not valid';
	const path = (first.path ?? [])
		.map((p, i) => (typeof p.key === 'number' ? `[${p.key}]` : `${i === 0 ? '' : '.'}${String(p.key)}`))
		.join('');
	return path === '' ? first.message : `${path} ${first.message}`;
}
