import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { securityHeaders } from './security-headers.js';

export default defineConfig({
	// Before SvelteKit, so `npm start` and the e2e tests serve with the headers a deployment must send.
	plugins: [securityHeaders(), sveltekit()],
	worker: { format: 'es' },
	build: { target: 'es2022', chunkSizeWarningLimit: 800 },
	test: {
		environment: 'node',
		setupFiles: ['tests/unit/fixed-clock.ts'],
		testTimeout: 60_000,
		pool: 'threads',
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
					exclude: ['**/*.svelte.test.ts']
				}
			},
			{
				// Rune classes whose effects must run (`*.svelte.test.ts`) need Svelte's client build,
				// which the default Node environment would not use; the rest keep Node's builds.
				extends: true,
				test: {
					name: 'runes',
					include: ['src/**/*.svelte.test.ts'],
					environment: './tests/unit/client-environment.ts',
					server: { deps: { inline: ['svelte'] } }
				},
				resolve: { conditions: ['browser'] }
			}
		]
	}
});
