// Which statements of a parsed bank file are written, and where: each linked to a bank account (or
// skipped), empty ones left out, and a statement that does not add up refused unless accepted.
// Invariant: nothing is chosen unless the whole file can be written, and no amount is written with
// more decimal places than its currency has (it is refused, never rounded). Plain functions.
import { bankingProblem, checkStatementPrecision, type Statement } from '$lib/banking/domain';
import type { ParsedFile } from '$lib/banking/worker/api';
import { err, ok, type Result } from '$lib/shared/domain';

export interface ChosenStatement {
	statement: Statement;
	check: ParsedFile['checks'][number] | undefined;
	bankAccountId: string;
}

/** The statements to import into `targets[i]`, or why none may be written. */
export function chooseStatements(
	parsed: ParsedFile,
	targets: readonly (string | null)[],
	acceptMismatch: boolean,
	/** The bank account's currency, or undefined when there is no such bank account. */
	bankAccountCurrency: (id: string) => string | undefined
): Result<ChosenStatement[]> {
	const fail = (code: string, message: string) => err({ code, message });
	const file = parsed.statements[0]?.fileName ?? 'The file';
	if (targets.length !== parsed.statements.length)
		return fail('banking/unlinked', `${file}: link each statement or skip it.`);
	// A statement with no lines (MT940 days without movement) or a skipped one: nothing to store for it.
	const chosen = parsed.statements
		.map((statement, i) => ({ statement, check: parsed.checks[i], bankAccountId: targets[i] }))
		.filter(
			(x): x is typeof x & { bankAccountId: string } => !!x.bankAccountId && x.statement.lines.length > 0
		);
	if (chosen.length === 0)
		return targets.every((t) => t === null)
			? fail('banking/unlinked', `${file}: every statement is skipped; link one to a bank account.`)
			: fail('banking/no-lines', `${file}: the statement has no lines`);
	if (!acceptMismatch && chosen.some((x) => x.check?.status === 'mismatch'))
		return err(bankingProblem('banking/accept-unbalanced'));
	for (const x of chosen) {
		const currency = bankAccountCurrency(x.bankAccountId);
		if (currency === undefined) return err(bankingProblem('banking/bad-account'));
		const precise = checkStatementPrecision(x.statement, currency);
		if (!precise.ok) return precise;
	}
	return ok(chosen);
}
