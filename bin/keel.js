#!/usr/bin/env node
// `keel`: the command line over the same domain code the app runs. tsx loads the TypeScript sources
// directly, so the CLI can never drift from what the app computes.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
