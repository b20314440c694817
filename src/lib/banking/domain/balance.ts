// A statement is only trusted when opening balance + the sum of its lines = closing balance; when the file lacks
// either balance the check says 'n/a' rather than guessing.
import { Dec, sum, toDecimalString } from '../../shared/domain';
import type { BalanceCheck, Statement } from './types';

export function checkBalance(
	statement: Pick<Statement, 'openingBalance' | 'closingBalance' | 'lines'>
): BalanceCheck {
	const { openingBalance, closingBalance } = statement;
	if (!openingBalance || !closingBalance)
		return {
			status: 'n/a',
			reason:
				!openingBalance && !closingBalance
					? 'no balances in the file'
					: !openingBalance
						? 'no opening balance'
						: 'no closing balance'
		};
	const total = sum(statement.lines.map((l) => new Dec(l.amount)));
	const opening = new Dec(openingBalance.amount);
	const closing = new Dec(closingBalance.amount);
	const difference = closing.minus(opening.plus(total));
	const figures = {
		opening: openingBalance.amount,
		closing: closingBalance.amount,
		linesTotal: toDecimalString(total, 2)
	};
	if (difference.isZero()) return { status: 'ok', ...figures };
	return { status: 'mismatch', ...figures, difference: toDecimalString(difference, 2) };
}

/** One word for several statements of a file: any mismatch wins, then any ok, else n/a. */
export function summariseChecks(checks: readonly BalanceCheck[]): 'ok' | 'mismatch' | 'n/a' {
	if (checks.some((c) => c.status === 'mismatch')) return 'mismatch';
	if (checks.some((c) => c.status === 'ok')) return 'ok';
	return 'n/a';
}
