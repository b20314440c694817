// Who finalized a pay run, and may they: the seal check for finalized runs (shared/sync/fact-seal).
// Each finalization attempt carries its author's seal inside its value, bound to its map and key; it
// counts only when the seal is good AND its signer may finalize pay (owner, admin, People & Payroll:
// mayAuthor, the role at the time). Runs finalized before this build carry no seal; the rule for them
// is Books' (books/sync/adoption.ts): the first owner or admin device to open payroll with this build
// writes ONE sealed adoption (`payRunAdoptions`) listing the unsealed runs it holds, each with the
// digest of its value; those count, and no device adopts once the shard holds an adoption or any
// sealed run. An unsealed run not adopted, a bad seal or a signer without the role never counts and
// is listed with who and why. Workspaces without member keys have no authority: nothing is checked.
import type * as Y from 'yjs';
import { canonicalJson } from '$lib/shared/domain/identity/canonical';
import { sha256Hex } from '$lib/shared/domain/sha256';
import type { Role, TrustState } from '$lib/shared/domain/identity';
import { factKeys, firstFact } from '$lib/shared/sync/facts';
import { mayAuthor, sealFact, sealOf, type FactContext, type SealChecker } from '$lib/shared/sync/fact-seal';
import type { DeviceKey } from '$lib/shared/crypto/signing';
import * as docs from './doc';

/** Roles whose keys may finalize pay runs. */
export const PAY_AUTHORS: readonly Role[] = ['owner', 'admin', 'people'];
export const RUN_ADOPTIONS = 'payRunAdoptions';
export const adoptionsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(RUN_ADOPTIONS);

/** What a replica needs to judge who finalized a run. */
export interface PayrollAuthority {
	readonly workspaceId: string;
	readonly checker: SealChecker;
	/** The roles now; null while not yet known (then no run counts yet). */
	trust(): TrustState | null;
	/** A signer's name in words ("Ana (People & Payroll)", "someone who is not a member"). */
	nameOf(key: string): string;
}

/** Whether a finalized run counts: by whom, or why not ('pending' while its seal is being checked). */
export type RunAuthorship =
	| { readonly kind: 'ok' }
	| { readonly kind: 'pending' }
	| { readonly kind: 'unsealed' | 'bad-seal' | 'no-role'; readonly signer: string | null };

const ctx = (workspaceId: string, map: string): FactContext => ({ workspaceId, shard: 'people', map });

const digests = new WeakMap<object, string>();
/** The digest of an unsealed run's value, as an adoption records it. */
export function runDigest(value: unknown): string {
	if (value === null || typeof value !== 'object') return sha256Hex(canonicalJson(value ?? null));
	let d = digests.get(value);
	if (d === undefined) digests.set(value, (d = sha256Hex(canonicalJson(value))));
	return d;
}

/** A finalization attempt sealed by `device` under its key. */
export function sealAttempt<T extends object>(
	device: DeviceKey,
	workspaceId: string,
	key: string,
	attempt: T
) {
	return sealFact(device, ctx(workspaceId, 'payRunFinalizations'), key, attempt);
}

/**
 * Whether the run value first written under `map`/`key` counts as finalized by someone entitled.
 * `adopted` is null while the adoptions are not known yet.
 */
export function runAuthorship(
	auth: PayrollAuthority,
	adopted: ReadonlyMap<string, string> | null,
	map: 'payRunFinalizations' | 'payRunFinals',
	key: string,
	value: unknown
): RunAuthorship {
	const status = auth.checker.status(ctx(auth.workspaceId, map), key, value);
	if (status === 'unsealed') {
		if (adopted === null) return { kind: 'pending' };
		return adopted.get(`${map}:${key}`) === runDigest(value)
			? { kind: 'ok' }
			: { kind: 'unsealed', signer: null };
	}
	if (status === 'pending') return { kind: 'pending' };
	const signer = sealOf(value)?.by ?? null;
	if (status === 'bad') return { kind: 'bad-seal', signer };
	const trust = auth.trust();
	if (!trust) return { kind: 'pending' };
	return signer !== null && mayAuthor(trust, signer, PAY_AUTHORS)
		? { kind: 'ok' }
		: { kind: 'no-role', signer };
}

