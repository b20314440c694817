// Writes Keel accounts and entries as an hledger/Ledger journal. Invariant: readJournal(writeJournal(x))
// gives back x (same accounts and entries, field for field); anything the format cannot carry
// without changing its meaning is refused with a reason instead of being written lossily.
import { ok, type Result } from '../../../shared/domain/result';
import { indexAccounts } from '../accounts';
import { ledgerError, type LedgerError } from '../errors';
import { signOfDecimal } from '../../../shared/domain';
import { formatAmount, isWritableCommodity } from '../format';
import { DIMENSION_KEYS, type Account, type EntryLine, type JournalEntry } from '../types';
import { ENTRY_TAGS, formatTagList, LINE_TAGS, parseTagList, TYPE_TAG } from './tags';

export interface WriteJournalOptions {
	readonly accounts: readonly Account[];
	readonly entries: readonly JournalEntry[];
	/** Comment lines for the top of the file. */
	readonly header?: readonly string[];
}

const trimmed = (s: string) => s === s.trim();
const tagValueOk = (s: string) => s !== '' && !/[,;\r\n]/.test(s) && trimmed(s);

function entryProblem(e: JournalEntry): string | undefined {
	if (/[;\r\n]/.test(e.memo) || !trimmed(e.memo))
		return "the memo has ';', a line break, or spaces at an end";
	if (e.clearing === undefined && /^[*!]/.test(e.memo))
		return "the memo starts with '*' or '!' (it would read as a clearing mark)";
	if (e.number === undefined && e.memo.startsWith('('))
		return "the memo starts with '(' (it would read as a number)";
	if (e.number !== undefined && (/[)\r\n]/.test(e.number) || !trimmed(e.number)))
		return "the number has ')', a line break, or spaces at an end";
	if (!tagValueOk(e.id)) return "the id is empty or has ',', ';', spaces at an end or a line break";
	if (e.reverses !== undefined && !tagValueOk(e.reverses))
		return "the reversed entry's id cannot be written as a tag";
	for (const a of e.attachments ?? [])
		if (!tagValueOk(a)) return `attachment '${a}' cannot be written as a tag`;
	for (const line of (e.comment ?? '').split('\n'))
		if (e.comment !== undefined && (!trimmed(line) || parseTagList(line, ENTRY_TAGS)))
			return `comment line '${line}' has spaces at an end or reads as Keel tags`;
	return undefined;
}

function lineProblem(l: EntryLine): string | undefined {
	if (!isWritableCommodity(l.commodity) || (l.cost && !isWritableCommodity(l.cost.commodity)))
		return `commodity '${l.commodity}' has a quote, a line break or spaces at an end`;
	if (l.memo !== undefined && (/[\r\n]/.test(l.memo) || !trimmed(l.memo) || parseTagList(l.memo, LINE_TAGS)))
		return `line memo '${l.memo}' has a line break, spaces at an end, or reads as dimension tags`;
	for (const k of DIMENSION_KEYS) {
		const v = l.dimensions?.[k];
		if (v !== undefined && !tagValueOk(v)) return `${k} '${v}' cannot be written as a tag`;
	}
	if (l.cost && signOfDecimal(l.cost.amount) !== signOfDecimal(l.amount))
		return 'a cost with a sign different from its amount';
	if (l.cost && l.cost.commodity === l.commodity) return 'a cost in the same commodity as its amount';
	return undefined;
}

function writeAccount(a: Account, fullName: string): string {
	const tags: [string, string][] = [['type', TYPE_TAG[a.type]]];
	if (a.subtype) tags.push(['subtype', a.subtype]);
	if (a.code !== undefined) tags.push(['code', a.code]);
	if (a.currency !== undefined) tags.push(['currency', a.currency]);
	if (a.archived !== undefined) tags.push(['archived', String(a.archived)]);
	if (a.id !== fullName) tags.push(['id', a.id]);
	return `account ${fullName}  ; ${formatTagList(tags)}`;
}

function writeLine(l: EntryLine, fullName: string, out: string[]): void {
	let text = `    ${fullName}  ${formatAmount(l.amount, l.commodity)}`;
	if (l.cost) text += ` @@ ${formatAmount(l.cost.amount.replace(/^-/, ''), l.cost.commodity)}`;
	if (l.memo !== undefined) text += `  ; ${l.memo}`;
	out.push(text);
	const dims = DIMENSION_KEYS.flatMap((k) =>
		l.dimensions?.[k] !== undefined ? [[k, l.dimensions[k] as string] as [string, string]] : []
	);
	if (dims.length > 0) out.push(`        ; ${formatTagList(dims)}`);
}

/** The journal text for a chart and its entries, or the reasons it cannot be written faithfully. */
export function writeJournal(options: WriteJournalOptions): Result<string, LedgerError> {
	const index = indexAccounts(options.accounts);
	const problems: string[] = [];
	const out: string[] = [];
	for (const h of options.header ?? []) out.push(`; ${h}`);
	if (out.length > 0) out.push('');
	// Parents before children, as the reader creates them.
	const ordered = [...options.accounts].sort((a, b) => index.depth(a.id) - index.depth(b.id));
	for (const a of ordered) out.push(writeAccount(a, index.fullName(a.id)));
	out.push('');
	for (const e of options.entries) {
		const problem = entryProblem(e);
		if (problem) {
			problems.push(`entry '${e.id}': ${problem}`);
			continue;
		}
		const tags: [string, string][] = [['id', e.id]];
		if (e.status === 'draft') tags.push(['status', 'draft']);
		if (e.reverses !== undefined) tags.push(['reverses', e.reverses]);
		if (e.closing) tags.push(['closing', 'true']);
		for (const a of e.attachments ?? []) tags.push(['attachment', a]);
		const mark = e.clearing === 'cleared' ? '* ' : e.clearing === 'pending' ? '! ' : '';
		const number = e.number !== undefined ? `(${e.number}) ` : '';
		out.push(`${e.date} ${mark}${number}${e.memo}`.trimEnd() + `  ; ${formatTagList(tags)}`);
		if (e.comment !== undefined)
			for (const c of e.comment.split('\n')) out.push(`    ;${c === '' ? '' : ` ${c}`}`);
		for (const l of e.lines) {
			const lp = lineProblem(l);
			if (lp) problems.push(`entry '${e.id}': ${lp}`);
			const account = index.byId.get(l.account);
			if (!account) problems.push(`entry '${e.id}': account '${l.account}' is not in the chart`);
			writeLine(l, account ? index.fullName(l.account) : l.account, out);
		}
		out.push('');
	}
	if (problems.length > 0)
		return ledgerError(
			'ledger/unwritable',
			`Cannot write the journal: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
			{
				problems
			}
		);
	return ok(out.join('\n'));
}
