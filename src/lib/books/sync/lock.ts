// The signed lock date. Each change of the lock date is a sealed fact in `lockChanges` (written
// once, never changed): { date, stateVector, after } where `after` names the change its author saw as
// current (null for the first). The lock in force is the newest change in that chain whose seal is
// good and whose signer may write Books facts (owner, admin, Books): a change that no counted change
// follows. Changes made at once without seeing each other (two heads) resolve to the stricter lock
// (the later date; a lock over none), the same on every replica, no clock involved. Before any signed
// change, the lock is the one an owner or admin adopted (adoption.ts) with the unsigned entries.
// The plain `settings.lockDate` is still written for older builds, but where signatures are checked
// it is only compared: a value there that differs from the signed lock (cleared or changed by an
// older build or a forger) is not applied and is listed for review, as is any change whose seal is
// bad or whose signer lacks the role.
import type * as Y from 'yjs';
import { parseIsoDate, type IsoDate } from '$lib/shared/domain';
import { factKeys, firstFact } from '$lib/shared/sync/facts';
import { mayAuthor, sealFact, sealOf, type FactContext } from '$lib/shared/sync/fact-seal';
import type { DeviceKey } from '$lib/shared/crypto/signing';
import { BOOKS_AUTHORS, type BooksAuthority } from './authority';
import { setLockDate } from './doc';
import { encodeStateVectorText } from '../../shared/sync/state-vector';

export const LOCK_CHANGES = 'lockChanges';

export function lockChangesMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(LOCK_CHANGES);
}

export interface SignedLock {
	readonly lockDate: IsoDate | null;
	/** State vector (base64url) of the replica that set it; '' when unknown. */
	readonly seen: string;
	/** The change in force (its key), or null when the lock comes from adoption or none is set. */
	readonly head: string | null;
	/** Some change's seal is still being checked (read again when it is). */
	readonly pending: boolean;
	/** Lock changes not applied, in words. */
	readonly review: string[];
}

interface Change {
	key: string;
	date: IsoDate | null;
	stateVector: string;
	after: string | null;
}

const ctxOf = (workspaceId: string): FactContext => ({ workspaceId, shard: 'books', map: LOCK_CHANGES });

function readChange(key: string, value: unknown): Change | null {
	if (value === null || typeof value !== 'object') return null;
	const o = value as Record<string, unknown>;
	const date =
		o.date === null ? null : typeof o.date === 'string' ? (parseIsoDate(o.date) ?? undefined) : undefined;
	if (date === undefined || typeof o.stateVector !== 'string') return null;
	if (o.after !== null && typeof o.after !== 'string') return null;
	return { key, date, stateVector: o.stateVector, after: o.after };
}

function parseLegacy(text: string | undefined): { date: IsoDate | null; stateVector: string } | null {
	if (text === undefined) return null;
	try {
		const o = JSON.parse(text) as { date?: unknown; stateVector?: unknown };
		const date = typeof o.date === 'string' ? (parseIsoDate(o.date) ?? null) : null;
		return { date, stateVector: typeof o.stateVector === 'string' ? o.stateVector : '' };
	} catch {
		return null;
	}
}

const words = (d: IsoDate | null) => (d === null ? 'no lock date' : d);

/** The pre-signature lock an adoption covered, as recorded under ADOPTED_LOCK. */
export const ADOPTED_LOCK = 'settings:lock';

/** The lock in force where signatures are checked (`plain`: what settings.lockDate holds). */
export function readSignedLock(doc: Y.Doc, auth: BooksAuthority, plain: IsoDate | null): SignedLock {
	const adopted = auth.adopted();
	const legacy = adopted ? parseLegacy(adopted.get(ADOPTED_LOCK)) : null;
	const map = lockChangesMap(doc);
	const trust = auth.trust();
	const counted: Change[] = [];
	const review: string[] = [];
	let pending = false;
	for (const key of factKeys(map)) {
		const value = firstFact(map, key)?.value;
		const change = readChange(key, value);
		const status = auth.checker.status(ctxOf(auth.workspaceId), key, value);
		if (status === 'pending' || (status === 'good' && !trust) || adopted === null) {
			pending = true;
			continue;
		}
		const signer = sealOf(value)?.by;
		if (status === 'unsealed' || !signer)
			review.push(
				`A change of the lock date to ${words(change?.date ?? null)} carries no signature; it was not applied.`
			);
		else if (status === 'bad')
			review.push(`A change of the lock date has a signature that does not match it; it was not applied.`);
		else if (!trust || !mayAuthor(trust, signer, BOOKS_AUTHORS))
			review.push(
				`${auth.nameOf(signer)} tried to change the lock date to ${words(change?.date ?? null)} without the right to; it was not applied.`
			);
		else if (!change) review.push('A change of the lock date is not readable; it was not applied.');
		else counted.push(change);
	}
	const followed = new Set(counted.map((c) => c.after).filter((a): a is string => a !== null));
	const heads = counted.filter((c) => !followed.has(c.key));
	// The stricter lock among changes made at once: a later date over an earlier one, any over none.
	heads.sort((a, b) =>
		a.date === b.date
			? a.key < b.key
				? -1
				: 1
			: a.date === null
				? 1
				: b.date === null
					? -1
					: a.date < b.date
						? 1
						: -1
	);
	const head = heads[0];
	const lock = head
		? { lockDate: head.date, seen: head.stateVector, head: head.key }
		: { lockDate: legacy?.date ?? null, seen: legacy?.stateVector ?? '', head: null };
	// Values a signed change (or the adopted lock) set: a concurrent pair leaves the plain setting at
	// either. Anything else there was written without a signature.
	const known = new Set<IsoDate | null>([lock.lockDate, ...counted.map((c) => c.date)]);
	if (legacy) known.add(legacy.date);
	if (!pending && !known.has(plain))
		review.push(
			`The lock date was changed to ${words(plain)} without a signature of someone who may; it stays ${words(lock.lockDate)}.`
		);
	return { ...lock, pending, review };
}

/**
 * Changes the lock date as a signed fact following the change `after`: sealed first, then the change
 * and the plain setting (for older builds) in one write. Settles once written.
 */
export async function writeSignedLockDate(
	doc: Y.Doc,
	signer: { readonly device: DeviceKey; readonly workspaceId: string },
	key: string,
	date: IsoDate | null,
	after: string | null
): Promise<void> {
	const change = { v: 1, date, stateVector: encodeStateVectorText(doc), after };
	const sealed = await sealFact(signer.device, ctxOf(signer.workspaceId), key, change);
	doc.transact(() => {
		const map = lockChangesMap(doc);
		if (!map._map.has(key)) map.set(key, sealed);
		setLockDate(doc, date);
	});
}
