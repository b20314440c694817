// Pages of text lines as a PDF, through pdf-lib with embedded, subsetted Unicode fonts. Invariant:
// every line given is printed whole, on A4 or US Letter: text wider than the page wraps at spaces (a
// word wider than the line breaks mid-word), and lines that do not fit start another page, each
// numbered. Each character is drawn in the first font that has it: the Latin font (regular or bold),
// then the CJK font when one was loaded; a character neither has prints as '?' (an arrow as '->').
// The fonts arrive as bytes from the caller (the domain reads no files and fetches nothing), and the
// CJK font is asked for only when the text holds CJK characters. Output is the same bytes for the
// same input: no creation date, no producer, fixed font subset tags.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import {
	PAGE_SIZES,
	type PageSize,
	type PdfCell,
	type PdfFonts,
	type PdfFontSource,
	type PdfLine
} from './pdf-page';

export { PAGE_SIZES, type PageSize, type PdfCell, type PdfFonts, type PdfFontSource, type PdfLine };

const MARGIN = 40;
const FOOTER = 30;

/** Han, kana, CJK punctuation and symbols, Hangul-free full-width forms: what the CJK font is for. */
const CJK =
	/[\u2e80-\u2fdf\u3000-\u30ff\u31c0-\u31ff\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{3ffff}]/u;

/** Whether any text on the lines (cells included) needs the CJK font. */
export function needsCjk(lines: readonly PdfLine[]): boolean {
	return lines.some((l) => CJK.test(l.text) || (l.cells ?? []).some((c) => CJK.test(c.text)));
}

/** Characters no font has, written in plain ASCII instead of '?'. */
const SUBSTITUTES: Readonly<Record<string, string>> = { '\u2192': '->' };

interface Face {
	readonly font: PDFFont;
	readonly has: ReadonlySet<number>;
	/** Advance width of a code point, in 1/1000 em. */
	readonly advance: (code: number) => number;
}
interface Run {
	readonly face: Face;
	readonly text: string;
}

type Parsed = ReturnType<typeof fontkit.create>;
interface Known {
	readonly parsed: Parsed;
	readonly has: ReadonlySet<number>;
	readonly widths: Map<number, number>;
}
/** Each font file parsed once (tables decoded, ~17,000 CJK code points listed), kept with its bytes. */
const known = new WeakMap<Uint8Array, Known>();

/**
 * @pdf-lib/fontkit's TrueType subsetter copies glyph records as they are, but writes the short
 * `loca` format (offsets halved) whenever the subset is under 128 KB; a font whose glyph records
 * have odd lengths (Google's Noto builds) then gets misplaced glyphs, which viewers draw as blanks
 * while the text still extracts. Holding every subset to the long format keeps offsets exact.
 */
function longLoca(parsed: Parsed): void {
	const createSubset = parsed.createSubset.bind(parsed);
	parsed.createSubset = () => {
		const subset = createSubset();
		let loca: unknown;
		Object.defineProperty(subset, 'loca', {
			configurable: true,
			get: () => loca,
			set: (value: unknown) => {
				if (value && typeof value === 'object') Object.assign(value, { version: 1 });
				loca = value;
			}
		});
		return subset;
	};
}

function parse(bytes: Uint8Array): Known {
	let k = known.get(bytes);
	if (!k) {
		const parsed = fontkit.create(bytes);
		longLoca(parsed);
		k = { parsed, has: new Set(parsed.characterSet), widths: new Map() };
		known.set(bytes, k);
	}
	return k;
}

/** pdf-lib parses a font file for every document; this hands it the one parse per file instead. */
const sharedFontkit = { create: (bytes: Uint8Array) => parse(bytes).parsed };

/**
 * Shaping switched off: one glyph per character, at its own advance. Payslip text (NFC-normalized)
 * needs no ligatures or contextual forms, pdf-lib does not apply kerning or mark positions anyway,
 * and shaping every string through the fonts' large GSUB/GPOS tables cost most of a PDF's time.
 * So the widths measured here are exactly the widths drawn.
 */
const NO_SHAPING = Object.fromEntries(
	['ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern', 'vert'].map(
		(f) => [f, false]
	)
);

/**
 * Embeds a subset of the font (only the glyphs drawn). The PDF's subset tag is fixed rather than
 * pdf-lib's random one, so the same payslip gives the same bytes.
 */
async function embed(doc: PDFDocument, bytes: Uint8Array, tag: string): Promise<Face> {
	const k = parse(bytes);
	const font = await doc.embedFont(bytes, {
		subset: true,
		customName: `${tag}+${k.parsed.postscriptName ?? 'Font'}`,
		features: NO_SHAPING
	});
	const perEm = 1000 / k.parsed.unitsPerEm;
	const advance = (code: number) => {
		let w = k.widths.get(code);
		if (w === undefined) {
			w = k.parsed.glyphForCodePoint(code).advanceWidth * perEm;
			k.widths.set(code, w);
		}
		return w;
	};
	return { font, has: k.has, advance };
}

