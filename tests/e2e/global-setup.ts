import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './browser';

export default function globalSetup(): void {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`End-to-end tests need Chromium at ${CHROMIUM_PATH} (Debian: apt-get install -y chromium; .ci/run does this). ` +
				'They fail rather than skip without it.'
		);
	}
	if (!existsSync('build/index.html')) {
		throw new Error('Build the app first (npm run build); `npm test` does this before the end-to-end tests.');
	}
}
