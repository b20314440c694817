// What the books shard's records are called in the audit log (banking's records share the shard).
import type { AuditWords } from '$lib/shared/sync/audit-log';

export const BOOKS_AUDIT_WORDS: AuditWords = {
	accounts: 'Account',
	entries: 'Posted journal entry',
	entryBatches: 'Posted journal entries',
	drafts: 'Draft entry',
	settings: 'Books settings'
};
