// Period lock and year-end close. Invariant: after the closing entry every income and expense
// account has a zero balance as of the year end, and the net moved to retained earnings (or, for a
// nonprofit, to net assets of each fund) is exactly the year's result, to the last digit.
import type { IsoDate } from '../../shared/domain/dates';
import type { Result } from '../../shared/domain/result';
import { isProfitAndLoss } from './accounts';
import { postEntry, type EntryContext } from './entries';
import { ledgerError, type LedgerError } from './errors';
import { ExactSum } from '../../shared/domain';
import {
	LEDGER_SCHEMA_VERSION,
	type AccountId,
	type Commodity,
	type EntryId,
	type EntryLine,
	type JournalEntry
} from './types';
import { UNRESTRICTED } from './reports/nonprofit';

/** True when a date falls in the locked period (on or before the lock date). */
export function isLocked(date: IsoDate, lockDate: IsoDate | undefined): boolean {
	return lockDate !== undefined && date <= lockDate;
}

export interface CloseYearOptions {
	readonly entries: readonly JournalEntry[];
	readonly ctx: EntryContext;
	/** Last day of the fiscal year; the closing entry is dated on it. */
	readonly yearEnd: IsoDate;
	readonly id: EntryId;
	/** For-profit: the retained earnings account. */
	readonly retainedEarnings?: AccountId;
	/** Nonprofit: the net assets account of each fund ('unrestricted', 'restricted', ...). */
	readonly netAssetsByFund?: Readonly<Record<string, AccountId>>;
}

/**
 * The closing entry for a year: income and expense balances (as of the year end, per commodity,
 * and per fund for a nonprofit) reversed into retained earnings or net assets.
 */
export function closeYear(options: CloseYearOptions): Result<JournalEntry, LedgerError> {
	const { ctx } = options;
	const byFund = options.netAssetsByFund;
	if (!byFund && options.retainedEarnings === undefined)
		return ledgerError(
			'ledger/bad-entry',
			'Year-end close needs a retained earnings account, or net assets accounts by fund'
		);
	// account -> fund -> commodity -> sum
	const sums = new Map<string, ExactSum>();
	const key = (account: string, fund: string, commodity: string) =>
		JSON.stringify([account, fund, commodity]);
	for (const e of options.entries) {
		if (e.status !== 'posted' || e.date > options.yearEnd) continue;
		for (const l of e.lines) {
			const account = ctx.accounts.get(l.account);
			if (!account || !isProfitAndLoss(account.type)) continue;
			const k = key(l.account, byFund ? (l.dimensions?.fund ?? UNRESTRICTED) : '', l.commodity);
			let s = sums.get(k);
			if (!s) sums.set(k, (s = new ExactSum()));
			s.addDecimal(l.amount);
		}
	}
	const lines: EntryLine[] = [];
	const offsets = new Map<string, ExactSum>();
	for (const k of [...sums.keys()].sort()) {
		const s = sums.get(k) as ExactSum;
		if (s.isZero()) continue;
		const [account, fund, commodity] = JSON.parse(k) as [AccountId, string, Commodity];
		lines.push({
			account,
			amount: s.clone().negate().toDecimal(),
			commodity,
			...(byFund ? { dimensions: { fund } } : {})
		});
		const offsetKey = JSON.stringify([fund, commodity]);
		let o = offsets.get(offsetKey);
		if (!o) offsets.set(offsetKey, (o = new ExactSum()));
		o.addSum(s);
	}
	if (lines.length === 0)
		return ledgerError(
			'ledger/nothing-to-close',
			`Nothing to close: income and expenses are zero at ${options.yearEnd}`
		);
	for (const [k, o] of offsets) {
		if (o.isZero()) continue;
		const [fund, commodity] = JSON.parse(k) as [string, Commodity];
		const target = byFund ? byFund[fund] : options.retainedEarnings;
		if (target === undefined)
			return ledgerError('ledger/unknown-account', `No net assets account is given for fund '${fund}'`, {
				fund
			});
		lines.push({
			account: target,
			amount: o.toDecimal(),
			commodity,
			...(byFund ? { dimensions: { fund } } : {})
		});
	}
	return postEntry(
		{
			schemaVersion: LEDGER_SCHEMA_VERSION,
			id: options.id,
			date: options.yearEnd,
			memo: `Year-end close ${options.yearEnd}`,
			status: 'posted',
			closing: true,
			lines
		},
		ctx
	);
}
