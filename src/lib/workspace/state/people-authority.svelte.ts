// Signed HR facts on the page: the People replica judges leave decisions with the same authority the
// pay runs of the people shard are judged with (one seal checker, roles from the verified trust
// statements, signers named by member name), seals new decisions with this device's key, and an
// owner or admin device adopts once the HR facts written before this build (people/sync/sealed-hr.ts),
// then the HR approvers and person-member links written before them (sealed-settings-write.ts).
// Workspaces without member keys (no root yet) get none of it: nothing there says who may decide.
import type { TrustState } from '$lib/shared/domain/identity';
import type { WorkspaceEntry } from '$lib/shared/domain/workspace';
import type { Member } from '$lib/shared/sync/meta-doc';
import type { FactAuthority } from '$lib/shared/sync/fact-authority';
import { todayUtc } from '$lib/shared/domain';
import { adoptUnsealedHr } from '$lib/people/sync/sealed-hr';
import { adoptUnsealedSettings } from '$lib/people/sync/sealed-settings-write';
import type { PeopleReplica, PeopleReplicaOptions } from '$lib/people/sync/replica';
import { watchAuthority } from '$lib/shared/state/authority-watch.svelte';
import { newId } from '../../shared/state/ids';

export interface PeopleAuthorityWiring {
	readonly options: PeopleReplicaOptions;
	/** Re-judges decisions when the roles or members change and adopts older facts once; the cleanup. */
	start(replica: PeopleReplica): () => void;
}

export function wirePeopleAuthority(input: {
	doc: Parameters<typeof adoptUnsealedHr>[0];
	authority: FactAuthority;
	entry: () => WorkspaceEntry;
	trust: () => TrustState | null;
	members: () => readonly Member[];
}): PeopleAuthorityWiring {
	const workspaceId = input.authority.workspaceId;
	const signer = () => {
		const device = input.entry().device;
		return device ? { device, workspaceId } : null;
	};
	return {
		options: { authority: input.authority, signer, today: () => todayUtc() },
		start(replica) {
			return watchAuthority({
				trust: input.trust,
				members: input.members,
				device: () => input.entry().device,
				rejudge: () => replica.rejudge(),
				// One after the other: the HR facts' adoption is written only while no adoption is there.
				adopt: (device, trust) =>
					adoptUnsealedHr(input.doc, device, workspaceId, trust, newId()).then(() =>
						adoptUnsealedSettings(input.doc, device, workspaceId, trust, newId())
					),
				doing: 'adopting the leave decisions, HR records, approvers and links made before they were signed'
			});
		}
	};
}
