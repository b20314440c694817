// What banking's records (kept in the books shard) are called in the audit log.
import type { AuditWords } from '$lib/shared/sync/audit-log';

export const BANKING_AUDIT_WORDS: AuditWords = {
	bankAccounts: 'Bank account',
	bankRules: 'Bank rule',
	bankStatements: 'Bank statement',
	bankLines: 'Bank statement line',
	bankDecisions: 'Bank match decision',
	bankReconciliations: 'Reconciliation'
};
