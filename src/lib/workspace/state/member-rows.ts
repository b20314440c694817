// The rows Settings → Members shows (members and invites) and the words for why a statement was set
// aside or a member holds no verified role. MembersState (members.svelte.ts) fills them.
import type { NotCounted } from '$lib/shared/domain/identity';
import type { SetAside } from '$lib/shared/sync/trust-doc';

export type MemberStatus = 'verified' | 'waiting' | 'removed' | 'not-verified';

export interface MemberRow {
	key: string | null;
	name: string;
	role: string;
	fingerprint: string;
	status: MemberStatus;
	/** Why a member is not verified, in words. */
	why: string;
	self: boolean;
	/** This device may remove them (it is an owner or admin, they are not the root nor this device). */
	removable: boolean;
}

export interface InviteRow {
	id: string;
	role: string;
	expiresOn: string;
	singleUse: boolean;
	usedBy: string[];
	status: 'open' | 'used' | 'expired' | 'withdrawn' | 'issuer-removed';
}

export const SET_ASIDE_WORDS: Record<SetAside['why'], string> = {
	malformed: 'not in the form of a signed statement',
	misfiled: 'stored under another statement’s name',
	'other-workspace': 'made for another workspace',
	'bad-signature': 'its signature does not match (forged or altered)'
};

/** Why a member listed in the workspace holds no verified role, in words. */
export const NOT_COUNTED_WORDS: Record<NotCounted['why'] | 'none', string> = {
	none: 'No signed grant from an owner or admin',
	'issuer-not-admin': 'Their grant was signed by someone who is not an owner or admin',
	'issuer-removed':
		'Their grant was signed by someone since removed; an owner or admin must grant them again',
	'owner-by-admin': 'Only an owner can make an owner',
	'invite-used': 'The single-use invite they joined through was used by someone else'
};
