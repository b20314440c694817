// Lint keeps the layers honest: inside every feature folder (src/lib/<feature>/<layer>) dependencies
// point down only, and src/lib/shared never imports a feature (see ARCHITECTURE.md). Import cycles
// are checked by scripts/check-cycles.js (TypeScript's own module resolution), run by `npm run lint`.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/** Feature folders under src/lib; src/lib/shared holds what they share. */
const FEATURES = ['books', 'banking', 'payroll', 'people', 'tasks', 'workspace'];
/** Layer folders inside a feature, lowest first: a layer imports only layers below it. */
const LAYERS = ['domain', 'storage', 'sync', 'rpc', 'worker', 'state', 'components', 'testing'];

/** Import patterns that reach a layer folder of any feature, by alias or relatively. Test helpers
 * (`testing/`) are open to every test, so no layer forbids them. */
const layer = (name) => (name === 'testing' ? [] : [`$lib/*/${name}`, `$lib/*/${name}/**`, `**/${name}/**`]);

/** What each layer may not import, and why (in the words lint prints). */
const LAYER_RULES = {
	domain: [
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
			...LAYERS.slice(1).flatMap(layer)
		],
		'A domain folder is pure TypeScript: it may import decimal.js and other domain folders (relatively), nothing else.'
	],
	storage: [
		['yjs', 'y-*', 'svelte', 'svelte/*', ...LAYERS.slice(2).flatMap(layer)],
		'Storage holds projections; it does not reach up into sync, state or the screen.'
	],
	sync: [
		['svelte', 'svelte/*', ...['rpc', 'worker', 'state', 'components', 'testing'].flatMap(layer)],
		'Sync sits below state and UI.'
	],
	rpc: [
		['svelte', 'svelte/*', ...['state', 'components'].flatMap(layer)],
		'A worker client sits below state and UI.'
	],
	worker: [
		['svelte', 'svelte/*', '$app/*', ...['rpc', 'state', 'components'].flatMap(layer)],
		'Workers expose domain functions; no UI.'
	],
	state: [
		['yjs', 'y-*', 'dexie', ...layer('components')],
		'State classes see plain records; Y types stay inside sync folders, Dexie inside storage folders.'
	],
	components: [
		['dexie', 'yjs', 'y-*', 'comlink', ...['storage', 'sync', 'rpc', 'worker'].flatMap(layer)],
		"Components read state classes (a feature's state folder); they never touch storage, Y types or workers."
	],
	testing: [[], '']
};

/** What a folder of `feature` may not import from other features: shared imports none, and a feature
 * reaches another's domain only through that domain's index (`$lib/books/domain`, `../../books/domain`). */
const featureRule = (feature) =>
	feature === 'shared'
		? FEATURES.flatMap((f) => [`$lib/${f}`, `$lib/${f}/**`, `**/${f}/*/**`, `**/${f}/domain`])
		: FEATURES.filter((f) => f !== feature).flatMap((f) => [`$lib/${f}/domain/**`, `**/${f}/domain/**`]);

/** One block per feature and layer: ESLint keeps only the last `no-restricted-imports` set for a file,
 * so each folder's layer rule and feature rule are given together. */
const layerBlocks = ['shared', ...FEATURES].flatMap((feature) =>
	LAYERS.map((name) => {
		const [patterns, why] = LAYER_RULES[name];
		const cross = featureRule(feature);
		const groups = [
			...(patterns.length ? [{ group: patterns, message: why }] : []),
			{
				group: cross,
				message:
					feature === 'shared'
						? 'src/lib/shared is the infrastructure every feature stands on; it never imports a feature.'
						: "A feature reaches another feature's domain only through its index."
			}
		];
		return {
			files: [`src/lib/${feature}/${name}/**`],
			// A shared test may build its scenario from real feature records (backup.test.ts backs up a tasks shard).
			...(feature === 'shared' ? { ignores: ['**/*.test.ts'] } : {}),
			rules: { 'no-restricted-imports': ['error', { patterns: groups }] }
		};
	})
);

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
		files: ['src/**/*.ts', 'src/**/*.svelte', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
		ignores: ['src/service-worker.ts'],
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error'
		}
	},
	...layerBlocks,
	{
		files: ['src/lib/*/domain/**'],
		languageOptions: { globals: { ...globals.es2022 } }
	},
	{
		files: ['src/routes/**'],
		rules: restrict(
			['dexie', 'yjs', 'y-*', 'comlink', ...['storage', 'sync', 'rpc', 'worker'].flatMap(layer)],
			"Pages read state classes (a feature's state folder); they never touch storage, Y types or workers."
		)
	},
	{
		// State classes keep private Map/Set buffers and publish new values through $state.raw
		// (replaced wholesale), so a reactive SvelteMap would only add cost.
		files: ['src/lib/*/state/**'],
		rules: { 'svelte/prefer-svelte-reactivity': 'off' }
	}
);
