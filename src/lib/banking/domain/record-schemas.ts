// The schemas of the banking records kept in the books shard (records.ts holds their interfaces):
// bank accounts, statements, statement lines, match decisions, reconciliations and rules. Each is
// declared once as a record kind (schema + numbered migrations, none yet), so the check of values
// from peers and backups and the version new records are written at come from one place. Records
// are loose: a key a newer peer adds is kept, unread. Messages name the field in words; checks that
// tie fields together say what does not add up.
import { parseIsoDate, type IsoDate } from '../../shared/domain/dates';
import { isDecimalString, type DecimalString } from '../../shared/domain/money';
import { nonEmptySchema, optionalText, recordKind, textSchema, v } from '../../shared/domain/schema';
import { isValidKey } from '../../tasks/domain';
import {
	BANKING_SCHEMA_VERSION,
	type BankAccountRecord,
	type BankLineRecord,
	type BankRuleRecord,
	type MatchDecision,
	type ReconciliationRecord,
	type StatementRecord
} from './records';
import { PAYEE_TESTS, RULE_DIMENSIONS } from './rules';

const version = v.literal(BANKING_SCHEMA_VERSION, 'is not a version this Keel reads');
const id = v.pipe(v.string('is missing'), v.minLength(1, 'is missing'));
const ids = v.array(nonEmptySchema, 'is not a list of ids');
const date = v.custom<IsoDate>(
	(x) => typeof x === 'string' && parseIsoDate(x) !== undefined,
	'is not a date'
);
const money = v.custom<DecimalString>((x) => typeof x === 'string' && isDecimalString(x), 'is not a decimal');
const positive = v.custom<DecimalString>(
	(x) => typeof x === 'string' && isDecimalString(x) && !x.startsWith('-') && /[1-9]/.test(x),
	'is not a positive decimal'
);
const text = textSchema;
/** The four rule dimensions, and any other text a newer peer adds. */
const dimensions = v.optional(
	v.objectWithRest(
		{ fund: optionalText, class: optionalText, department: optionalText, tag: optionalText } satisfies Record<
			(typeof RULE_DIMENSIONS)[number],
			unknown
		>,
		text,
		'are not a set of dimensions'
	)
);

export const bankAccountSchema = v.looseObject({
	schemaVersion: version,
	id,
	name: text,
	institution: text,
	currency: text,
	identifier: text,
	ledgerAccountId: v.pipe(v.string('is missing'), v.minLength(1, 'is missing')),
	csvMapping: v.optional(v.unknown())
});

export const statementSchema = v.pipe(
	v.looseObject({
		schemaVersion: version,
		id,
		bankAccountId: id,
		fileName: text,
		format: v.picklist(
			['csv', 'ofx', 'qfx', 'qif', 'camt.053', 'camt.052', 'mt940'],
			'is not a known format'
		),
		from: v.optional(date),
		to: v.optional(date),
		opening: v.optional(money),
		closing: v.optional(money),
		difference: v.optional(money),
		balanceCheck: v.picklist(['ok', 'mismatch', 'n/a'], 'is not a known check'),
		acceptedMismatch: v.boolean('is not true or false'),
		lineIds: ids,
		importedAt: text,
		importedBy: text
	}),
	v.check(
		(s) => s.balanceCheck !== 'mismatch' || s.acceptedMismatch,
		'statement does not add up and nobody accepted it'
	)
);

export const bankLineSchema = v.looseObject({
	schemaVersion: version,
	id,
	bankAccountId: id,
	date,
	valueDate: v.optional(date),
	amount: money,
	payee: text,
	memo: text,
	bankRef: optionalText
});

const ledgerLineRef = v.looseObject({
	entryId: id,
	lineIndex: v.pipe(
		v.number('is not a number'),
		v.integer('is not a whole number'),
		v.minValue(0, 'is negative')
	)
});

