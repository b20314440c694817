// Reads a PDF the way a viewer does, for the unit and e2e tests: pdf.js (a devDependency) parses the
// bytes and gives every piece of drawn text with its page, position, width, size and font name, and
// each page's size. Tests assert on what a reader sees, not on how the writer encoded it.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
	readonly page: number;
	readonly text: string;
	readonly x: number;
	readonly y: number;
	readonly width: number;
	readonly size: number;
	/** The embedded font's PostScript name without its subset tag: "NotoSans-Bold". */
	readonly font: string;
}

export interface PdfRead {
	/** Width and height of each page, in points. */
	readonly pages: readonly (readonly [number, number])[];
	readonly texts: readonly PdfText[];
	/** Each row of text (same page and baseline), its pieces in x order joined by one space. */
	readonly rows: readonly string[];
	/** All the text, rows joined by newlines. */
	readonly all: string;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfRead> {
	const doc = await getDocument({
		data: new Uint8Array(bytes),
		useSystemFonts: false,
		isEvalSupported: false
	}).promise;
	const pages: [number, number][] = [];
	const texts: PdfText[] = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const page = await doc.getPage(n);
		const [x0, y0, x1, y1] = page.view;
		pages.push([(x1 ?? 0) - (x0 ?? 0), (y1 ?? 0) - (y0 ?? 0)]);
		await page.getOperatorList();
		const content = await page.getTextContent();
		for (const item of content.items) {
			if (!('str' in item) || item.str.trim() === '') continue;
			const font: unknown = page.commonObjs.has(item.fontName) ? page.commonObjs.get(item.fontName) : null;
			const name = font && typeof font === 'object' && 'name' in font ? String(font.name) : item.fontName;
			texts.push({
				page: n,
				text: item.str,
				x: Number(item.transform[4]),
				y: Number(item.transform[5]),
				width: item.width,
				size: Math.hypot(Number(item.transform[2]), Number(item.transform[3])),
				font: name.replace(/^[A-Z]{6}\+/, '')
			});
		}
	}
	await doc.destroy();
	const rows: string[] = [];
	let last: PdfText | undefined;
	for (const t of [...texts].sort((a, b) => a.page - b.page || b.y - a.y || a.x - b.x)) {
		if (last && last.page === t.page && Math.abs(last.y - t.y) < 0.5) {
			const gap = t.x - (last.x + last.width);
			rows[rows.length - 1] += gap > 1 ? ` ${t.text}` : t.text;
		} else rows.push(t.text);
		last = t;
	}
	return { pages, texts, rows, all: rows.join('\n') };
}
