// One journal transaction: its postings read from text, then settled into balanced entry lines.
// Invariant: a settled transaction balances exactly in every commodity (costs count in their own
// commodity); at most one posting may leave its amount out, and it takes what is left over.
import type { DecimalString } from '../../../shared/domain/money';
import type { IsoDate } from '../../../shared/domain/dates';
import { ExactSum, formatUnits } from '../../../shared/domain';
import { formatAmount } from '../format';
import type { Clearing, EntryLine, LineDimensions } from '../types';
import { parseAmount, type AmountStyle, type ParsedAmount } from './amount';
import { LINE_TAGS, parseTagList } from './tags';

export interface Assertion {
	readonly line: number;
	readonly amount: ParsedAmount;
	/** `==`: every other commodity must be zero too. */
	readonly total: boolean;
	/** `=*`: subaccounts count. */
	readonly inclusive: boolean;
}

export interface Posting {
	readonly line: number;
	account: string;
	/** Absent when elided or assigned (`= X` with no amount). */
	amount: ParsedAmount | undefined;
	cost:
		{ text: DecimalString; commodity: string; units: number; big: bigint | null; scale: number } | undefined;
	assertion: Assertion | undefined;
	memo: string | undefined;
	dimensions: LineDimensions | undefined;
	/** The entry lines this posting became (an elided multi-commodity posting becomes several). */
	lines: EntryLine[] | undefined;
}

export interface Transaction {
	readonly line: number;
	endLine: number;
	readonly date: IsoDate;
	readonly clearing: Clearing | undefined;
	readonly number: string | undefined;
	readonly memo: string;
	readonly comment: string[];
	readonly tags: [string, string][];
	readonly postings: Posting[];
	hasAssignment: boolean;
	hasAssertion: boolean;
}

const isSpace = (c: number) => c === 32 || c === 9;

/** Index of the ';' that starts a comment at or after i, outside double quotes; -1 if none. */
export function commentStart(line: string, i: number, end = line.length): number {
	let quoted = false;
	for (; i < end; i++) {
		const c = line.charCodeAt(i);
		if (c === 34) quoted = !quoted;
		else if (c === 59 && !quoted) return i;
	}
	return -1;
}

/** Where an account name ends: two spaces, a tab, or the end of the line. */
export function accountEnd(line: string, i: number, end = line.length): number {
	for (; i < end; i++) {
		const c = line.charCodeAt(i);
		if (c === 32) {
			if (i + 1 < end && line.charCodeAt(i + 1) === 32) return i;
		} else if (c === 9) return i;
	}
	return end;
}

function dimensionsFrom(tags: [string, string][], into: Record<string, string>): void {
	for (const [k, v] of tags) into[k] = v;
}

/** Adds a comment's text to a posting: Keel dimension tags, or memo text. */
export function addPostingComment(p: Posting, text: string): void {
	const tags = parseTagList(text, LINE_TAGS);
	if (tags && tags.every(([, v]) => v !== '')) {
		const dims: Record<string, string> = { ...p.dimensions };
		dimensionsFrom(tags, dims);
		p.dimensions = dims;
	} else {
		const t = text.trim();
		p.memo = p.memo === undefined ? t : `${p.memo}\n${t}`;
	}
}

/**
 * Reads a posting: `line[start, lineEnd)`, after its indentation, not a comment. `line` may be the
 * whole file (offsets avoid slicing every line). Returns the posting or a message saying what is wrong.
 */
