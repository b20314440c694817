// The open workspace, handed from the workspace layout to every page and component inside it. The
// layout renders its children only while the workspace is open, so here it is never null: pages
// write `const ws = $derived(workspace())` instead of asserting `app.current!`. Call
// `useWorkspace()` while a component initialises (it reads Svelte's context).
import { getContext, setContext } from 'svelte';
import type { OpenWorkspace } from './workspace.svelte';

const KEY = Symbol('keel:open-workspace');

/** In the workspace layout: `current` is the open workspace, or null while none is. */
export function provideWorkspace(current: () => OpenWorkspace | null): void {
	// While the layout tears its children down (a close, a restore), they may read once more after
	// `current` became null: they get the workspace they were showing.
	let last: OpenWorkspace | null = null;
	setContext(KEY, (): OpenWorkspace => {
		const ws = current() ?? last;
		if (!ws) throw new Error('No workspace is open here: this page must sit inside /w/[id].');
		last = ws;
		return ws;
	});
}

/** In a page or component under /w/[id]: a getter for the open workspace (reactive). */
export function useWorkspace(): () => OpenWorkspace {
	const get = getContext<(() => OpenWorkspace) | undefined>(KEY);
	if (!get) throw new Error('No workspace is open here: this page must sit inside /w/[id].');
	return get;
}

/** The parts of an open workspace that a member may or may not share (null when not shared). */
export type SharedPart = 'books' | 'banking' | 'people' | 'payroll' | 'rulePacks';

/**
 * In a page under a feature's layout (books, banking, people, payroll): a getter for that feature's
 * state. The feature layout renders its pages only while the part is shared and open, so the getter
 * never hands out null; while the layout tears down it keeps answering with the last one it had.
 */
export function useShard<K extends SharedPart>(part: K): () => NonNullable<OpenWorkspace[K]> {
	const workspace = useWorkspace();
	let last: NonNullable<OpenWorkspace[K]> | null = null;
	return () => {
		const now = workspace()[part];
		if (now !== null) last = now;
		if (last === null)
			throw new Error(
				`This page must sit inside the ${part} layout, which shows it only when ${part} is open.`
			);
		return last;
	};
}
