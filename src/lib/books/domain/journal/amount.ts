// Reads one journal amount ("$1,000.50", "-10 EUR", "$-10", "EUR 5", "5 \"ABC 1\"") into an exact
// decimal. Invariant: the number either converts exactly (safe integer units, else BigInt) or is
// refused with a reason; a number is never guessed. '.' is the decimal mark and ',' groups digits
// unless a `decimal-mark ,` directive or the commodity's declared style says otherwise.
import type { DecimalString } from '../../../shared/domain/money';
import { isSimpleCommodityChar } from '../format';
import { SAFE_DIGITS } from '../../../shared/domain';

export interface ParsedAmount {
	commodity: string;
	/** Canonical plain decimal: '-' sign, '.' mark, digits as written after the mark, no grouping. */
	text: DecimalString;
	/** Exact value: units / 10^scale, units a safe integer unless `big` is set. */
	units: number;
	big: bigint | null;
	scale: number;
	/** Position just after the amount. */
	next: number;
}

export type DecimalMark = '.' | ',';

/** What the file has said so far about writing numbers (`decimal-mark`, `commodity`, `D`). */
export interface AmountStyle {
	/** The decimal mark of an amount, once its commodity is known. */
	markFor(commodity: string): DecimalMark;
	/** Commodity for bare numbers (`D` directive); '' when none. */
	defaultCommodity: string;
}

const isSpace = (c: number) => c === 32 || c === 9;

function skipSpaces(line: string, i: number, end: number): number {
	while (i < end && isSpace(line.charCodeAt(i))) i++;
	return i;
}

/** Where the last `readSymbol` ended, and the symbol it read (reused while it repeats). */
let symbolEnd = 0;
let lastSymbol = '';

/** Reads a commodity symbol at i: quoted or a run of simple characters. Returns it, or an error. */
function readSymbol(line: string, i: number, end: number): { error: string } | string {
	if (line.charCodeAt(i) === 34) {
		const close = line.indexOf('"', i + 1);
		if (close < 0 || close >= end) return { error: 'a quoted commodity symbol has no closing quote' };
		if (close === i + 1) return { error: 'empty quoted commodity symbol ""' };
		symbolEnd = close + 1;
		return line.slice(i + 1, close);
	}
	let j = i;
	while (j < end && isSimpleCommodityChar(line.charCodeAt(j))) j++;
	symbolEnd = j;
	// Most amounts repeat the previous symbol: reuse that string rather than slicing a new one.
	if (j - i === lastSymbol.length && line.startsWith(lastSymbol, i)) return lastSymbol;
	lastSymbol = line.slice(i, j);
	return lastSymbol;
}

/**
 * Parses an amount starting at `i` (spaces allowed before it) and ending before `end`.
 * Returns the amount or a message saying what is wrong.
 */
