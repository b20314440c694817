import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { fs: { allow: ['workers'] } },
	worker: { format: 'es' },
	build: { target: 'es2022', chunkSizeWarningLimit: 800 },
	test: {
		include: ['src/**/*.test.ts', 'workers/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['tests/unit/fixed-clock.ts'],
		testTimeout: 60_000,
		pool: 'threads'
	}
});
