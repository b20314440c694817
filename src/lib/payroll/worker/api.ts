// What the payroll worker does, as plain functions so tests and the bench can call them without a
// Worker: compute a pay run (cases from People records as of the pay date, YTD from finalized runs,
// gross-to-net for everyone) and plain gross-to-net batches. Invariant: pure computation over what
// the page sends — the page holds the live, validated people shard, so the worker computes exactly
// the records the reviewer sees (no second load of the whole HR shard, no lag behind IndexedDB).
// Imported rule packs travel with each computation (the page's usable packs, as canonical JSON);
// the worker checks each once per checksum and makes exactly those active before computing, so a
// run never uses a pack another workspace sent earlier. Errors cross as values { code, message }.
import { grossToNetBatch, type PayCase, type Payslip } from '$lib/payroll/domain';
import {
	computeRun,
	type ComputedRun,
	type FinalizedRun,
	type PayRunDraft,
	type PaySchedule,
	type RunPerson
} from '$lib/payroll/domain/run';
import { activateRulePacks, packsFromTexts, type PackText } from '$lib/payroll/domain/rules';
import type { Result } from '$lib/shared/domain';
import { guardSync, type WorkerResult } from '../../shared/worker/result';

export type { WorkerResult };
const guard = <T>(work: () => T): WorkerResult<T> => guardSync('payroll/worker', work);

export interface PayrollApi {
	computeRun(a: {
		schedule: PaySchedule;
		run: PayRunDraft;
		people: readonly RunPerson[];
		finalized: readonly FinalizedRun[];
		/** The workspace's usable imported rule packs (built-in ones are always there). */
		rulePacks?: readonly PackText[];
	}): Promise<WorkerResult<ComputedRun & { ms: number }>>;
	grossToNetBatch(a: {
		cases: readonly PayCase[];
	}): Promise<WorkerResult<{ results: Result<Payslip>[]; ms: number }>>;
}

export const payrollApi = {
	async computeRun(a) {
		return guard(() => {
			const t0 = performance.now();
			activateRulePacks(packsFromTexts(a.rulePacks ?? []));
			const computed = computeRun(a);
			return { ...computed, ms: performance.now() - t0 };
		});
	},
	async grossToNetBatch(a) {
		return guard(() => {
			const t0 = performance.now();
			const results = grossToNetBatch(a.cases);
			return { results, ms: performance.now() - t0 };
		});
	}
} satisfies PayrollApi;
