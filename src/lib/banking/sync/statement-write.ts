// The records importing a bank statement writes: one line record per statement line (its id from
// the bank account and the line's own id, so a line is stored once whoever imports it) and the
// statement record (its id a hash of account, format, balances and lines, so the same statement
// imported twice is one record). Also why a statement may not be imported. Plain functions.
import { cyrb53, type Result } from '$lib/shared/domain';
import {
	BANKING_SCHEMA_VERSION,
	checkBalance,
	type BankLineRecord,
	type BalanceCheck,
	type StatementRecord
} from '$lib/banking/domain';
import { bankingFail } from './status';
import type { StatementInput } from './write-types';

/** The refusal for a statement (unknown account, no lines, not adding up and not accepted), or its balance check. */
export function statementRefusal(
	input: StatementInput,
	hasAccount: (id: string) => boolean
): { refused: Result<never> } | { check: BalanceCheck } {
	const { bankAccountId, statement, acceptMismatch } = input;
	if (!hasAccount(bankAccountId))
		return { refused: bankingFail('banking/bad-account', `No bank account '${bankAccountId}'`) };
	if (statement.lines.length === 0)
		return { refused: bankingFail('banking/no-lines', `${statement.fileName}: the statement has no lines`) };
	const check = checkBalance(statement);
	if (check.status === 'mismatch' && !acceptMismatch)
		return {
			refused: bankingFail(
				'banking/unbalanced',
				`${statement.fileName}: opening ${check.opening} + lines ${check.linesTotal} ≠ closing ${check.closing} (off by ${check.difference}); accept it explicitly to import`
			)
		};
	return { check };
}

/** The line records and the statement record an import writes. */
export function statementRecords(
	input: StatementInput,
	check: BalanceCheck
): { lines: BankLineRecord[]; record: StatementRecord } {
	const { bankAccountId, statement } = input;
	const lines: BankLineRecord[] = statement.lines.map((l) => ({
		schemaVersion: BANKING_SCHEMA_VERSION,
		id: `${bankAccountId}.${l.id}`,
		bankAccountId,
		date: l.date,
		amount: l.amount,
		payee: l.payee,
		memo: l.memo,
		...(l.bankRef ? { bankRef: l.bankRef } : {}),
		...(l.valueDate ? { valueDate: l.valueDate } : {})
	}));
	const lineIds = lines.map((l) => l.id);
	const dates = lines.map((l) => l.date).sort();
	const opening = statement.openingBalance?.amount;
	const closing = statement.closingBalance?.amount;
	const id =
		's' +
		cyrb53(
			`${bankAccountId}|${statement.format}|${opening ?? ''}|${closing ?? ''}|${lineIds.join(',')}`
		).toString(36);
	const record: StatementRecord = {
		schemaVersion: BANKING_SCHEMA_VERSION,
		id,
		bankAccountId,
		fileName: statement.fileName,
		format: statement.format,
		...(dates[0] ? { from: dates[0] } : {}),
		...(dates.at(-1) ? { to: dates.at(-1) } : {}),
		...(opening !== undefined ? { opening } : {}),
		...(closing !== undefined ? { closing } : {}),
		balanceCheck: check.status,
		...(check.status === 'mismatch' ? { difference: check.difference } : {}),
		acceptedMismatch: check.status === 'mismatch',
		lineIds,
		importedAt: input.at,
		importedBy: input.by
	};
	return { lines, record };
}
