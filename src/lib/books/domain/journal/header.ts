// Reads a transaction's first line (date[=date2] [*|!] [(code)] description [; comment]) and the
// comments that follow it. Invariant: a transaction is returned only with a valid date; a header
// that fails reports why at its line, and its postings are then skipped.
import type { Clearing } from '../types';
import { ENTRY_TAGS, parseTagList } from './tags';
import type { Transaction } from './transaction';
import type { JournalDates } from './dates';
import { isSpace } from './directives';
import type { ProblemSink } from './read-types';

/** A transaction comment: entry tags (id:, status:, ...) if it holds them, else free text. */
export function addTxComment(tx: Transaction, text: string): void {
	const tags = parseTagList(text, ENTRY_TAGS);
	if (tags) tx.tags.push(...tags);
	else tx.comment.push(text.trim());
}

/** The transaction a header line opens, or undefined (problem reported) when it cannot be read. */
export function readHeader(
	line: string,
	lineNo: number,
	dates: JournalDates,
	report: ProblemSink
): Transaction | undefined {
	let i = 0;
	while (i < line.length && !isSpace(line.charCodeAt(i)) && line.charCodeAt(i) !== 59) i++;
	let dateText = line.slice(0, i);
	const eq = dateText.indexOf('=');
	if (eq >= 0) {
		if (!dates.parse(dateText.slice(eq + 1), lineNo)) return undefined;
		dateText = dateText.slice(0, eq);
	}
	const date = dates.parse(dateText, lineNo);
	if (!date) return undefined;
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
			report.problem(lineNo, "the code '(' has no closing ')'");
			return undefined;
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
	if (semi >= 0) addTxComment(tx, line.slice(semi + 1));
	return tx;
}
