// What joining a workspace from an invite may change in this browser's entry for it. An invite is
// untrusted text (anyone holding the workspace id can craft one), so joining only ever ADDS shards this
// browser does not hold yet: a shard key or signaling server already held is never replaced, or a
// crafted link could redirect the owner's books, HR and payroll into a room the attacker controls.
import type { Invite } from './invite';
import type { WorkspaceEntry } from './types';

/** The entry after joining `invite` again; `existing` wins on every key and server it already has. */
export function mergeInvite(existing: WorkspaceEntry, invite: Invite, now: string): WorkspaceEntry {
	return {
		...existing,
		shards: { ...invite.shards, ...existing.shards },
		signaling: existing.signaling.length > 0 ? existing.signaling : [...invite.signaling],
		lastOpenedAt: now
	};
}
