// The message a fact's seal signs, and reading a seal: the seal record and its schema, the place
// a seal is bound to (workspace, shard, map, key), the canonical text signed (chained by `prev`),
// its digest, the text form for a string stored as is, and the well-formed seal a value carries.
// The checker (seal-checker.ts) and sealing (fact-seal.ts, whose header explains the design) use it.
import { v } from '$lib/shared/domain/schema';
import { canonicalJson, canonicalWithout } from '$lib/shared/domain/identity/canonical';
import { sha256Base64Url } from '$lib/shared/domain/sha256';
import type { ShardName } from '$lib/shared/domain/workspace';
import { signBytes, type DeviceKey } from '$lib/shared/crypto/signing';

export interface FactSeal {
	/** The signer's raw Ed25519 public key, URL-safe base64. */
	by: string;
	/** The signature of sealedBody(...)'s canonical JSON, URL-safe base64. */
	sig: string;
	/** The digest (sealDigest) of the signed text of this key's previous seal in this workspace, shard and map. */
	prev?: string;
}

export const DIGEST = /^[A-Za-z0-9_-]{43}$/;

export const FactSealSchema = v.strictObject({
	by: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/)),
	sig: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{86}$/)),
	prev: v.optional(v.pipe(v.string(), v.regex(DIGEST)))
});

export interface FactContext {
	workspaceId: string;
	shard: ShardName;
	map: string;
}

export type SealStatus = 'good' | 'bad' | 'pending' | 'unsealed';

export const FACT_SEAL_TAG = 'keel-fact/1';

/** The value without its `seal` field (a value that is not an object is itself). */
export function unsealed(value: unknown): unknown {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
	if (!('seal' in value)) return value;
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { seal, ...rest } = value as Record<string, unknown>;
	return rest;
}

/**
 * The canonical message a fact's seal signs (domain-separated: tag, workspace, shard, map, key;
 * chained: prev). `prev` defaults to the one the value's own seal names, if any.
 */
export function sealedBody(ctx: FactContext, key: string, value: unknown, prev = prevOf(value)) {
	return bodyOf(ctx, key, value, prev);
}

/** sealedBody with `prev` exactly as given. */
export function bodyOf(ctx: FactContext, key: string, value: unknown, prev: string | undefined) {
	return {
		t: FACT_SEAL_TAG,
		workspaceId: ctx.workspaceId,
		shard: ctx.shard,
		map: ctx.map,
		key,
		value: unsealed(value),
		...(prev === undefined ? {} : { prev })
	};
}

/** The `prev` the seal inside `value` names, when well-formed. */
function prevOf(value: unknown): string | undefined {
	if (value === null || typeof value !== 'object' || !('seal' in value)) return undefined;
	const seal = (value as { seal: unknown }).seal;
	if (seal === null || typeof seal !== 'object' || !('prev' in seal)) return undefined;
	const prev = (seal as { prev: unknown }).prev;
	return typeof prev === 'string' && DIGEST.test(prev) ? prev : undefined;
}

const q = (s: string) => JSON.stringify(s);

/**
 * Whether JSON.stringify(x) writes exactly canonicalJson(x): plain objects whose keys are already
 * in sorted order at every depth (`skip`, a top-level key, aside), dense arrays, JSON primitives.
 */
function inCanonicalOrder(x: unknown, skip: string | undefined): boolean {
	if (x === null || typeof x !== 'object') return typeof x !== 'bigint';
	if (Array.isArray(x)) {
		for (let i = 0; i < x.length; i++) if (!(i in x) || !inCanonicalOrder(x[i], undefined)) return false;
		return true;
	}
	const proto: unknown = Object.getPrototypeOf(x);
	if (proto !== Object.prototype && proto !== null) return false;
	const o = x as Record<string, unknown>;
	let last = '';
	let first = true;
	for (const k of Object.keys(o)) {
		if (k === skip) continue;
		if ((!first && !(last < k)) || k === 'toJSON') return false;
		first = false;
		last = k;
		if (!inCanonicalOrder(o[k], undefined)) return false;
	}
	return true;
}

