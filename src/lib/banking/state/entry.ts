// The journal entry "Create entry" posts for a bank line: the bank account against one account or
// a rule's split (which must add up to the line, negated), and the "payee equals" rule that
// remembers the choice. Plain functions; BankingState posts, matches and saves through its replicas.
import {
	LEDGER_SCHEMA_VERSION,
	negateDecimal,
	type Account,
	type EntryLine,
	type JournalEntry
} from '$lib/books/domain';
import {
	bankingProblem,
	type BankAccountRecord,
	type BankLineRecord,
	type ProposedLine,
	type RuleDimension
} from '$lib/banking/domain';
import { Dec, err, type Result } from '$lib/shared/domain';
import { newId } from '../../shared/state/ids';
import type { RuleParts } from './rule-form';

/** What "Create entry" posts against the bank line. */
export interface EntryFromLine {
	/** The income, expense or other account on the other side. */
	readonly account: string;
	readonly memo: string;
	readonly dimensions?: Readonly<Partial<Record<RuleDimension, string>>>;
	/** Add a "payee equals" rule proposing this account, memo and dimensions next time. */
	readonly remember?: boolean;
	/** A rule's split: these offset lines (summing to the bank line negated) replace account and dimensions. */
	readonly split?: readonly ProposedLine[];
}

/** The balanced entry for a bank line, or why it cannot be made. */
export function entryForLine(p: {
	account: BankAccountRecord;
	line: BankLineRecord;
	ledger: Account | undefined;
	input: EntryFromLine;
	dimensions: Partial<Record<RuleDimension, string>>;
}): Result<JournalEntry> {
	const { account, line, input, dimensions } = p;
	const commodity = p.ledger?.currency ?? account.currency;
	if (!commodity) return err(bankingProblem('banking/no-currency'));
	const memo = input.memo.trim();
	const split = input.split ?? [];
	if (split.length > 0) {
		const total = split.reduce((t, l) => t.plus(l.amount), new Dec(0));
		if (!total.eq(new Dec(line.amount).negated()))
			return err(
				bankingProblem('banking/split-mismatch', {
					total: total.negated().toFixed(Math.max(2, total.decimalPlaces())),
					amount: line.amount
				})
			);
	}
	const offsets: EntryLine[] = split.length
		? split.map((l) => ({
				account: l.account,
				amount: l.amount,
				commodity,
				...(Object.keys(l.dimensions).length ? { dimensions: { ...l.dimensions } } : {})
			}))
		: [
				{
					account: input.account,
					amount: negateDecimal(line.amount),
					commodity,
					...(Object.keys(dimensions).length ? { dimensions } : {})
				}
			];
	return {
		ok: true,
		value: {
			schemaVersion: LEDGER_SCHEMA_VERSION,
			id: newId(),
			date: line.date,
			memo: memo || line.payee || line.memo,
			status: 'posted',
			clearing: 'cleared',
			lines: [{ account: account.ledgerAccountId, amount: line.amount, commodity }, ...offsets]
		}
	};
}

/** The "payee equals" rule remembering this choice, or null when not asked for (or not possible). */
export function rememberedRule(
	line: BankLineRecord,
	input: EntryFromLine,
	dimensions: Partial<Record<RuleDimension, string>>
): RuleParts | null {
	const memo = input.memo.trim();
	if (!input.remember || (input.split ?? []).length !== 0 || !line.payee.trim()) return null;
	return {
		name: `Payee ${line.payee.trim()}`,
		conditions: { payee: { test: 'equals', text: line.payee.trim() } },
		outcome: {
			account: input.account,
			...(memo && memo !== line.payee.trim() ? { memo } : {}),
			...(Object.keys(dimensions).length ? { dimensions } : {})
		}
	};
}