/** Every unsealed finalized run this replica holds: `map:key` -> digest of its value. */
export function unsealedRuns(doc: Y.Doc): Map<string, string> {
	const out = new Map<string, string>();
	const attempts = docs.attemptsMap(doc);
	for (const key of factKeys(attempts)) {
		const value = firstFact(attempts, key)?.value;
		if (value !== undefined && !sealOf(value)) out.set(`payRunFinalizations:${key}`, runDigest(value));
	}
	const finals = docs.finalsMap(doc);
	for (const key of factKeys(finals)) {
		const value = firstFact(finals, key)?.value;
		const copy = typeof value === 'object' && value !== null && 'attemptId' in value;
		if (value !== undefined && !copy && !sealOf(value)) out.set(`payRunFinals:${key}`, runDigest(value));
	}
	return out;
}

/** Whether any run in the shard was finalized by this build (sealed). */
function holdsSealedRuns(doc: Y.Doc): boolean {
	const attempts = docs.attemptsMap(doc);
	for (const key of factKeys(attempts)) if (sealOf(firstFact(attempts, key)?.value)) return true;
	return false;
}

/**
 * Writes this device's adoption of the unsealed runs it holds, when it is an owner or admin, no
 * adoption is present, no run is sealed yet, and there is something to adopt. True when it wrote one.
 */
export async function adoptUnsealedRuns(
	doc: Y.Doc,
	device: DeviceKey,
	workspaceId: string,
	trust: TrustState,
	id: string
): Promise<boolean> {
	const unadoptable = () => adoptionsMap(doc)._map.size > 0 || holdsSealedRuns(doc);
	if (!mayAuthor(trust, device.publicKey, ['owner', 'admin']) || unadoptable()) return false;
	const held = unsealedRuns(doc);
	if (held.size === 0) return false;
	const keys = [...held].sort((a, b) => (a[0] < b[0] ? -1 : 1));
	const sealed = await sealFact(device, ctx(workspaceId, RUN_ADOPTIONS), id, { v: 1, keys });
	if (unadoptable()) return false;
	adoptionsMap(doc).set(id, sealed);
	return true;
}

/** The adopted runs, from every adoption sealed by an owner or admin; null while one is being checked. */
export function adoptedRuns(doc: Y.Doc, auth: PayrollAuthority): Map<string, string> | null {
	const out = new Map<string, string>();
	const map = adoptionsMap(doc);
	for (const key of factKeys(map)) {
		const value = firstFact(map, key)?.value;
		const status = auth.checker.status(ctx(auth.workspaceId, RUN_ADOPTIONS), key, value);
		if (status === 'pending') return null;
		if (status !== 'good') continue;
		const trust = auth.trust();
		if (!trust) return null;
		if (!mayAuthor(trust, sealOf(value)?.by ?? '', ['owner', 'admin'])) continue;
		const keys = (value as { keys?: unknown }).keys;
		if (!Array.isArray(keys)) continue;
		for (const pair of keys)
			if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string')
				out.set(pair[0], pair[1]);
	}
	return out;
}

/** Why a run does not count, in words naming who signed. */
export function authorshipReason(auth: PayrollAuthority, a: RunAuthorship): string {
	if (a.kind === 'unsealed') return 'it is not signed by anyone (written by an edited or older copy of Keel)';
	const who =
		a.kind === 'ok' || a.kind === 'pending' || a.signer === null ? 'someone' : auth.nameOf(a.signer);
	return a.kind === 'bad-seal'
		? `its signature (claiming ${who}) does not match its figures`
		: `it is signed by ${who}, who may not finalize pay`;
}
