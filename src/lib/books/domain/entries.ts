// Journal entries: validate, post, reverse. A posted entry is an immutable fact: it has at least two
// lines, balances exactly in every commodity, names only open accounts of the chart, and is dated
// after the lock date. Corrections are new facts (a reversal), never edits.
import { parseIsoDate, type IsoDate } from '../../shared/domain/dates';
import { ok, type Result } from '../../shared/domain/result';
import { ExactSum, negateDecimal, scanDecimal } from '../../shared/domain';
import { formatAmount } from './format';
import { ledgerError, type LedgerError } from './errors';
import {
	DIMENSION_KEYS,
	LEDGER_SCHEMA_VERSION,
	type Account,
	type AccountId,
	type Commodity,
	type EntryId,
	type EntryLine,
	type JournalEntry,
	type MultiAmount
} from './types';

export interface EntryContext {
	/** The chart, by id. */
	readonly accounts: ReadonlyMap<AccountId, Account>;
	/** Entries dated on or before this date are refused. */
	readonly lockDate?: IsoDate;
}

/** The commodity a line balances in and the amount it contributes (its cost when it has one). */
function balancingSide(line: EntryLine): { amount: string; commodity: Commodity } {
	return line.cost ?? line;
}

/**
 * What is left over per commodity when the lines are added up; empty when they balance.
 * Amounts must already be valid decimals.
 */
export function imbalance(lines: readonly EntryLine[]): MultiAmount {
	const sums = new Map<Commodity, ExactSum>();
	for (const line of lines) {
		const side = balancingSide(line);
		let s = sums.get(side.commodity);
		if (!s) sums.set(side.commodity, (s = new ExactSum()));
		s.addDecimal(side.amount);
	}
	const out: Record<Commodity, string> = {};
	for (const [c, s] of sums) if (!s.isZero()) out[c] = s.toDecimal();
	return out as MultiAmount;
}

export function describeMulti(amount: MultiAmount): string {
	return Object.entries(amount)
		.map(([c, v]) => formatAmount(v, c))
		.join(', ');
}

/**
 * Whether two lines in one commodity, without costs, carry amounts that are each other's negation
 * as written ('12.50' and '-12.50'): they balance exactly, with no arithmetic. Most entries are such
 * pairs, and a load checks every entry, so this is the fast path; anything else is summed.
 */
function mirrored(lines: readonly EntryLine[]): boolean {
	if (lines.length !== 2) return false;
	const a = lines[0] as EntryLine;
	const b = lines[1] as EntryLine;
	if (a.cost !== undefined || b.cost !== undefined || a.commodity !== b.commodity) return false;
	return a.amount === `-${b.amount}` || b.amount === `-${a.amount}`;
}

function badValue(text: string): string | undefined {
	return /[\r\n]/.test(text) ? 'contains a line break' : undefined;
}

/** How messages name an entry (built only when there is something to say: loads check every entry). */
function who(entry: JournalEntry): string {
	return `Entry ${entry.id === '' ? '(no id)' : `'${entry.id}'`}${entry.date ? ` of ${entry.date}` : ''}`;
}

