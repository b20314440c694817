// A small, honest PDF 1.4 writer: pages of Helvetica text lines, nothing else. Invariant: every line
// given is printed whole, on A4 or US Letter: text wider than the page wraps at spaces (a word wider
// than the line breaks mid-word), and lines that do not fit start another page, each numbered. The
// output has a %PDF-1.4 header, the catalog, page tree, two fonts and a page and content stream per
// page, an xref table whose offsets are the byte positions of those objects, and a trailer pointing
// at the xref. Text is limited to WinAnsi characters (others become '?'), escaped for PDF strings.
import { textWidth } from './pdf-metrics';

export type PageSize = 'a4' | 'letter';
/** Width and height in points (1/72 in): A4 is 210 x 297 mm, Letter 8.5 x 11 in. */
export const PAGE_SIZES: Readonly<Record<PageSize, readonly [number, number]>> = {
	a4: [595, 842],
	letter: [612, 792]
};
const MARGIN = 40;
const FOOTER = 30;

export interface PdfCell {
	readonly text: string;
	/** Points from the left margin where the cell's right edge sits. */
	readonly right: number;
	readonly bold?: boolean;
}

export interface PdfLine {
	readonly text: string;
	/** Points; defaults to 10. */
	readonly size?: number;
	readonly bold?: boolean;
	/** Points from the left margin. */
	readonly indent?: number;
	/** Right-aligned cells on the line's first row (amounts); the text wraps short of the first one. */
	readonly cells?: readonly PdfCell[];
}

/**
 * WinAnsi byte values of `text`: U+2212 and dashes as '-', the arrow the payslip's workings use as
 * '->', the bullet as 0x95, the narrow no-break space French groups digits with as a no-break space,
 * anything else outside WinAnsi as '?'.
 */
function winAnsi(text: string): number[] {
	const out: number[] = [];
	for (const ch of text) {
		const code = ch.codePointAt(0) ?? 63;
		if (code === 0x2212 || code === 0x2014 || code === 0x2013) out.push(45);
		else if (code === 0x2192) out.push(45, 62);
		else if (code === 0x2022) out.push(0x95);
		else if (code === 0x202f) out.push(0xa0);
		else if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) out.push(code);
		else out.push(63);
	}
	return out;
}

function pdfString(codes: readonly number[]): string {
	let out = '';
	for (const c of codes) {
		if (c === 0x28 || c === 0x29 || c === 0x5c) out += '\\' + String.fromCharCode(c);
		else if (c >= 0x20 && c <= 0x7e) out += String.fromCharCode(c);
		else out += '\\' + c.toString(8).padStart(3, '0');
	}
	return `(${out})`;
}

/** Splits `codes` into rows no wider than `width`: at spaces, or mid-word for a word too wide. */
export function wrap(codes: readonly number[], width: number, size: number, bold = false): number[][] {
	const rows: number[][] = [];
	let row: number[] = [];
	const fits = (r: readonly number[]) => textWidth(r, size, bold) <= width;
	const words: number[][] = [[]];
	for (const c of codes) {
		if (c === 32) words.push([]);
		else words[words.length - 1]?.push(c);
	}
	for (const word of words) {
		const joined = row.length ? [...row, 32, ...word] : word;
		if (fits(joined)) {
			row = joined;
			continue;
		}
		if (row.length) rows.push(row);
		row = [];
		for (const c of word) {
			if (row.length && !fits([...row, c])) {
				rows.push(row);
				row = [];
			}
			row.push(c);
		}
	}
	rows.push(row);
	return rows;
}

interface Placed {
	readonly ops: string[];
}

function layout(lines: readonly PdfLine[], size: PageSize): Placed[] {
	const [pageW, pageH] = PAGE_SIZES[size];
	const contentW = pageW - 2 * MARGIN;
	const pages: Placed[] = [{ ops: [] }];
	let y = pageH - MARGIN;
	const newRow = (height: number) => {
		if (y - height < MARGIN + FOOTER - 10) {
			pages.push({ ops: [] });
			y = pageH - MARGIN;
		}
		y -= height;
		return pages[pages.length - 1] as Placed;
	};
	for (const line of lines) {
		const fontSize = line.size ?? 10;
		const font = line.bold ? 'F2' : 'F1';
		const indent = line.indent ?? 0;
		const cells = line.cells ?? [];
		const cellsStart = Math.min(
			contentW,
			...cells.map((c) => c.right - textWidth(winAnsi(c.text), fontSize, c.bold ?? line.bold) - 8)
		);
		const rows = wrap(winAnsi(line.text), Math.max(cellsStart - indent, 60), fontSize, line.bold);
		rows.forEach((row, i) => {
			const page = newRow(fontSize + 4);
			page.ops.push(`BT /${font} ${fontSize} Tf ${MARGIN + indent} ${y} Td ${pdfString(row)} Tj ET`);
			if (i > 0) return;
			for (const c of cells) {
				const codes = winAnsi(c.text);
				const bold = c.bold ?? line.bold;
				const x = MARGIN + c.right - textWidth(codes, fontSize, bold);
				page.ops.push(
					`BT /${bold ? 'F2' : 'F1'} ${fontSize} Tf ${x.toFixed(2)} ${y} Td ${pdfString(codes)} Tj ET`
				);
			}
		});
	}
	if (pages.length > 1)
		pages.forEach((p, i) => {
			const label = winAnsi(`Page ${i + 1} of ${pages.length}`);
			const x = pageW - MARGIN - textWidth(label, 8);
			p.ops.push(`BT /F1 8 Tf ${x.toFixed(2)} ${MARGIN - 15} Td ${pdfString(label)} Tj ET`);
		});
	return pages;
}

/** A4 unless told otherwise; as many pages as the lines need. */
export function textPdf(lines: readonly PdfLine[], opts: { page?: PageSize } = {}): Uint8Array {
	const size = opts.page ?? 'a4';
	const [w, h] = PAGE_SIZES[size];
	const pages = layout(lines, size);
	const pageObj = (i: number) => 5 + 2 * i;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		`<< /Type /Pages /Kids [${pages.map((_, i) => `${pageObj(i)} 0 R`).join(' ')}] /Count ${pages.length} >>`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>'
	];
	pages.forEach((p, i) => {
		const content = p.ops.join('\n');
		objects.push(
			`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageObj(i) + 1} 0 R >>`,
			`<< /Length ${content.length} >>\nstream\n${content}\nendstream`
		);
	});
	// Every character above is ASCII, so string length = byte length.
	let body = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((o, i) => {
		offsets.push(body.length);
		body += `${i + 1} 0 obj\n${o}\nendobj\n`;
	});
	const xref = body.length;
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	const bytes = new Uint8Array(body.length);
	for (let i = 0; i < body.length; i++) bytes[i] = body.charCodeAt(i);
	return bytes;
}
