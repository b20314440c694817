// Reads the hledger/Ledger journal format (a common subset) into Keel accounts and entries with a
// hand-written line scanner. Invariant: the result is all or nothing: either every transaction was
// read and balances exactly (and every balance assertion holds), or the result is an error listing
// each problem with its line number, and nothing is imported. Directives that would change the
// meaning of amounts or names if skipped (include, alias, apply account, ...) are errors; those
// that don't (P, tag, payee, periodic and automated transactions) are skipped with a warning.
import { parseIsoDate, type IsoDate } from '../../core/dates';
import { ok, type Result } from '../../core/result';
import { accountNameProblem, inferAccountType } from '../accounts';
import { ledgerError, type LedgerError, type LineProblem } from '../errors';
import {
	LEDGER_SCHEMA_VERSION,
	type Account,
	type AccountSubtype,
	type AccountType,
	type Clearing,
	type Commodity,
	type EntryLine,
	type JournalEntry
} from '../types';
import { parseAmount, type AmountStyle, type DecimalMark } from './amount';
import { checkBalances } from './assertions';
import { ACCOUNT_TAGS, accountTypeFromTag, ENTRY_TAGS, isSubtype, parseTagList } from './tags';
import {
	addPostingComment,
	commentStart,
	imbalanceMessage,
	parsePosting,
	residual,
	settle,
	sumPostings,
	type Transaction
} from './transaction';
import { ExactSum } from '../decimal';
import { daysInMonth } from '../../core/dates';

export interface CommodityInfo {
	/** Most decimals any amount of it was written with (or the declared format's, if more). */
	readonly precision: number;
	/** Declared by a `commodity` or `D` directive. */
	readonly declared: boolean;
}

export interface JournalData {
	readonly accounts: Account[];
	readonly entries: JournalEntry[];
	readonly commodities: Record<Commodity, CommodityInfo>;
	/** Things skipped on purpose, each with its line. */
	readonly warnings: LineProblem[];
}

export interface ReadJournalOptions {
	/** Names the source in messages ("books.journal"). */
	readonly fileName?: string;
	/** Id for an entry read at a line when the journal gives none in an `id:` tag. Default `L<line>`. */
	readonly entryId?: (line: number) => string;
	/** Stop after this many problems (default 50). */
	readonly maxProblems?: number;
}

/** Balances per account (full name) and commodity, as `readJournalBalances` sums them. */
export type BalanceTable = Map<string, Map<Commodity, ExactSum>>;

export interface JournalBalances {
	readonly accounts: Account[];
	readonly balances: BalanceTable;
	readonly commodities: Record<Commodity, CommodityInfo>;
	readonly warnings: LineProblem[];
}

type Mode = 'none' | 'tx' | 'skip' | 'account' | 'commodity';
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const DIGIT = (c: number) => c >= 48 && c <= 57;

/** The number written by text[from, to) if it is all digits, else -1. */
function digits(text: string, from: number, to: number): number {
	let n = 0;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c < 48 || c > 57) return -1;
		n = n * 10 + c - 48;
	}
	return n;
}
const isSpace = (c: number) => c === 32 || c === 9;

/** Directives that change amounts or account names: refused rather than silently skipped. */
const REFUSED: Readonly<Record<string, string>> = {
	include: 'include is not supported: join the files into one',
	alias: 'account aliases are not supported: rename the accounts in the file',
	apply: '`apply account` is not supported: write full account names',
	end: "'end' without a matching block",
	C: 'commodity conversion (C) is not supported',
	A: 'a default balancing account (A) is not supported: write both sides of each transaction',
	bucket: 'a default balancing account (bucket) is not supported: write both sides of each transaction',
	'apply-tag': '`apply tag` is not supported'
};
/** Directives skipped with a warning: they do not change any balance. */
const SKIPPED: Readonly<Record<string, string>> = {
	P: 'market price ignored (Keel does not revalue)',
	N: 'ignored (N: commodity excluded from prices)',
	tag: 'tag declaration ignored',
	payee: 'payee declaration ignored',
	define: 'define ignored',
	'~': 'periodic transaction ignored (it only forecasts)',
	'=': 'automated transaction ignored (hledger applies it only with --auto)'
};

