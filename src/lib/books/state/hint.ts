// The "these books were large" hint kept in localStorage per workspace, read when the books open
// (see BooksState.wasLarge). Only a hint: when storage is missing it reads false and writes nothing.

/** From this many entries a book counts as large for the open-time hint (see `wasLarge`). */
export const LARGE_BOOKS = 5000;
const hintKey = (workspaceId: string) => `keel-books-large:${workspaceId}`;

export function readLargeHint(workspaceId: string): boolean {
	try {
		return globalThis.localStorage?.getItem(hintKey(workspaceId)) === '1';
	} catch {
		return false;
	}
}

/** Forgets the hint (the workspace is deleted from this browser). */
export function forgetBooksHint(workspaceId: string): void {
	writeLargeHint(workspaceId, false);
}

export function writeLargeHint(workspaceId: string, large: boolean): void {
	try {
		if (readLargeHint(workspaceId) === large) return;
		if (large) globalThis.localStorage?.setItem(hintKey(workspaceId), '1');
		else globalThis.localStorage?.removeItem(hintKey(workspaceId));
	} catch {
		/* no storage (private mode, tests): only the hint is lost */
	}
}
