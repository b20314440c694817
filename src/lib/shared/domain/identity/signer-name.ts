// How a fact's signer is named on screen (Needs review): the member name its key was granted or
// claimed under, with the role it holds (or held before removal), or words for a stranger's key.
import type { TrustState } from './roles';
import type { Role } from './statements';

/** Roles as a name's suffix: the Members screen's words without what every role also gets. */
const ROLE_SHORT: Record<Role, string> = {
	owner: 'Owner',
	admin: 'Admin',
	people: 'People & Payroll',
	books: 'Books',
	tasks: 'Tasks only'
};

export function signerName(
	trust: TrustState | null,
	key: string,
	memberName: (memberId: string) => string | undefined
): string {
	const memberId = trust?.memberOf.get(key);
	const name = memberId ? memberName(memberId) : undefined;
	if (!name) return 'someone who is not a member';
	const role = trust?.roles.get(key)?.role ?? trust?.formerRoles.get(key)?.role;
	return role ? `${name} (${ROLE_SHORT[role]})` : name;
}

/** The member id a signer's key acts as: its counted grant's (now, or when removed), else its first claim's. */
export function signerMemberId(trust: TrustState | null, key: string): string | null {
	const standing = trust?.roles.get(key) ?? trust?.formerRoles.get(key);
	if (standing?.member) return standing.member;
	return trust?.memberOf.get(key) ?? null;
}
