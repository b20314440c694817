// Seeded, realistic mixed pay cases for the equivalence test and for timing runs (used by tests and
// benchmarks only). Invariant: the same seed and count always give the same cases, byte for byte, and
// every amount is written from whole minor units, so no JS fraction ever reaches a money string.
import { cyrb53, seededRandom, type DecimalString } from '../../shared/domain';
import type {
	Earning,
	EmployerContribution,
	PayCase,
	PostTaxDeduction,
	PreTaxDeduction,
	UkPayCase,
	UsPayCase,
	W4
} from './types';

const D = (s: string) => s as DecimalString;
/** Minor units (cents, pence) as a decimal string with two places. */
const money = (minor: number): DecimalString => {
	const sign = minor < 0 ? '-' : '';
	const abs = Math.abs(Math.trunc(minor));
	return D(`${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`);
};

const US_FREQ: readonly { f: UsPayCase['frequency']; n: number }[] = [
	{ f: 'weekly', n: 52 },
	{ f: 'biweekly', n: 26 },
	{ f: 'semimonthly', n: 24 },
	{ f: 'monthly', n: 12 },
	{ f: 'daily', n: 260 },
	{ f: 'quarterly', n: 4 },
	{ f: 'semiannual', n: 2 },
	{ f: 'annual', n: 1 }
];
const UK_FREQ: readonly { f: UkPayCase['frequency']; n: number }[] = [
	{ f: 'weekly', n: 52 },
	{ f: 'two-weekly', n: 26 },
	{ f: 'four-weekly', n: 13 },
	{ f: 'monthly', n: 12 }
];
const UK_CODES = [
	'1257L',
	'1257L',
	'1257L',
	'1257L',
	'S1257L',
	'C1257L',
	'K475',
	'K1000',
	'SK250',
	'BR',
	'SBR',
	'CBR',
	'D0',
	'D1',
	'SD0',
	'SD1',
	'SD2',
	'SD3',
	'CD1',
	'0T',
	'S0T',
	'NT',
	'45L',
	'1100M',
	'1383N',
	'500T',
	'12570L',
	'1257L M1',
	'1257L W1',
	'1257LX',
	'S1257L/W1',
	'k475 m1',
	' 1257l ',
	'BR X',
	'250L',
	'1000L'
];
const NI = ['A', 'A', 'A', 'A', 'B', 'C', 'H', 'J', 'M', 'V', 'Z'];

