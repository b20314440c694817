// Engine figures measured in Node, in-process: bank statement parsing and matching, and payroll
// gross-to-net. The issues' goals for these are for a Web Worker in Chromium, which runs the same
// code; these figures are the baseline until those workers and screens exist.
import { generateStatementText, type GeneratedFormat } from '$lib/banking/domain/generate-statements';
import {
	evaluateMatches,
	generateReconCases,
	matchStatementLines,
	parseStatementFile
} from '$lib/banking/domain';
import { grossToNetBatch } from '$lib/payroll/domain';
import { generateCases } from '$lib/payroll/domain/generated-cases';

type Record = (what: string, value: string, goal?: string) => void;

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;

function time(runs: number, work: () => void): number {
	const ms: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		work();
		ms.push(performance.now() - t0);
	}
	return median(ms);
}

export function bankingBench(record: Record): void {
	for (const format of ['csv', 'ofx', 'qif', 'camt', 'mt940'] as GeneratedFormat[]) {
		const bytes = new TextEncoder().encode(generateStatementText(format, 10_000));
		const fileName = `bench.${format === 'camt' ? 'xml' : format}`;
		let lines = 0;
		const ms = time(3, () => {
			const r = parseStatementFile({ bytes, fileName });
			lines = r.ok ? r.value.reduce((n, s) => n + s.lines.length, 0) : -1;
		});
		record(
			`parse a 10k-line ${format} statement (${(bytes.length / 2 ** 20).toFixed(1)} MB, Node, median of 3)`,
			`${ms.toFixed(0)} ms, ${lines} lines`
		);
	}
	const cases = generateReconCases(99, 10_000);
	const extra = generateReconCases(100, 48_000).ledgerLines.map((l) => ({
		...l,
		id: `x${l.id}`,
		date: l.date.replace('2025', '2023') as typeof l.date
	}));
	const ledgerLines = [...cases.ledgerLines, ...extra].slice(0, 50_000);
	let quality = '';
	const ms = time(3, () => {
		const result = matchStatementLines({ bankLines: cases.bankLines, ledgerLines });
		const q = evaluateMatches(cases, result);
		quality = `auto-accept precision ${(q.precision * 100).toFixed(2)}%, suggestion recall ${(q.recall * 100).toFixed(1)}%`;
	});
	record(
		'match 10k bank lines against 50k ledger lines (Node, median of 3)',
		`${ms.toFixed(0)} ms; ${quality}`,
		'<= 2000 ms in the worker'
	);
}

export function payrollBench(record: Record): void {
	for (const n of [1_000, 10_000]) {
		const cases = generateCases(42, n);
		let ok = 0;
		const ms = time(5, () => {
			ok = grossToNetBatch(cases).filter((r) => r.ok).length;
		});
		record(
			`gross-to-net for ${n.toLocaleString('en')} employees, US and UK mixed (Node, median of 5)`,
			`${ms.toFixed(0)} ms (${ok} payslips, the rest refused as invalid cases)`,
			n === 1_000 ? '<= 100 ms in the worker' : '<= 1 s in the worker'
		);
	}
}
