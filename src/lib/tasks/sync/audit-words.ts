// What the tasks shard's records are called in the audit log.
import type { AuditWords } from '$lib/shared/sync/audit-log';

export const TASKS_AUDIT_WORDS: AuditWords = { tasks: 'Task', lists: 'List' };