export function parsePosting(
	line: string,
	start: number,
	lineEnd: number,
	lineNo: number,
	style: AmountStyle,
	intern: (line: string, start: number, end: number) => string | { error: string }
): Posting | string {
	let i = start;
	const c0 = line.charCodeAt(i);
	if ((c0 === 42 || c0 === 33) && isSpace(line.charCodeAt(i + 1))) {
		i += 2;
		while (isSpace(line.charCodeAt(i))) i++;
	}
	const nameEnd = accountEnd(line, i, lineEnd);
	const first = line.charCodeAt(i);
	if (first === 40 || first === 91 || first === 60)
		return `virtual posting '${line.slice(i, nameEnd)}' is not supported: every Keel line must balance with real accounts`;
	const account = intern(line, i, nameEnd);
	if (typeof account !== 'string') return account.error;
	const posting: Posting = {
		line: lineNo,
		account,
		amount: undefined,
		cost: undefined,
		assertion: undefined,
		memo: undefined,
		dimensions: undefined,
		lines: undefined
	};
	const semi = commentStart(line, nameEnd, lineEnd);
	const end = semi < 0 ? lineEnd : semi;
	i = nameEnd;
	while (i < end && isSpace(line.charCodeAt(i))) i++;
	if (i < end && line.charCodeAt(i) !== 61) {
		const amount = parseAmount(line, i, end, style);
		if (typeof amount === 'string') return amount;
		posting.amount = amount;
		i = amount.next;
		while (i < end && isSpace(line.charCodeAt(i))) i++;
		if (i < end && line.charCodeAt(i) === 64) {
			const total = line.charCodeAt(i + 1) === 64;
			const price = parseAmount(line, i + (total ? 2 : 1), end, style);
			if (typeof price === 'string') return `price: ${price}`;
			if (price.text.startsWith('-')) return 'a price must not be negative';
			if (price.commodity === amount.commodity)
				return `the price is in the same commodity as the amount ('${amount.commodity}')`;
			posting.cost = costOf(amount, price, total);
			i = price.next;
			while (i < end && isSpace(line.charCodeAt(i))) i++;
		}
	}
	if (i < end && line.charCodeAt(i) === 61) {
		i++;
		let total = false;
		let inclusive = false;
		if (line.charCodeAt(i) === 61) {
			total = true;
			i++;
		}
		if (line.charCodeAt(i) === 42) {
			inclusive = true;
			i++;
		}
		const asserted = parseAssertedAmount(line, i, end, style);
		if (typeof asserted === 'string') return `balance assertion: ${asserted}`;
		posting.assertion = { line: lineNo, amount: asserted, total, inclusive };
		i = asserted.next;
		while (i < end && isSpace(line.charCodeAt(i))) i++;
	}
	if (i < end) return `unexpected '${line.slice(i, end).trim()}' after the amount`;
	if (semi >= 0) addPostingComment(posting, line.slice(semi + 1, lineEnd));
	return posting;
}

function costOf(amount: ParsedAmount, price: ParsedAmount, total: boolean): NonNullable<Posting['cost']> {
	const qty = amount.big ?? BigInt(amount.units);
	const p = price.big ?? BigInt(price.units);
	let units: bigint;
	let scale: number;
	if (total) {
		units = qty < 0n ? -p : p;
		scale = price.scale;
	} else {
		units = qty * p;
		scale = amount.scale + price.scale;
	}
	const text = formatUnits(units, scale);
	const safe = units <= BigInt(Number.MAX_SAFE_INTEGER) && units >= -BigInt(Number.MAX_SAFE_INTEGER);
	return {
		text,
		commodity: price.commodity,
		units: safe ? Number(units) : 0,
		big: safe ? null : units,
		scale
	};
}

/** An asserted amount, or Ledger's `(A + B - C)` sum of amounts in one commodity. */
function parseAssertedAmount(
	line: string,
	i: number,
	end: number,
	style: AmountStyle
): ParsedAmount | string {
	while (i < end && isSpace(line.charCodeAt(i))) i++;
	if (line.charCodeAt(i) !== 40) return parseAmount(line, i, end, style);
	const close = line.lastIndexOf(')', end - 1);
	if (close < i) return "an expression '(' has no closing ')'";
	const sum = new ExactSum();
	let commodity: string | undefined;
	let j = i + 1;
	let sign = 1;
	for (;;) {
		const a = parseAmount(line, j, close, style);
		if (typeof a === 'string') return `in the expression: ${a}`;
		if (commodity !== undefined && a.commodity !== commodity) return 'an expression mixes commodities';
		commodity = a.commodity;
		if (a.big !== null) sum.addBig(sign === 1 ? a.big : -a.big, a.scale);
		else sum.add(sign * a.units, a.scale);
		j = a.next;
		while (j < close && isSpace(line.charCodeAt(j))) j++;
		if (j >= close) break;
		const op = line.charCodeAt(j);
		if (op !== 43 && op !== 45) return `only + and - are supported in expressions, found '${line[j]}'`;
		sign = op === 43 ? 1 : -1;
		j++;
	}
	const text = sum.toDecimal();
	return {
		commodity: commodity ?? '',
		text,
		units: sum.big === null ? sum.n : 0,
		big: sum.big,
		scale: sum.scale,
		next: close + 1
	};
}

