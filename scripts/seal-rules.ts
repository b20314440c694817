// `npm run rules:seal`: recomputes the checksum of every built-in rule pack after its figures were
// edited, writing only the checksum's value (the rest of each file is left byte for byte).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packChecksum } from '../src/lib/payroll/domain/rules/pack';

const dir = fileURLToPath(new URL('../src/lib/payroll/domain/rules/', import.meta.url));
const FILES = ['us-federal-2025.json', 'us-federal-2026.json', 'uk-2025-26.json', 'uk-2026-27.json'];

for (const name of FILES) {
	const path = dir + name;
	const text = readFileSync(path, 'utf8');
	const raw = JSON.parse(text) as Record<string, unknown> & { pack?: { checksum?: unknown } };
	const old = raw.pack?.checksum;
	if (typeof old !== 'string') throw new Error(`${name}: no pack.checksum to seal`);
	const sum = packChecksum(raw);
	if (sum === old) {
		console.log(`${name}: sealed (${sum.slice(0, 12)}…)`);
		continue;
	}
	const field = `"checksum": ${JSON.stringify(old)}`;
	if (text.split(field).length !== 2) throw new Error(`${name}: expected exactly one ${field}`);
	writeFileSync(path, text.replace(field, `"checksum": ${JSON.stringify(sum)}`));
	console.log(`${name}: resealed ${old.slice(0, 12)}… → ${sum.slice(0, 12)}…`);
}
