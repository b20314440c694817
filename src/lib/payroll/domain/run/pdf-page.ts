// The page and line shapes of Keel's PDFs, apart from the writer (pdf.ts) so that screens and
// workers can name page sizes without loading pdf-lib: only code that makes a PDF imports pdf.ts.

export type PageSize = 'a4' | 'letter';
/** Width and height in points (1/72 in): A4 is 210 x 297 mm, Letter 8.5 x 11 in. */
export const PAGE_SIZES: Readonly<Record<PageSize, readonly [number, number]>> = {
	a4: [595, 842],
	letter: [612, 792]
};

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

/** TrueType/OpenType font files: a Latin regular and bold, and a CJK font when asked for. */
export interface PdfFonts {
	readonly regular: Uint8Array;
	readonly bold: Uint8Array;
	readonly cjk?: Uint8Array;
}
/** Gives the font files; `cjk` says whether the text needs the (large) CJK font. */
export type PdfFontSource = (need: { readonly cjk: boolean }) => Promise<PdfFonts>;
