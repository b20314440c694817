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
				'connect-src': ['self', 'ws:', 'wss:'],
				'worker-src': ['self', 'blob:'],
				// PDF previews of people's documents are blob: URLs shown in a frame.
				'frame-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
