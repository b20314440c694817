// The Banking codes and the words a person sees for each (registered in the one map of
// shared/domain/messages). Failures that name a file, a line or an amount carry their own sentence;
// these words are what the code means on its own.
import { defineMessages, problem, type DomainError } from '../../shared/domain';

export const BANKING_MESSAGES = defineMessages({
	'banking/bad-account': 'That bank account is not here.',
	'banking/bad-amount': 'An amount in the statement is not a plain decimal.',
	'banking/bad-csv': 'The CSV file could not be read.',
	'banking/bad-date': 'A date in the statement is not a calendar date.',
	'banking/bad-mapping': 'The CSV columns are not mapped correctly.',
	'banking/bad-match': 'That match does not hold.',
	'banking/bad-rule': 'The rule is not filled in correctly.',
	'banking/bad-syntax': 'The statement file is not well formed.',
	'banking/bank-error': 'The statement file reports an error from the bank.',
	'banking/claimed': 'That bank line is already matched.',
	'banking/empty-file': 'The file is empty.',
	'banking/load-failed': 'The bank statements could not be read.',
	'banking/locked': 'That match is part of a finished reconciliation.',
	'banking/match-failed': 'The matcher could not make proposals.',
	'banking/match-stale': 'The proposals changed meanwhile; ask again.',
	'banking/missing-field': 'The statement lacks a field it needs.',
	'banking/no-lines': 'The statement has no lines.',
	'banking/no-statement': 'That statement is not here.',
	'banking/not-reconciled': 'The statement does not reconcile yet.',
	'banking/parse-failed': 'The statement file could not be read.',
	'banking/unbalanced': 'The statement does not add up.',
	'banking/too-precise': 'An amount has more decimal places than its currency has; Keel does not round it.',
	'banking/unknown-format': 'This is not a bank statement format Keel reads.',
	'banking/loading': 'Banking is still loading.',
	'banking/name-required': 'Name: required.',
	'banking/choose-account': 'Account: choose where this money came from or went to.',
	'banking/rule-account': 'Account: choose the account the rule posts to.',
	'banking/closed-account': 'Account: choose an open account of the chart.',
	'banking/ledger-account': 'Ledger account: choose a bank, cash or credit card account.',
	'banking/no-currency': 'The bank account has no currency.',
	'banking/split-mismatch': (d) =>
		`The split adds up to ${String(d.total ?? '?')}, not the line's ${String(d.amount ?? '?')}.`,
	'banking/bad-dimension': 'A dimension may not hold commas, semicolons or line breaks.',
	'banking/unlinked': 'Link each statement or skip it.',
	'banking/accept-unbalanced': 'The statement does not add up; tick "Import anyway" to import it as it is.',
	'banking/not-caught-up': 'The matcher could not catch up with the books; try again.'
});

export type BankingCode = keyof typeof BANKING_MESSAGES;

/** A Banking failure worded by the map. */
export function bankingProblem(code: BankingCode, details?: Readonly<Record<string, unknown>>): DomainError {
	return problem(code, details);
}