/** Checks an entry against the chart and lock date. Returns the entry unchanged when it is valid. */
export function validateEntry(entry: JournalEntry, ctx: EntryContext): Result<JournalEntry, LedgerError> {
	if (entry.schemaVersion !== LEDGER_SCHEMA_VERSION)
		return ledgerError(
			'ledger/bad-entry',
			`${who(entry)}: unknown schemaVersion ${String(entry.schemaVersion)}`,
			{
				entryId: entry.id
			}
		);
	if (typeof entry.id !== 'string' || entry.id === '')
		return ledgerError('ledger/bad-entry', `${who(entry)}: the entry has no id`);
	if (typeof entry.date !== 'string' || !parseIsoDate(entry.date))
		return ledgerError(
			'ledger/bad-date',
			`${who(entry)}: '${String(entry.date)}' is not a date (YYYY-MM-DD)`,
			{
				entryId: entry.id
			}
		);
	if (entry.status !== 'draft' && entry.status !== 'posted')
		return ledgerError('ledger/bad-entry', `${who(entry)}: unknown status '${String(entry.status)}'`, {
			entryId: entry.id
		});
	const textProblem = badValue(entry.memo ?? '') ?? badValue(entry.number ?? '');
	if (textProblem)
		return ledgerError('ledger/bad-entry', `${who(entry)}: memo or number ${textProblem}`, {
			entryId: entry.id
		});
	if (!Array.isArray(entry.lines) || entry.lines.length < 2)
		return ledgerError(
			'ledger/too-few-lines',
			`${who(entry)} has ${entry.lines?.length ?? 0} line(s); an entry needs at least two`,
			{
				entryId: entry.id
			}
		);
	for (let i = 0; i < entry.lines.length; i++) {
		const line = entry.lines[i] as EntryLine;
		if (!scanDecimal(line.amount) || (line.cost !== undefined && !scanDecimal(line.cost.amount)))
			return ledgerError(
				'ledger/bad-amount',
				`${who(entry)}, line ${i + 1}: amount '${line.cost && scanDecimal(line.amount) ? line.cost.amount : line.amount}' is not a plain decimal`,
				{
					entryId: entry.id,
					line: i
				}
			);
		if (typeof line.commodity !== 'string' || /[\r\n]/.test(line.commodity))
			return ledgerError('ledger/bad-amount', `${who(entry)}, line ${i + 1}: bad commodity`, {
				entryId: entry.id,
				line: i
			});
		if (line.cost !== undefined && line.cost.commodity === line.commodity)
			return ledgerError(
				'ledger/bad-amount',
				`${who(entry)}, line ${i + 1}: a cost must be in another commodity than the amount`,
				{
					entryId: entry.id,
					line: i
				}
			);
		const account = ctx.accounts.get(line.account);
		if (!account)
			return ledgerError(
				'ledger/unknown-account',
				`${who(entry)}, line ${i + 1}: account '${line.account}' is not in the chart`,
				{
					entryId: entry.id,
					account: line.account
				}
			);
		if (account.archived)
			return ledgerError(
				'ledger/archived-account',
				`${who(entry)}, line ${i + 1}: account '${account.name}' (${account.id}) is archived`,
				{
					entryId: entry.id,
					account: line.account
				}
			);
		if (line.memo !== undefined && badValue(line.memo))
			return ledgerError('ledger/bad-entry', `${who(entry)}, line ${i + 1}: the memo contains a line break`, {
				entryId: entry.id,
				line: i
			});
		if (line.dimensions !== undefined)
			for (const key of DIMENSION_KEYS) {
				const v = line.dimensions[key];
				if (v !== undefined && (v === '' || /[,;\r\n]/.test(v) || v !== v.trim()))
					return ledgerError(
						'ledger/bad-entry',
						`${who(entry)}, line ${i + 1}: ${key} '${v}' must be non-empty, trimmed, without ',' ';' or line breaks`,
						{
							entryId: entry.id,
							line: i
						}
					);
			}
	}
	const left = mirrored(entry.lines) ? {} : imbalance(entry.lines);
	if (Object.keys(left).length > 0)
		return ledgerError(
			'ledger/unbalanced',
			`${who(entry)} does not balance: ${describeMulti(left)} left over (debits minus credits)`,
			{
				entryId: entry.id,
				imbalance: left
			}
		);
	if (ctx.lockDate !== undefined && entry.date <= ctx.lockDate)
		return ledgerError(
			'ledger/locked-period',
			`${who(entry)} is dated on or before the lock date ${ctx.lockDate}`,
			{
				entryId: entry.id,
				lockDate: ctx.lockDate
			}
		);
	return ok(entry);
}

/** Validates a draft (or already posted) entry and returns it as a frozen posted fact. */
export function postEntry(entry: JournalEntry, ctx: EntryContext): Result<JournalEntry, LedgerError> {
	const checked = validateEntry(entry, ctx);
	if (!checked.ok) return checked;
	return ok(deepFreeze({ ...structuredClone(entry), status: 'posted' }));
}

export interface ReverseOptions {
	readonly entry: JournalEntry;
	/** Id of the new (reversing) entry. */
	readonly id: EntryId;
	/** Date of the reversal; defaults to the original's date. Must be after the lock date. */
	readonly date?: IsoDate;
	readonly memo?: string;
	readonly ctx: EntryContext;
}

/** The mirror of a posted entry: every line negated, posted in one action. */
export function reverseEntry(options: ReverseOptions): Result<JournalEntry, LedgerError> {
	const { entry } = options;
	if (entry.status !== 'posted')
		return ledgerError(
			'ledger/not-posted',
			`Entry '${entry.id}' is a draft: delete or edit it instead of reversing it`,
			{
				entryId: entry.id
			}
		);
	const mirror: JournalEntry = {
		schemaVersion: LEDGER_SCHEMA_VERSION,
		id: options.id,
		date: options.date ?? entry.date,
		memo: options.memo ?? `Reversal of ${entry.number ? `#${entry.number} ` : ''}${entry.memo}`.trimEnd(),
		status: 'posted',
		reverses: entry.id,
		lines: entry.lines.map((line) => {
			const { cost, ...rest } = line;
			const negated: EntryLine = { ...rest, amount: negateDecimal(line.amount) };
			return cost
				? { ...negated, cost: { amount: negateDecimal(cost.amount), commodity: cost.commodity } }
				: negated;
		})
	};
	return postEntry(mirror, options.ctx);
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const v of Object.values(value)) deepFreeze(v);
	}
	return value;
}

/** Only posted entries count in reports. */
export function postedOnly(entries: readonly JournalEntry[]): JournalEntry[] {
	return entries.filter((e) => e.status === 'posted');
}
