// The leave ledger replays one leave year in date order: carried-in days, policy credits (stopped at
// the cap), manual grants and adjustments, days taken, and the expiry of unused carried days. Taken
// days use carried days first; adjustments are corrections and leave the carried days alone. Every figure is a sum of entries; nothing is stored between calls.
import { addMonths, dec, sum, ZERO, type Dec, type IsoDate } from '../../../shared/domain';
import type { LeaveYear } from './calendar';
import type { Credit } from './accrual';
import type { DayUnit } from './requests';
import type { LeaveAdjustment, LeaveGrant, LeavePolicy } from './types';

export type EntryKind = 'carriedIn' | 'expiry' | 'accrual' | 'grant' | 'adjustment' | 'taken';

export interface LedgerEntry {
	readonly date: IsoDate;
	readonly kind: EntryKind;
	/** Signed effect on the balance as applied (after the cap). */
	readonly days: Dec;
	/** For accruals: what the cap kept out. */
	readonly lostToCap: Dec;
	readonly sourceId: string;
	/** Balance after this entry. */
	readonly balance: Dec;
	/** Carried-in days still unused after this entry. */
	readonly carriedLeft: Dec;
}

export interface YearLedger {
	readonly year: LeaveYear;
	readonly carriedIn: Dec;
	readonly expiryDate: IsoDate | null;
	readonly entries: readonly LedgerEntry[];
	readonly closing: Dec;
	readonly carriedOut: Dec;
	readonly forfeited: Dec;
}

interface Pending {
	readonly date: IsoDate;
	readonly kind: EntryKind;
	readonly days: Dec;
	readonly sourceId: string;
}

const ORDER: Readonly<Record<EntryKind, number>> = {
	carriedIn: 0,
	expiry: 1,
	accrual: 2,
	grant: 2,
	adjustment: 3,
	taken: 4
};

export function runYear({
	policy,
	year,
	carriedIn,
	credits,
	grants,
	adjustments,
	taken
}: {
	policy: LeavePolicy;
	year: LeaveYear;
	carriedIn: Dec;
	credits: readonly Credit[];
	grants: readonly LeaveGrant[];
	adjustments: readonly LeaveAdjustment[];
	taken: readonly DayUnit[];
}): YearLedger {
	const months = policy.carryOver?.expiresAfterMonths ?? null;
	const expiryDate = months === null ? null : addMonths(year.start, months);
	const inYear = (d: IsoDate) => d >= year.start && d <= year.end;
	const pending: Pending[] = [
		{ date: year.start, kind: 'carriedIn', days: carriedIn, sourceId: `carry:${year.start}` },
		...(expiryDate !== null && inYear(expiryDate)
			? [{ date: expiryDate, kind: 'expiry' as const, days: ZERO, sourceId: `expiry:${expiryDate}` }]
			: []),
		...credits
			.filter((c) => inYear(c.date))
			.map((c) => ({ date: c.date, kind: 'accrual' as const, days: c.days, sourceId: c.sourceId })),
		...grants
			.filter((g) => inYear(g.date))
			.map((g) => ({ date: g.date, kind: 'grant' as const, days: dec(g.days), sourceId: g.id })),
		...adjustments
			.filter((a) => inYear(a.date))
			.map((a) => ({ date: a.date, kind: 'adjustment' as const, days: dec(a.days), sourceId: a.id })),
		...taken
			.filter((t) => inYear(t.date))
			.map((t) => ({ date: t.date, kind: 'taken' as const, days: t.days.negated(), sourceId: t.requestId }))
	];
	pending.sort((a, b) =>
		a.date < b.date
			? -1
			: a.date > b.date
				? 1
				: ORDER[a.kind] - ORDER[b.kind] || (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0)
	);

	const cap = policy.capDays === null ? null : dec(policy.capDays);
	let balance: Dec = ZERO;
	let carriedLeft: Dec = ZERO;
	const entries: LedgerEntry[] = [];
	for (const p of pending) {
		let applied = p.days;
		let lost: Dec = ZERO;
		if (p.kind === 'carriedIn') {
			carriedLeft = maxDec(p.days, ZERO);
		} else if (p.kind === 'expiry') {
			// Only days still in the balance can expire (a negative adjustment may have removed some).
			applied = minDec(carriedLeft, maxDec(balance, ZERO)).negated();
			carriedLeft = ZERO;
		} else if (p.kind === 'accrual' && cap !== null) {
			applied = maxDec(ZERO, minDec(p.days, cap.minus(balance)));
			lost = p.days.minus(applied);
		}
		if (p.kind === 'taken') {
			const usable = expiryDate === null || p.date < expiryDate ? carriedLeft : ZERO;
			carriedLeft = carriedLeft.minus(minDec(usable, applied.negated()));
		}
		balance = balance.plus(applied);
		entries.push({
			date: p.date,
			kind: p.kind,
			days: applied,
			lostToCap: lost,
			sourceId: p.sourceId,
			balance,
			carriedLeft
		});
	}
	const closing = balance;
	const carriedOut = closing.lte(0)
		? closing
		: policy.carryOver
			? minDec(closing, dec(policy.carryOver.maxDays))
			: ZERO;
	return { year, carriedIn, expiryDate, entries, closing, carriedOut, forfeited: closing.minus(carriedOut) };
}

function maxDec(a: Dec, b: Dec): Dec {
	return a.gte(b) ? a : b;
}

function minDec(a: Dec, b: Dec): Dec {
	return a.lte(b) ? a : b;
}

export function total(entries: readonly LedgerEntry[], kind: EntryKind): Dec {
	return sum(entries.filter((e) => e.kind === kind).map((e) => e.days));
}
