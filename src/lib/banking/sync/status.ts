// Where a statement's reconciliation stands: its cleared balance (opening + the lines a holding match
// clears; a holding match's bank and ledger sums are equal, so this is also the ledger's side) against the
// statement balance. It can be finished only when the two are equal, to the cent, in exact decimals.
import { fail, type DecimalString } from '$lib/shared/domain';
import { ExactSum } from '$lib/books/domain';
import type { BankLineRecord, Claims, ReconciliationRecord, StatementRecord } from '$lib/banking/domain';

export interface StatementStatus {
	readonly statement: StatementRecord;
	readonly opening: DecimalString;
	/** Where the opening figure comes from. */
	readonly openingFrom: 'statement' | 'previous reconciliation' | 'closing less lines' | 'none (zero)';
	readonly statementBalance: DecimalString;
	readonly cleared: DecimalString;
	/** statementBalance - cleared */
	readonly difference: DecimalString;
	readonly clearedLineIds: string[];
	readonly unclearedLineIds: string[];
	readonly decisionIds: string[];
	readonly finished: ReconciliationRecord | undefined;
	readonly canFinish: boolean;
}

interface Source {
	line(id: string): BankLineRecord | undefined;
	claims(): Claims;
	statements(bankAccountId?: string): StatementRecord[];
	reconciliation(statementId: string): ReconciliationRecord | undefined;
}

export function bankingFail(code: string, message: string) {
	return fail(code, message);
}

export function statementStatus(s: StatementRecord, src: Source): StatementStatus {
	const claims = src.claims();
	const finished = src.reconciliation(s.id);
	const lines = s.lineIds.map((id) => src.line(id)).filter((l): l is BankLineRecord => l !== undefined);
	const linesTotal = new ExactSum();
	for (const l of lines) linesTotal.addDecimal(l.amount);
	let opening: DecimalString;
	let openingFrom: StatementStatus['openingFrom'];
	const previous = src
		.statements(s.bankAccountId)
		.filter((p) => p.id !== s.id && (p.to ?? '') <= (s.from ?? '') && src.reconciliation(p.id))
		.at(-1);
	if (s.opening !== undefined) [opening, openingFrom] = [s.opening, 'statement'];
	else if (previous)
		[opening, openingFrom] = [
			(src.reconciliation(previous.id) as ReconciliationRecord).statementBalance,
			'previous reconciliation'
		];
	else if (s.closing !== undefined)
		[opening, openingFrom] = [
			new ExactSum().addDecimal(s.closing).addSum(linesTotal.clone().negate()).toDecimal(2),
			'closing less lines'
		];
	else [opening, openingFrom] = [new ExactSum().toDecimal(2), 'none (zero)'];
	const statementBalance = s.closing ?? new ExactSum().addDecimal(opening).addSum(linesTotal).toDecimal(2);
	const cleared = new ExactSum().addDecimal(opening);
	const clearedLineIds: string[] = [];
	const unclearedLineIds: string[] = [];
	const decisionIds = new Set<string>();
	for (const l of lines) {
		const d = claims.bankLine.get(l.id);
		if (d !== undefined) {
			cleared.addDecimal(l.amount);
			clearedLineIds.push(l.id);
			decisionIds.add(d);
		} else unclearedLineIds.push(l.id);
	}
	const difference = new ExactSum()
		.addDecimal(statementBalance)
		.addSum(cleared.clone().negate())
		.toDecimal(2);
	return {
		statement: s,
		opening,
		openingFrom,
		statementBalance: new ExactSum().addDecimal(statementBalance).toDecimal(2),
		cleared: cleared.toDecimal(2),
		difference,
		clearedLineIds,
		unclearedLineIds,
		decisionIds: [...decisionIds].sort(),
		finished,
		canFinish: !finished && new ExactSum().addDecimal(difference).isZero()
	};
}