function lineOf(
	p: Posting,
	amount: string,
	commodity: string,
	cost?: { amount: string; commodity: string }
): EntryLine {
	const line: { -readonly [K in keyof EntryLine]: EntryLine[K] } = {
		account: p.account,
		amount: amount as DecimalString,
		commodity
	};
	if (cost) line.cost = { amount: cost.amount as DecimalString, commodity: cost.commodity };
	if (p.memo !== undefined) line.memo = p.memo;
	if (p.dimensions !== undefined) line.dimensions = p.dimensions;
	return line;
}

/** Per-commodity sums of the last `sumPostings` call (scratch, reused). */
export const residual = {
	commodities: [] as string[],
	sums: [] as ExactSum[],
	count: 0,
	elided: undefined as Posting | undefined
};

/**
 * Adds up a transaction's known amounts per commodity (costs count in their own commodity) into
 * `residual`. Returns a message if more than one posting leaves its amount out.
 */
export function sumPostings(tx: Transaction): string | undefined {
	const r = residual;
	r.count = 0;
	r.elided = undefined;
	for (const p of tx.postings) {
		const a = p.amount;
		if (!a) {
			if (r.elided)
				return `only one posting may leave out its amount (lines ${r.elided.line} and ${p.line} both do)`;
			r.elided = p;
			continue;
		}
		const side = p.cost ?? a;
		let k = 0;
		while (k < r.count && r.commodities[k] !== side.commodity) k++;
		if (k === r.count) {
			r.commodities[k] = side.commodity;
			const fresh = r.sums[k];
			if (fresh) {
				fresh.n = 0;
				fresh.big = null;
				fresh.scale = 0;
			} else r.sums[k] = new ExactSum();
			r.count++;
		}
		const s = r.sums[k] as ExactSum;
		if (side.big !== null) s.addBig(side.big, side.scale);
		else s.add(side.units, side.scale);
	}
	return undefined;
}

/** The imbalance message for `residual` when nothing was elided, or undefined when it balances. */
export function imbalanceMessage(tx: Transaction): string | undefined {
	if (residual.elided) return undefined;
	const off: string[] = [];
	for (let k = 0; k < residual.count; k++) {
		const s = residual.sums[k] as ExactSum;
		if (!s.isZero()) off.push(formatAmount(s.toDecimal(), residual.commodities[k] as string));
	}
	if (off.length === 0) return undefined;
	return `transaction '${tx.memo}' (lines ${tx.line}-${tx.endLine}) does not balance: the postings add up to ${off.join(', ')} instead of zero`;
}

/**
 * Balances a transaction whose amounts are all known (except at most one elided posting) and
 * returns its entry lines, or a message naming the amounts that failed to balance. Postings of a
 * transaction with assertions also get their own lines (`posting.lines`).
 */
export function settle(tx: Transaction): EntryLine[] | string {
	const problem = sumPostings(tx) ?? imbalanceMessage(tx);
	if (problem) return problem;
	const { commodities, sums, elided } = residual;
	const lines: EntryLine[] = [];
	for (const p of tx.postings) {
		if (p === elided) {
			const own: EntryLine[] = [];
			for (let k = 0; k < residual.count; k++) {
				const s = sums[k] as ExactSum;
				if (!s.isZero()) own.push(lineOf(p, s.clone().negate().toDecimal(), commodities[k] as string));
			}
			if (own.length === 0) own.push(lineOf(p, '0', residual.count === 1 ? (commodities[0] as string) : ''));
			if (tx.hasAssertion) p.lines = own;
			for (const l of own) lines.push(l);
			continue;
		}
		const a = p.amount as ParsedAmount;
		const l = lineOf(
			p,
			a.text,
			a.commodity,
			p.cost ? { amount: p.cost.text, commodity: p.cost.commodity } : undefined
		);
		if (tx.hasAssertion) p.lines = [l];
		lines.push(l);
	}
	if (lines.length < 2)
		return `transaction '${tx.memo}' (line ${tx.line}) has ${lines.length} posting${lines.length === 1 ? '' : 's'}; an entry needs at least two`;
	return lines;
}