export function generateCases(seed: number, count: number): PayCase[] {
	const rand = seededRandom(seed);
	const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
	const chance = (p: number) => rand() < p;
	const out: PayCase[] = [];
	for (let i = 0; i < count; i++) out.push(chance(0.5) ? usCase() : ukCase());
	return out;

	function earnings(periodMinor: number, allowBonus: boolean): Earning[] {
		const list: Earning[] = [];
		if (chance(0.7)) list.push({ kind: 'salary', amount: money(periodMinor) });
		else {
			const hours = int(0, 4000) / 20; // quarter-hours up to 200 h
			list.push({
				kind: 'hourly',
				hours: D(hours.toFixed(2)),
				rate: money(int(900, 9000)),
				label: 'Hours worked'
			});
			if (chance(0.4))
				list.push({
					kind: 'overtime',
					hours: D(String(int(1, 40))),
					rate: money(int(900, 9000)),
					multiplier: D(pick(['1.5', '2', '1.25']))
				});
		}
		if (allowBonus && chance(0.15))
			list.push({
				kind: 'bonus',
				amount: money(int(1_000, 5_000_000)),
				label: chance(0.5) ? 'Commission' : undefined
			});
		if (chance(0.1)) list.push({ kind: 'reimbursement', amount: money(int(100, 50_000)) });
		return list;
	}

	function extras(): { postTax: PostTaxDeduction[]; employerContributions: EmployerContribution[] } {
		const postTax: PostTaxDeduction[] = chance(0.15)
			? [{ code: 'DED.UNION', label: 'Union dues', amount: money(int(0, 5_000)) }]
			: [];
		if (chance(0.01))
			postTax.push({ code: 'DED.LOAN', label: 'Salary advance', amount: money(int(1_000_000, 9_000_000)) }); // may leave net negative
		const employerContributions: EmployerContribution[] = chance(0.25)
			? [{ code: 'ER.PENSION', label: 'Pension match', amount: money(int(0, 60_000)) }]
			: [];
		return { postTax, employerContributions };
	}

	function usCase(): UsPayCase {
		const { f, n } = pick(US_FREQ);
		const annualMinor = chance(0.05) ? int(0, 100_000_000) : int(1_500_000, 30_000_000);
		const periodMinor = Math.round(annualMinor / n);
		const w4: W4 = chance(0.8)
			? {
					version: 2020,
					filingStatus: pick(['single', 'married', 'head'] as const),
					step2: chance(0.2),
					step3: chance(0.3) ? D(String(int(1, 8) * 500)) : D('0'),
					step4a: chance(0.1) ? money(int(0, 2_000_000)) : D('0'),
					step4b: chance(0.1) ? money(int(0, 1_500_000)) : D('0'),
					step4c: chance(0.1) ? money(int(0, 20_000)) : D('0')
				}
			: {
					version: 2019,
					filingStatus: pick(['single', 'married'] as const),
					allowances: int(0, 6),
					additional: chance(0.2) ? money(int(0, 5_000)) : D('0')
				};
		const preTax: PreTaxDeduction[] = [];
		if (chance(0.35))
			preTax.push({ kind: '401k', amount: money(Math.floor((periodMinor * int(0, 15)) / 100)) });
		if (chance(0.25))
			preTax.push({
				kind: 'section125',
				amount: money(Math.min(Math.floor(periodMinor / 4), int(0, 40_000)))
			});
		if (chance(0.03))
			preTax.push({
				kind: 'custom',
				code: 'DED.HSA',
				label: 'HSA',
				amount: money(Math.floor(periodMinor / 20)),
				reduces: ['US.FIT', 'US.SS', 'US.MEDICARE']
			});
		const ytdSs = chance(0.6) ? int(0, 25_000_000) : 0;
		const ytd = {
			socialSecurityWages: money(ytdSs),
			medicareWages: money(chance(0.9) ? ytdSs : int(0, 40_000_000)),
			futaWages: money(chance(0.5) ? int(0, 800_000) : 0),
			supplementalWages: chance(0.02) ? money(int(90_000_000, 110_000_000)) : money(int(0, 500_000))
		};
		const year = pick([2025, 2026]);
		return {
			jurisdiction: 'US',
			taxYear: chance(0.002) ? 2024 : year,
			frequency: f,
			...(chance(0.3)
				? {
						payDate: chance(0.01) ? `${year + 1}-01-15` : `${year}-${String(int(1, 12)).padStart(2, '0')}-15`
					}
				: {}),
			earnings: earnings(periodMinor, true),
			preTax,
			...extras(),
			w4,
			ytd
		} as UsPayCase;
	}

	function ukCase(): UkPayCase {
		const { f, n } = pick(UK_FREQ);
		const annualMinor = chance(0.05) ? int(0, 50_000_000) : int(1_000_000, 20_000_000);
		const periodMinor = Math.round(annualMinor / n);
		const period = int(1, n);
		const preTax: PreTaxDeduction[] = [];
		if (chance(0.25))
			preTax.push({ kind: 'netPayPension', amount: money(Math.floor((periodMinor * int(1, 8)) / 100)) });
		if (chance(0.2))
			preTax.push({ kind: 'salarySacrifice', amount: money(Math.floor((periodMinor * int(1, 10)) / 100)) });
		const ytdPayMinor = chance(0.9)
			? Math.max(0, periodMinor * (period - 1) + int(-50_000, 50_000))
			: int(0, 30_000_000);
		const ytdTaxMinor = chance(0.95) ? Math.floor((ytdPayMinor * int(0, 30)) / 100) : -int(0, 50_000);
		const yearStart = pick([2025, 2026]);
		const taxYear = chance(0.002) ? '2027-28' : `${yearStart}-${String((yearStart + 1) % 100)}`;
		return {
			jurisdiction: 'UK',
			taxYear,
			frequency: f,
			period: chance(0.002) ? n + 1 : period,
			...(chance(0.3)
				? { payDate: chance(0.01) ? `${yearStart}-04-05` : `${yearStart}-0${int(4, 9)}-20` }
				: {}),
			earnings: earnings(periodMinor, true),
			preTax,
			...extras(),
			taxCode: chance(0.003) ? 'K0' : chance(0.003) ? 'XYZ' : pick(UK_CODES),
			basis: chance(0.1) ? 'week1month1' : 'cumulative',
			niCategory: chance(0.003) ? 'Q' : pick(NI),
			ytd: { taxablePay: money(ytdPayMinor), taxPaid: money(ytdTaxMinor) }
		} as UkPayCase;
	}
}

/** cyrb53 digest of a string as 14 hex digits (to record outputs compactly, not for security). */
export function digest(text: string): string {
	return cyrb53(text).toString(16).padStart(14, '0');
}

/** The equivalence snapshot's cases: change only together with equivalence.snapshot.json. */
export const SNAPSHOT_SEED = 20260706;
export const SNAPSHOT_COUNT = 5000;
