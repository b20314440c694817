// Test fixtures for signed HR facts and settings (sealed-hr.test.ts, sealed-settings.test.ts,
// malicious-links.test.ts): a team with real Ed25519 keys and verified roles, the authority a replica
// judges with, people records and a leave request. Not used by the app.
import type { DecimalString, IsoDate } from '$lib/shared/domain';
import { computeTrust, type Role, type StatementBody, type TrustState } from '$lib/shared/domain/identity';
import { generateDeviceKey } from '$lib/shared/crypto/signing';
import { createSealChecker } from '$lib/shared/sync/fact-seal';
import type { FactAuthority } from '$lib/shared/sync/fact-authority';
import type { Employee, Employment, Fact, LeaveRequest } from '$lib/people/domain';

export const person = (id: string): Employee => ({
	schemaVersion: 1,
	id,
	legalName: { given: `Given ${id}`, family: `Family ${id}` },
	contact: {},
	emergencyContacts: [],
	nationalIds: {},
	customFields: {},
	notes: []
});

/** A pending full-day annual-leave request of `personId` (two days in July 2026 unless given). */
export const leaveRequest = (
	id: string,
	personId: string,
	start = '2026-07-06',
	end = '2026-07-07'
): LeaveRequest => ({
	kind: 'request',
	id,
	policyId: 'annual',
	personId,
	start: start as IsoDate,
	end: end as IsoDate,
	portion: { kind: 'fullDays' },
	status: 'requested',
	requestedAt: '2026-06-01T00:00:00Z'
});

export const hire = (id: string, managerId: string | null): Fact<Employment> => ({
	id,
	effectiveDate: '2025-01-06' as IsoDate,
	recordedAt: '2025-01-01T00:00:00Z',
	recordedBy: 'm-owner',
	changes: {
		jobTitle: 'Clerk',
		department: 'Ops',
		managerId,
		location: 'london',
		employmentType: 'fullTime',
		fte: '1' as DecimalString,
		startDate: '2025-01-06' as IsoDate,
		probationEndDate: null,
		endDate: null,
		endReason: null
	}
});

const grant = (id: string, by: string, memberKey: string, role: Role, member: string): StatementBody => ({
	v: 1,
	kind: 'grant',
	id,
	workspaceId: 'W1',
	by,
	member,
	memberKey,
	role
});

/** Signers' names in words, by public key (what FactAuthority.nameOf answers). */
export const NAMES: Record<string, string> = {};

/** An owner, an admin, three People & Payroll members (Ada, Mallory, Max) and a Books member. */
export async function team() {
	const [owner, approver, mallory, manager, books, admin] = await Promise.all(
		[0, 1, 2, 3, 4, 5].map(() => generateDeviceKey())
	);
	const keys = {
		owner: owner!,
		approver: approver!,
		mallory: mallory!,
		manager: manager!,
		books: books!,
		admin: admin!
	};
	const o = keys.owner.publicKey;
	const trust = computeTrust(o, [
		grant('g0', o, o, 'owner', 'm-owner'),
		grant('g1', o, keys.approver.publicKey, 'people', 'm-approver'),
		grant('g2', o, keys.mallory.publicKey, 'people', 'm-mallory'),
		grant('g3', o, keys.manager.publicKey, 'people', 'm-manager'),
		grant('g4', o, keys.books.publicKey, 'books', 'm-books'),
		grant('g5', o, keys.admin.publicKey, 'admin', 'm-admin')
	]);
	NAMES[keys.owner.publicKey] = 'Olive (Owner)';
	NAMES[keys.admin.publicKey] = 'Abe (Admin)';
	NAMES[keys.approver.publicKey] = 'Ada (People & Payroll)';
	NAMES[keys.mallory.publicKey] = 'Mallory (People & Payroll)';
	NAMES[keys.books.publicKey] = 'Bo (Books)';
	return { ...keys, trust };
}

export function authorityFor(trust: TrustState): FactAuthority {
	return {
		workspaceId: 'W1',
		checker: createSealChecker(),
		trust: () => trust,
		nameOf: (key) => NAMES[key] ?? 'someone who is not a member'
	};
}
