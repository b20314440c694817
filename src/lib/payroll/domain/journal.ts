// Turns finalized payslips into one balanced journal: wages and employer costs as debits, taxes,
// deductions and net pay owed as credits. Invariant: the lines sum to zero to the cent, or the
// function refuses (a payslip whose own lines do not add up to its net is never posted).
import type Decimal from 'decimal.js';
import {
	dec,
	fail,
	ok,
	parseDecimal,
	sum,
	toDecimalString,
	type DecimalString,
	type Result
} from '../../shared/domain';
import { fmt } from './format';
import type { Payslip } from './types';

export interface PayrollAccountMap {
	readonly wagesExpense: string;
	readonly employerTaxesExpense: string;
	readonly netPayPayable: string;
	/** Defaults to wagesExpense. */
	readonly reimbursementsExpense?: string;
	/** Defaults to wagesExpense. */
	readonly employerContributionsExpense?: string;
	/** Liability account per line code (e.g. 'US.FIT', 'US.SS.EE', 'DED.401K'). */
	readonly liabilities: Readonly<Record<string, string>>;
	/** Used for any liability code not in `liabilities`; without it an unmapped code is refused. */
	readonly defaultLiability?: string;
}

/** Debit positive, credit negative. */
export interface PayrollJournalLine {
	readonly account: string;
	readonly amount: DecimalString;
}

function amountOf(text: string): Decimal {
	const v = parseDecimal(text);
	if (!v) throw new Error(`payslip amount '${text}' is not a decimal (payslips come from grossToNet)`);
	return v;
}

export function buildPayrollJournal(
	payslips: readonly Payslip[],
	accounts: PayrollAccountMap
): Result<PayrollJournalLine[]> {
	const totals = new Map<string, Decimal>();
	const post = (account: string, amount: Decimal) =>
		totals.set(account, (totals.get(account) ?? dec(0)).plus(amount));
	for (const [i, slip] of payslips.entries()) {
		let paid = dec(0);
		for (const l of slip.lines) {
			const amount = amountOf(l.amount);
			const liability = accounts.liabilities[l.code] ?? accounts.defaultLiability;
			const needsLiability = l.kind !== 'earning';
			if (needsLiability && liability === undefined)
				return fail(
					'payroll/unmapped-account',
					`accountMap.liabilities: no account for line code ${l.code} (payslip ${i})`,
					{ code: l.code, payslip: i }
				);
			switch (l.kind) {
				case 'earning':
					post(
						l.code === 'EARN.REIMBURSEMENT'
							? (accounts.reimbursementsExpense ?? accounts.wagesExpense)
							: accounts.wagesExpense,
						amount
					);
					paid = paid.plus(amount);
					break;
				case 'pre-tax':
				case 'post-tax':
				case 'employee-tax':
					post(liability as string, amount.negated());
					paid = paid.minus(amount);
					break;
				case 'employer-tax':
					post(accounts.employerTaxesExpense, amount);
					post(liability as string, amount.negated());
					break;
				case 'employer-contribution':
					post(accounts.employerContributionsExpense ?? accounts.wagesExpense, amount);
					post(liability as string, amount.negated());
					break;
			}
		}
		const net = amountOf(slip.net);
		if (!paid.equals(net))
			return fail(
				'payroll/payslip-inconsistent',
				`payslips[${i}]: lines give net ${fmt(paid)} but the payslip says ${fmt(net)}`,
				{ payslip: i }
			);
		post(accounts.netPayPayable, net.negated());
	}
	const lines = [...totals.entries()]
		.filter(([, v]) => !v.isZero())
		.map(([account, v]) => ({ account, amount: toDecimalString(v, 2) }));
	const balance = sum(lines.map((l) => amountOf(l.amount)));
	if (!balance.isZero())
		return fail('payroll/journal-unbalanced', `payroll journal is off by ${fmt(balance)}`, {
			balance: balance.toFixed(2)
		});
	return ok(lines);
}
