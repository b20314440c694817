// Realistic labelled matching cases with ground truth, generated from a seed (same seed, same cases), and the
// precision/recall measure used to hold the matcher to its goals.
import {
	addDays,
	dec,
	isoDate,
	seededRandom,
	toDecimalString,
	type DecimalString,
	type IsoDate
} from '../../shared/domain';
import type { BankLineInput, LedgerLineInput, MatchResult } from './match-types';

export type TruthKind =
	| 'one-to-one'
	| 'reference'
	| 'duplicate'
	| 'split-deposit'
	| 'split-payment'
	| 'fee'
	| 'bank-noise'
	| 'ledger-noise';

export interface TruthGroup {
	readonly kind: TruthKind;
	readonly bankIds: readonly string[];
	readonly ledgerIds: readonly string[];
}

export interface ReconCases {
	readonly bankLines: BankLineInput[];
	readonly ledgerLines: LedgerLineInput[];
	readonly truth: TruthGroup[];
}

// Ledger name, then the ways banks print it.
const MERCHANTS: readonly (readonly [string, readonly string[]])[] = [
	['Amazon', ['AMZN MKTP US*2K3', 'AMAZON.COM*M12AB', 'Amazon Mktp DE']],
	['Starbucks', ['STARBUCKS STORE 07604', 'STARBUCKS #1234 SEATTLE']],
	['Verizon Wireless', ['VERIZON DES:PAYMENTREC', 'VZWRLSS*APOCC VISB']],
	['Shell', ['SHELL OIL 57444', 'Shell Gas purchase']],
	['Walmart', ['WAL-MART #1234', 'WALMART SUPERCENTER']],
	['Comcast', ['COMCAST CABLE COMM', 'COMCAST XFINITY']],
	['Office Depot', ['OFFICE DEPOT #512', 'OFFICEDEPOT.COM']],
	['Uber', ['UBER *TRIP HELP.UBER.COM', 'UBER TRIP 8ZK2']],
	['Adobe', ['ADOBE *CREATIVE CLOUD', 'ADOBE SYSTEMS']],
	['Staples', ['STAPLES 00123', 'STAPLES DIRECT']],
	['Delta Air Lines', ['DELTA AIR 0062341234', 'DELTA AIRLINES']],
	['Home Depot', ['THE HOME DEPOT #0612', 'HOMEDEPOT.COM']],
	['Google Workspace', ['GOOGLE *GSUITE_ACME', 'GOOGLE WORKSPACE']],
	['Dropbox', ['DROPBOX*8KX2N', 'DROPBOX INC']],
	['FedEx', ['FEDEX 78123456', 'FEDEX OFFICE 0512']],
	['Costco', ['COSTCO WHSE #0123', 'COSTCO GAS 0123']]
];
const CUSTOMERS = [
	'Acme Corp',
	'Globex Ltd',
	'Initech',
	'Umbrella GmbH',
	'Stark Industries',
	'Wayne Enterprises',
	'Hooli',
	'Vandelay Industries',
	'Soylent Co',
	'Tyrell Corp'
];
const NOISE_PAYEES = [
	'ATM WITHDRAWAL 0421',
	'INTEREST PAID',
	'CASH DEPOSIT BRANCH 12',
	'CHECK 1043',
	'TRANSFER FROM SAVINGS',
	'PAYROLL ADP'
];

function money(cents: number): DecimalString {
	return toDecimalString(dec(cents).dividedBy(100), 2);
}

/** About `n` bank lines with ledger counterparts where they have one, plus ledger-only noise; truth lists every group. */
export function generateReconCases(seed: number, n: number): ReconCases {
	const rnd = seededRandom(seed);
	const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
	const start = isoDate(2025, 1, 1);
	const bankLines: BankLineInput[] = [];
	const ledgerLines: LedgerLineInput[] = [];
	const truth: TruthGroup[] = [];
	let b = 0;
	let l = 0;
	let e = 0;
	const bank = (date: IsoDate, cents: number, payee: string, memo = '', bankRef?: string) => {
		const id = `b${b++}`;
		bankLines.push({ id, date, amount: money(cents), payee, memo, ...(bankRef ? { bankRef } : {}) });
		return id;
	};
	const ledger = (date: IsoDate, cents: number, payee: string, extra: Partial<LedgerLineInput> = {}) => {
		const id = `l${l++}`;
		ledgerLines.push({ id, entryId: `e${e++}`, date, amount: money(cents), payee, memo: '', ...extra });
		return id;
	};
	const spend = () => -(rnd() < 0.3 ? pick([350, 999, 1299, 1549, 2500, 5000]) : int(300, 150000));
	while (bankLines.length < n) {
		const day = addDays(start, int(0, 360));
		const lag = int(0, 4);
		const r = rnd();
		if (r < 0.58) {
			const [name, variants] = pick(MERCHANTS);
			const cents = spend();
			const lid = ledger(day, cents, name);
			truth.push({
				kind: 'one-to-one',
				bankIds: [bank(addDays(day, lag), cents, pick(variants))],
				ledgerIds: [lid]
			});
		} else if (r < 0.64) {
			const [name, variants] = pick(MERCHANTS);
			const cents = spend();
			const ref = `FIT${seed}-${b}`;
			const lid = ledger(day, cents, name, { bankRef: ref, cleared: true });
			truth.push({
				kind: 'reference',
				bankIds: [bank(addDays(day, lag), cents, pick(variants), '', ref)],
				ledgerIds: [lid]
			});
		} else if (r < 0.69) {
			const cents = -pick([350, 425, 495]);
			const ids = [ledger(day, cents, 'Starbucks'), ledger(day, cents, 'Starbucks')];
			truth.push({
				kind: 'duplicate',
				bankIds: [bank(day, cents, 'STARBUCKS STORE 07604'), bank(day, cents, 'STARBUCKS STORE 07604')],
				ledgerIds: ids
			});
		} else if (r < 0.75) {
			const customer = pick(CUSTOMERS);
			const parts = Array.from({ length: int(2, 4) }, () => int(5000, 250000));
			const ids = parts.map((c) =>
				ledger(addDays(day, -int(0, 3)), c, customer, { reference: `INV-${int(1000, 9999)}` })
			);
			const total = parts.reduce((s, c) => s + c, 0);
			truth.push({
				kind: 'split-deposit',
				bankIds: [bank(addDays(day, lag), total, `${customer.toUpperCase()} PAYMENT`)],
				ledgerIds: ids
			});
		} else if (r < 0.78) {
			const [name, variants] = pick(MERCHANTS);
			const first = int(1000, 40000);
			const second = int(1000, 40000);
			const lid = ledger(day, -(first + second), name);
			truth.push({
				kind: 'split-payment',
				bankIds: [
					bank(addDays(day, lag), -first, pick(variants)),
					bank(addDays(day, lag + int(0, 2)), -second, pick(variants))
				],
				ledgerIds: [lid]
			});
		} else if (r < 0.87) {
			truth.push({
				kind: 'fee',
				bankIds: [
					bank(
						day,
						-pick([250, 500, 1200, 1500, 3500]),
						pick(['MONTHLY SERVICE FEE', 'WIRE TRANSFER FEE', 'OVERDRAFT FEE'])
					)
				],
				ledgerIds: []
			});
		} else if (r < 0.93) {
			truth.push({
				kind: 'bank-noise',
				bankIds: [bank(day, rnd() < 0.5 ? spend() : int(1000, 90000), pick(NOISE_PAYEES))],
				ledgerIds: []
			});
		} else {
			const [name] = pick(MERCHANTS);
			truth.push({ kind: 'ledger-noise', bankIds: [], ledgerIds: [ledger(day, spend(), name)] });
		}
	}
	return { bankLines, ledgerLines, truth };
}

