// Bank amounts are never rounded on the way in: a statement line, split or balance written with more
// decimal places than its currency has (12.345 in a USD file) is refused, naming the file, the line
// and the amount, so the person corrects the file rather than Keel moving money by a fraction.
import { Dec, minorUnits, ok, type Result } from '../../shared/domain';
import { bankFail } from './text';
import type { Statement } from './types';

/** The statement, checked against the decimal places of its own currency, else the bank account's. */
export function checkStatementPrecision(statement: Statement, accountCurrency: string): Result<true> {
	const currency = statement.currency ?? accountCurrency;
	const places = minorUnits(currency);
	const file = statement.fileName;
	const refuse = (amount: string, where: { line?: number; field: string }) =>
		bankFail(
			'banking/too-precise',
			{ file, ...where },
			`${amount} has more decimal places than ${currency} amounts have (${places}). Keel does not round bank amounts: correct the file and import it again`,
			{ amount, currency, places }
		);
	const tooPrecise = (amount: string) => new Dec(amount).decimalPlaces() > places;
	for (const [field, balance] of [
		['opening balance', statement.openingBalance],
		['closing balance', statement.closingBalance]
	] as const)
		if (balance && tooPrecise(balance.amount)) return refuse(balance.amount, { field });
	for (const line of statement.lines) {
		if (tooPrecise(line.amount)) return refuse(line.amount, { line: line.sourceLine, field: 'amount' });
		for (const [i, split] of (line.splits ?? []).entries())
			if (tooPrecise(split.amount))
				return refuse(split.amount, { line: line.sourceLine, field: `split ${i + 1} amount` });
	}
	return ok(true);
}
