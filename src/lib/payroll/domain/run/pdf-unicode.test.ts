// Names in any Latin script and in Japanese print as written on the payslip PDF (Keel issue 12: the
// old WinAnsi writer printed "Łukasz" as "?ukasz"). The text is read back from the PDF with pdf.js,
// as a viewer would, and the CJK font is loaded only for text that needs it.
import fontkit from '@pdf-lib/fontkit';
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../../../tests/pdf-text';
import { fontRequests, testFonts } from '../../../../../tests/unit/pdf-fonts';
import { formatMoney } from '../../../shared/domain';
import { computeRun, periodAt } from './index';
import { payslipPdf } from './payslip-pdf';
import { draft, person, schedule, ukComp, usComp } from './fixtures';
import { needsCjk, textPdf } from './pdf';

async function payslipFor(name: string, uk = false) {
	const s = uk
		? schedule({ jurisdiction: 'UK', currency: 'GBP', anchor: '2026-04-01' as never })
		: schedule();
	const run = draft('r', s, periodAt(s, 0), ['a']);
	const who = { ...person('a', uk ? ukComp('30000') : usComp('40000')), name };
	const slip = computeRun({ schedule: s, run, people: [who], finalized: [] }).payslips[0];
	if (!slip) throw new Error('no payslip');
	const input = {
		organisation: 'Acme',
		period: run.period,
		currency: s.currency,
		slip,
		status: 'finalized',
		employee: { address: [`${name}, 1 Main Street`], taxId: null }
	};
	const bytes = await payslipPdf(input, testFonts);
	return { bytes, read: await readPdf(bytes), net: formatMoney(slip.payslip.net, s.currency), input };
}

describe('payslip PDF in any script', () => {
	it('prints "Łukasz Żółć" as written, with the net pay, in the Latin font alone', async () => {
		fontRequests.length = 0;
		const { read, net } = await payslipFor('Łukasz Żółć', true);
		expect(read.rows).toContain('Payslip: Łukasz Żółć');
		expect(read.rows).toContain('Łukasz Żółć, 1 Main Street');
		expect(read.rows).toContain(`Net pay ${net}`);
		expect(read.all).not.toContain('?');
		expect(new Set(read.texts.map((t) => t.font))).toEqual(new Set(['NotoSans-Regular', 'NotoSans-Bold']));
		expect(fontRequests).toEqual([{ cjk: false }]);
	});

	it('prints "山田太郎" as written, with the net pay, drawing the kanji in the CJK font', async () => {
		fontRequests.length = 0;
		const { read, net } = await payslipFor('山田太郎');
		expect(read.rows).toContain('Payslip: 山田太郎');
		expect(read.rows).toContain('山田太郎, 1 Main Street');
		expect(read.rows).toContain(`Net pay ${net}`);
		expect(net).toMatch(/^\d[\d,]*\.\d\d USD$/);
		expect(read.all).not.toContain('?');
		expect(read.texts.find((t) => t.text === '山田太郎')?.font).toBe('NotoSansJP-Regular');
		expect(read.texts.find((t) => t.text === 'Payslip:')?.font).toBe('NotoSans-Bold');
		expect(fontRequests).toEqual([{ cjk: true }]);
	});

	it('embeds only the glyphs used: a Japanese payslip stays small beside the 5 MB font', async () => {
		const { bytes } = await payslipFor('山田太郎');
		expect(bytes.length).toBeLessThan(120_000);
	});

	it('gives the same bytes for the same payslip (no dates, no random font tags)', async () => {
		const a = await payslipFor('Łukasz Żółć 山田太郎');
		const b = await payslipPdf(a.input, testFonts);
		expect(Buffer.from(b).equals(Buffer.from(a.bytes))).toBe(true);
	});

	it('embeds font subsets whose glyphs are whole: what a viewer draws, not only the text', async () => {
		// No spaces: every glyph in each subset but .notdef has an outline.
		const bytes = await textPdf([{ text: 'HarbourTrustŁukaszŻółć山田太郎Netpay1,234.56' }], {
			fonts: testFonts
		});
		const doc = await PDFDocument.load(bytes);
		const outlines: number[] = [];
		for (const [, obj] of doc.context.enumerateIndirectObjects()) {
			if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
			const ref = obj.get(PDFName.of('FontFile2'));
			const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : undefined;
			if (!(stream instanceof PDFRawStream)) throw new Error('font file missing');
			const sub = fontkit.create(decodePDFRawStream(stream).decode());
			for (let id = 1; id < sub.numGlyphs; id++) outlines.push(sub.getGlyph(id).path.bbox.width);
		}
		// H a r b o u T s t Ł k z Ż ó ł ć N e p y 1 , 2 3 4 . 5 6, 山 田 太 郎, and the accents and
		// strokes the composite letters (Ż, ó, ć…) are built from.
		expect(outlines.length).toBeGreaterThanOrEqual(29 + 4);
		// A glyph's outline has some width (a misplaced record decodes as nothing or throws).
		for (const w of outlines) expect(w).toBeGreaterThan(10);
	});

	it('prints a character no font has as "?", keeping the rest of the line', async () => {
		const read = await readPdf(await textPdf([{ text: 'Kim 김민준 Łódź' }], { fonts: testFonts }));
		expect(read.rows).toEqual(['Kim ??? Łódź']);
	});

	it('asks for the CJK font only for Han, kana and CJK punctuation, in text or cells', () => {
		expect(needsCjk([{ text: 'Łukasz Żółć, Ελένη, Дмитрий' }])).toBe(false);
		expect(needsCjk([{ text: '山田' }])).toBe(true);
		expect(needsCjk([{ text: 'ヤマダ' }])).toBe(true);
		expect(needsCjk([{ text: 'x', cells: [{ text: '張偉', right: 10 }] }])).toBe(true);
		expect(needsCjk([{ text: '（株）' }])).toBe(true);
	});
});
