import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// A pure client-side app: one prerendered shell, every route rendered in the browser.
		adapter: adapter({ fallback: '200.html', strict: true }),
		// Absolute asset paths: the service worker answers every route with the same cached shell.
		paths: { relative: false },
		serviceWorker: { register: false },
		typescript: {
			config(tsconfig) {
				tsconfig.include.push('../bench/**/*.ts', '../scripts/**/*.ts', '../bin/**/*.ts');
			}
		},
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'blob:', 'data:'],
				// Any ws: host here; an open workspace narrows it to its own servers with a second policy
				// (src/lib/shared/state/connect-policy.ts). frame-ancestors is sent as a header
				// (security-headers.js): browsers ignore it in a <meta> policy.
				'connect-src': ['self', 'ws:', 'wss:'],
				'worker-src': ['self', 'blob:'],
				// Plain-text previews of people's documents are blob: URLs in a frame with an empty sandbox.
				'frame-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
