import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, E2E_PORT } from './tests/e2e/browser';

// End-to-end tests drive Debian's Chromium against the built app served by `vite preview`.
// There is no skip: with no browser the global setup fails the run.
export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	globalSetup: './tests/e2e/global-setup.ts',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 90_000,
	expect: { timeout: 10_000 },
	reporter: [['list'], ['json', { outputFile: 'test-reports/e2e.json' }]],
	use: {
		baseURL: `http://127.0.0.1:${E2E_PORT}`,
		launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
		trace: 'off',
		screenshot: 'only-on-failure'
	},
	webServer: {
		command: `npx vite preview --port ${E2E_PORT} --strictPort --host 127.0.0.1`,
		url: `http://127.0.0.1:${E2E_PORT}/`,
		reuseExistingServer: false,
		timeout: 60_000
	}
});
