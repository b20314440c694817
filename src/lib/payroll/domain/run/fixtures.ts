// Builders for the pay-run tests and the bench (not used by the app). Invariant: every builder gives a
// valid record; a test states only what it is about.
import type { DecimalString, IsoDate } from '../../../shared/domain';
import type { Compensation, Employment, Fact } from '../../../people/domain';
import type { RunPerson } from './compute';
import type { PayrollAccounts } from './posting';
import type { FinalizedRun, PayRunDraft, PaySchedule } from './types';
import type { ComputedRun } from './compute';

const D = (s: string) => s as DecimalString;
const I = (s: string) => s as IsoDate;

export function schedule(p: Partial<PaySchedule> = {}): PaySchedule {
	return {
		schemaVersion: 1,
		id: 'sched',
		name: 'Monthly',
		frequency: 'monthly',
		jurisdiction: 'US',
		currency: 'USD',
		anchor: I('2026-01-01'),
		payDayOffset: 0,
		...p
	};
}

export function fact<T>(
	id: string,
	effectiveDate: string,
	changes: Partial<T>,
	recordedAt = '2025-12-01T00:00:00Z'
): Fact<T> {
	return { id, effectiveDate: I(effectiveDate), recordedAt, recordedBy: 'm1', changes };
}

export function employment(start: string, end: string | null = null): Employment {
	return {
		jobTitle: 'Worker',
		department: 'Ops',
		managerId: null,
		location: 'HQ',
		employmentType: 'fullTime',
		fte: D('1'),
		startDate: I(start),
		probationEndDate: null,
		endDate: end === null ? null : I(end),
		endReason: end === null ? null : 'resignation'
	};
}

export function usComp(annual: string, schedule: Compensation['schedule'] = 'monthly'): Compensation {
	return {
		pay: { kind: 'salaried', annualAmount: D(annual) },
		schedule,
		currency: 'USD',
		tax: {
			us: {
				form: 'w4-2020',
				filingStatus: 'singleOrMarriedSeparately',
				step2MultipleJobs: false,
				step3Dependents: D('0'),
				step4aOtherIncome: D('0'),
				step4bDeductions: D('0'),
				step4cExtraWithholding: D('0'),
				exempt: false
			}
		}
	};
}

export function ukComp(annual: string, schedule: Compensation['schedule'] = 'monthly'): Compensation {
	return {
		pay: { kind: 'salaried', annualAmount: D(annual) },
		schedule,
		currency: 'GBP',
		tax: {
			uk: {
				taxCode: '1257L',
				basis: 'cumulative',
				niCategory: 'A',
				starterDeclaration: null,
				studentLoanPlans: [],
				postgraduateLoan: false
			}
		}
	};
}

export function person(
	id: string,
	comp: Compensation,
	start = '2025-01-01',
	end: string | null = null
): RunPerson {
	return {
		personId: id,
		name: `Person ${id}`,
		employment: [fact(`${id}-e`, start, employment(start, end))],
		compensation: [fact(`${id}-c`, start, comp)]
	};
}

export function draft(
	id: string,
	s: PaySchedule,
	n: { start: string; end: string; payDate: string },
	personIds: string[],
	p: Partial<PayRunDraft> = {}
): PayRunDraft {
	return {
		schemaVersion: 1,
		id,
		scheduleId: s.id,
		kind: 'regular',
		period: { start: I(n.start), end: I(n.end), payDate: I(n.payDate) },
		personIds,
		hours: {},
		amounts: {},
		status: 'approved',
		createdAt: '2026-01-01T00:00:00Z',
		createdBy: 'm1',
		...p
	};
}

export function finalize(
	run: PayRunDraft,
	s: PaySchedule,
	computed: ComputedRun,
	at: string,
	taxYear: string
): FinalizedRun {
	return {
		schemaVersion: 1,
		runId: run.id,
		scheduleId: s.id,
		kind: run.kind,
		jurisdiction: s.jurisdiction,
		currency: s.currency,
		taxYear,
		period: run.period,
		finalizedAt: at,
		finalizedBy: 'm1',
		payslips: computed.payslips
	};
}

/** The six required posting accounts, by short ids. */
export const testAccounts = {
	wagesExpense: 'wages',
	employerTaxesExpense: 'ertax',
	taxLiability: 'tax',
	deductionsLiability: 'ded',
	netPayPayable: 'net',
	bank: 'bank'
} as const satisfies PayrollAccounts;