export function parseAmount(line: string, i: number, end: number, style: AmountStyle): ParsedAmount | string {
	i = skipSpaces(line, i, end);
	let negative = false;
	let signs = 0;
	let signAt = -1;
	let c = line.charCodeAt(i);
	if (c === 45 || c === 43) {
		negative = c === 45;
		signAt = i;
		signs++;
		i = skipSpaces(line, i + 1, end);
		c = line.charCodeAt(i);
	}
	let commodity = '';
	let left = false;
	if (i < end && (c === 34 || (isSimpleCommodityChar(c) && !(c >= 48 && c <= 57)))) {
		const sym = readSymbol(line, i, end);
		if (typeof sym !== 'string') return sym.error;
		commodity = sym;
		i = symbolEnd;
		left = true;
		i = skipSpaces(line, i, end);
		c = line.charCodeAt(i);
		if (c === 45 || c === 43) {
			if (signs > 0) return 'the amount has two signs';
			negative = c === 45;
			signAt = i;
			i = skipSpaces(line, i + 1, end);
		}
	}
	// The number: digits with '.' and ',' marks.
	const start = i;
	let n = 0;
	let digits = 0;
	let commas = 0;
	let points = 0;
	let lastComma = -1;
	let lastPoint = -1;
	for (; i < end; i++) {
		c = line.charCodeAt(i);
		if (c >= 48 && c <= 57) {
			n = n * 10 + (c - 48);
			digits++;
		} else if (c === 46) {
			points++;
			lastPoint = i;
		} else if (c === 44) {
			commas++;
			lastComma = i;
		} else break;
	}
	if (digits === 0) {
		if (i < end && i === start) {
			const ch = line[i] ?? '';
			if (left) return `expected a number after the commodity '${commodity}', found '${ch}'`;
			return `expected an amount, found '${ch}'`;
		}
		return start === i ? 'expected a number' : `'${line.slice(start, i)}' is not a number`;
	}
	const numEnd = i;
	if (!left) {
		const j = skipSpaces(line, i, end);
		c = line.charCodeAt(j);
		if (j < end && (c === 34 || isSimpleCommodityChar(c))) {
			const sym = readSymbol(line, j, end);
			if (typeof sym !== 'string') return sym.error;
			commodity = sym;
			i = symbolEnd;
		}
	}
	if (commodity === '') commodity = style.defaultCommodity;
	const raw = line.slice(start, numEnd);
	let scale = 0;
	let simple = commas === 0 && points === 0;
	if (!simple) {
		const mark = style.markFor(commodity);
		const decimals = mark === '.' ? points : commas;
		const groups = mark === '.' ? commas : points;
		const groupChar = mark === '.' ? ',' : '.';
		if (decimals > 1)
			return `'${raw}' has more than one decimal mark '${mark}'${mark === '.' ? " (for '.' as a digit group mark, add a `decimal-mark ,` directive)" : ''}`;
		const markPos = decimals === 1 ? (mark === '.' ? lastPoint : lastComma) : -1;
		if (markPos >= 0) scale = numEnd - markPos - 1;
		if (groups > 0) {
			const intPart = markPos >= 0 ? line.slice(start, markPos) : raw;
			if (markPos >= 0 && (mark === '.' ? lastComma : lastPoint) > markPos)
				return `'${raw}' has a digit group mark '${groupChar}' after the decimal mark`;
			let bad = false;
			let run = 0;
			let groupsSeen = 0;
			for (let k = 0; k < intPart.length; k++) {
				if (intPart[k] === groupChar) {
					if (run === 0 || run > 3 || (groupsSeen > 0 && run < 2)) bad = true;
					groupsSeen++;
					run = 0;
				} else run++;
			}
			if (bad || run !== 3) {
				if (groups === 1 && markPos < 0 && mark === '.')
					return `'${raw}' is ambiguous: ',' is read as a digit group mark here; write the decimal mark as '.', or add a \`decimal-mark ,\` directive`;
				return `'${raw}' has misplaced digit group marks '${groupChar}'`;
			}
		}
		simple = groups === 0 && mark === '.' && markPos > start && scale > 0;
	}
	let text: string;
	if (simple) text = raw;
	else {
		const body = raw.replace(/[.,]/g, '');
		const int = body.slice(0, body.length - scale).replace(/^0+(?=\d)/, '') || '0';
		text = scale > 0 ? `${int}.${body.slice(body.length - scale)}` : int;
	}
	// Redundant leading zeros go ("007.5" -> "7.5"); "0.5" keeps its zero.
	if (text.charCodeAt(0) === 48 && text.length > 1 && text.charCodeAt(1) !== 46)
		text = text.replace(/^0+(?=\d)/, '');
	const zero = n === 0;
	let big: bigint | null = null;
	let units = 0;
	if (digits > SAFE_DIGITS) {
		big = BigInt(text.replace('.', ''));
		if (negative) big = -big;
		if (big === 0n) big = null;
	} else units = negative && !zero ? -n : n;
	let textOut = text;
	if (negative && !(zero && big === null))
		textOut = simple && signAt === start - 1 ? line.slice(signAt, numEnd) : '-' + text;
	return { commodity, text: textOut as DecimalString, units, big, scale, next: i };
}
