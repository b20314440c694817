// The books shard check in Node: 50k generated entries stored in batches, then every entry checked
// the way a replica does on open (structure, then meaning). Run: npx tsx bench/shard-check.ts
import * as Y from 'yjs';
import { generateBook } from '$lib/books/domain/generate';
import { insertAccount, insertEntryBatch, entryIds, ENTRY_BATCH_SIZE } from '$lib/books/sync/doc';
import { checkContext, checkEntry } from '$lib/books/sync/check';

const { accounts, entries } = generateBook({ seed: 7, entries: 50_000 });
const times: number[] = [];
for (let run = 0; run < 5; run++) {
	const doc = new Y.Doc();
	for (const a of accounts) insertAccount(doc, a);
	for (let i = 0; i < entries.length; i += ENTRY_BATCH_SIZE)
		insertEntryBatch(doc, `b${i}`, entries.slice(i, i + ENTRY_BATCH_SIZE));
	const ids = entryIds(doc);
	const ctx = checkContext(doc);
	for (const id of ids.slice(0, 10)) checkEntry(doc, ctx, id); // index built outside the timing
	const t0 = performance.now();
	let ok = 0;
	for (const id of ids) {
		const v = checkEntry(doc, ctx, id);
		if (v && v !== 'pending' && v.ok) ok++;
	}
	times.push(performance.now() - t0);
	if (ok !== entries.length) throw new Error(`only ${ok} of ${entries.length} entries counted`);
}
times.sort((a, b) => a - b);
console.log(
	`shard check, 50k entries: median ${times[2]?.toFixed(0)} ms (min ${times[0]?.toFixed(0)}, max ${times[4]?.toFixed(0)})`
);
