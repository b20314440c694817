import { readJournal } from './src/lib/domain/ledger/journal/reader.ts';
import { trialBalance } from './src/lib/domain/ledger/reports/trial-balance.ts';
import { readFileSync } from 'node:fs';
const f = process.argv[2];
for (let k = 0; k < 5; k++) {
const t0 = performance.now();
const text = readFileSync(f, 'utf8');
const t1 = performance.now();
const r = readJournal(text);
const t2 = performance.now();
if (!r.ok) { console.log(r.error); process.exit(1); }
const tb = trialBalance({ entries: r.value.entries, accounts: r.value.accounts });
const t3 = performance.now();
console.log(`read file ${(t1-t0).toFixed(0)}ms parse ${(t2-t1).toFixed(0)}ms tb ${(t3-t2).toFixed(0)}ms rows ${tb.rows.length} totals ${JSON.stringify(tb.totals)} entries ${r.value.entries.length}`);
}
