// Character widths of the two standard PDF fonts the payslip uses, so text can be wrapped and
// right-aligned without embedding a font. SOURCE: Adobe's Core 14 font metrics, Helvetica.afm and
// Helvetica-Bold.afm (AFM 4.1, "WX" per character, 1/1000 em), for ASCII 32-126; the few
// WinAnsi characters Keel prints beyond that are listed by code. Widths are facts of the fonts.

// prettier-ignore
const REGULAR = [
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584 // p to ~
];
// prettier-ignore
const BOLD = [
	278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
	975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
	333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
	611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584
];
/** WinAnsi codes above 126 that Keel prints: bullet, pound, multiplication sign (same in both fonts). */
const EXTRA: Readonly<Record<number, number>> = { 0x95: 350, 0xa3: 556, 0xd7: 584 };
/** Anything else (accented letters): the widest common letter, so a wrapped line never overflows. */
const FALLBACK = 778;

/** Width in points of `codes` (WinAnsi byte values) at `size`. */
export function textWidth(codes: readonly number[], size: number, bold = false): number {
	const table = bold ? BOLD : REGULAR;
	let units = 0;
	for (const c of codes) units += (c >= 32 && c <= 126 ? table[c - 32] : EXTRA[c]) ?? FALLBACK;
	return (units * size) / 1000;
}
