// Which statements of a parsed bank file are written, and where: each linked to a bank account (or
// skipped), empty ones left out, and a statement that does not add up refused unless accepted.
// Invariant: nothing is chosen unless the whole file can be written. Plain functions.
import type { Statement } from '$lib/banking/domain';
import type { ParsedFile } from '$lib/banking/worker/api';
import type { Verb } from '../../books/state/books.svelte';

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
	hasBankAccount: (id: string) => boolean
): Verb<ChosenStatement[]> {
	const fail = (message: string): Verb<never> => ({ ok: false, message });
	const file = parsed.statements[0]?.fileName ?? 'The file';
	if (targets.length !== parsed.statements.length) return fail(`${file}: link each statement or skip it.`);
	// A statement with no lines (MT940 days without movement) or a skipped one: nothing to store for it.
	const chosen = parsed.statements
		.map((statement, i) => ({ statement, check: parsed.checks[i], bankAccountId: targets[i] }))
		.filter(
			(x): x is typeof x & { bankAccountId: string } => !!x.bankAccountId && x.statement.lines.length > 0
		);
	if (chosen.length === 0)
		return fail(
			targets.every((t) => t === null)
				? `${file}: every statement is skipped; link one to a bank account.`
				: `${file}: the statement has no lines`
		);
	if (!acceptMismatch && chosen.some((x) => x.check?.status === 'mismatch'))
		return fail('The statement does not add up; tick "Import anyway" to import it as it is.');
	for (const x of chosen) if (!hasBankAccount(x.bankAccountId)) return fail('That bank account is not here.');
	return { ok: true, value: chosen };
}
