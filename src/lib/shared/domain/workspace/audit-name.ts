// How an audit trail names who did something. A fact stores its author's name as it was when written
// (recordedByName, finalizedByName), so renaming a member in the shared member list cannot rewrite
// history; a fact from before names were stored shows today's name, marked as the current name.

/** The name to show for the author of an audit fact. */
export function auditName(p: {
	id: string | null | undefined;
	storedName: string | undefined;
	members: readonly { id: string; name: string }[];
	/** Whether the member list has loaded (before that an unknown id is not yet a former member). */
	ready: boolean;
}): string {
	if (p.storedName) return p.storedName;
	if (!p.id) return 'unknown';
	const now = p.members.find((m) => m.id === p.id)?.name;
	if (now) return `${now} (current name)`;
	return p.ready ? 'Former member' : '…';
}
