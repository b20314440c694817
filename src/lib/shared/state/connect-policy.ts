// Narrows the page's connect-src to one workspace's servers before any of its connections open, by
// adding a second CSP (a <meta> policy; Chromium enforces one added at run time, and every policy
// must allow a connection). A policy can never be loosened, so a page that has narrowed to other
// servers must reload to open this workspace, and servers added in Settings need a reload too.
import { connectSrcFor } from '../domain/connect-policy';

const MARK = 'data-keel-connect';

/** The connect-src this page is already narrowed to, if any. */
function current(): string | null {
	return document.head.querySelector(`meta[${MARK}]`)?.getAttribute('content') ?? null;
}

/**
 * Narrows this page to `servers` ('applied'), or says the page must reload first ('reload') because it
 * is narrowed to other servers already.
 */
export function limitConnections(servers: readonly string[]): 'applied' | 'reload' {
	const wanted = connectSrcFor(servers);
	const have = current();
	if (have !== null) return have === wanted ? 'applied' : 'reload';
	const meta = document.createElement('meta');
	meta.httpEquiv = 'Content-Security-Policy';
	meta.content = wanted;
	meta.setAttribute(MARK, '');
	document.head.append(meta);
	return 'applied';
}

/** Whether this page may connect to every one of `servers` (false until it reloads after a change). */
export function connectionsAllowed(servers: readonly string[]): boolean {
	const have = current();
	return have === null || have === connectSrcFor(servers);
}
