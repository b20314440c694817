// The connect-src a workspace's page may use: 'self' plus exactly the origins of its configured
// signaling (and later relay) servers, so an injected script cannot ship data to any other host. Only
// ws: and wss: URLs count; anything else configured is left out (and so cannot be reached).

/** The CSP source expression (scheme://host[:port]) of a sync server URL, or null if it is not one. */
export function connectSource(url: string): string | null {
	let u: URL;
	try {
		u = new URL(url.trim());
	} catch {
		return null;
	}
	if (u.protocol !== 'ws:' && u.protocol !== 'wss:') return null;
	if (u.username || u.password || !/^[a-z0-9.[\]:-]+$/i.test(u.host)) return null;
	return `${u.protocol}//${u.host.toLowerCase()}`;
}

/** The connect-src directive for a workspace with these servers: sorted, unique, 'self' first. */
export function connectSrcFor(servers: readonly string[]): string {
	const sources = [...new Set(servers.map(connectSource).filter((s): s is string => s !== null))].sort();
	return ["connect-src 'self'", ...sources].join(' ');
}
