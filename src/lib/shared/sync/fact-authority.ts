// Who wrote a sealed fact, and may they — the one rule every feature's signed facts share (finalized
// pay runs, leave decisions, HR history…), on fact-seal.ts. A fact counts when its seal is good and
// its signer holds one of the roles the fact needs (mayAuthor: the role at the time), or, written by
// an older build with no seal, when a good adoption by an owner or admin lists it with the digest of
// its value. Adoptions follow Books' rule (books/sync/adoption.ts): the first owner or admin device to
// open the facts with a sealing build writes ONE sealed adoption listing the unsealed facts it holds;
// no device adopts once the adoptions map holds one or the facts hold any sealed one. Everything here
// reads the shard's contents and the verified roles only, so every replica judges alike.
import type * as Y from 'yjs';
import { canonicalJson } from '$lib/shared/domain/identity/canonical';
import { sha256Hex } from '$lib/shared/domain/sha256';
import type { Role, TrustState } from '$lib/shared/domain/identity';
import type { DeviceKey } from '$lib/shared/crypto/signing';
import { factKeys, firstFact } from './facts';
import { mayAuthor, sealFact, sealOf, type FactContext, type FactSeal, type SealChecker } from './fact-seal';

/** Roles whose keys may write HR and payroll facts: owner, admin, People & Payroll. */
export const PEOPLE_AUTHORS: readonly Role[] = ['owner', 'admin', 'people'];
/** Owners and admins: the roles that may adopt older facts and set who holds HR authority. */
export const OWNERS_AND_ADMINS: readonly Role[] = ['owner', 'admin'];
/** Roles whose keys may adopt facts written before facts were sealed. */
const ADOPTERS = OWNERS_AND_ADMINS;

/** What a replica needs to judge who wrote a fact. */
export interface FactAuthority {
	readonly workspaceId: string;
	readonly checker: SealChecker;
	/** The roles now; null while not yet known (then no sealed fact counts yet). */
	trust(): TrustState | null;
	/** A signer's name in words ("Ana (People & Payroll)", "someone who is not a member"). */
	nameOf(key: string): string;
}

/**
 * Whether a fact counts, by whom, or why not ('pending' while its seal or an adoption is being
 * checked). `signer` of an 'ok' fact is null when it counts by adoption (an older, unsealed fact).
 */
export type Authorship =
	| { readonly kind: 'ok'; readonly signer: string | null }
	| { readonly kind: 'pending' }
	| { readonly kind: 'unsealed' | 'bad-seal' | 'no-role'; readonly signer: string | null };

const objectDigests = new WeakMap<object, string>();
const textDigests = new Map<string, string>();

/** The digest of an unsealed fact's value as an adoption records it (memoised per value). */
export function factDigest(value: unknown): string {
	if (typeof value === 'string') {
		let d = textDigests.get(value);
		if (d === undefined) textDigests.set(value, (d = sha256Hex(value)));
		return d;
	}
	if (value !== null && typeof value === 'object') {
		let d = objectDigests.get(value);
		if (d === undefined) objectDigests.set(value, (d = sha256Hex(canonicalJson(value))));
		return d;
	}
	return sha256Hex(canonicalJson(value ?? null));
}

/**
 * Whether the value first written under `ctx.map`/`key` counts as written by a key holding one of
 * `roles`. `adopted` (`map:key` -> digest) is null while the adoptions are not known yet.
 */
export function authorship(
	auth: FactAuthority,
	adopted: ReadonlyMap<string, string> | null,
	ctx: FactContext,
	key: string,
	value: unknown,
	roles: readonly Role[]
): Authorship {
	const status = auth.checker.status(ctx, key, value);
	if (status === 'unsealed') {
		if (adopted === null) return { kind: 'pending' };
		return adopted.get(`${ctx.map}:${key}`) === factDigest(value)
			? { kind: 'ok', signer: null }
			: { kind: 'unsealed', signer: null };
	}
	if (status === 'pending') return { kind: 'pending' };
	const signer = sealOf(value)?.by ?? null;
	if (status === 'bad') return { kind: 'bad-seal', signer };
	const trust = auth.trust();
	if (!trust) return { kind: 'pending' };
	return signer !== null && mayAuthor(trust, signer, roles)
		? { kind: 'ok', signer }
		: { kind: 'no-role', signer };
}