export const decisionSchema = v.pipe(
	v.looseObject({
		schemaVersion: version,
		id,
		bankAccountId: id,
		kind: v.picklist(['accept', 'reject', 'unmatch'], 'is not a known decision'),
		clock: v.pipe(
			v.number('is not a whole number'),
			v.safeInteger('is not a whole number'),
			v.minValue(0, 'is not a whole number')
		),
		bankLineIds: ids,
		ledgerLines: v.array(ledgerLineRef, 'is not a list of ledger lines'),
		revokes: optionalText,
		score: v.optional(v.number('is not a number')),
		reasons: v.optional(v.array(text, 'are not text')),
		by: text,
		at: text
	}),
	v.check(
		(d) => d.kind !== 'accept' || (d.bankLineIds.length > 0 && d.ledgerLines.length > 0),
		'accept names no bank line or no ledger line'
	),
	v.check((d) => d.kind !== 'unmatch' || (d.revokes ?? '') !== '', 'unmatch names no decision')
);

export const reconciliationSchema = v.pipe(
	v.looseObject({
		schemaVersion: version,
		id,
		bankAccountId: id,
		statementBalance: money,
		clearedBalance: money,
		lineIds: ids,
		decisionIds: ids,
		finishedAt: text,
		by: text
	}),
	v.check(
		(r) => r.statementBalance === r.clearedBalance,
		'cleared balance differs from the statement balance'
	)
);

export const ruleSchema = v.looseObject({
	schemaVersion: version,
	id,
	name: text,
	enabled: v.boolean('is not true or false'),
	order: v.pipe(v.string('is not text'), v.check(isValidKey, 'is not an order key')),
	conditions: v.looseObject(
		{
			payee: v.optional(
				v.looseObject({ test: v.picklist(PAYEE_TESTS, 'is not a known test'), text }, 'is not a payee test')
			),
			memoContains: optionalText,
			direction: v.optional(v.picklist(['in', 'out'], 'is not in or out')),
			minAmount: v.optional(money),
			maxAmount: v.optional(money),
			bankAccountId: optionalText
		},
		'are missing'
	),
	outcome: v.looseObject(
		{
			account: id,
			memo: optionalText,
			dimensions,
			splits: v.optional(
				v.pipe(
					v.array(v.looseObject({ account: id, percent: positive, dimensions }), 'is not a list'),
					v.minLength(1, 'is empty')
				)
			)
		},
		'is missing'
	)
});

export const bankAccountKind = recordKind<BankAccountRecord>({
	name: 'bank account',
	schema: bankAccountSchema
});
export const statementKind = recordKind<StatementRecord>({ name: 'statement', schema: statementSchema });
export const bankLineKind = recordKind<BankLineRecord>({ name: 'bank line', schema: bankLineSchema });
export const decisionKind = recordKind<MatchDecision>({ name: 'match decision', schema: decisionSchema });
export const reconciliationKind = recordKind<ReconciliationRecord>({
	name: 'reconciliation',
	schema: reconciliationSchema
});
export const ruleKind = recordKind<BankRuleRecord>({ name: 'bank rule', schema: ruleSchema });

// ---- the schemas and the interfaces say the same thing (checked by the compiler) ---------------

/** A type with readonly marks and index signatures (kept keys of loose records) left out. */
type Known<T> = T extends string | number | boolean | undefined
	? T
	: T extends readonly (infer U)[]
		? Known<U>[]
		: { -readonly [K in keyof T as string extends K ? never : K]: Known<T[K]> };
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Agrees<S extends v.GenericSchema, T> = Same<Known<T>, Known<v.InferOutput<S>>>;

const agree: [
	Agrees<typeof bankAccountSchema, BankAccountRecord>,
	Agrees<typeof statementSchema, StatementRecord>,
	Agrees<typeof bankLineSchema, BankLineRecord>,
	Agrees<typeof decisionSchema, MatchDecision>,
	Agrees<typeof reconciliationSchema, ReconciliationRecord>,
	Agrees<typeof ruleSchema, BankRuleRecord>
] = [true, true, true, true, true, true];
void agree;
