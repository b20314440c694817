// A vitest environment for rune classes: Node's globals, but modules transformed as Vite's client
// environment, so Svelte compiles `.svelte.ts` for the browser and `$effect` really runs (the default
// Node environment compiles them for the server, where effects are no-ops). Used by the `runes`
// project in vite.config.ts for `*.svelte.test.ts`.
import type { Environment } from 'vitest/environments';

const clientNode: Environment = {
	name: 'client-node',
	viteEnvironment: 'client',
	setup() {
		return { teardown() {} };
	}
};
export default clientNode;
