// Who wrote an HR fact, and may they: leave decisions are sealed by their author's device key when
// written (shared/sync/fact-seal.ts) and checked on read with the rule every signed fact shares
// (shared/sync/fact-authority.ts). A decision counts only when its seal is good, its signer holds
// owner, admin or People & Payroll (the role at the time), the signer's member id is the decision's
// `by`, AND the approval rule (people/domain/leave/approval.ts canDecideLeave) lets the SIGNER decide,
// with the approvers and manager links as the shard holds them now. Decisions written before this
// build carry no seal: the first owner or admin device to open People with it writes one sealed
// adoption (`hrAdoptions`) listing every unsealed decision, leave entry and history change it holds
// (Books' rule); those count. Anything else is refused with who and why in words, never applied.
// Workspaces without member keys have no authority: nothing is checked (PeopleReplica's default).
import type * as Y from 'yjs';
import { sealFact, type FactContext } from '$lib/shared/sync/fact-seal';
import {
	adoptUnsealedIn,
	authorship,
	PEOPLE_AUTHORS,
	readAdoptions,
	type Authorship,
	type FactAuthority
} from '$lib/shared/sync/fact-authority';
import { signerMemberId, type TrustState } from '$lib/shared/domain/identity';
import type { DeviceKey } from '$lib/shared/crypto/signing';
import { canDecideLeave, type LeaveDecision } from '$lib/people/domain';

export const HR_ADOPTIONS = 'hrAdoptions';
/** The HR fact maps an adoption lists (the ones whose facts are sealed when written). */
export const SEALED_HR_MAPS = ['decisions', 'leave', 'history'] as const;
export type SealedHrMap = (typeof SEALED_HR_MAPS)[number];

export const hrAdoptionsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(HR_ADOPTIONS);
export const hrFactContext = (workspaceId: string, map: string): FactContext => ({
	workspaceId,
	shard: 'people',
	map
});
const ctx = hrFactContext;

/** This device's key and workspace, when it can sign. */
export type HrSigner = () => { device: DeviceKey; workspaceId: string } | null;

/** `value` sealed by `device` for `key` of an HR fact map. */
export function sealHrFact<T extends object>(
	device: DeviceKey,
	workspaceId: string,
	map: SealedHrMap,
	key: string,
	value: T
) {
	return sealFact(device, ctx(workspaceId, map), key, value);
}

/** Writes this owner or admin device's one adoption of the unsealed HR facts it holds (see header). */
export function adoptUnsealedHr(
	doc: Y.Doc,
	device: DeviceKey,
	workspaceId: string,
	trust: TrustState,
	id: string
): Promise<boolean> {
	const ctx = hrFactContext(workspaceId, HR_ADOPTIONS);
	return adoptUnsealedIn({ doc, ctx, names: SEALED_HR_MAPS, device, trust, id });
}

/** The adopted HR facts, from every adoption sealed by an owner or admin; null while being checked. */
export function adoptedHr(doc: Y.Doc, auth: FactAuthority): Map<string, string> | null {
	return readAdoptions(hrAdoptionsMap(doc), ctx(auth.workspaceId, HR_ADOPTIONS), auth.checker, auth.trust());
}

/** Whether an HR fact counts, or why not (`signer`: the key that signed it, if any). */
export type HrStanding =
	| { readonly kind: 'ok' }
	| { readonly kind: 'pending' }
	| { readonly kind: 'refused'; readonly signer: string | null; readonly why: string };

/** Why a fact whose seal or signer's role fails does not count, in words. */
function authorshipWhy(auth: FactAuthority, a: Exclude<Authorship, { kind: 'ok' | 'pending' }>): HrStanding {
	if (a.kind === 'unsealed')
		return { kind: 'refused', signer: null, why: 'Not signed (written by an edited or older copy of Keel).' };
	const who = a.signer === null ? 'someone' : auth.nameOf(a.signer);
	return a.kind === 'bad-seal'
		? {
				kind: 'refused',
				signer: a.signer,
				why: `Its signature (in the name of ${who}) does not match what it says.`
			}
		: { kind: 'refused', signer: a.signer, why: 'Signed by a member without People access.' };
}

/** Whether a fact of an HR map counts as written by a member with People access (or adopted). */
export function judgeHrFact(
	auth: FactAuthority,
	adopted: ReadonlyMap<string, string> | null,
	map: SealedHrMap,
	key: string,
	value: unknown
): HrStanding & { signerKey?: string | null } {
	const a = authorship(auth, adopted, ctx(auth.workspaceId, map), key, value, PEOPLE_AUTHORS);
	if (a.kind === 'pending') return a;
	if (a.kind === 'ok') return { kind: 'ok', signerKey: a.signer };
	return authorshipWhy(auth, a);
}

/** Who is who for one request, as the shard holds it now. */
export interface DecisionParties {
	/** Workspace members named as HR approvers. */
	readonly approvers: readonly string[];
	readonly requesterId: string;
	/** The member linked to the requester, if any. */
	readonly requesterMemberId: string | null;
	/** The requester's manager (a person id), if any. */
	readonly managerId: string | null;
	/** The person record linked to a member, if any. */
	personOf(memberId: string): string | null;
}

const VERB: Record<LeaveDecision['status'], string> = {
	approved: 'Approved',
	rejected: 'Rejected',
	cancelled: 'Cancelled'
};

/** Whether a leave decision counts: signed, by a People member, who is its `by` and may decide it. */
export function judgeDecision(
	auth: FactAuthority,
	adopted: ReadonlyMap<string, string> | null,
	key: string,
	value: unknown,
	decision: LeaveDecision,
	parties: DecisionParties
): HrStanding {
	const a = judgeHrFact(auth, adopted, 'decisions', key, value);
	// Adopted (written before decisions were signed): counts as it always did.
	if (a.kind !== 'ok' || !a.signerKey) return a.kind === 'ok' ? { kind: 'ok' } : a;
	const signer = a.signerKey;
	const member = signerMemberId(auth.trust(), signer);
	if (member === null || member !== decision.by)
		return {
			kind: 'refused',
			signer,
			why: 'It names another member as the one who decided than the member who signed it.'
		};
	const may = canDecideLeave(
		{
			me: member,
			myPersonId: parties.personOf(member),
			approvers: parties.approvers,
			requesterId: parties.requesterId,
			requesterMemberId: parties.requesterMemberId,
			managerId: parties.managerId
		},
		decision.status
	);
	if (may.ok) return { kind: 'ok' };
	return {
		kind: 'refused',
		signer,
		why:
			may.error.code === 'hr/leave-self-approval'
				? `${VERB[decision.status]} by the person who asked for the leave.`
				: `${VERB[decision.status]} by someone who is not an HR approver or the manager.`
	};
}
