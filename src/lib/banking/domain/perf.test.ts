// Volume checks: 10k-line files of every format parse and reconcile, and 10k bank lines match against
// 50k ledger lines at the promised precision. Times are printed for reference only; speed goals live in
// `npm run bench`, never in assertions, so a busy machine cannot fail this.
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
		}
	}, 60_000);
	it('matches 10k bank lines against 50k ledger lines with auto-accept precision >= 99.5%', () => {
		const c = generateReconCases(99, 10_000);
		const extra = generateReconCases(100, 48_000).ledgerLines.map((l) => ({
			...l,
			id: 'x' + l.id,
			date: l.date.replace('2025', '2023') as typeof l.date
		}));
		const ledgerLines = [...c.ledgerLines, ...extra].slice(0, 50_000);
		expect(ledgerLines).toHaveLength(50_000);
		const t0 = performance.now();
		const r = matchStatementLines({ bankLines: c.bankLines, ledgerLines });
		const ms = performance.now() - t0;
		const q = evaluateMatches(c, r);
		console.log(
			`match 10k bank x 50k ledger: ${ms.toFixed(0)} ms; auto-accepted ${q.autoAccepted}, precision ${q.precision.toFixed(4)}, recall ${q.recall.toFixed(4)}`
		);
		expect(q.precision).toBeGreaterThanOrEqual(0.995);
	}, 60_000);
});
