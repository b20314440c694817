// What the people shard's People records are called in the audit log (payroll's share the shard).
import type { AuditWords } from '$lib/shared/sync/audit-log';

export const PEOPLE_AUDIT_WORDS: AuditWords = {
	people: 'Person',
	policies: 'Leave policy',
	history: 'Employment history',
	leave: 'Leave',
	decisions: 'Leave decision',
	documents: 'Document',
	documentRemovals: 'Document removal',
	checklists: 'Checklist',
	calendars: 'Holiday calendar',
	members: 'Person’s Keel member',
	customFields: 'Custom field',
	approvers: 'Approver'
};
