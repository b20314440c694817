// Builds the `keel` command line (src/cli/main.ts) for Node into build-cli/, so bin/keel.js runs
// plain JavaScript and needs nothing at run time that the app does not. Everything the CLI imports
// is bundled; only Node's own modules stay imports. Run by `npm run build` (as `build:cli`).
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default defineConfig({
	// The app's public folder is no part of a command line.
	publicDir: false,
	build: {
		ssr: 'src/cli/main.ts',
		outDir: 'build-cli',
		emptyOutDir: true,
		target: 'node20',
		minify: false,
		sourcemap: true,
		rollupOptions: {
			external: nodeBuiltins,
			output: { format: 'es', entryFileNames: 'keel.js', chunkFileNames: '[name]-[hash].js' }
		}
	},
	ssr: { target: 'node', noExternal: true }
});
