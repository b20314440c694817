// The journal entry form's rules, kept out of the component so they are tested on their own: how a
// typed account is found in the chart, how a typed amount is read, the live balance, and turning
// the form's rows into a JournalEntry (posted or draft). Posting rules themselves stay in the ledger.
import {
	ExactSum,
	LEDGER_SCHEMA_VERSION,
	type Account,
	type AccountIndex,
	type EntryLine,
	type JournalEntry,
	type LineDimensions
} from '$lib/books/domain';
import { err, ok, type DecimalString, type IsoDate, type Result } from '$lib/shared/domain';

export interface FormLine {
	/** What the person typed: a full name, a code, or "code · full name" from the list. */
	account: string;
	debit: string;
	credit: string;
	memo: string;
	fund: string;
	class: string;
	department: string;
	tag: string;
}

export interface FormState {
	date: string;
	number: string;
	memo: string;
	commodity: string;
	lines: FormLine[];
}

export const blankLine = (): FormLine => ({
	account: '',
	debit: '',
	credit: '',
	memo: '',
	fund: '',
	class: '',
	department: '',
	tag: ''
});

/** The label a chart account gets in the account picker. */
export function accountLabel(account: Account, fullName: string): string {
	return account.code ? `${account.code} · ${fullName}` : fullName;
}

/**
 * Finds the open account a typed text means: the picker's label, the full name or the code
 * (case-insensitive), else the one account whose leaf name matches. Null when none or ambiguous.
 */
export function resolveAccount(text: string, index: AccountIndex): Account | null {
	const t = text.trim().toLowerCase();
	if (!t) return null;
	const open = [...index.byId.values()].filter((a) => !a.archived);
	const exact = open.find((a) => {
		const full = index.fullName(a.id).toLowerCase();
		return (
			full === t || a.code?.toLowerCase() === t || accountLabel(a, index.fullName(a.id)).toLowerCase() === t
		);
	});
	if (exact) return exact;
	const byLeaf = open.filter((a) => a.name.toLowerCase() === t);
	return byLeaf.length === 1 ? (byLeaf[0] as Account) : null;
}

/** Reads "1,234.50" or "1234.5" as a positive decimal string; null if it is not one. */
export function readAmount(text: string): string | null {
	const t = text.trim().replace(/,(?=\d{3}(\D|$))/g, '');
	if (!/^\d+(\.\d+)?$|^\.\d+$/.test(t)) return null;
	const [int = '0', frac] = (t.startsWith('.') ? `0${t}` : t).split('.');
	const whole = int.replace(/^0+(?=\d)/, '');
	return frac ? `${whole}.${frac}` : whole;
}

export interface Balance {
	debits: string;
	credits: string;
	/** debits - credits; "0" when balanced. */
	difference: string;
	balanced: boolean;
	/** Per-line problems, by row index (unreadable amount, both sides filled). */
	problems: Map<number, string>;
}

/** The live balance of the rows that have an amount, in the form's currency. */
export function formBalance(lines: readonly FormLine[]): Balance {
	const debits = new ExactSum();
	const credits = new ExactSum();
	const problems = new Map<number, string>();
	lines.forEach((l, i) => {
		const d = l.debit.trim();
		const c = l.credit.trim();
		if (d && c) problems.set(i, 'Enter a debit or a credit, not both.');
		if (d) {
			const v = readAmount(d);
			if (v === null) problems.set(i, `Debit "${d}" is not an amount.`);
			else debits.addDecimal(v);
		}
		if (c) {
			const v = readAmount(c);
			if (v === null) problems.set(i, `Credit "${c}" is not an amount.`);
			else credits.addDecimal(v);
		}
	});
	const difference = debits.clone().addSum(credits.clone().negate());
	return {
		debits: debits.toDecimal(),
		credits: credits.toDecimal(),
		difference: difference.isZero() ? '0' : difference.toDecimal(),
		balanced: difference.isZero() && !debits.isZero(),
		problems
	};
}

