// What Setup's "Tax tables" reads and the import verb it calls. Built-in packs ship with Keel;
// imported ones live in the people shard (Payroll access only), judged by the replica. Invariant:
// the packs active for the engine on this page are exactly the workspace's usable imported packs
// (the payroll worker gets the same list with each computation), and a refused file writes nothing.
import {
	activateRulePacks,
	activeRulePacks,
	builtInPacks,
	planImport,
	type LoadedPack,
	type PackInReview,
	type PackProblem,
	KIND_WORDS
} from '$lib/payroll/domain/rules';
import type { PayrollReplica } from '$lib/payroll/sync/replica';
import { nowIso } from '../../shared/state/ids';
import { err, ok, problem, type Result } from '$lib/shared/domain';

const MAX_BYTES = 2_000_000;

/** "US federal tables for 2027 (2027-01-01 to 2027-12-31)". */
export function packName(p: LoadedPack): string {
	return `${KIND_WORDS[p.kind]} for ${p.header.taxYear} (${p.header.effectiveFrom} to ${p.header.effectiveTo})`;
}

export class RulePacksState {
	#replica: PayrollReplica | null = null;
	#unsubscribe: (() => void) | null = null;
	readonly #me: string;

	readonly builtIn: readonly LoadedPack[] = builtInPacks();
	imported = $state.raw<LoadedPack[]>([]);
	review = $state.raw<PackInReview[]>([]);

	constructor(me: string) {
		this.#me = me;
	}

	attach(replica: PayrollReplica): void {
		this.#replica = replica;
		this.#refresh();
		this.#unsubscribe = replica.onChange(() => this.#refresh());
	}

	#refresh(): void {
		const r = this.#replica;
		if (!r) return;
		this.imported = r.rulePacks();
		this.review = r.rulePacksInReview();
		// Summaries and anything else computed on this page read the same packs as the worker.
		activateRulePacks(this.imported);
	}

	/** Who imported a pack (member id) and when, as stored. */
	addedBy(checksum: string): { by: string; at: string } | undefined {
		return this.#replica?.rulePackAdded(checksum);
	}

	/**
	 * Checks a pack file and stores it; the same pack again changes nothing. Answers what happened in
	 * words, or the refusal with each problem in `details.problems`.
	 */
	importFile(fileName: string, text: string): Result<string> {
		const r = this.#replica;
		const refuse = (message: string, problems: readonly PackProblem[] = []) =>
			err({ code: 'payroll/invalid-pack', message, details: { fileName, problems } });
		if (!r) return err(problem('payroll/loading'));
		if (text.length > MAX_BYTES)
			return err({
				code: 'payroll/pack-too-large',
				message: `${fileName} is too large to be a rule pack (over 2 MB).`,
				details: { fileName }
			});
		let raw: unknown;
		try {
			raw = JSON.parse(text);
		} catch (e) {
			return refuse(`${fileName} is not a JSON file (${e instanceof Error ? e.message : String(e)}).`);
		}
		const plan = planImport(raw, [...this.builtIn, ...this.imported], fileName);
		if (!plan.ok) {
			const problems = plan.error.details?.['problems'] as PackProblem[] | undefined;
			const count = problems?.length ?? 0;
			return refuse(
				`${fileName} was not imported: ${count === 1 ? 'one problem' : `${count} problems`}.`,
				problems ?? []
			);
		}
		const { pack, already } = plan.value;
		if (already)
			return ok(
				`Already loaded: ${packName(already)}${already.builtIn ? ' is built in' : ''}. Nothing changed.`
			);
		r.addRulePack(pack, nowIso(), this.#me);
		return ok(`Imported ${packName(pack)}: ${pack.header.title}.`);
	}

	destroy(): void {
		this.#unsubscribe?.();
		// Leave the engine as found if another workspace has made its own packs active since.
		const active = activeRulePacks();
		if (active.length === this.imported.length && active.every((p) => this.imported.includes(p)))
			activateRulePacks([]);
	}
}