/** Splits text into runs of one font each, the way it will be drawn. */
class Typesetter {
	constructor(
		private readonly regular: Face,
		private readonly bold: Face,
		private readonly cjk: Face | null
	) {}

	runs(text: string, bold = false): Run[] {
		const primary = bold ? this.bold : this.regular;
		const out: Run[] = [];
		for (const ch of text.normalize('NFC')) {
			const code = ch.codePointAt(0) ?? 0x3f;
			let face = primary;
			let shown = ch;
			if (code < 0x20 || !primary.has.has(code)) {
				if (code >= 0x20 && this.cjk?.has.has(code)) face = this.cjk;
				else shown = SUBSTITUTES[ch] ?? '?';
			}
			const last = out[out.length - 1];
			if (last && last.face === face) out[out.length - 1] = { face, text: last.text + shown };
			else out.push({ face, text: shown });
		}
		return out;
	}

	width(text: string, size: number, bold = false): number {
		let units = 0;
		for (const run of this.runs(text, bold)) units += runUnits(run);
		return (units * size) / 1000;
	}
}

function runUnits(run: Run): number {
	let units = 0;
	for (const ch of run.text) units += run.face.advance(ch.codePointAt(0) ?? 0);
	return units;
}

/** Splits `text` into rows no wider than `width` by `measure`: at spaces, or mid-word for a word too wide. */
export function wrap(text: string, width: number, measure: (s: string) => number): string[] {
	const rows: string[] = [];
	let row = '';
	const fits = (s: string) => measure(s) <= width;
	for (const word of text.split(' ')) {
		const joined = row ? `${row} ${word}` : word;
		if (fits(joined)) {
			row = joined;
			continue;
		}
		if (row) rows.push(row);
		row = '';
		for (const ch of word) {
			if (row && !fits(row + ch)) {
				rows.push(row);
				row = '';
			}
			row += ch;
		}
	}
	rows.push(row);
	return rows;
}

interface Drawn {
	readonly text: string;
	readonly x: number;
	readonly y: number;
	readonly size: number;
	readonly bold: boolean;
}

/** Where every string goes: one list of drawn strings per page. */
function layout(lines: readonly PdfLine[], size: PageSize, type: Typesetter): Drawn[][] {
	const [pageW, pageH] = PAGE_SIZES[size];
	const contentW = pageW - 2 * MARGIN;
	const pages: Drawn[][] = [[]];
	let y = pageH - MARGIN;
	const newRow = (height: number): Drawn[] => {
		if (y - height < MARGIN + FOOTER - 10) {
			pages.push([]);
			y = pageH - MARGIN;
		}
		y -= height;
		return pages[pages.length - 1] ?? [];
	};
	for (const line of lines) {
		const fontSize = line.size ?? 10;
		const bold = line.bold ?? false;
		const indent = line.indent ?? 0;
		const cells = line.cells ?? [];
		const cellsStart = Math.min(
			contentW,
			...cells.map((c) => c.right - type.width(c.text, fontSize, c.bold ?? bold) - 8)
		);
		const rows = wrap(line.text, Math.max(cellsStart - indent, 60), (s) => type.width(s, fontSize, bold));
		rows.forEach((row, i) => {
			const page = newRow(fontSize + 4);
			page.push({ text: row, x: MARGIN + indent, y, size: fontSize, bold });
			if (i > 0) return;
			for (const c of cells) {
				const cellBold = c.bold ?? bold;
				const x = MARGIN + c.right - type.width(c.text, fontSize, cellBold);
				page.push({ text: c.text, x, y, size: fontSize, bold: cellBold });
			}
		});
	}
	if (pages.length > 1)
		pages.forEach((p, i) => {
			const label = `Page ${i + 1} of ${pages.length}`;
			p.push({ text: label, x: pageW - MARGIN - type.width(label, 8), y: MARGIN - 15, size: 8, bold: false });
		});
	return pages;
}

/** A4 unless told otherwise; as many pages as the lines need. */
export async function textPdf(
	lines: readonly PdfLine[],
	opts: { page?: PageSize; fonts: PdfFontSource }
): Promise<Uint8Array> {
	const size = opts.page ?? 'a4';
	const cjk = needsCjk(lines);
	const files = await opts.fonts({ cjk });
	const doc = await PDFDocument.create({ updateMetadata: false });
	doc.registerFontkit(sharedFontkit);
	const type = new Typesetter(
		await embed(doc, files.regular, 'KEELRG'),
		await embed(doc, files.bold, 'KEELBD'),
		cjk && files.cjk ? await embed(doc, files.cjk, 'KEELCJ') : null
	);
	for (const drawn of layout(lines, size, type)) {
		const page = doc.addPage([...PAGE_SIZES[size]]);
		for (const d of drawn) {
			let x = d.x;
			for (const run of type.runs(d.text, d.bold)) {
				page.drawText(run.text, { x, y: d.y, size: d.size, font: run.face.font });
				x += (runUnits(run) * d.size) / 1000;
			}
		}
	}
	return doc.save({ useObjectStreams: false });
}
