// Payslip PDF timings in Node (`npx tsx bench/pdf.ts`): one payslip (median of 50 after warm-up) and
// a batch of 100 made one after another, for a Latin name and a Japanese one, with the output size.
// The fonts are read once, as the app keeps them in memory after the first PDF. A measurement only.
import { computeRun, periodAt } from '$lib/payroll/domain/run';
import { draft, person, schedule, usComp } from '$lib/payroll/domain/run/fixtures';
import { payslipPdf } from '$lib/payroll/domain/run/payslip-pdf';
import { testFonts } from '../tests/unit/pdf-fonts';

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;

async function bench(name: string): Promise<void> {
	const s = schedule();
	const run = draft('r', s, periodAt(s, 0), ['a']);
	const who = { ...person('a', usComp('40000')), name };
	const slip = computeRun({ schedule: s, run, people: [who], finalized: [] }).payslips[0];
	if (!slip) throw new Error('no payslip');
	const one = () =>
		payslipPdf(
			{ organisation: 'Acme', period: run.period, currency: 'USD', slip, status: 'finalized' },
			testFonts
		);
	const c0 = performance.now();
	await one();
	const cold = performance.now() - c0;
	for (let i = 0; i < 10; i++) await one();
	const ms: number[] = [];
	for (let i = 0; i < 50; i++) {
		const t0 = performance.now();
		await one();
		ms.push(performance.now() - t0);
	}
	const t0 = performance.now();
	let bytes = 0;
	for (let i = 0; i < 100; i++) bytes += (await one()).length;
	const batch = performance.now() - t0;
	console.log(
		`${name}: first ${cold.toFixed(0)} ms, one payslip median ${median(ms).toFixed(2)} ms, ` +
			`batch of 100 ${batch.toFixed(0)} ms, ${(bytes / 100 / 1024).toFixed(1)} KiB each`
	);
}

await bench('Maria Garcia');
await bench('Łukasz Żółć');
await bench('山田太郎');
