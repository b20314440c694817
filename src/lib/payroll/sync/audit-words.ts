// What payroll's records (kept in the people shard) are called in the audit log.
import type { AuditWords } from '$lib/shared/sync/audit-log';

export const PAYROLL_AUDIT_WORDS: AuditWords = {
	paySchedules: 'Pay schedule',
	payRuns: 'Pay run',
	payRunFinals: 'Finalized pay run',
	payRunPayments: 'Pay run payment',
	payRunPostings: 'Pay run posting',
	payRunFinalizations: 'Pay run finalization',
	payrollSettings: 'Payroll settings',
	payrollRulePacks: 'Tax tables',
	payrollOpenings: 'Opening pay figures',
	payRunAdoptions: 'Pay runs finalized before signing, adopted'
};
