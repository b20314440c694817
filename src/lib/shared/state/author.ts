// The name this browser's member goes by now, stamped beside the member id on each new audit fact
// ("recorded by", "finalized by"), so a later rename in the shared member list cannot rewrite who did
// what. The open workspace sets it; it is the writer's own claim (not yet signed).
let current = '';

/** Called by the open workspace when it opens and when the member renames themself. */
export function setAuthorName(name: string): void {
	current = name.trim();
}

/** `{ [key]: name }` to spread into a new fact, or `{}` when no name is known. */
export function authorNameAs<K extends string>(key: K): Partial<Record<K, string>> {
	return current ? ({ [key]: current } as Partial<Record<K, string>>) : {};
}