/**
 * The adopted facts (`map:key` -> digest) from every adoption in `map` whose seal is good and whose
 * signer is an owner or admin. Null while an adoption's seal is being checked or roles are unknown.
 */
export function readAdoptions(
	map: Y.Map<unknown>,
	ctx: FactContext,
	checker: SealChecker,
	trust: TrustState | null
): Map<string, string> | null {
	const out = new Map<string, string>();
	// Every adoption's check is asked for at once (a forger's many adoptions cost one round, not many).
	let pending = false;
	for (const key of factKeys(map)) {
		const value = firstFact(map, key)?.value;
		const status = checker.status(ctx, key, value);
		if (status === 'pending') pending = true;
		if (pending || status !== 'good') continue;
		if (!trust) return null;
		if (!mayAuthor(trust, sealOf(value)?.by ?? '', ADOPTERS)) continue;
		const keys = (value as { keys?: unknown }).keys;
		if (!Array.isArray(keys)) continue;
		for (const pair of keys)
			if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string')
				out.set(pair[0], pair[1]);
	}
	return pending ? null : out;
}

/**
 * Writes this device's adoption of the unsealed facts `held()` lists, under `id` in `map`, when the
 * device is an owner or admin, `closed()` is false (no adoption yet, no sealed fact), and there is
 * something to adopt; both are asked again after signing. True when it wrote one.
 */
export async function writeAdoption(p: {
	map: Y.Map<unknown>;
	ctx: FactContext;
	device: DeviceKey;
	trust: TrustState;
	id: string;
	held: () => Map<string, string>;
	closed: () => boolean;
}): Promise<boolean> {
	if (!mayAuthor(p.trust, p.device.publicKey, ADOPTERS) || p.closed()) return false;
	const held = p.held();
	if (held.size === 0) return false;
	const keys = [...held].sort((a, b) => (a[0] < b[0] ? -1 : 1));
	const sealed = await sealFact(p.device, p.ctx, p.id, { v: 1, keys });
	if (p.closed()) return false;
	p.map.set(p.id, sealed);
	return true;
}

/**
 * Seals `value` for `key` in `ctx` with `device`, checks the seal once (so the first read of the
 * written fact finds it checked and it counts at once), then hands it to `write`. Rejects when the
 * device cannot sign; then nothing is written.
 */
export async function sealThenWrite<T extends object>(p: {
	device: DeviceKey;
	ctx: FactContext;
	key: string;
	value: T;
	checker: SealChecker;
	write: (sealed: T & { seal: FactSeal }) => void;
}): Promise<void> {
	const sealed = await sealFact(p.device, p.ctx, p.key, p.value);
	p.checker.status(p.ctx, p.key, sealed);
	await p.checker.settled();
	p.write(sealed);
}

/** Every unsealed fact of the maps `names` in `doc`: `map:key` -> digest of its value. */
export function unsealedIn(doc: Y.Doc, names: readonly string[]): Map<string, string> {
	const out = new Map<string, string>();
	for (const name of names) {
		const map = doc.getMap(name);
		for (const key of factKeys(map)) {
			const value = firstFact(map, key)?.value;
			if (value !== undefined && !sealOf(value)) out.set(`${name}:${key}`, factDigest(value));
		}
	}
	return out;
}

/** Whether any fact of the maps `names` in `doc` is sealed (written by a sealing build). */
export function holdsSealedIn(doc: Y.Doc, names: readonly string[]): boolean {
	for (const name of names) {
		const map = doc.getMap(name);
		for (const key of factKeys(map)) if (sealOf(firstFact(map, key)?.value)) return true;
	}
	return false;
}

/**
 * The one adoption (in the map `adoptions`) of the unsealed facts of the maps `names`, by an owner
 * or admin device, while no adoption is there and none of those facts is sealed (writeAdoption).
 */
export function adoptUnsealedIn(p: {
	doc: Y.Doc;
	ctx: FactContext;
	names: readonly string[];
	device: DeviceKey;
	trust: TrustState;
	id: string;
}): Promise<boolean> {
	const adoptions = p.doc.getMap(p.ctx.map);
	return writeAdoption({
		map: adoptions,
		ctx: p.ctx,
		device: p.device,
		trust: p.trust,
		id: p.id,
		held: () => unsealedIn(p.doc, p.names),
		closed: () => adoptions._map.size > 0 || holdsSealedIn(p.doc, p.names)
	});
}
