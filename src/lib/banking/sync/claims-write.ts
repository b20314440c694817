// Whether a match may be written: an accept needs at least one bank and one ledger line, none of
// them claimed (already, or earlier in the same batch) or locked by a finished reconciliation, and
// equal bank and ledger sums on lines that are here. Also the record finishing a statement writes.
// Plain functions over what BankingReplica holds.
import { ok, type Result } from '$lib/shared/domain';
import { ExactSum } from '$lib/books/domain';
import {
	BANKING_SCHEMA_VERSION,
	refKey,
	type BankAccountRecord,
	type BankLineRecord,
	type Claims,
	type MatchDecision,
	type ReconciliationRecord
} from '$lib/banking/domain';
import { bankingFail, type StatementStatus } from './status';
import type { AcceptInput, LedgerView, Stamp } from './write-types';

/** Why an accept cannot count (lines missing, amounts differ), or null when it can. */
export function unusableBecause(
	d: Pick<MatchDecision, 'bankAccountId' | 'bankLineIds' | 'ledgerLines'>,
	bankAccounts: ReadonlyMap<string, BankAccountRecord>,
	bankLines: ReadonlyMap<string, BankLineRecord>,
	ledgerView: LedgerView | null
): string | null {
	const account = bankAccounts.get(d.bankAccountId);
	if (!account) return 'the bank account is not here (yet)';
	const bank = new ExactSum();
	for (const id of d.bankLineIds) {
		const line = bankLines.get(id);
		if (!line || line.bankAccountId !== d.bankAccountId) return `bank line ${id} is not here (yet)`;
		bank.addDecimal(line.amount);
	}
	const ledger = new ExactSum();
	for (const r of d.ledgerLines) {
		const line = ledgerView?.entry(r.entryId)?.lines[r.lineIndex];
		if (!line) return `ledger line ${refKey(r)} is not a counted entry line`;
		if (line.account !== account.ledgerAccountId)
			return `ledger line ${refKey(r)} is not in the linked account`;
		ledger.addDecimal(line.amount);
	}
	if (bank.toDecimal(2) !== ledger.toDecimal(2))
		return `the bank lines add up to ${bank.toDecimal(2)} and the ledger lines to ${ledger.toDecimal(2)}`;
	return null;
}

/** Why a match cannot be accepted (lines claimed, here or in `bank`/`ledger`; sums differ), or null. */
export function acceptRefusal(
	c: Claims,
	input: AcceptInput,
	bank: ReadonlySet<string>,
	ledger: ReadonlySet<string>,
	unusable: (d: AcceptInput) => string | null
): Result<never> | null {
	if (input.bankLineIds.length === 0 || input.ledgerLines.length === 0)
		return bankingFail('banking/bad-match', 'A match needs at least one bank line and one ledger line');
	for (const l of input.bankLineIds) {
		if (c.lockedLines.has(l))
			return bankingFail('banking/locked', 'That bank line belongs to a finished reconciliation');
		if (c.bankLine.has(l) || bank.has(l))
			return bankingFail('banking/claimed', 'That bank line is already matched');
	}
	for (const r of input.ledgerLines)
		if (c.ledgerLine.has(refKey(r)) || ledger.has(refKey(r)))
			return bankingFail(
				'banking/claimed',
				`Ledger line ${refKey(r)} is already matched to another bank line`
			);
	const why = unusable(input);
	return why ? bankingFail('banking/bad-match', `Cannot match: ${why}`) : null;
}

/** The reconciliation record finishing a statement writes, or why it cannot be finished. */
export function reconciliationFor(
	statementId: string,
	status: StatementStatus | undefined,
	stamp: Stamp
): Result<ReconciliationRecord> {
	if (!status) return bankingFail('banking/no-statement', `No statement '${statementId}'`);
	if (status.finished) return bankingFail('banking/locked', 'This statement is already finished');
	if (!status.canFinish)
		return bankingFail(
			'banking/not-reconciled',
			`Cleared balance ${status.cleared} differs from the statement balance ${status.statementBalance} by ${status.difference}`
		);
	return ok({
		schemaVersion: BANKING_SCHEMA_VERSION,
		id: statementId,
		bankAccountId: status.statement.bankAccountId,
		statementBalance: status.statementBalance,
		clearedBalance: status.cleared,
		lineIds: status.clearedLineIds,
		decisionIds: status.decisionIds,
		finishedAt: stamp.at,
		by: stamp.by
	});
}