/**
 * canonicalJson of the value without its top-level `seal`. A value stored with its keys in
 * canonical order and its seal last (sealFact's `canonicalOrder`, as Books entries are) is written
 * by the engine's JSON.stringify, the seal cut off the end: the same text, several times quicker.
 */
function valueText(value: unknown): string {
	if (
		value !== null &&
		typeof value === 'object' &&
		!Array.isArray(value) &&
		inCanonicalOrder(value, 'seal')
	) {
		const o = value as Record<string, unknown>;
		const full = JSON.stringify(o);
		if (!('seal' in o)) return full;
		const seal = JSON.stringify(o.seal);
		if (seal === undefined) return full;
		if (full === `{"seal":${seal}}`) return '{}';
		const suffix = `,"seal":${seal}}`;
		if (full.endsWith(suffix)) return `${full.slice(0, full.length - suffix.length)}}`;
	}
	return canonicalWithout(value, 'seal');
}

/**
 * The exact text a seal signs: canonicalJson(sealedBody(ctx, key, value, prev)), built without
 * copying the value to drop its seal.
 */
export function sealedMessage(ctx: FactContext, key: string, value: unknown, prev?: string): string {
	if (value === undefined) return canonicalJson(bodyOf(ctx, key, value, prev));
	// Keys in canonical order: key, map, prev, shard, t, value, workspaceId.
	return (
		`{"key":${q(key)},"map":${q(ctx.map)},` +
		(prev === undefined ? '' : `"prev":${q(prev)},`) +
		`"shard":${q(ctx.shard)},"t":${q(FACT_SEAL_TAG)},"value":${valueText(value)},"workspaceId":${q(ctx.workspaceId)}}`
	);
}

/** The digest a later seal names as `prev`: SHA-256 of the signed text, URL-safe base64. */
export function sealDigest(message: string): string {
	return sha256Base64Url(message);
}

export const FACT_TEXT_TAG = 'keel-fact-text/1';

/**
 * The bytes a text fact's seal signs: the canonical JSON of its place, a newline, then the stored
 * string exactly. Domain-separated from sealedBody (another tag) and from every canonical-JSON
 * message (canonical JSON never holds a raw newline; this always does, right after the header).
 */
export function sealedText(ctx: FactContext, key: string, text: string): Uint8Array {
	const head = canonicalJson({
		t: FACT_TEXT_TAG,
		workspaceId: ctx.workspaceId,
		shard: ctx.shard,
		map: ctx.map,
		key
	});
	return new TextEncoder().encode(`${head}\n${text}`);
}

/** The seal of a string stored as is under `key` in `ctx` (stored beside it). */
export async function sealText(
	device: DeviceKey,
	ctx: FactContext,
	key: string,
	text: string
): Promise<FactSeal> {
	return { by: device.publicKey, sig: await signBytes(device, sealedText(ctx, key, text)) };
}

/** The well-formed seal `value` carries, or undefined. */
export function sealOf(value: unknown): FactSeal | undefined {
	if (value === null || typeof value !== 'object' || !('seal' in value)) return undefined;
	const seal = (value as { seal: unknown }).seal;
	// Remembered per seal object: every read of a fact asks (twice per entry judged), and a schema
	// check with two regular expressions per read cost more than the rest of the lookup.
	if (seal !== null && typeof seal === 'object') {
		const hit = parsedSeals.get(seal);
		if (hit !== undefined) return hit ?? undefined;
	}
	const r = v.safeParse(FactSealSchema, seal);
	const out = r.success ? r.output : undefined;
	if (seal !== null && typeof seal === 'object') parsedSeals.set(seal, out ?? null);
	return out;
}

/** Seal objects already checked against the schema (facts are never changed in place). */
const parsedSeals = new WeakMap<object, FactSeal | null>();
