// Reads the hledger/Ledger journal format (a common subset) into Keel accounts and entries with a
// hand-written line scanner. Invariant: the result is all or nothing: either every transaction was
// read and balances exactly (and every balance assertion holds), or the result is an error listing
// each problem with its line number, and nothing is imported. Directives that would change the
// meaning of amounts or names if skipped (include, alias, apply account, ...) are errors; those
// that don't (P, tag, payee, periodic and automated transactions) are skipped with a warning.
import type { IsoDate } from '../../../shared/domain/dates';
import { ok, type Result } from '../../../shared/domain/result';
import type { LedgerError, LineProblem } from '../errors';
import type { EntryLine, JournalEntry } from '../types';
import { checkBalances } from './assertions';
import {
	addPostingComment,
	imbalanceMessage,
	parsePosting,
	residual,
	settle,
	sumPostings,
	type Transaction
} from './transaction';
import { DIGIT, isSpace, REFUSED, SKIPPED } from './directives';
import { JournalDates } from './dates';
import { addTxComment, readHeader } from './header';
import { AccountNames } from './account-names';
import { Commodities } from './commodities';
import { addToTable, duplicateIdFailure, entryTags, makeEntry, parseFailure, sumEntries } from './assemble';
import type {
	BalanceTable,
	JournalBalances,
	JournalData,
	Mutable,
	ProblemSink,
	ReadJournalOptions
} from './read-types';

export type {
	BalanceTable,
	CommodityInfo,
	JournalBalances,
	JournalData,
	ReadJournalOptions
} from './read-types';

type Mode = 'none' | 'tx' | 'skip' | 'account' | 'commodity';

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
	readonly #sink: ProblemSink = {
		problem: (line, message) => this.#problem(line, message),
		warn: (line, message) => this.#warn(line, message)
	};
	readonly #accounts = new AccountNames(this.#sink);
	readonly #commodities = new Commodities(this.#sink);
	readonly #dateReader = new JournalDates(this.#sink);
	readonly #style = this.#commodities.style;
	readonly #intern = this.#accounts.intern;
	#mode: Mode = 'none';
	#tx: Transaction | undefined;
	#txBroken = false;
	#account: string | undefined;
	#blockEnd: string | undefined;
	/** Streaming mode: sum balances as transactions settle, keep no entries. */
	readonly #stream: { before?: IsoDate; table: BalanceTable } | undefined;
	/** Streaming met an assertion or assignment: the caller must read again in full. */
	#needFull = false;

	constructor(options: ReadJournalOptions, stream?: { before?: IsoDate }) {
		this.#opts = options;
		this.#stream = stream ? { ...stream, table: new Map() } : undefined;
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
			else addTxComment(tx, comment);
			return;
		}
		const p = parsePosting(text, i, end, lineNo, this.#style, this.#intern);
		if (typeof p === 'string') {
			this.#problem(lineNo, p);
			this.#txBroken = true;
			return;
		}
		if (p.amount) {
			this.#commodities.notePrecision(p.amount.commodity, p.amount.scale);
			if (p.cost) this.#commodities.notePrecision(p.cost.commodity, p.cost.scale);
		} else if (p.assertion) tx.hasAssignment = true;
		if (p.assertion) tx.hasAssertion = true;
		tx.postings.push(p);
	}

	#indented(line: string, i: number, lineNo: number): void {
		switch (this.#mode) {
			case 'account': {
				if (line.charCodeAt(i) === 59)
					this.#accounts.tags(this.#account as string, line.slice(i + 1), lineNo);
				return;
			}
			case 'commodity': {
				const m = /^format\s+(.+)$/.exec(line.slice(i));
				if (m) this.#commodities.format(m[1] as string, lineNo, this.#commodities.current);
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

	#header(line: string, lineNo: number): void {
		const tx = readHeader(line, lineNo, this.#dateReader, this.#sink);
		if (!tx) return this.#brokenTx();
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
		const tags = entryTags(tx);
		if (typeof tags === 'string') return this.#problem(tx.line, tags);
		let id = tags.id;
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
		this.#entries.push(makeEntry(tx, id, tags, lines));
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
		addToTable(stream.table, tx);
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
				{
					const name = this.#accounts.declare(line.slice(sp + 1), lineNo);
					if (name === undefined) return;
					this.#account = name;
					this.#mode = 'account';
					return;
				}
			case 'commodity':
				this.#commodities.directive(rest, lineNo);
				this.#mode = 'commodity';
				return;
			case 'decimal-mark':
				if (rest !== '.' && rest !== ',')
					return this.#problem(lineNo, `decimal-mark must be '.' or ',', not '${rest}'`);
				this.#commodities.mark = rest;
				return;
			case 'D': {
				const c = this.#commodities.format(rest, lineNo, undefined);
				if (c !== undefined) this.#style.defaultCommodity = c;
				return;
			}
			case 'Y':
			case 'year': {
				if (!/^\d{4}$/.test(rest)) return this.#problem(lineNo, `'${rest}' is not a year`);
				this.#dateReader.year = Number(rest);
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

	/** Streaming result: balances, or 'full' when the journal needs the full reader. */
	balancesResult(): Result<JournalBalances, LedgerError> | 'full' {
		if (this.#needFull) return 'full';
		const r = this.result();
		if (!r.ok) return r;
		const { accounts, commodities, warnings } = r.value;
		const order = this.#accounts.order;
		const table = (this.#stream as { table: BalanceTable }).table;
		const renamed = accounts.some((a, k) => a.id !== order[k]);
		if (!renamed) return ok({ accounts, commodities, warnings, balances: table });
		const idOf = new Map(accounts.map((a, k) => [order[k] as string, a.id]));
		const balances: BalanceTable = new Map(
			[...table].map(([name, sums]) => [idOf.get(name) as string, sums])
		);
		return ok({ accounts, commodities, warnings, balances });
	}

	result(): Result<JournalData, LedgerError> {
		const lineCount = this.#lineCount;
		const order = this.#accounts.order;
		if (this.#problems.length === 0 && this.#checked.size > 0)
			this.#problems.push(...checkBalances(this.#dates, this.#lines, this.#checked));
		const accounts = this.#problems.length === 0 ? this.#accounts.build() : [];
		const renamed = accounts.some((a, k) => a.id !== order[k]);
		const where = this.#opts.fileName ?? 'journal';
		if (this.#problems.length > 0) return parseFailure(this.#problems, where, lineCount);
		if (this.#entryLine.size > 0 || this.#opts.entryId) {
			const twice = duplicateIdFailure(this.#entries, where);
			if (twice) return twice;
		}
		const idOf = new Map(accounts.map((a, k) => [order[k] as string, a.id]));
		const entries = this.#entries.map((e, k) => {
			const entry = e as Mutable<JournalEntry>;
			if (entry.lines.length === 0) entry.lines = this.#lines[k] as EntryLine[];
			if (renamed) entry.lines = entry.lines.map((l) => ({ ...l, account: idOf.get(l.account) as string }));
			return entry as JournalEntry;
		});
		return ok({ accounts, entries, commodities: this.#commodities.info(), warnings: this.#warnings });
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
	const balances = sumEntries(full.value.entries, options.before);
	const { accounts, commodities, warnings } = full.value;
	return ok({ accounts, commodities, warnings, balances });
}
