// Builders for test cases (used by the tests beside this file only). Invariant: defaults are the
// neutral case (no deductions, no year-to-date), so each test states only what it is about.
import type { DecimalString } from '../../shared/domain';
import type { Earning, Payslip, PreTaxDeduction, UkPayCase, UsPayCase, W4 } from './types';

const D = (s: string) => s as DecimalString;

export function usCase(p: {
	year?: number;
	frequency?: UsPayCase['frequency'];
	gross?: string;
	earnings?: Earning[];
	w4?: Partial<Extract<W4, { version: 2020 }>> | Extract<W4, { version: 2019 }>;
	preTax?: PreTaxDeduction[];
	ytd?: Partial<Record<keyof UsPayCase['ytd'], string>>;
	postTax?: UsPayCase['postTax'];
	employerContributions?: UsPayCase['employerContributions'];
}): UsPayCase {
	const w4: W4 =
		p.w4 && 'version' in p.w4 && p.w4.version === 2019
			? p.w4
			: {
					version: 2020,
					filingStatus: 'single',
					step2: false,
					step3: D('0'),
					step4a: D('0'),
					step4b: D('0'),
					step4c: D('0'),
					...(p.w4 as object)
				};
	return {
		jurisdiction: 'US',
		taxYear: p.year ?? 2026,
		frequency: p.frequency ?? 'biweekly',
		earnings: p.earnings ?? [{ kind: 'salary', amount: D(p.gross ?? '0') }],
		preTax: p.preTax ?? [],
		postTax: p.postTax ?? [],
		employerContributions: p.employerContributions ?? [],
		w4,
		ytd: {
			socialSecurityWages: D(p.ytd?.socialSecurityWages ?? '0'),
			medicareWages: D(p.ytd?.medicareWages ?? '0'),
			futaWages: D(p.ytd?.futaWages ?? '0'),
			supplementalWages: D(p.ytd?.supplementalWages ?? '0')
		}
	};
}

export function ukCase(p: {
	year?: string;
	frequency?: UkPayCase['frequency'];
	period?: number;
	gross?: string;
	earnings?: Earning[];
	code?: string;
	basis?: UkPayCase['basis'];
	ni?: string;
	preTax?: PreTaxDeduction[];
	ytdPay?: string;
	ytdTax?: string;
	postTax?: UkPayCase['postTax'];
}): UkPayCase {
	return {
		jurisdiction: 'UK',
		taxYear: p.year ?? '2025-26',
		frequency: p.frequency ?? 'monthly',
		period: p.period ?? 1,
		earnings: p.earnings ?? [{ kind: 'salary', amount: D(p.gross ?? '0') }],
		preTax: p.preTax ?? [],
		postTax: p.postTax ?? [],
		employerContributions: [],
		taxCode: p.code ?? '1257L',
		basis: p.basis ?? 'cumulative',
		niCategory: p.ni ?? 'A',
		ytd: { taxablePay: D(p.ytdPay ?? '0'), taxPaid: D(p.ytdTax ?? '0') }
	};
}

export function amountOf(slip: Payslip, code: string): string | undefined {
	return slip.lines.find((l) => l.code === code)?.amount;
}
