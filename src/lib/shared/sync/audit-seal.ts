// Audit log entries sealed with the writing device's key, and the check that reads those seals:
// both go through shared/sync/fact-seal.ts (sealFact / createSealChecker / mayAuthor), so an entry's
// seal is valid for one place only — this workspace, this shard's 'audit' log, this client's entry
// number — and is verified once, off the read path. Who may write a log entry: any member (a key
// holding a counted role now, or held one when it was removed).
import type { AuditEntry } from '$lib/shared/domain/audit';
import type { AuditSealCheck } from '$lib/shared/domain/audit-signers';
import { ROLES, signerName, type TrustState } from '$lib/shared/domain/identity';
import type { ShardName } from '$lib/shared/domain/workspace';
import type { DeviceKey } from '$lib/shared/crypto/signing';
import { mayAuthor, sealFact, sealOf, type FactContext, type SealChecker } from './fact-seal';

/** Where an entry's seal is valid: the shard's audit log in this workspace. */
export const auditSealContext = (workspaceId: string, shard: ShardName): FactContext => ({
	workspaceId,
	shard,
	map: 'audit'
});

/** The key an entry is sealed under: its client and its place in that client's chain. */
export const auditSealKey = (entry: Pick<AuditEntry, 'client' | 'seq'>): string =>
	`${entry.client}:${entry.seq}`;

/** How a recorder seals its entries: this device's key, for this shard's log. */
export interface AuditSigner {
	readonly device: DeviceKey;
	readonly ctx: FactContext;
}

/** The entry with the device's seal (over the entry and its hash). Do this BEFORE the Yjs write. */
export function sealAuditEntry(signer: AuditSigner, entry: AuditEntry): Promise<AuditEntry> {
	return sealFact(signer.device, signer.ctx, auditSealKey(entry), entry);
}

/** The seal check and member lookup that shared/domain/audit-signers.ts judges entries with. */
export function auditSealCheck(input: {
	checker: SealChecker;
	ctx: FactContext;
	trust: TrustState | null;
	memberName: (memberId: string) => string | undefined;
}): AuditSealCheck {
	const { checker, ctx, trust, memberName } = input;
	return {
		signerOf: (entry) => sealOf(entry)?.by,
		// Until the roles are read nothing can be judged: every seal waits.
		status: (entry) => (trust ? checker.status(ctx, auditSealKey(entry), entry) : 'pending'),
		member(key) {
			if (!trust || !mayAuthor(trust, key, ROLES)) return null;
			const id =
				trust.memberOf.get(key) ?? trust.roles.get(key)?.member ?? trust.formerRoles.get(key)?.member;
			if (!id) return null;
			return { id, name: memberName(id) ?? 'a former member' };
		},
		words: (key) => signerName(trust, key, memberName)
	};
}
