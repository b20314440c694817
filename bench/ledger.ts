// Ledger figures: the same generated 100k-transaction journal balanced by `keel ledger balance`,
// `hledger bal` and `ledger bal`, each as a whole process (start-up included), timed over several
// runs with peak memory from /usr/bin/time. Also Keel's reader + trial balance in-process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateJournal } from '$lib/books/domain/generate';
import { readJournal } from '$lib/books/domain/journal/reader';
import { trialBalance } from '$lib/books/domain/reports/trial-balance';

type Record = (what: string, value: string, goal?: string) => void;

function timed(cmd: string, args: string[], runs: number): { ms: number[]; rssMb: number; ok: boolean } {
	const ms: number[] = [];
	let rssMb = 0;
	let ok = true;
	for (let i = 0; i < runs; i++) {
		const useTime = existsSync('/usr/bin/time');
		const t0 = process.hrtime.bigint();
		const r = useTime
			? spawnSync('/usr/bin/time', ['-f', 'KEELRSS %M', cmd, ...args], {
					encoding: 'utf8',
					maxBuffer: 1 << 28
				})
			: spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
		ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
		ok &&= r.status === 0;
		const m = /KEELRSS (\d+)/.exec(r.stderr ?? '');
		if (m) rssMb = Math.max(rssMb, Number(m[1]) / 1024);
	}
	return { ms, rssMb, ok };
}

const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;

export async function ledgerBench(record: Record): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'keel-ledger-'));
	const file = join(dir, 'bench-100k.journal');
	const t0 = performance.now();
	const text = generateJournal({
		seed: 2026,
		transactions: 100_000,
		commodities: ['$'],
		variety: false,
		comments: true
	});
	writeFileSync(file, text);
	record(
		'generated journal',
		`100,000 transactions, ${(text.length / 2 ** 20).toFixed(1)} MB in ${Math.round(performance.now() - t0)} ms`
	);

	// In-process: what the app's worker does after a file import.
	const inProcess: number[] = [];
	for (let i = 0; i < 5; i++) {
		const s = performance.now();
		const parsed = readJournal(text, { fileName: file });
		if (!parsed.ok) throw new Error(parsed.error.message);
		trialBalance({ entries: parsed.value.entries, accounts: parsed.value.accounts });
		inProcess.push(performance.now() - s);
	}
	record('Keel read + trial balance in-process (median of 5)', `${med(inProcess).toFixed(0)} ms`);

	const keel = timed(process.execPath, ['bin/keel.js', 'ledger', 'balance', '--file', file], 3);
	record(
		'keel ledger balance (whole process, median of 3)',
		`${med(keel.ms).toFixed(0)} ms, ${keel.rssMb.toFixed(0)} MB peak${keel.ok ? '' : ' — FAILED'}`
	);
	for (const [name, cmd, args] of [
		['hledger bal', 'hledger', ['-f', file, 'bal']],
		['ledger bal', 'ledger', ['-f', file, 'bal']]
	] as const) {
		if (spawnSync('which', [cmd]).status !== 0) {
			record(name, 'not installed (apt-get install -y ' + cmd + ')');
			continue;
		}
		const r = timed(cmd, [...args], 3);
		record(
			`${name} (whole process, median of 3)`,
			`${med(r.ms).toFixed(0)} ms, ${r.rssMb.toFixed(0)} MB peak${r.ok ? '' : ' — FAILED'}`
		);
		record(
			`Keel vs ${cmd}`,
			`${(med(r.ms) / med(keel.ms)).toFixed(1)}× faster (whole process), ${(med(r.ms) / med(inProcess)).toFixed(1)}× (in-process)`,
			cmd === 'hledger' ? '>= 5×' : ''
		);
	}
}
