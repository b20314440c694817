// The schemas of the records Books stores in the books shard: posted journal entries, drafts and
// accounts. Each is declared once as a record kind (schema + numbered migrations), so the check for
// values from peers, backups and imports, and the version new records are written at, come from one
// place. The domain interfaces in types.ts stay the names code uses; the compile-time checks at the
// end keep them and the schemas saying the same thing.
import {
	decimalSchema,
	isoDateSchema,
	nonEmptySchema,
	optionalText,
	recordKind,
	textSchema,
	v
} from '../../shared/domain/schema';
import {
	ACCOUNT_SUBTYPES,
	ACCOUNT_TYPES,
	LEDGER_SCHEMA_VERSION,
	type Account,
	type EntryLine,
	type JournalEntry
} from './types';

const version = v.literal(LEDGER_SCHEMA_VERSION, 'is not a version this Keel reads');

/** Analysis dimensions: the four known ones, and any other text a newer peer adds. */
const dimensionsSchema = v.objectWithRest(
	{ fund: optionalText, class: optionalText, department: optionalText, tag: optionalText },
	v.optional(textSchema),
	'is not a set of dimensions'
);

const lineFields = {
	account: textSchema,
	amount: decimalSchema,
	commodity: textSchema,
	cost: v.optional(
		v.looseObject({ amount: decimalSchema, commodity: textSchema }, 'is not an amount and commodity')
	),
	memo: optionalText,
	dimensions: v.optional(dimensionsSchema)
};

const entryFields = {
	schemaVersion: version,
	id: nonEmptySchema,
	date: isoDateSchema,
	memo: textSchema,
	status: v.literal('posted', 'is not posted'),
	number: optionalText,
	reverses: optionalText,
	comment: optionalText,
	clearing: v.optional(v.picklist(['pending', 'cleared'], 'is not pending or cleared')),
	closing: v.optional(v.boolean('is not true or false')),
	attachments: v.optional(v.array(textSchema, 'is not a list')),
	lines: v.array(v.looseObject(lineFields, 'is not a line'), 'is not a list of lines')
};

/**
 * A posted entry as stored (a fact written once). Loose: a key a newer peer added is kept, unread.
 * Aborts at the first problem: this runs for every entry whenever the books open.
 */
export const postedEntrySchema = v.config(v.looseObject(entryFields, 'is not a record'), {
	abortEarly: true
});

/**
 * A draft as stored: the same fields, but unfinished. Any date text and any amount text (the person
 * is still typing), status 'draft'. Its text is checked again when the draft is posted.
 */
export const draftSchema = v.config(
	v.looseObject(
		{
			...entryFields,
			date: textSchema,
			status: v.literal('draft', 'is not a draft'),
			lines: v.array(
				v.looseObject(
					{
						...lineFields,
						amount: textSchema,
						cost: v.optional(v.looseObject({ amount: textSchema, commodity: textSchema }))
					},
					'is not a line'
				),
				'is not a list of lines'
			)
		},
		'is not a record'
	),
	{ abortEarly: true }
);

/** An account as read from its stored fields (a mutable record: one key per field). */
export const accountSchema = v.looseObject(
	{
		schemaVersion: version,
		id: nonEmptySchema,
		name: textSchema,
		type: v.picklist(ACCOUNT_TYPES, 'is not an account type'),
		subtype: v.optional(v.picklist(ACCOUNT_SUBTYPES, 'is not an account subtype')),
		code: optionalText,
		parentId: optionalText,
		currency: optionalText,
		archived: v.optional(v.boolean('is not true or false'))
	},
	'is not a record'
);

/** Stored posted entries: version 1 (no migrations yet; the first change adds one here). */
export const entryKind = recordKind<JournalEntry>({ name: 'journal entry', schema: postedEntrySchema });
/** Stored drafts share the entry's versions. */
export const draftKind = recordKind({ name: 'draft entry', schema: draftSchema });
export const accountKind = recordKind<Account>({ name: 'account', schema: accountSchema });

/** A draft as it may stand half-written: dates and amounts are whatever the person typed. */
export type DraftRecord = v.InferOutput<typeof draftSchema>;

// ---- the schemas and the interfaces say the same thing (checked by the compiler) ---------------

/** A type with readonly marks and index signatures (kept keys of loose records) left out. */
type Known<T> = T extends string | number | boolean | undefined
	? T
	: T extends readonly (infer U)[]
		? Known<U>[]
		: { -readonly [K in keyof T as string extends K ? never : K]: Known<T[K]> };
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

const agree: [
	// A stored posted entry is a JournalEntry whose status is 'posted'.
	Same<Omit<Known<JournalEntry>, 'status'>, Omit<Known<v.InferOutput<typeof postedEntrySchema>>, 'status'>>,
	Same<Known<EntryLine>, Known<v.InferOutput<typeof postedEntrySchema>['lines'][number]>>,
	Same<Known<Account>, Known<v.InferOutput<typeof accountSchema>>>
] = [true, true, true];
void agree;
