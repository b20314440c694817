// Turns matcher input into flat, indexed records once (amounts as integer 1/10000 units, dates as epoch days,
// payee profiles), so the passes compare numbers and never re-parse text in their loops.
import { dec, round, toDecimalString, toEpochDay, type DecimalString } from '../../shared/domain';
import type { BankLineInput, LedgerLineInput } from './match-types';
import { payeeProfile, type PayeeProfile } from './similarity';

export interface Prepared {
	readonly index: number;
	readonly id: string;
	readonly units: number;
	readonly day: number;
	readonly profile: PayeeProfile;
	/** The profile's tokens joined: equal keys mean equal similarity, so scores can be cached by key. */
	readonly key: string;
	readonly text: string;
	readonly bankRef: string;
	readonly reference: string;
	readonly cleared: boolean;
}

/** Decimal string to integer ten-thousandths; exact for every amount a bank writes with up to 4 decimals. */
export function toUnits(amount: string): number {
	const negative = amount.startsWith('-');
	const [int = '0', frac = ''] = (negative ? amount.slice(1) : amount).split('.');
	const units = Number(int) * 10000 + Number((frac + '0000').slice(0, 4));
	return negative ? -units : units;
}

/** Integer ten-thousandths back to a decimal string, cut to cents toward zero (core's `round.down`). */
export function unitsToCents(units: number): DecimalString {
	return toDecimalString(round.down(dec(units).dividedBy(10000), 2), 2);
}

const normRef = (s: string | undefined) => (s ?? '').trim().toUpperCase();

// Payees repeat (the same merchant all year), so profiles are built once per distinct text.
const PROFILE_CACHE_LIMIT = 100_000;
const profileCache = new Map<string, { profile: PayeeProfile; key: string }>();

function profiled(payee: string, memo: string): { profile: PayeeProfile; key: string } {
	const text = payee.trim() === '' ? memo : payee;
	let hit = profileCache.get(text);
	if (!hit) {
		const profile = payeeProfile(text);
		hit = { profile, key: profile.tokens.join(' ') };
		if (profileCache.size >= PROFILE_CACHE_LIMIT) profileCache.clear();
		profileCache.set(text, hit);
	}
	return hit;
}

export function prepareBank(lines: readonly BankLineInput[]): Prepared[] {
	return lines.map((l, index) => ({
		index,
		id: l.id,
		units: toUnits(l.amount),
		day: toEpochDay(l.date),
		...profiled(l.payee, l.memo),
		text: `${l.payee} ${l.memo}`.toUpperCase(),
		bankRef: normRef(l.bankRef),
		reference: '',
		cleared: false
	}));
}

export function prepareLedger(lines: readonly LedgerLineInput[]): Prepared[] {
	return lines.map((l, index) => ({
		index,
		id: l.id,
		units: toUnits(l.amount),
		day: toEpochDay(l.date),
		...profiled(l.payee, l.memo),
		text: `${l.payee} ${l.memo}`.toUpperCase(),
		bankRef: normRef(l.bankRef),
		reference: normRef(l.reference),
		cleared: l.cleared === true
	}));
}

/** Lines grouped by amount, each group sorted by day, for window lookups. */
export function indexByAmount(lines: readonly Prepared[]): Map<number, Prepared[]> {
	const map = new Map<number, Prepared[]>();
	for (const l of lines) {
		const list = map.get(l.units);
		if (list) list.push(l);
		else map.set(l.units, [l]);
	}
	for (const list of map.values()) list.sort((a, b) => a.day - b.day || a.index - b.index);
	return map;
}

/** First index in a day-sorted list with day >= `day`. */
export function lowerBound(list: readonly Prepared[], day: number): number {
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((list[mid] as Prepared).day < day) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
