// Schema-first records: one valibot schema per stored record gives its type, the check applied to
// data from peers, backups and imports, and the form parser. Brands (IsoDate, DecimalString, ids) are
// minted only here, after a check, so a branded value means "checked", not "cast". Stored records
// carry a schemaVersion; `recordKind` upgrades older versions through numbered migrations and keeps
// records from a newer Keel aside rather than guessing at them.
import * as v from 'valibot';
import { parseIsoDate, type IsoDate } from './dates';
import { isDecimalString, type DecimalString } from './money';
import { err, ok, type DomainError, type Result } from './result';

export { v };

/** A calendar date as `YYYY-MM-DD` (rejects 2026-02-30). */
export const isoDateSchema = v.custom<IsoDate>(
	(x) => typeof x === 'string' && parseIsoDate(x) !== undefined,
	'is not a date (YYYY-MM-DD)'
);

/** A plain decimal amount as text ("-1234.50"); never a JS number. */
export const decimalSchema = v.custom<DecimalString>(
	(x) => typeof x === 'string' && isDecimalString(x),
	'is not an amount'
);

/** Text that must not be empty: ids, names, account codes. */
export const nonEmptySchema = v.pipe(v.string('is not text'), v.minLength(1, 'is empty'));

/** Any text. */
export const textSchema = v.string('is not text');

/** Optional text: absent or a string. */
export const optionalText = v.optional(textSchema);

/** The dotted path of an issue (`lines.2.amount`), for logs and quarantine lists; never shown raw. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
	return (issue.path ?? []).map((p) => String(p.key)).join('.');
}

/** A field key in words: `effectiveDate` → "effective date". */
export function fieldWords(key: string): string {
	return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * The first problem in words, naming the field without its internal path: `lines.2.amount` with
 * "is not an amount" reads "amount (item 3) is not an amount".
 */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
	const first = issues[0];
	if (!first) return 'is not valid';
	const keys = (first.path ?? []).map((p) => p.key);
	const named = keys.filter((k): k is string => typeof k === 'string');
	const item = keys.filter((k): k is number => typeof k === 'number').at(-1);
	const last = named.at(-1);
	const field = last === undefined ? '' : fieldWords(last);
	const where = item === undefined ? field : `${field || 'item'} (item ${item + 1})`.trim();
	return where === '' ? first.message : `${where} ${first.message}`;
}

/** Checks untrusted data against a schema: the typed value, or a failure naming the field. */
export function check<S extends v.GenericSchema>(
	schema: S,
	value: unknown,
	code = 'schema/invalid'
): Result<v.InferOutput<S>> {
	const parsed = v.safeParse(schema, value);
	if (parsed.success) return ok(parsed.output);
	return err({
		code,
		message: describeIssues(parsed.issues),
		details: { field: issuePath(parsed.issues[0]) }
	});
}

/** Field names in the user's words, for form messages ("Start date is not a date (YYYY-MM-DD)"). */
export type FieldLabels = Readonly<Record<string, string>>;

/**
 * Parses what a form holds. The failure's message names the field by its label, never by its key;
 * `details.field` carries the key so the form can mark the input.
 */
export function parseForm<S extends v.GenericSchema>(
	schema: S,
	value: unknown,
	labels: FieldLabels
): Result<v.InferOutput<S>> {
	const parsed = v.safeParse(schema, value);
	if (parsed.success) return ok(parsed.output);
	const first = parsed.issues[0];
	const key = first.path?.[0]?.key;
	const field = typeof key === 'string' ? key : '';
	const label = labels[field] ?? 'A field';
	return err({ code: 'form/invalid', message: `${label} ${first.message}.`, details: { field } });
}

/** A migration turns a record of version N into version N + 1 (it receives and returns plain data). */
export type Migration = (record: Record<string, unknown>) => Record<string, unknown>;

export type RecordError = DomainError & { readonly code: 'record/invalid' | 'record/newer' };

export interface RecordKind<T> {
	/** What the record is, in words ("journal entry"), for messages. */
	readonly name: string;
	/** The schemaVersion this Keel writes: one more than the number of migrations. */
	readonly version: number;
	readonly schema: v.GenericSchema<unknown, T>;
	/** Reads a stored value: upgraded to the current version and checked, or why it cannot count. */
	read(value: unknown): Result<T, RecordError>;
}

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Declares a stored record: its schema (for the current version) and the numbered migrations from
 * version 1 upwards (`migrations[0]` upgrades 1 → 2). The current version is migrations.length + 1.
 */
export function recordKind<T>(spec: {
	name: string;
	schema: v.GenericSchema<unknown, T>;
	migrations?: readonly Migration[];
}): RecordKind<T> {
	const migrations = spec.migrations ?? [];
	const version = migrations.length + 1;
	const invalid = (message: string, field = ''): Result<T, RecordError> =>
		err({
			code: 'record/invalid',
			message: `One ${spec.name} was not read: ${message}.`,
			details: { field }
		});
	return {
		name: spec.name,
		version,
		schema: spec.schema,
		read(value) {
			if (!isPlainObject(value)) return invalid('it is not a record');
			const stored = value.schemaVersion;
			if (typeof stored !== 'number' || !Number.isInteger(stored) || stored < 1)
				return invalid('it has no valid version', 'schemaVersion');
			if (stored > version)
				return err({
					code: 'record/newer',
					message: `This ${spec.name} was saved by a newer version of Keel; update Keel to use it.`,
					details: { version: stored }
				});
			let record = value;
			for (let n = stored; n < version; n++) {
				const migration = migrations[n - 1];
				if (!migration) return invalid('it cannot be upgraded');
				record = { ...migration(record), schemaVersion: n + 1 };
			}
			const parsed = v.safeParse(spec.schema, record);
			if (parsed.success) return ok(parsed.output);
			return invalid(describeIssues(parsed.issues), issuePath(parsed.issues[0]));
		}
	};
}
