// Who marked a finalized run paid or recorded its posting, and may they: payments (`payRunPayments`)
// and postings (`payRunPostings`) are sealed by their author's device key when written and checked on
// read with the rule every signed fact shares (shared/sync/fact-authority.ts): one counts only when
// its seal is good, its signer may author pay (owner, admin, People & Payroll: PAY_AUTHORS, the role
// at the time) and the signer's member id is the fact's `by`. Payments and postings written before
// this build carry no seal: the first owner or admin device to open payroll with it writes one sealed
// adoption (`payFactAdoptions`, apart from the runs' adoption, which older builds may have written
// already) listing them; those count. Everything else is kept aside with who and why, in words.
import type * as Y from 'yjs';
import type { FactContext } from '$lib/shared/sync/fact-seal';
import {
	adoptUnsealedIn,
	authorship,
	readAdoptions,
	type FactAuthority
} from '$lib/shared/sync/fact-authority';
import { signerMemberId, type TrustState } from '$lib/shared/domain/identity';
import type { DeviceKey } from '$lib/shared/crypto/signing';
import { PAY_AUTHORS } from './sealed-runs';

export const PAY_FACT_ADOPTIONS = 'payFactAdoptions';
export type PayFactMap = 'payRunPayments' | 'payRunPostings';
const PAY_FACT_MAPS: readonly PayFactMap[] = ['payRunPayments', 'payRunPostings'];

export const payFactAdoptionsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(PAY_FACT_ADOPTIONS);
export const payFactContext = (workspaceId: string, map: string): FactContext => ({
	workspaceId,
	shard: 'people',
	map
});

/** Writes this owner or admin device's one adoption of the unsealed payments and postings it holds. */
export function adoptUnsealedPayFacts(
	doc: Y.Doc,
	device: DeviceKey,
	workspaceId: string,
	trust: TrustState,
	id: string
): Promise<boolean> {
	const ctx = payFactContext(workspaceId, PAY_FACT_ADOPTIONS);
	return adoptUnsealedIn({ doc, ctx, names: PAY_FACT_MAPS, device, trust, id });
}

/** The adopted payments and postings; null while an adoption is being checked. */
export function adoptedPayFacts(doc: Y.Doc, auth: FactAuthority): Map<string, string> | null {
	return readAdoptions(
		payFactAdoptionsMap(doc),
		payFactContext(auth.workspaceId, PAY_FACT_ADOPTIONS),
		auth.checker,
		auth.trust()
	);
}

/** Whether a payment or posting counts: 'ok', 'pending' (being checked), or why not in words. */
export function judgePayFact(
	auth: FactAuthority,
	adopted: ReadonlyMap<string, string> | null,
	map: PayFactMap,
	key: string,
	value: unknown
): { kind: 'ok' } | { kind: 'pending' } | { kind: 'refused'; why: string } {
	const a = authorship(auth, adopted, payFactContext(auth.workspaceId, map), key, value, PAY_AUTHORS);
	if (a.kind === 'pending') return a;
	if (a.kind === 'unsealed')
		return {
			kind: 'refused',
			why: 'it is not signed by anyone (written by an edited or older copy of Keel)'
		};
	const who = a.signer === null ? 'someone' : auth.nameOf(a.signer);
	if (a.kind === 'bad-seal')
		return { kind: 'refused', why: `its signature (claiming ${who}) does not match it` };
	if (a.kind === 'no-role') return { kind: 'refused', why: `it is signed by ${who}, who may not record pay` };
	if (a.signer === null) return { kind: 'ok' };
	const by = (value as { by?: unknown }).by;
	return signerMemberId(auth.trust(), a.signer) === by
		? { kind: 'ok' }
		: { kind: 'refused', why: `it is signed by ${who} but names another member as the one who recorded it` };
}
