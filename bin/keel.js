#!/usr/bin/env node
// `keel`: the command line over the same domain code the app runs. It runs the JavaScript that
// `npm run build` bundles from src/cli (vite.cli.config.ts) into build-cli/, so it needs nothing but
// Node at run time, and the built code is the app's own domain code, never a second copy.
import { existsSync } from 'node:fs';

const built = new URL('../build-cli/keel.js', import.meta.url);
if (!existsSync(built)) {
	process.stderr.write(
		'keel: the command line has not been built yet. Run `npm run build` (or `npm run build:cli`) ' +
			'in the Keel folder, then try again.\n'
	);
	process.exit(1);
}
// Errors then point into src/cli and src/lib, not into the bundle.
process.setSourceMapsEnabled(true);
const { main } = await import(built.href);
process.exitCode = await main(process.argv.slice(2));