function dimensions(l: FormLine): LineDimensions | undefined {
	const d: Record<string, string> = {};
	for (const k of ['fund', 'class', 'department', 'tag'] as const) if (l[k].trim()) d[k] = l[k].trim();
	return Object.keys(d).length ? (d as LineDimensions) : undefined;
}

/**
 * The entry the form describes. For posting every used row must name a known open account and one
 * amount; problems come back naming the row. A draft keeps whatever was typed.
 */
export function buildEntry(
	form: FormState,
	ctx: { id: string; index: AccountIndex; status: 'posted' | 'draft' }
): Result<JournalEntry> {
	/** A refusal naming the row or field, under the code of the form's failures. */
	const refuse = (message: string) => err({ code: 'books/entry-form', message });
	const lines: EntryLine[] = [];
	const used = form.lines.filter((l) => l.account.trim() || l.debit.trim() || l.credit.trim());
	for (const [i, l] of used.entries()) {
		const row = `Line ${i + 1}`;
		const account = resolveAccount(l.account, ctx.index);
		const d = readAmount(l.debit);
		const c = readAmount(l.credit);
		if (ctx.status === 'posted') {
			if (!l.account.trim()) return refuse(`${row}: choose an account.`);
			if (!account) return refuse(`${row}: there is no open account "${l.account.trim()}".`);
			if (l.debit.trim() && l.credit.trim()) return refuse(`${row}: enter a debit or a credit, not both.`);
			if (d === null && c === null) return refuse(`${row}: enter an amount.`);
		}
		const amount = (d !== null ? d : c !== null ? (c === '0' ? c : `-${c}`) : '') as DecimalString;
		const commodity = account?.currency ?? form.commodity;
		const dims = dimensions(l);
		lines.push({
			account: account?.id ?? l.account.trim(),
			amount,
			commodity,
			...(l.memo.trim() ? { memo: l.memo.trim() } : {}),
			...(dims ? { dimensions: dims } : {})
		});
	}
	if (ctx.status === 'posted' && !/^\d{4}-\d{2}-\d{2}$/.test(form.date))
		return refuse('Date: required (YYYY-MM-DD).');
	const entry: JournalEntry = {
		schemaVersion: LEDGER_SCHEMA_VERSION,
		id: ctx.id,
		date: form.date as IsoDate,
		memo: form.memo.trim(),
		status: ctx.status,
		lines,
		...(form.number.trim() ? { number: form.number.trim() } : {})
	};
	return ok(entry);
}

/** The form rows for an existing entry or draft (a copy, a draft reopened). */
export function formFromEntry(entry: JournalEntry, index: AccountIndex, commodity: string): FormState {
	const lines = entry.lines.map((l) => {
		const a = index.byId.get(l.account);
		const neg = l.amount.startsWith('-');
		return {
			account: a ? accountLabel(a, index.fullName(a.id)) : l.account,
			debit: l.amount && !neg ? l.amount : '',
			credit: neg ? l.amount.slice(1) : '',
			memo: l.memo ?? '',
			fund: l.dimensions?.fund ?? '',
			class: l.dimensions?.class ?? '',
			department: l.dimensions?.department ?? '',
			tag: l.dimensions?.tag ?? ''
		};
	});
	while (lines.length < 2) lines.push(blankLine());
	return {
		date: entry.date,
		number: entry.number ?? '',
		memo: entry.memo,
		commodity: entry.lines[0]?.commodity ?? commodity,
		lines
	};
}

/** What a new row should hold so the entry balances (QuickBooks fills it in the same way). */
export function balancingLine(lines: readonly FormLine[]): FormLine {
	const b = formBalance(lines);
	const line = blankLine();
	if (b.difference === '0') return line;
	if (b.difference.startsWith('-')) line.debit = b.difference.slice(1);
	else line.credit = b.difference;
	return line;
}
