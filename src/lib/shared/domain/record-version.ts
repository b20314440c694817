// The version a record kind writes, typed as the literal its schema holds, so new records are stamped
// `schemaVersion: kind.version` rather than with a number typed by hand. Checked once, when the kind is
// declared: a schema literal that disagrees with the count of migrations is a bug in Keel, so it throws.
import type { RecordKind } from './schema';

export type VersionedKind<T extends { readonly schemaVersion: number }> = RecordKind<T> & {
	readonly version: T['schemaVersion'];
};

/** `kind` with its version typed as the schema's literal `version` (which must be kind.version). */
export function versioned<T extends { readonly schemaVersion: number }>(
	kind: RecordKind<T>,
	version: T['schemaVersion']
): VersionedKind<T> {
	if (kind.version !== version)
		throw new Error(`The ${kind.name} schema is at version ${version}, its migrations make ${kind.version}.`);
	return { ...kind, version };
}

const FIRST_VERSION = 1;

/**
 * Records saved before they carried a schemaVersion are version 1: the stored value with that filled
 * in when it is absent (anything else, a wrong version included, is left for the kind to judge).
 */
export function versionOrFirst(value: unknown): unknown {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
	return 'schemaVersion' in value ? value : { ...value, schemaVersion: FIRST_VERSION };
}

/**
 * `true` when a schema's type and an interface agree: each is assignable to the other and they name
 * the same fields (so an optional field one of them lacks is caught too).
 */
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type Same<A, B> = Mutual<A, B> extends true ? Mutual<keyof A, keyof B> : false;

/**
 * Compile-time assertion that a schema's output type and the record's interface agree:
 * `sameType<v.InferOutput<typeof schema>, Task>(true)` stops type-checking when they drift apart.
 */
export function sameType<A, B>(agree: Same<A, B>): void {
	void agree;
}
