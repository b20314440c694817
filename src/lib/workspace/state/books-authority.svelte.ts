// Signed Books facts on the page: the authority a workspace's BooksReplica judges posted entries
// with (seals checked once each, roles from the verified trust statements, signers named by their
// member name), the device key it seals new entries with, and the one-time adoption of entries
// posted before this build (books/sync/adoption.ts). Workspaces without member keys (no root yet)
// get none of it: nothing there could say who may write.
import { signerName, type TrustState } from '$lib/shared/domain/identity';
import type { WorkspaceEntry } from '$lib/shared/domain/workspace';
import type { Member } from '$lib/shared/sync/meta-doc';
import { createSealChecker } from '$lib/shared/sync/fact-seal';
import { adoptUnsealed, booksAuthority } from '$lib/books/sync/adoption';
import type { BooksReplica, BooksReplicaOptions } from '$lib/books/sync/replica';
import { watchAuthority } from '$lib/shared/state/authority-watch.svelte';
import { keepSealChainsInLocalStorage } from '$lib/shared/state/seal-chain-store';
import { newId } from '../../shared/state/ids';

export interface BooksAuthorityWiring {
	readonly options: Pick<BooksReplicaOptions, 'authority' | 'signer'>;
	/** Starts watching the roles (re-judging entries when they change); returns the cleanup. */
	start(replica: BooksReplica): () => void;
}

export function wireBooksAuthority(input: {
	doc: Parameters<typeof booksAuthority>[0];
	entry: () => WorkspaceEntry;
	trust: () => TrustState | null;
	members: () => readonly Member[];
}): BooksAuthorityWiring | null {
	const first = input.entry();
	if (!first.root) return null;
	const workspaceId = first.id;
	const checker = createSealChecker();
	// Seals chain per device (one signature vouches for many facts); heads survive a reload.
	keepSealChainsInLocalStorage();
	const nameOf = (key: string): string =>
		signerName(input.trust(), key, (id) => input.members().find((m) => m.id === id)?.name);
	const authority = booksAuthority(input.doc, { workspaceId, checker, trust: input.trust, nameOf });
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
				adopt: (device, trust) => adoptUnsealed(input.doc, device, workspaceId, trust, newId()),
				doing: 'adopting the entries posted before the books were signed'
			});
		}
	};
}
