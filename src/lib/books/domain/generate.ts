// Deterministic, seeded generators of realistic books for tests and benchmarks: the same seed
// always gives the same text or records. Every transaction generated balances exactly.
import type { DecimalString } from '../../shared/domain/money';
import { formatDecimal, formatUnits, seededRandom } from '../../shared/domain';
import { addDays, isoDate, type IsoDate } from '../../shared/domain/dates';
import {
	LEDGER_SCHEMA_VERSION,
	type Account,
	type AccountSubtype,
	type AccountType,
	type EntryLine,
	type JournalEntry
} from './types';

export { seededRandom };

interface Rng {
	next(): number;
	int(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
	chance(p: number): boolean;
}

function rng(seed: number): Rng {
	const next = seededRandom(seed);
	return {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
		chance: (p) => next() < p
	};
}

/** Commodities the generator knows, with the decimals they are written with. */
export const GENERATED_COMMODITIES: Readonly<Record<string, number>> = {
	$: 2,
	EUR: 2,
	'£': 2,
	JPY: 0,
	BTC: 8,
	'ACME 1': 3
};

const CHART: readonly { name: string; type: AccountType; subtype?: AccountSubtype }[] = [
	{ name: 'Assets:Bank:Checking', type: 'asset', subtype: 'bank' },
	{ name: 'Assets:Bank:Savings', type: 'asset', subtype: 'bank' },
	{ name: 'Assets:Cash', type: 'asset', subtype: 'cash' },
	{ name: 'Assets:Receivable', type: 'asset', subtype: 'receivable' },
	{ name: 'Assets:Inventory', type: 'asset', subtype: 'inventory' },
	{ name: 'Assets:Equipment', type: 'asset', subtype: 'fixed-asset' },
	{ name: 'Assets:Equipment:Depreciation', type: 'asset', subtype: 'accumulated-depreciation' },
	{ name: 'Liabilities:Card', type: 'liability', subtype: 'credit-card' },
	{ name: 'Liabilities:Payable', type: 'liability', subtype: 'payable' },
	{ name: 'Liabilities:Tax:Sales', type: 'liability', subtype: 'tax-liability' },
	{ name: 'Liabilities:Loan', type: 'liability', subtype: 'long-term-liability' },
	{ name: 'Equity:Owner', type: 'equity', subtype: 'owner-equity' },
	{ name: 'Equity:Opening Balances', type: 'equity', subtype: 'opening-balance' },
	{ name: 'Equity:Retained Earnings', type: 'equity', subtype: 'retained-earnings' },
	{ name: 'Income:Sales', type: 'income', subtype: 'operating-income' },
	{ name: 'Income:Interest', type: 'income', subtype: 'other-income' },
	{ name: 'Income:Donations', type: 'income', subtype: 'contribution' },
	{ name: 'Expenses:Rent', type: 'expense', subtype: 'operating-expense' },
	{ name: 'Expenses:Food & Drink', type: 'expense', subtype: 'operating-expense' },
	{ name: 'Expenses:Salaries', type: 'expense', subtype: 'payroll-expense' },
	{ name: 'Expenses:Depreciation', type: 'expense', subtype: 'depreciation' },
	{ name: 'Expenses:Office:Supplies', type: 'expense', subtype: 'operating-expense' },
	{ name: 'Expenses:Office:Software', type: 'expense', subtype: 'operating-expense' },
	{ name: 'Expenses:Bank Fees', type: 'expense', subtype: 'operating-expense' }
];
const NAMES = CHART.map((c) => c.name);
const MEMOS = [
	'Coffee',
	'Office rent',
	'Client invoice',
	'Payroll',
	'Card payment',
	'Transfer',
	'Supplies',
	'Interest',
	'Donation'
];
const WORDS = ['alpha', 'beta', 'gamma', 'quarterly', 'receipt', 'checked', 'vendor', 'project', 'misc'];

/** A random amount of a commodity as exact units (rarely huge, to exercise BigInt). */
function randomUnits(r: Rng, scale: number, big: boolean): bigint {
	if (big && r.chance(0.01))
		return BigInt(r.int(1, 9)) * 10n ** BigInt(r.int(16, 22)) + BigInt(r.int(0, 999_999_999));
	const whole = r.chance(0.7) ? r.int(1, 500) : r.chance(0.8) ? r.int(500, 20_000) : r.int(20_000, 5_000_000);
	const frac = scale === 0 ? 0 : r.int(0, 10 ** Math.min(scale, 6) - 1) * 10 ** Math.max(0, scale - 6);
	return BigInt(whole) * 10n ** BigInt(scale) + BigInt(frac);
}

/** Splits a total into `n` positive parts. */
function split(r: Rng, total: bigint, n: number): bigint[] {
	if (n <= 1 || total < BigInt(n)) return [total];
	const parts: bigint[] = [];
	let left = total;
	for (let i = 0; i < n - 1; i++) {
		const share = (left * BigInt(r.int(10, 60))) / 100n;
		const part = share > 0n ? share : 1n;
		parts.push(part);
		left -= part;
	}
	parts.push(left);
	return parts.filter((p) => p > 0n);
}

interface GenLine {
	account: string;
	units: bigint;
	commodity: string;
}

/** One random balanced transaction's lines, in one or two commodities. */
function randomLines(r: Rng, commodities: readonly string[], big: boolean): GenLine[] {
	const c = r.pick(commodities);
	const scale = GENERATED_COMMODITIES[c] ?? 2;
	const total = randomUnits(r, scale, big);
	const debits = split(r, total, r.chance(0.25) ? r.int(2, 3) : 1);
	const credits = split(r, total, r.chance(0.15) ? 2 : 1);
	const lines: GenLine[] = [];
	for (const d of debits) lines.push({ account: r.pick(NAMES), units: d, commodity: c });
	for (const cr of credits) lines.push({ account: r.pick(NAMES), units: -cr, commodity: c });
	if (commodities.length > 1 && r.chance(0.1)) {
		const c2 = r.pick(commodities.filter((x) => x !== c));
		const t2 = randomUnits(r, GENERATED_COMMODITIES[c2] ?? 2, false);
		lines.push({ account: 'Equity:Conversion', units: -t2, commodity: c2 });
		lines.push({ account: r.pick(NAMES), units: t2, commodity: c2 });
	}
	return lines;
}

export interface GenerateJournalOptions {
	readonly seed: number;
	readonly transactions: number;
	/** Commodities to use (keys of GENERATED_COMMODITIES); default ['$']. */
	readonly commodities?: readonly string[];
	readonly startDate?: IsoDate;
	/** Leave one amount out in some transactions (default true). */
	readonly elide?: boolean;
	/** File, transaction and posting comments (default true). */
	readonly comments?: boolean;
	/** Vary date separators, symbol placement, grouping and negative forms (default true). */
	readonly variety?: boolean;
	/** Now and then an amount with more than 15 digits (default false). */
	readonly bigAmounts?: boolean;
}

function writeNumber(r: Rng, units: bigint, scale: number, variety: boolean): { sign: string; body: string } {
	const text = formatUnits(units < 0n ? -units : units, scale);
	const body = variety && scale > 0 && r.chance(0.3) ? formatDecimal(text, { locale: 'en-US' }) : text;
	return { sign: units < 0n ? '-' : '', body };
}

function writeAmount(r: Rng, units: bigint, commodity: string, variety: boolean): string {
	const scale = GENERATED_COMMODITIES[commodity] ?? 2;
	const { sign, body } = writeNumber(r, units, scale, variety);
	const quoted = /^[\p{L}$£€]+$/u.test(commodity) ? commodity : `"${commodity}"`;
	if (commodity.length === 1) {
		if (!variety) return `${commodity}${sign}${body}`;
		return r.pick([
			`${commodity}${sign}${body}`,
			`${sign}${commodity}${body}`,
			`${commodity} ${sign}${body}`
		]);
	}
	if (!variety) return `${sign}${body} ${quoted}`;
	return r.pick([`${sign}${body} ${quoted}`, `${quoted} ${sign}${body}`, `${sign}${body} ${quoted}`]);
}

/** A journal file's text: `transactions` balanced transactions in hledger's format. */
export function generateJournal(options: GenerateJournalOptions): string {
	const r = rng(options.seed);
	const commodities = options.commodities ?? ['$'];
	const variety = options.variety ?? true;
	const comments = options.comments ?? true;
	const elide = options.elide ?? true;
	const out: string[] = [];
	if (comments) out.push(`; generated journal, seed ${options.seed}`, '# another comment style', '');
	for (const a of CHART)
		if (r.chance(0.5))
			out.push(`account ${a.name}${comments && r.chance(0.5) ? '  ; a declared account' : ''}`);
	out.push('');
	let date = options.startDate ?? isoDate(2020, 1, 1);
	for (let t = 0; t < options.transactions; t++) {
		if (r.chance(0.3)) date = addDays(date, 1);
		const sep = variety ? r.pick(['-', '-', '/', '.']) : '-';
		const mark = r.pick(['', '', '* ', '! ']);
		const code = r.chance(0.1) ? `(${r.int(100, 9999)}) ` : '';
		let header = `${date.replaceAll('-', sep)} ${mark}${code}${r.pick(MEMOS)}`;
		if (comments && r.chance(0.1)) header += `  ; ${r.pick(WORDS)} note`;
		out.push(header);
		if (comments && r.chance(0.05)) out.push(`    ; ${r.pick(WORDS)} ${r.pick(WORDS)}`);
		const lines = randomLines(r, commodities, options.bigAmounts ?? false);
		const elided = elide && r.chance(0.3) ? r.int(0, lines.length - 1) : -1;
		for (let i = 0; i < lines.length; i++) {
			const l = lines[i] as GenLine;
			if (i === elided) {
				// The reader infers exactly this line's amount: every other commodity nets to zero.
				out.push(`    ${l.account}`);
				continue;
			}
			let text = `    ${l.account}  ${' '.repeat(r.int(0, 12))}${writeAmount(r, l.units, l.commodity, variety)}`;
			if (comments && r.chance(0.05)) text += `  ; ${r.pick(WORDS)}`;
			out.push(text);
		}
		out.push('');
	}
	return out.join('\n');
}

export interface GeneratedBook {
	readonly accounts: Account[];
	readonly entries: JournalEntry[];
}

/** The generator's chart as Keel accounts (ids are the full names), plus any extra names used. */
export function generatedChart(extra: readonly string[] = ['Equity:Conversion']): Account[] {
	const accounts: Account[] = [];
	const seen = new Set<string>();
	const add = (full: string, type: AccountType, subtype?: AccountSubtype) => {
		const parts = full.split(':');
		for (let i = 1; i <= parts.length; i++) {
			const name = parts.slice(0, i).join(':');
			if (seen.has(name)) continue;
			seen.add(name);
			const leaf = i === parts.length;
			accounts.push({
				schemaVersion: LEDGER_SCHEMA_VERSION,
				id: name,
				name: parts[i - 1] as string,
				type,
				...(leaf && subtype ? { subtype } : {}),
				...(i > 1 ? { parentId: parts.slice(0, i - 1).join(':') } : {})
			});
		}
	};
	for (const a of CHART) add(a.name, a.type, a.subtype);
	for (const name of extra) add(name, 'equity');
	return accounts;
}

export interface GenerateBookOptions {
	readonly seed: number;
	readonly entries: number;
	readonly commodities?: readonly string[];
	readonly startDate?: IsoDate;
	/** Spread entries over this many days (default 730). */
	readonly days?: number;
	/** Put fund/class dimensions, memos, numbers and attachments on some entries (default true). */
	readonly details?: boolean;
}

/** Keel accounts and posted entries, random but balanced; ids are `E<n>`. */
export function generateBook(options: GenerateBookOptions): GeneratedBook {
	const r = rng(options.seed);
	const commodities = options.commodities ?? ['$'];
	const details = options.details ?? true;
	const start = options.startDate ?? isoDate(2023, 1, 1);
	const entries: JournalEntry[] = [];
	for (let n = 0; n < options.entries; n++) {
		const lines: EntryLine[] = randomLines(r, commodities, false).map((l) => {
			const line: { -readonly [K in keyof EntryLine]: EntryLine[K] } = {
				account: l.account,
				amount: formatUnits(l.units, GENERATED_COMMODITIES[l.commodity] ?? 2) as DecimalString,
				commodity: l.commodity
			};
			if (details && r.chance(0.3)) line.dimensions = { fund: r.pick(['unrestricted', 'restricted']) };
			if (details && r.chance(0.2))
				line.dimensions = {
					...line.dimensions,
					class: r.pick(['program', 'management-general', 'fundraising'])
				};
			if (details && r.chance(0.1)) line.memo = `${r.pick(WORDS)} ${r.pick(WORDS)}`;
			return line;
		});
		const entry: { -readonly [K in keyof JournalEntry]: JournalEntry[K] } = {
			schemaVersion: LEDGER_SCHEMA_VERSION,
			id: `E${n}`,
			date: addDays(start, r.int(0, (options.days ?? 730) - 1)),
			memo: r.pick(MEMOS),
			status: 'posted',
			lines
		};
		if (details && r.chance(0.2)) entry.number = String(r.int(1000, 9999));
		if (details && r.chance(0.3)) entry.clearing = r.pick(['pending', 'cleared'] as const);
		if (details && r.chance(0.05)) entry.attachments = [`doc-${r.int(1, 999)}`];
		entries.push(entry);
	}
	return { accounts: generatedChart(), entries };
}
