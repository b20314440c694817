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
import type { TrustState } from '$lib/shared/domain/identity';
import { factKeys, firstFact } from '$lib/shared/sync/facts';
import { sealFact, sealOf, type FactContext } from '$lib/shared/sync/fact-seal';
import {
	authorship,
	factDigest,
	PEOPLE_AUTHORS,
	readAdoptions,
	writeAdoption,
	type Authorship,
	type FactAuthority
} from '$lib/shared/sync/fact-authority';
import type { DeviceKey } from '$lib/shared/crypto/signing';
import type { FinalizedRun } from '$lib/payroll/domain/run';
import * as docs from './doc';
import { commitFirst } from '$lib/shared/sync/shard-store';

/** Roles whose keys may finalize pay runs. */
export const PAY_AUTHORS = PEOPLE_AUTHORS;
export const RUN_ADOPTIONS = 'payRunAdoptions';
export const adoptionsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(RUN_ADOPTIONS);

/** What a replica needs to judge who finalized a run (shared/sync/fact-authority.ts). */
export type PayrollAuthority = FactAuthority;

/** Whether a finalized run counts: by whom, or why not ('pending' while its seal is being checked). */
export type RunAuthorship = Authorship;

const ctx = (workspaceId: string, map: string): FactContext => ({ workspaceId, shard: 'people', map });

/** The digest of an unsealed run's value, as an adoption records it. */
export const runDigest = factDigest;

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
	return authorship(auth, adopted, ctx(auth.workspaceId, map), key, value, PAY_AUTHORS);
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
export function adoptUnsealedRuns(
	doc: Y.Doc,
	device: DeviceKey,
	workspaceId: string,
	trust: TrustState,
	id: string
): Promise<boolean> {
	return writeAdoption({
		map: adoptionsMap(doc),
		ctx: ctx(workspaceId, RUN_ADOPTIONS),
		device,
		trust,
		id,
		held: () => unsealedRuns(doc),
		closed: () => adoptionsMap(doc)._map.size > 0 || holdsSealedRuns(doc)
	});
}

/** The adopted runs, from every adoption sealed by an owner or admin; null while one is being checked. */
export function adoptedRuns(doc: Y.Doc, auth: PayrollAuthority): Map<string, string> | null {
	return readAdoptions(adoptionsMap(doc), ctx(auth.workspaceId, RUN_ADOPTIONS), auth.checker, auth.trust());
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

/**
 * Writes a finalization attempt under `key` and the run id, sealed first when there is a signer, and
 * stored before it is applied (commitFirst): a write the device refuses changes nothing and the
 * promise rejects. Checked again just before the write (`finalized`, or anything under the run id):
 * never on top of a finalization that arrived while this one was being signed. Undefined when it was
 * written (or skipped) at once.
 */
export function writeFinalization(
	doc: Y.Doc,
	key: string,
	attempt: FinalizedRun,
	signer: { readonly device: DeviceKey; readonly workspaceId: string } | null,
	finalized: () => boolean
): Promise<void> | undefined {
	const write = (value: FinalizedRun) => {
		if (finalized() || firstFact(docs.finalsMap(doc), attempt.runId)) return undefined;
		return commitFirst(doc, (d) => {
			docs.insertOnce(docs.attemptsMap(d), key, value);
			docs.insertOnce(docs.finalsMap(d), attempt.runId, value);
		});
	};
	// Sealed by this device before it is written (signing is asynchronous).
	return signer ? sealAttempt(signer.device, signer.workspaceId, key, attempt).then(write) : write(attempt);
}
