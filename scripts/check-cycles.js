#!/usr/bin/env node
// Fails when runtime imports form a cycle anywhere in src/. Resolution is TypeScript's own
// (the project's tsconfig, so $lib alias resolves); type-only imports are ignored
// because they vanish at runtime. Part of `npm run lint`.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = process.cwd();
const config = ts.getParsedCommandLineOfConfigFile(
	resolve(root, 'tsconfig.json'),
	{},
	{
		...ts.sys,
		onUnRecoverableConfigFileDiagnostic: (d) => {
			throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
		}
	}
);
if (!config) throw new Error('could not read tsconfig.json');
const options = config.options;

function walk(dir, out = []) {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) walk(path, out);
		else if (/\.(ts|js)$/.test(name) && !/\.d\.ts$/.test(name)) out.push(resolve(path));
	}
	return out;
}

const files = [...walk(join(root, 'src'))];
const inProject = new Set(files);
const graph = new Map();
for (const file of files) {
	const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
	const deps = [];
	for (const stmt of source.statements) {
		let spec;
		if (ts.isImportDeclaration(stmt)) {
			if (stmt.importClause?.isTypeOnly) continue;
			const named = stmt.importClause?.namedBindings;
			if (
				stmt.importClause &&
				!stmt.importClause.name &&
				named &&
				ts.isNamedImports(named) &&
				named.elements.length &&
				named.elements.every((e) => e.isTypeOnly)
			)
				continue;
			spec = stmt.moduleSpecifier;
		} else if (ts.isExportDeclaration(stmt) && stmt.moduleSpecifier && !stmt.isTypeOnly)
			spec = stmt.moduleSpecifier;
		if (!spec || !ts.isStringLiteral(spec)) continue;
		const resolved = ts.resolveModuleName(spec.text, file, options, ts.sys).resolvedModule?.resolvedFileName;
		if (resolved && inProject.has(resolve(resolved))) deps.push(resolve(resolved));
	}
	graph.set(file, deps);
}

// Tarjan's strongly connected components: any component with more than one file is a cycle.
let index = 0;
const stack = [];
const info = new Map();
const cycles = [];
function connect(v) {
	info.set(v, { index, low: index, onStack: true });
	index++;
	stack.push(v);
	for (const w of graph.get(v) ?? []) {
		if (!info.has(w)) {
			connect(w);
			info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
		} else if (info.get(w).onStack) info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
	}
	if (info.get(v).low === info.get(v).index) {
		const component = [];
		let w;
		do {
			w = stack.pop();
			info.get(w).onStack = false;
			component.push(w);
		} while (w !== v);
		if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component);
	}
}
for (const v of graph.keys()) if (!info.has(v)) connect(v);

if (cycles.length) {
	console.error(`Import cycles (${cycles.length}):`);
	for (const c of cycles) console.error('  ' + c.map((f) => relative(root, f)).join(' → '));
	process.exit(1);
}
console.log(`No import cycles among ${files.length} files.`);
