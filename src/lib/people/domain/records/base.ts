// The building blocks of People's record schemas: objects whose failures read "is missing" or "is
// not a record" (never valibot's own wording, which quotes what it received), the open variant that
// keeps keys a newer Keel added, and a compile-time proof that a schema and an interface agree.
import { v } from '../../../shared/domain/schema';

/** A missing key reads "is missing"; anything that is not an object reads "is not a record". */
const objectMessage = (issue: v.BaseIssue<unknown>) =>
	issue.expected?.startsWith('"') ? 'is missing' : 'is not a record';

/** An object with exactly these fields (keys it does not know are dropped from the output). */
export function fields<E extends v.ObjectEntries>(entries: E) {
	return v.object(entries, objectMessage);
}

/** An object with these fields that keeps any other key as it is: a newer peer's additions survive. */
export function openFields<E extends v.ObjectEntries>(entries: E) {
	return v.looseObject(entries, objectMessage);
}

/** One of a fixed set of words (a kind, a status); failures read "is unknown". */
export function oneOf<const T extends readonly [string, ...string[]]>(options: T) {
	return v.picklist(options, 'is unknown');
}

export const flag = v.boolean('is not true or false');
export const count = v.pipe(v.number('is not a number'), v.integer('is not a whole number'));
/** The version a stored record was written at; recordKind upgrades older ones. */
export const version = v.pipe(v.number('is not a version'), v.integer('is not a version'));
/** A record's version; one saved before records carried a version is version 1. */
export const storedVersion = v.optional(version, 1);

/** The exact record an open object's entries describe (its known keys only). */
export type Exact<E extends v.ObjectEntries> = v.InferOutput<v.ObjectSchema<E, undefined>>;

type Frozen<T> = T extends string | number | boolean | null | undefined
	? T
	: T extends readonly (infer U)[]
		? readonly Frozen<U>[]
		: { readonly [K in keyof T]: Frozen<T[K]> };

/**
 * True when A and B accept the same values: each is assignable to the other (readonly aside).
 * Used as `const _same: Same<v.InferOutput<typeof schema>, Interface> = true`.
 */
export type Same<A, B> = [Frozen<A>] extends [Frozen<B>]
	? [Frozen<B>] extends [Frozen<A>]
		? true
		: false
	: false;
