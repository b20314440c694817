// Measured figures for the README: parse time of 10k-line files per format and match time for 10k vs 50k lines.
// Bounds are generous (shared CI machines); the printed figures are what the README reports.
import { describe, expect, it } from 'vitest';
import { checkBalance } from './balance';
import { generateStatementText, type GeneratedFormat } from './generate-statements';
import { matchStatementLines } from './match';
import { evaluateMatches, generateReconCases } from './recon-cases';
import { parseStatementFile } from './statement';

describe('performance', () => {
	it('parses 10k-line files of every format, balances reconcile', () => {
		const formats: GeneratedFormat[] = ['csv', 'ofx', 'qif', 'camt', 'mt940'];
		for (const f of formats) {
			const bytes = new TextEncoder().encode(generateStatementText(f, 10_000));
			const t0 = performance.now();
			const r = parseStatementFile({ bytes, fileName: `gen.${f === 'camt' ? 'xml' : f}` });
			const ms = performance.now() - t0;
			expect(r.ok && r.value[0]?.lines.length).toBe(10_000);
			if (f !== 'qif' && f !== 'ofx') expect(r.ok && checkBalance(r.value[0]!).status).toBe('ok');
			console.log(`parse ${f} 10k lines (${(bytes.length / 1e6).toFixed(1)} MB): ${ms.toFixed(0)} ms`);
			expect(ms).toBeLessThan(4000);
		}
	}, 20_000);
	it('matches 10k bank lines against 50k ledger lines well under 2 s', () => {
		const c = generateReconCases(99, 10_000);
		const extra = generateReconCases(100, 48_000).ledgerLines.map((l) => ({ ...l, id: 'x' + l.id, date: l.date.replace('2025', '2023') as typeof l.date }));
		const ledgerLines = [...c.ledgerLines, ...extra].slice(0, 50_000);
		expect(ledgerLines).toHaveLength(50_000);
		const t0 = performance.now();
		const r = matchStatementLines({ bankLines: c.bankLines, ledgerLines });
		const ms = performance.now() - t0;
		const q = evaluateMatches(c, r);
		console.log(`match 10k bank x 50k ledger: ${ms.toFixed(0)} ms; auto-accepted ${q.autoAccepted}, precision ${q.precision.toFixed(4)}, recall ${q.recall.toFixed(4)}`);
		expect(ms).toBeLessThan(2000);
		expect(q.precision).toBeGreaterThanOrEqual(0.995);
	}, 20_000);
});
