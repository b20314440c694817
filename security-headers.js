// The HTTP headers Keel must be served with, in one place: `vite preview` (what `npm start` serves)
// sends them, and static/_headers (for Netlify, Cloudflare Pages and hosts that read that file) must
// say the same (a unit test checks). frame-ancestors works only as a header, never in a <meta> CSP,
// so this policy adds to the one SvelteKit puts in the page; a browser enforces both.
/** @type {Readonly<Record<string, string>>} */
export const SECURITY_HEADERS = {
	'Content-Security-Policy': "frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
	'X-Frame-Options': 'DENY',
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer'
};

/**
 * A Vite plugin sending SECURITY_HEADERS from `vite preview` and `vite dev`. SvelteKit's own preview
 * handler answers before Vite's `preview.headers` apply and sets its own CSP header on the fallback
 * page, so the headers are set first and a CSP set later is sent beside ours (browsers enforce both).
 * @returns {import('vite').Plugin}
 */
export function securityHeaders() {
	/** @type {import('vite').Connect.NextHandleFunction} */
	const send = (_req, res, next) => {
		const set = res.setHeader.bind(res);
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) set(name, value);
		res.setHeader = (name, value) =>
			name.toLowerCase() === 'content-security-policy'
				? set(name, [SECURITY_HEADERS['Content-Security-Policy'], ...[value].flat().map(String)])
				: set(name, value);
		next();
	};
	return {
		name: 'keel-security-headers',
		configurePreviewServer: (server) => void server.middlewares.use(send),
		configureServer: (server) => void server.middlewares.use(send)
	};
}
