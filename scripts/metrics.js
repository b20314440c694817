#!/usr/bin/env node
// `npm run metrics`: the code-health figures the closing notes of refactors quote, computed the same
// way every time: how file sizes are spread, and how often the code leans on escapes from the type
// system or on hand-driven reactivity. Counts come from TypeScript's own parser (Svelte files: their
// <script> blocks), not from text search, so `as const`, comments and strings never count.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = process.cwd();
const walk = (dir, out = []) => {
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) walk(p, out);
		else if (/\.(ts|svelte)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
	}
	return out;
};
const files = walk(join(root, 'src')).concat(
	...['workers']
		.filter((d) => {
			try {
				return statSync(join(root, d)).isDirectory();
			} catch {
				return false;
			}
		})
		.map((d) => walk(join(root, d)))
);

const isTest = (p) => /\.test\.ts$|\/testing\/|test-helpers|fixtures/.test(p);
let casts = 0;
let nonNull = 0;
let appCurrentBang = 0;
let voidVersion = 0;
const resultTypes = new Set();
const sizes = [];

for (const file of files) {
	const text = readFileSync(file, 'utf8');
	const lines = text.split('\n').length;
	const rel = relative(root, file);
	if (!isTest(rel)) sizes.push([lines, rel]);
	if (isTest(rel)) continue;
	const scripts = file.endsWith('.svelte')
		? [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1])
		: [text];
	voidVersion += (text.match(/\bvoid\s+[\w.$?]+\.version\b/g) ?? []).length;
	for (const code of scripts) {
		const sf = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
		const visit = (node) => {
			if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) {
				const t = node.type;
				const isConst = ts.isTypeReferenceNode(t) && t.typeName.getText(sf) === 'const';
				if (!isConst) casts++;
			}
			if (ts.isNonNullExpression(node)) {
				nonNull++;
				if (/^app\.current$/.test(node.expression.getText(sf))) appCurrentBang++;
			}
			if (
				(ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node)) &&
				/\bok\s*:\s*(true|false)\b/.test(node.getText(sf))
			)
				resultTypes.add(`${node.name.text} (${rel})`);
			ts.forEachChild(node, visit);
		};
		visit(sf);
	}
}

sizes.sort((a, b) => a[0] - b[0]);
const pick = (q) => sizes[Math.min(sizes.length - 1, Math.floor(q * sizes.length))][0];
console.log(`source files (tests and fixtures excluded): ${sizes.length}`);
console.log(
	`lines per file: median ${pick(0.5)}, p90 ${pick(0.9)}, max ${sizes.at(-1)[0]} (${sizes.at(-1)[1]})`
);
console.log(`files over 400 lines: ${sizes.filter((s) => s[0] > 400).length}`);
for (const [n, p] of sizes.filter((s) => s[0] > 400).reverse()) console.log(`  ${n} ${p}`);
console.log(`\`as\` casts (not \`as const\`): ${casts}`);
console.log(`non-null assertions: ${nonNull} (of them \`app.current!\`: ${appCurrentBang})`);
console.log(`\`void x.version\` reactivity pokes: ${voidVersion}`);
console.log(`result types (a type or interface with an \`ok: true|false\` member): ${resultTypes.size}`);
for (const r of [...resultTypes].sort()) console.log(`  ${r}`);
