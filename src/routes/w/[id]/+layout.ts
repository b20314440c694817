// Workspace pages exist only in the browser that holds the workspace; the shell renders them. The
// workspace opens here, before any page under /w/[id] renders: `load` waits until it is on screen
// (its shards go on loading after) and says whether this browser holds it, or why it could not open.
import { app } from '$lib/workspace/state/app.svelte';
import type { LayoutLoad } from './$types';

export const prerender = false;

export const load: LayoutLoad = async ({ params }) => {
	try {
		const ws = await app.show(params.id);
		return { found: ws !== null, error: null };
	} catch {
		return { found: true, error: app.openError ?? 'Keel could not open this workspace.' };
	}
};
