// Signed finalized pay runs on the page: the authority a workspace's PayrollReplica judges runs with
// (seals checked once each, roles from the verified trust statements, signers named by member name),
// the device key it seals new finalizations, payments and postings with, and the one-time adoptions
// of runs, payments and postings recorded before they were signed (payroll/sync/sealed-runs.ts,
// sealed-pay-facts.ts). Workspaces without member keys (no root yet) get none of it: nothing there
// could say who may finalize.
import { signerName, type TrustState } from '$lib/shared/domain/identity';
import type { WorkspaceEntry } from '$lib/shared/domain/workspace';
import type { Member } from '$lib/shared/sync/meta-doc';
import { createSealChecker } from '$lib/shared/sync/fact-seal';
import { adoptUnsealedRuns, type PayrollAuthority } from '$lib/payroll/sync/sealed-runs';
import { adoptUnsealedPayFacts } from '$lib/payroll/sync/sealed-pay-facts';
import type { PayrollReplica, PayrollReplicaOptions } from '$lib/payroll/sync/replica';
import { watchAuthority } from '$lib/shared/state/authority-watch.svelte';
import { keepSealChainsInLocalStorage } from '$lib/shared/state/seal-chain-store';
import { newId } from '../../shared/state/ids';

export interface PayrollAuthorityWiring {
	readonly options: PayrollReplicaOptions & { readonly authority: PayrollAuthority };
	/** Re-judges runs when the roles change and adopts older runs once; returns the cleanup. */
	start(replica: PayrollReplica): () => void;
}

export function wirePayrollAuthority(input: {
	doc: Parameters<typeof adoptUnsealedRuns>[0];
	entry: () => WorkspaceEntry;
	trust: () => TrustState | null;
	members: () => readonly Member[];
}): PayrollAuthorityWiring | null {
	const first = input.entry();
	if (!first.root) return null;
	const workspaceId = first.id;
	// Seals chain per device (one signature vouches for many facts); heads survive a reload.
	keepSealChainsInLocalStorage();
	const nameOf = (key: string): string =>
		signerName(input.trust(), key, (id) => input.members().find((m) => m.id === id)?.name);
	const authority: PayrollAuthority = {
		workspaceId,
		checker: createSealChecker(),
		trust: () => input.trust(),
		nameOf
	};
	const signer = () => {
		const device = input.entry().device;
		return device ? { device, workspaceId } : null;
	};
	return {
		options: { authority, signer },
		start(replica) {
			return watchAuthority({
				trust: input.trust,
				members: input.members,
				device: () => input.entry().device,
				rejudge: () => replica.rejudge(),
				adopt: (device, trust) =>
					Promise.all([
						adoptUnsealedRuns(input.doc, device, workspaceId, trust, newId()),
						adoptUnsealedPayFacts(input.doc, device, workspaceId, trust, newId())
					]),
				doing: 'adopting the pay runs, payments and postings recorded before they were signed'
			});
		}
	};
}