class JournalReader {
	readonly #opts: ReadJournalOptions;
	readonly #problems: LineProblem[] = [];
	readonly #warnings: LineProblem[] = [];
	readonly #entries: (JournalEntry | undefined)[] = [];
	readonly #dates: IsoDate[] = [];
	readonly #lines: (EntryLine[] | undefined)[] = [];
	/** Transactions kept for the assertion pass, by entry index. */
	readonly #checked = new Map<number, Transaction>();
	readonly #entryLine = new Map<string, number>();
	readonly #names = new Map<string, string>();
	readonly #accountOrder: string[] = [];
	readonly #declared = new Map<string, { line: number; tags: Record<string, string> }>();
	readonly #precision = new Map<Commodity, number>();
	readonly #declaredCommodities = new Set<Commodity>();
	readonly #commodityMark = new Map<Commodity, DecimalMark>();
	#mark: DecimalMark = '.';
	#year: number | undefined;
	readonly #style: AmountStyle;
	#mode: Mode = 'none';
	#tx: Transaction | undefined;
	#txBroken = false;
	#account: string | undefined;
	#commodity: string | undefined;
	#blockEnd: string | undefined;
	/** Streaming mode: sum balances as transactions settle, keep no entries. */
	readonly #stream: { before?: IsoDate; table: BalanceTable } | undefined;
	/** Streaming met an assertion or assignment: the caller must read again in full. */
	#needFull = false;
	readonly #nameBuckets = new Map<number, string[]>();
	readonly #intern = (line: string, start: number, end: number): string | { error: string } => {
		const len = end - start;
		let h = len;
		const step = len > 12 ? (len >> 3) | 1 : 1;
		for (let k = start; k < end; k += step) h = (Math.imul(h, 31) + line.charCodeAt(k)) | 0;
		h = (Math.imul(h, 31) + line.charCodeAt(end - 1)) & 0x3fffffff;
		let bucket = this.#nameBuckets.get(h);
		if (bucket !== undefined)
			for (let b = 0; b < bucket.length; b++) {
				const known = bucket[b] as string;
				if (known.length !== len) continue;
				let k = len - 1;
				while (k >= 0 && known.charCodeAt(k) === line.charCodeAt(start + k)) k--;
				if (k < 0) return known;
			}
		const name = line.slice(start, end);
		const canonical = this.#names.get(name);
		if (canonical === undefined) {
			const problem = this.#accountProblem(name);
			if (problem) return { error: problem };
			this.#addAccount(name);
		}
		const out = canonical ?? name;
		if (bucket === undefined) this.#nameBuckets.set(h, (bucket = []));
		bucket.push(out);
		return out;
	};

	constructor(options: ReadJournalOptions, stream?: { before?: IsoDate }) {
		this.#opts = options;
		this.#stream = stream ? { ...stream, table: new Map() } : undefined;
		this.#style = {
			markFor: (c) => this.#commodityMark.get(c) ?? this.#mark,
			defaultCommodity: ''
		};
	}

	#problem(line: number, message: string): void {
		this.#problems.push({ line, message });
	}

	#warn(line: number, message: string): void {
		this.#warnings.push({ line, message });
	}

	run(text: string): void {
		const len = text.length;
		const max = this.#opts.maxProblems ?? 50;
		let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
		let lineNo = 0;
		while (pos <= len && this.#problems.length < max && !this.#needFull) {
			let nl = text.indexOf('\n', pos);
			if (nl < 0) nl = len;
			let end = nl;
			if (end > pos && text.charCodeAt(end - 1) === 13) end--;
			lineNo++;
			const c = text.charCodeAt(pos);
			const line = text.slice(pos, end);
			if ((c === 32 || c === 9) && this.#mode === 'tx' && this.#blockEnd === undefined)
				this.#postingLine(line, 0, line.length, lineNo);
			else this.#handle(line, lineNo);
			pos = nl + 1;
		}
		this.#finishTx();
		this.#lineCount = lineNo;
	}

	#lineCount = 0;

	#handle(line: string, lineNo: number): void {
		if (this.#blockEnd !== undefined) {
			if (line.trimEnd() === this.#blockEnd) this.#blockEnd = undefined;
			return;
		}
		const c = line.charCodeAt(0);
		if (c === 32 || c === 9) {
			let i = 1;
			while (i < line.length && isSpace(line.charCodeAt(i))) i++;
			if (i === line.length) return this.#blank();
			return this.#indented(line, i, lineNo);
		}
		if (line.length === 0) return this.#blank();
		this.#blank();
		if (DIGIT(c)) return this.#header(line, lineNo);
		if (c === 59 || c === 35 || c === 42 || c === 37 || c === 124) return; // comment line
		this.#directive(line, lineNo);
	}

	#blank(): void {
		this.#finishTx();
		this.#mode = 'none';
	}

	/** An indented line inside a transaction, read in place in the file's text. */
	#postingLine(text: string, pos: number, end: number, lineNo: number): void {
		let i = pos + 1;
		while (i < end && isSpace(text.charCodeAt(i))) i++;
		if (i === end) return this.#blank();
		if (this.#txBroken) return;
		const tx = this.#tx as Transaction;
		tx.endLine = lineNo;
		if (text.charCodeAt(i) === 59) {
			const comment = text.slice(i + 1, end);
			const last = tx.postings[tx.postings.length - 1];
			if (last) addPostingComment(last, comment);
			else this.#txComment(tx, comment);
			return;
		}
		const p = parsePosting(text, i, end, lineNo, this.#style, this.#intern);
		if (typeof p === 'string') {
			this.#problem(lineNo, p);
			this.#txBroken = true;
			return;
		}
		if (p.amount) {
			this.#notePrecision(p.amount.commodity, p.amount.scale);
			if (p.cost) this.#notePrecision(p.cost.commodity, p.cost.scale);
		} else if (p.assertion) tx.hasAssignment = true;
		if (p.assertion) tx.hasAssertion = true;
		tx.postings.push(p);
	}

	#indented(line: string, i: number, lineNo: number): void {
		switch (this.#mode) {
			case 'account': {
				if (line.charCodeAt(i) === 59) this.#accountTags(this.#account as string, line.slice(i + 1), lineNo);
				return;
			}
			case 'commodity': {
				const m = /^format\s+(.+)$/.exec(line.slice(i));
				if (m) this.#commodityFormat(m[1] as string, lineNo, this.#commodity);
				return;
			}
			case 'skip':
				return;
			default:
				this.#problem(
					lineNo,
					'indented line outside a transaction (a posting needs a transaction line above it)'
				);
		}
	}

	#txComment(tx: Transaction, text: string): void {
		const tags = parseTagList(text, ENTRY_TAGS);
		if (tags) tx.tags.push(...tags);
		else tx.comment.push(text.trim());
	}

	#notePrecision(commodity: Commodity, scale: number): void {
		const had = this.#precision.get(commodity);
		if (had === undefined || scale > had) this.#precision.set(commodity, scale);
	}

	/** Why a full account name is unusable, or undefined. */
	#accountProblem(name: string): string | undefined {
		const parts = name.split(':');
		for (let k = 0; k < parts.length; k++) {
			const part = parts[k] as string;
			const why = accountNameProblem(part, k === 0);
			if (why) return `account name '${name}': ${part === '' ? 'has an empty part' : `'${part}' ${why}`}`;
		}
		return undefined;
	}

	/** Records a valid account name and its parents, in first-seen order. */
	#addAccount(name: string): void {
		let cut = name.indexOf(':');
		while (cut >= 0) {
			const parent = name.slice(0, cut);
			if (!this.#names.has(parent)) {
				this.#names.set(parent, parent);
				this.#accountOrder.push(parent);
			}
			cut = name.indexOf(':', cut + 1);
		}
		if (!this.#names.has(name)) {
			this.#names.set(name, name);
			this.#accountOrder.push(name);
		}
	}

	#lastDateText = '';
	#lastDate: IsoDate | undefined;

	#parseDate(text: string, lineNo: number): IsoDate | undefined {
		if (text === this.#lastDateText) return this.#lastDate;
		const date = this.#parseDateUncached(text, lineNo);
		if (date) {
			this.#lastDateText = text;
			this.#lastDate = date;
		}
		return date;
	}

	#parseDateUncached(text: string, lineNo: number): IsoDate | undefined {
		if (text.length === 10) {
			const sep = text.charCodeAt(4);
			if ((sep === 45 || sep === 47 || sep === 46) && text.charCodeAt(7) === sep) {
				const y = digits(text, 0, 4);
				const mo = digits(text, 5, 7);
				const d = digits(text, 8, 10);
				if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo))
					return (sep === 45 ? text : `${text.slice(0, 4)}-${text.slice(5, 7)}-${text.slice(8)}`) as IsoDate;
			}
		}
		const m =
			/^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text) ?? /^()()(\d{1,2})([-/.])(\d{1,2})$/.exec(text);
		if (!m) {
			this.#problem(lineNo, `'${text}' is not a date (use YYYY-MM-DD, YYYY/MM/DD or YYYY.MM.DD)`);
			return undefined;
		}
		let year = m[1] as string;
		if (year === '') {
			if (this.#year === undefined) {
				this.#problem(lineNo, `date '${text}' has no year (add one, or a 'Y YYYY' directive above it)`);
				return undefined;
			}
			year = String(this.#year).padStart(4, '0');
		}
		const day = m[1] === '' ? (m[5] as string) : (m[4] as string);
		const iso = `${year}-${(m[3] as string).padStart(2, '0')}-${day.padStart(2, '0')}`;
		const date = parseIsoDate(iso);
		if (!date) this.#problem(lineNo, `'${text}' is not a calendar date`);
		return date;
	}

	#header(line: string, lineNo: number): void {
		let i = 0;
		while (i < line.length && !isSpace(line.charCodeAt(i)) && line.charCodeAt(i) !== 59) i++;
		let dateText = line.slice(0, i);
		const eq = dateText.indexOf('=');
		if (eq >= 0) {
			if (!this.#parseDate(dateText.slice(eq + 1), lineNo)) return this.#brokenTx();
			dateText = dateText.slice(0, eq);
		}
		const date = this.#parseDate(dateText, lineNo);
		if (!date) return this.#brokenTx();
		while (i < line.length && isSpace(line.charCodeAt(i))) i++;
		let clearing: Clearing | undefined;
		const mark = line.charCodeAt(i);
		if (mark === 42 || mark === 33) {
			clearing = mark === 42 ? 'cleared' : 'pending';
			i++;
			while (i < line.length && isSpace(line.charCodeAt(i))) i++;
		}
		let number: string | undefined;
		if (line.charCodeAt(i) === 40) {
			const close = line.indexOf(')', i);
			if (close < 0) {
				this.#problem(lineNo, "the code '(' has no closing ')'");
				return this.#brokenTx();
			}
			number = line.slice(i + 1, close).trim();
			i = close + 1;
			while (i < line.length && isSpace(line.charCodeAt(i))) i++;
		}
		const semi = line.indexOf(';', i);
		const memo = (semi < 0 ? line.slice(i) : line.slice(i, semi)).trim();
		const tx: Transaction = {
			line: lineNo,
			endLine: lineNo,
			date,
			clearing,
			number,
			memo,
			comment: [],
			tags: [],
			postings: [],
			hasAssignment: false,
			hasAssertion: false
		};
		if (semi >= 0) this.#txComment(tx, line.slice(semi + 1));
		this.#tx = tx;
		this.#txBroken = false;
		this.#mode = 'tx';
	}

	/** A transaction whose header failed: its postings are skipped until the next unindented line. */
	#brokenTx(): void {
		this.#tx = undefined;
		this.#txBroken = true;
		this.#mode = 'tx';
	}

	#finishTx(): void {
		const tx = this.#tx;
		this.#tx = undefined;
		if (!tx || this.#txBroken) return;
		let id: string | undefined;
		let status: 'draft' | 'posted' = 'posted';
		const attachments: string[] = [];
		let reverses: string | undefined;
		let closing = false;
		for (const [k, v] of tx.tags) {
			if (k === 'id') id = v;
			else if (k === 'closing') closing = v !== 'false';
			else if (k === 'attachment') attachments.push(v);
			else if (k === 'reverses') reverses = v;
			else if (k === 'status') {
				if (v !== 'draft' && v !== 'posted')
					return this.#problem(tx.line, `status:${v} is not draft or posted`);
				status = v;
			}
		}
		if (id === undefined || id === '') id = this.#opts.entryId?.(tx.line) ?? `L${tx.line}`;
		else {
			const seenAt = this.#entryLine.get(id);
			if (seenAt !== undefined)
				return this.#problem(
					tx.line,
					`entry id '${id}' is already used by the transaction at line ${seenAt}`
				);
			this.#entryLine.set(id, tx.line);
		}
		if (this.#stream) return this.#streamTx(tx);
		const index = this.#entries.length;
		let lines: EntryLine[] | undefined;
		if (!tx.hasAssignment) {
			const settled = settle(tx);
			if (typeof settled === 'string') return this.#problem(tx.line, settled);
			lines = settled;
		}
		if (tx.hasAssertion) this.#checked.set(index, tx);
		const entry: Mutable<JournalEntry> = {
			schemaVersion: LEDGER_SCHEMA_VERSION,
			id,
			date: tx.date,
			memo: tx.memo,
			status,
			lines: lines ?? []
		};
		if (tx.number !== undefined) entry.number = tx.number;
		if (tx.clearing) entry.clearing = tx.clearing;
		if (attachments.length > 0) entry.attachments = attachments;
		if (reverses !== undefined) entry.reverses = reverses;
		if (closing) entry.closing = true;
		if (tx.comment.length > 0) entry.comment = tx.comment.join('\n');
		this.#entries.push(entry);
		this.#dates.push(tx.date);
		this.#lines.push(lines);
	}

	/** Streaming: check the transaction balances and add it to the running table. */
	#streamTx(tx: Transaction): void {
		if (tx.hasAssertion) {
			this.#needFull = true;
			return;
		}
		const problem = sumPostings(tx) ?? imbalanceMessage(tx);
		if (problem) return this.#problem(tx.line, problem);
		const lineCount =
			tx.postings.length - (residual.elided ? 1 : 0) + (residual.elided ? Math.max(1, residual.count) : 0);
		if (lineCount < 2)
			return this.#problem(tx.line, `transaction '${tx.memo}' (line ${tx.line}) has fewer than two postings`);
		const stream = this.#stream as { before?: IsoDate; table: BalanceTable };
		if (stream.before !== undefined && tx.date >= stream.before) return;
		const table = stream.table;
		for (const p of tx.postings) {
			let byCommodity = table.get(p.account);
			if (!byCommodity) table.set(p.account, (byCommodity = new Map()));
			if (p === residual.elided) {
				for (let k = 0; k < residual.count; k++) {
					const c = residual.commodities[k] as string;
					let acc = byCommodity.get(c);
					if (!acc) byCommodity.set(c, (acc = new ExactSum()));
					acc.addSum((residual.sums[k] as ExactSum).clone().negate());
				}
				continue;
			}
			const a = p.amount as NonNullable<typeof p.amount>;
			let acc = byCommodity.get(a.commodity);
			if (!acc) byCommodity.set(a.commodity, (acc = new ExactSum()));
			if (a.big !== null) acc.addBig(a.big, a.scale);
			else acc.add(a.units, a.scale);
		}
	}

	#directive(line: string, lineNo: number): void {
		const sp = line.search(/\s/);
		const word = sp < 0 ? line : line.slice(0, sp);
		const rest = sp < 0 ? '' : line.slice(sp + 1).trim();
		const first = word[0] as string;
		if (first === '~' || first === '=') {
			this.#warn(lineNo, SKIPPED[first] as string);
			this.#mode = 'skip';
			return;
		}
		switch (word) {
			case 'account':
				if (rest === '') return this.#problem(lineNo, 'account directive without an account name');
				return this.#accountDirective(line.slice(sp + 1), lineNo);
			case 'commodity':
				return this.#commodityDirective(rest, lineNo);
			case 'decimal-mark':
				if (rest !== '.' && rest !== ',')
					return this.#problem(lineNo, `decimal-mark must be '.' or ',', not '${rest}'`);
				this.#mark = rest;
				return;
			case 'D': {
				const c = this.#commodityFormat(rest, lineNo, undefined);
				if (c !== undefined) this.#style.defaultCommodity = c;
				return;
			}
			case 'Y':
			case 'year': {
				if (!/^\d{4}$/.test(rest)) return this.#problem(lineNo, `'${rest}' is not a year`);
				this.#year = Number(rest);
				return;
			}
			case 'comment':
			case 'test':
				this.#blockEnd = `end ${word}`;
				return;
		}
		const refused = REFUSED[word];
		if (refused) return this.#problem(lineNo, refused);
		const skipped = SKIPPED[word];
		if (skipped) {
			this.#warn(lineNo, `${word}: ${skipped}`);
			this.#mode = 'skip';
			return;
		}
		this.#problem(lineNo, `unknown directive or malformed line '${word.slice(0, 40)}'`);
	}

	#accountDirective(text: string, lineNo: number): void {
		let i = 0;
		while (i < text.length && isSpace(text.charCodeAt(i))) i++;
		let end = i;
		while (
			end < text.length &&
			!(text.charCodeAt(end) === 9 || (text.charCodeAt(end) === 32 && text.charCodeAt(end + 1) === 32))
		)
			end++;
		let name = text.slice(i, end);
		const semi = commentStart(text, end);
		if (name.includes(';')) name = name.slice(0, name.indexOf(';')).trimEnd();
		const problem = this.#accountProblem(name);
		if (problem) return this.#problem(lineNo, problem);
		this.#addAccount(name);
		if (!this.#declared.has(name)) this.#declared.set(name, { line: lineNo, tags: {} });
		const nameSemi = text.indexOf(';', i);
		const commentAt = semi >= 0 ? semi : nameSemi >= 0 && nameSemi < end ? nameSemi : -1;
		if (commentAt >= 0) this.#accountTags(name, text.slice(commentAt + 1), lineNo);
		this.#account = name;
		this.#mode = 'account';
	}

	#accountTags(name: string, comment: string, lineNo: number): void {
		const tags = parseTagList(comment, ACCOUNT_TAGS);
		const target = this.#declared.get(name);
		if (!tags || !target) return;
		for (const [k, v] of tags) target.tags[k] = v;
		target.line = lineNo;
	}

	#commodityDirective(rest: string, lineNo: number): void {
		const semi = commentStart(rest, 0);
		const body = (semi < 0 ? rest : rest.slice(0, semi)).trim();
		if (/\d/.test(body.replace(/"[^"]*"/g, ''))) this.#commodityFormat(body, lineNo, undefined);
		else {
			const c = body.startsWith('"') && body.endsWith('"') && body.length > 2 ? body.slice(1, -1) : body;
			this.#declaredCommodities.add(c);
			this.#commodity = c;
		}
		this.#mode = 'commodity';
	}

	/** Reads a sample amount ("$1,000.00", "1.000,00 EUR") that declares a commodity's style. */
	#commodityFormat(sample: string, lineNo: number, expected: string | undefined): string | undefined {
		const text = sample.replace(/\s;.*$/, '').trim();
		const num = /[\d.,]*\d[\d.,]*/.exec(text.replace(/"[^"]*"/g, (q) => ' '.repeat(q.length)));
		let mark: DecimalMark = this.#mark;
		if (num) {
			const n = num[0];
			const lastPoint = n.lastIndexOf('.');
			const lastComma = n.lastIndexOf(',');
			if (lastPoint >= 0 && lastComma >= 0) mark = lastPoint > lastComma ? '.' : ',';
			else if (lastComma >= 0)
				mark =
					n.length - lastComma - 1 === 3 && n.indexOf(',') === lastComma && this.#mark === '.' ? '.' : ',';
			else if (lastPoint >= 0) mark = '.';
		}
		const a = parseAmount(text, 0, text.length, { markFor: () => mark, defaultCommodity: '' });
		if (typeof a === 'string' || a.next < text.length) {
			this.#problem(
				lineNo,
				`'${sample}' is not a commodity format (${typeof a === 'string' ? a : 'unexpected text after it'})`
			);
			return undefined;
		}
		if (expected !== undefined && a.commodity !== expected) {
			this.#problem(lineNo, `format '${sample}' is for '${a.commodity}', not '${expected}'`);
			return undefined;
		}
		this.#commodityMark.set(a.commodity, mark);
		this.#declaredCommodities.add(a.commodity);
		this.#notePrecision(a.commodity, a.scale);
		this.#commodity = a.commodity;
		return a.commodity;
	}

	#buildAccounts(): Account[] {
		const declaredType = (full: string): { type: AccountType; subtype?: AccountSubtype } | undefined => {
			const t = this.#declared.get(full)?.tags.type;
			return t === undefined ? undefined : accountTypeFromTag(t);
		};
		const typeOf = new Map<string, AccountType>();
		const ids = new Map<string, string>();
		for (const full of this.#accountOrder) ids.set(full, this.#declared.get(full)?.tags.id || full);
		const guessed = new Set<string>();
		const accounts: Account[] = [];
		for (const full of this.#accountOrder) {
			const cut = full.lastIndexOf(':');
			const parent = cut < 0 ? undefined : full.slice(0, cut);
			const decl = this.#declared.get(full);
			const own = declaredType(full);
			if (decl?.tags.type !== undefined && !own)
				this.#problem(decl.line, `unknown account type '${decl.tags.type}'`);
			let type =
				own?.type ?? (parent !== undefined ? typeOf.get(parent) : undefined) ?? inferAccountType(full);
			if (type === undefined) {
				type = 'asset';
				const top = full.split(':')[0] as string;
				if (!guessed.has(top)) {
					guessed.add(top);
					this.#warn(
						decl?.line ?? 0,
						`account '${top}': type not declared or recognisable from its name; taken as an asset`
					);
				}
			}
			if (parent !== undefined && own && typeOf.get(parent) !== own.type)
				this.#problem(
					decl?.line ?? 0,
					`account '${full}' is declared ${own.type} but its parent is ${String(typeOf.get(parent))}`
				);
			typeOf.set(full, type);
			const account: Mutable<Account> = {
				schemaVersion: LEDGER_SCHEMA_VERSION,
				id: ids.get(full) as string,
				name: cut < 0 ? full : full.slice(cut + 1),
				type
			};
			const tags = decl?.tags ?? {};
			const subtype = tags.subtype ?? own?.subtype;
			if (subtype !== undefined) {
				if (isSubtype(subtype)) account.subtype = subtype;
				else this.#problem(decl?.line ?? 0, `unknown account subtype '${subtype}'`);
			}
			if (tags.code) account.code = tags.code;
			if (parent !== undefined) account.parentId = ids.get(parent) as string;
			if (tags.currency) account.currency = tags.currency;
			if (tags.archived !== undefined) account.archived = tags.archived !== 'false';
			accounts.push(account);
		}
		return accounts;
	}

	/** Streaming result: balances, or 'full' when the journal needs the full reader. */
	balancesResult(): Result<JournalBalances, LedgerError> | 'full' {
		if (this.#needFull) return 'full';
		const r = this.result();
		if (!r.ok) return r;
		const { accounts, commodities, warnings } = r.value;
		const table = (this.#stream as { table: BalanceTable }).table;
		const renamed = accounts.some((a, k) => a.id !== this.#accountOrder[k]);
		if (!renamed) return ok({ accounts, commodities, warnings, balances: table });
		const idOf = new Map(accounts.map((a, k) => [this.#accountOrder[k] as string, a.id]));
		const balances: BalanceTable = new Map(
			[...table].map(([name, sums]) => [idOf.get(name) as string, sums])
		);
		return ok({ accounts, commodities, warnings, balances });
	}

	result(): Result<JournalData, LedgerError> {
		const lineCount = this.#lineCount;
		if (this.#problems.length === 0 && this.#checked.size > 0)
			this.#problems.push(...checkBalances(this.#dates, this.#lines, this.#checked));
		const accounts = this.#problems.length === 0 ? this.#buildAccounts() : [];
		const renamed = accounts.some((a, k) => a.id !== this.#accountOrder[k]);
		if (this.#problems.length > 0) {
			const problems = [...this.#problems].sort((a, b) => a.line - b.line);
			const where = this.#opts.fileName ?? 'journal';
			const first = problems[0] as LineProblem;
			return ledgerError(
				'ledger/parse',
				`${where}:${first.line}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''}`,
				{ file: where, problems, linesRead: lineCount }
			);
		}
		if (this.#entryLine.size > 0 || this.#opts.entryId) {
			const seen = new Map<string, number>();
			for (const e of this.#entries) {
				const entry = e as JournalEntry;
				if (seen.has(entry.id))
					return ledgerError(
						'ledger/parse',
						`${this.#opts.fileName ?? 'journal'}: entry id '${entry.id}' is used twice`,
						{
							file: this.#opts.fileName ?? 'journal',
							problems: [{ line: 0, message: `entry id '${entry.id}' is used twice` }]
						}
					);
				seen.set(entry.id, 0);
			}
		}
		const idOf = new Map(accounts.map((a, k) => [this.#accountOrder[k] as string, a.id]));
		const entries = this.#entries.map((e, k) => {
			const entry = e as Mutable<JournalEntry>;
			if (entry.lines.length === 0) entry.lines = this.#lines[k] as EntryLine[];
			if (renamed) entry.lines = entry.lines.map((l) => ({ ...l, account: idOf.get(l.account) as string }));
			return entry as JournalEntry;
		});
		const commodities: Record<Commodity, CommodityInfo> = {};
		for (const [c, precision] of this.#precision)
			commodities[c] = { precision, declared: this.#declaredCommodities.has(c) };
		for (const c of this.#declaredCommodities) commodities[c] ??= { precision: 0, declared: true };
		return ok({ accounts, entries, commodities, warnings: this.#warnings });
	}
}

/** Reads a journal's text. See the header comment for what is read, skipped and refused. */
export function readJournal(
	text: string,
	options: ReadJournalOptions = {}
): Result<JournalData, LedgerError> {
	const reader = new JournalReader(options);
	reader.run(text);
	return reader.result();
}

/**
 * Reads a journal and sums its balances per account and commodity without keeping its entries:
 * the fast path for a trial balance of a large file. Same checks and errors as `readJournal`;
 * a journal with balance assertions or assignments is read in full (they need the date-ordered
 * pass). `before` leaves out transactions dated on or after it (hledger's exclusive `-e`).
 */
export function readJournalBalances(
	text: string,
	options: ReadJournalOptions & { before?: IsoDate } = {}
): Result<JournalBalances, LedgerError> {
	const reader = new JournalReader(options, { ...(options.before ? { before: options.before } : {}) });
	reader.run(text);
	const streamed = reader.balancesResult();
	if (streamed !== 'full') return streamed;
	const full = readJournal(text, options);
	if (!full.ok) return full;
	const balances: BalanceTable = new Map();
	for (const e of full.value.entries) {
		if (options.before !== undefined && e.date >= options.before) continue;
		for (const l of e.lines) {
			let byCommodity = balances.get(l.account);
			if (!byCommodity) balances.set(l.account, (byCommodity = new Map()));
			let acc = byCommodity.get(l.commodity);
			if (!acc) byCommodity.set(l.commodity, (acc = new ExactSum()));
			acc.addDecimal(l.amount);
		}
	}
	const { accounts, commodities, warnings } = full.value;
	return ok({ accounts, commodities, warnings, balances });
}