export interface MatchQuality {
	readonly autoAccepted: number;
	readonly autoAcceptedCorrect: number;
	readonly precision: number;
	readonly matchableGroups: number;
	readonly recalledGroups: number;
	readonly recall: number;
}

/**
 * Precision of auto-accepted proposals and recall of all proposals (suggestions) against the truth. Lines that no
 * matcher could tell apart (same date, amount and text on the same side) are interchangeable: a one-to-one match
 * is right when it pairs a twin of a truly paired bank line with a twin of its ledger line.
 */
export function evaluateMatches(cases: ReconCases, result: MatchResult): MatchQuality {
	const truth = cases.truth;
	const sig = (l: { date: string; amount: string; payee: string; memo: string }) =>
		`${l.date}|${l.amount}|${l.payee}|${l.memo}`;
	const bankSig = new Map(cases.bankLines.map((l) => [l.id, sig(l)]));
	const ledgerSig = new Map(cases.ledgerLines.map((l) => [l.id, sig(l)]));
	const truePairs = new Set<string>();
	for (const g of truth)
		if (
			g.bankIds.length > 0 &&
			g.ledgerIds.length > 0 &&
			(g.kind === 'duplicate' || (g.bankIds.length === 1 && g.ledgerIds.length === 1))
		)
			for (const b of g.bankIds)
				for (const l of g.ledgerIds) truePairs.add(`${bankSig.get(b)}#${ledgerSig.get(l)}`);
	const groupOf = new Map<string, TruthGroup>();
	for (const g of truth)
		for (const id of [...g.bankIds.map((x) => 'B' + x), ...g.ledgerIds.map((x) => 'L' + x)])
			groupOf.set(id, g);
	const correctFor = new Map<TruthGroup, number>();
	let auto = 0;
	let autoOk = 0;
	for (const m of result.matches) {
		const ids = [...m.bankLineIds.map((x) => 'B' + x), ...m.ledgerLineIds.map((x) => 'L' + x)];
		const g = groupOf.get(ids[0] as string);
		let correct =
			g !== undefined &&
			ids.every((id) => groupOf.get(id) === g) &&
			g.bankIds.length > 0 &&
			g.ledgerIds.length > 0;
		if (correct && g && g.kind !== 'duplicate')
			correct = m.bankLineIds.length === g.bankIds.length && m.ledgerLineIds.length === g.ledgerIds.length;
		if (correct && g && g.kind === 'duplicate')
			correct = m.bankLineIds.length === 1 && m.ledgerLineIds.length === 1;
		if (correct && g) correctFor.set(g, (correctFor.get(g) ?? 0) + 1);
		const twinRight =
			m.bankLineIds.length === 1 &&
			m.ledgerLineIds.length === 1 &&
			truePairs.has(
				`${bankSig.get(m.bankLineIds[0] as string)}#${ledgerSig.get(m.ledgerLineIds[0] as string)}`
			);
		if (m.autoAccept) {
			auto++;
			if (correct || twinRight) autoOk++;
		}
	}
	const matchable = truth.filter((g) => g.bankIds.length > 0 && g.ledgerIds.length > 0);
	const recalled = matchable.filter(
		(g) => (correctFor.get(g) ?? 0) >= (g.kind === 'duplicate' ? 2 : 1)
	).length;
	return {
		autoAccepted: auto,
		autoAcceptedCorrect: autoOk,
		precision: auto === 0 ? 1 : autoOk / auto,
		matchableGroups: matchable.length,
		recalledGroups: recalled,
		recall: matchable.length === 0 ? 1 : recalled / matchable.length
	};
}
