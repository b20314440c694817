// Which ledger account a new bank account posts into: an open bank, cash or credit card account of
// the chart, or a new one made under the chart's root of its type. Plain functions over the chart;
// BankingState writes the bank account itself.
import type { Account, AccountSubtype } from '$lib/books/domain';
import type { BooksState } from '../../books/state/books.svelte';
import { bankingProblem } from '$lib/banking/domain';
import { err, ok, type Result } from '$lib/shared/domain';

/** Ledger subtypes a bank account can post into. */
export const BANK_SUBTYPES: readonly AccountSubtype[] = ['bank', 'cash', 'credit-card'];

export interface NewBankAccount {
	readonly name: string;
	readonly institution: string;
	readonly currency: string;
	readonly identifier: string;
	/** An existing ledger account, or a new one made under the chart's root of its type. */
	readonly ledger:
		{ existing: string } | { create: { name: string; subtype: 'bank' | 'cash' | 'credit-card' } };
}

/** Ledger accounts a bank account can link to (open asset/liability accounts of a bank-like subtype). */
export function linkableAccounts(accounts: readonly Account[]): Account[] {
	return accounts.filter(
		(a) =>
			!a.archived &&
			(a.type === 'asset' || a.type === 'liability') &&
			a.subtype !== undefined &&
			BANK_SUBTYPES.includes(a.subtype)
	);
}

/** The id of the ledger account the new bank account posts into, making it first if asked. */
export function ledgerAccountFor(input: NewBankAccount, books: BooksState): Result<string> {
	if ('existing' in input.ledger) {
		const existing = input.ledger.existing;
		if (!linkableAccounts(books.accounts).some((a) => a.id === existing))
			return err(bankingProblem('banking/ledger-account'));
		return ok(existing);
	}
	const { name, subtype } = input.ledger.create;
	const type = subtype === 'credit-card' ? 'liability' : 'asset';
	const parent = books.accounts.find((a) => a.type === type && !a.parentId && !a.archived);
	const made = books.createAccount({
		name: name.trim() || input.name.trim(),
		type,
		subtype,
		...(parent ? { parentId: parent.id } : {}),
		...(input.currency ? { currency: input.currency } : {})
	});
	return made.ok ? ok(made.value.id) : made;
}
