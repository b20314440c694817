// Lint keeps the layers honest: dependencies point down only (see ARCHITECTURE.md). Import cycles
// are checked by scripts/check-cycles.js (TypeScript's own module resolution), run by `npm run lint`.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

const ui = ['dexie', 'yjs', 'y-*', 'comlink', '$lib/storage/*', '$lib/sync/*', '$lib/rpc/*'];

/** @param {string[]} patterns @param {string} why */
const restrict = (patterns, why) => ({
	'no-restricted-imports': ['error', { patterns: [{ group: patterns, message: why }] }]
});

export default ts.config(
	{
		ignores: ['build/', 'build-cli/', '.svelte-kit/', 'node_modules/', 'test-results/', 'static/']
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// Type-aware rules: a promise nobody awaits or catches loses its error silently, and an async
		// function handed to a place that expects a plain callback (an event handler, a forEach) runs
		// unwatched. Type information comes from the project's tsconfig, which covers these files; the
		// service worker is outside it (it has its own lib set), and the scripts' plain .js are untyped.
		files: [
			'src/**/*.ts',
			'src/**/*.svelte',
			'workers/**/*.ts',
			'tests/**/*.ts',
			'bench/**/*.ts',
			'scripts/**/*.ts'
		],
		ignores: ['src/service-worker.ts'],
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error'
		}
	},
	{
		files: ['src/lib/domain/**'],
		rules: restrict(
			[
				'svelte',
				'svelte/*',
				'$app/*',
				'dexie',
				'yjs',
				'y-*',
				'comlink',
				'workbox-*',
				'$lib/*',
				'../../storage/*',
				'../../sync/*'
			],
			'src/lib/domain is pure TypeScript: it may import decimal.js, pdf-lib (with @pdf-lib/fontkit) and itself, nothing else.'
		)
	},
	{
		files: ['src/lib/domain/**'],
		languageOptions: { globals: { ...globals.es2022 } }
	},
	{
		files: ['src/lib/components/**', 'src/routes/**'],
		rules: restrict(
			ui,
			'Components and pages read state classes (src/lib/state); they never touch storage, Y types or workers.'
		)
	},
	{
		// State classes keep private Map/Set buffers and publish new values through $state.raw
		// (replaced wholesale), so a reactive SvelteMap would only add cost.
		files: ['src/lib/state/**'],
		rules: { 'svelte/prefer-svelte-reactivity': 'off' }
	},
	{
		files: ['src/lib/state/**'],
		rules: restrict(
			['yjs', 'y-*', 'dexie'],
			'State classes see plain records; Y types stay inside src/lib/sync, Dexie inside src/lib/storage.'
		)
	},
	{
		files: ['src/lib/storage/**'],
		rules: restrict(
			['yjs', 'y-*', '$lib/sync/*', '$lib/state/*', 'svelte', 'svelte/*'],
			'Storage holds projections; it does not reach up into sync or state.'
		)
	},
	{
		files: ['src/lib/sync/**'],
		rules: restrict(
			['$lib/state/*', '$lib/components/*', 'svelte', 'svelte/*'],
			'Sync sits below state and UI.'
		)
	},
	{
		files: ['workers/**'],
		rules: restrict(
			['svelte', 'svelte/*', '$app/*', '$lib/state/*', '$lib/components/*'],
			'Workers expose domain functions; no UI.'
		)
	}
);
